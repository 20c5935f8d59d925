import { describe, expect, it } from 'vitest';
import { leadAge } from './lead-age.ts';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('leadAge', () => {
  it('says how long ago in the largest unit that fits, as a rep says it', () => {
    expect(leadAge(ago(20), NOW, 'en-US')).toBe('just now');
    expect(leadAge(ago(5 * 60), NOW, 'en-US')).toBe('5 minutes ago');
    expect(leadAge(ago(3600), NOW, 'en-US')).toBe('1 hour ago');
    expect(leadAge(ago(26 * 3600), NOW, 'en-US')).toBe('yesterday');
    expect(leadAge(ago(3 * 24 * 3600 + 60), NOW, 'en-US')).toBe('3 days ago');
    expect(leadAge(ago(9 * 24 * 3600), NOW, 'en-US')).toBe('9 days ago');
    expect(leadAge(ago(40 * 24 * 3600), NOW, 'en-US')).toBe('last month');
    expect(leadAge(ago(800 * 24 * 3600), NOW, 'en-US')).toBe('2 years ago');
  });

  it('in the rep’s language', () => {
    expect(leadAge(ago(3 * 24 * 3600), NOW, 'de-DE')).toBe('vor 3 Tagen');
  });

  it('a time a little ahead of this clock is just now; an unreadable one is nothing', () => {
    expect(leadAge(new Date(NOW + 30_000).toISOString(), NOW, 'en-US')).toBe('just now');
    expect(leadAge('', NOW, 'en-US')).toBe('');
  });
});
