import { describe, expect, it } from 'vitest';
import { countryOfLocale, findPhones, normalisePhone } from './normalise-phone.ts';
import { boundedText, PASTE_MAX } from './paste-limits.ts';

describe('normalisePhone', () => {
  it('writes a number with its country code in international format', () => {
    expect(normalisePhone('+49 (0)30 123 45 67')).toBe('+49 30 1234567');
    expect(normalisePhone('+1-415-555-0132')).toBe('+1 415 555 0132');
  });

  it('reads a number without a country code as one of the default country', () => {
    expect(normalisePhone('0171 2345678', 'DE')).toBe('+49 171 2345678');
    expect(normalisePhone('(415) 555-0132', 'US')).toBe('+1 415 555 0132');
  });

  it('reads nothing when the country is unknown, the number invalid, or the text holds more than a number', () => {
    expect(normalisePhone('0171 2345678')).toBeUndefined();
    expect(normalisePhone('0171 2345678', 'US')).toBeUndefined();
    expect(normalisePhone('call +49 30 1234567 after 5', 'DE')).toBeUndefined();
    expect(normalisePhone('Berlin', 'DE')).toBeUndefined();
  });
});

describe('findPhones', () => {
  it('finds numbers with their country code anywhere, and national ones only when told the text is a phone', () => {
    const text = 'Visit 10115 Berlin or call +49 30 1234567';
    expect(
      findPhones(text, { defaultCountry: 'DE', national: false }).map((found) => found.international),
    ).toEqual(['+49 30 1234567']);
    expect(
      findPhones('030 1234567', { defaultCountry: 'DE', national: true }).map((found) => [
        found.international,
        found.countryAssumed,
      ]),
    ).toEqual([['+49 30 1234567', true]]);
  });

  it('does not take the tail of a number it cannot read for a number of its own', () => {
    expect(findPhones('+44 7700 900123', { defaultCountry: 'DE', national: true })).toEqual([]);
  });
});

describe('countryOfLocale', () => {
  it('takes the region of a locale as Pipedrive or the browser writes it', () => {
    expect(countryOfLocale('en_US')).toBe('US');
    expect(countryOfLocale('de-DE')).toBe('DE');
    expect(countryOfLocale('pt-BR')).toBe('BR');
    expect(countryOfLocale(undefined)).toBeUndefined();
    expect(countryOfLocale('not a locale!')).toBeUndefined();
  });
});

describe('boundedText', () => {
  it('cuts text at the limit, never inside a character', () => {
    expect(boundedText('short')).toEqual({ text: 'short', cut: false });
    const long = `${'a'.repeat(PASTE_MAX - 1)}😀tail`;
    const bounded = boundedText(long);
    expect(bounded.cut).toBe(true);
    expect(bounded.text).toBe('a'.repeat(PASTE_MAX - 1));
  });
});
