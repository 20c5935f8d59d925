import { describe, expect, it } from 'vitest';
import { readNumber } from './parse-field-text.ts';

describe('readNumber', () => {
  it('reads spaces as thousands separators and a typographic minus', () => {
    expect(readNumber('1 500.50')).toEqual({ kind: 'decimal', value: 1500.5, decimals: 1 });
    expect(readNumber('\u221240')).toEqual({ kind: 'whole', value: -40, decimals: 0 });
  });

  it('refuses commas rather than guess which mark they are', () => {
    expect(readNumber('1,500')).toEqual({ kind: 'not-a-number' });
  });

  it('refuses more than 15 significant digits instead of storing a rounded number', () => {
    expect(readNumber('123456789012345')).toMatchObject({ kind: 'whole', value: 123456789012345 });
    expect(readNumber('0.000123456789012345')).toMatchObject({ kind: 'decimal' });
    expect(readNumber('1500000000000000000')).toMatchObject({ kind: 'whole' });
    expect(readNumber('1234567890123456')).toEqual({ kind: 'too-many-digits' });
    expect(readNumber('12345678901234567890')).toEqual({ kind: 'too-many-digits' });
    expect(readNumber('1.0000000000000001')).toEqual({ kind: 'too-many-digits' });
  });
});
