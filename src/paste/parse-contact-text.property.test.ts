import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_SAMPLES } from '@/testing/signature-samples.ts';
import { parseContactText } from './parse-contact-text.ts';

const digitsOf = (text: string) => text.replace(/\D/g, '');
const COUNTRIES = fc.constantFrom(undefined, 'DE', 'US', 'GB', 'FR', 'SE', 'BR');

/** Lines like a signature's, and lines of nothing in particular, in any order. */
const PIECES = [
  'Tel. ',
  'Mob: ',
  'T: ',
  'M ',
  '+',
  '+49 ',
  '(0)',
  '-',
  ' | ',
  ' · ',
  '@',
  '.',
  'www.',
  'https://',
  'GmbH',
  ' Ltd',
  'Head of Sales',
  ' at ',
  'Straße ',
  'Anna ',
  'Schmidt',
  '10115 ',
  'Berlin',
  'BEGIN:VCARD\n',
  'TEL:',
  'EMAIL:',
  'END:VCARD',
  '\n',
  ', ',
  '<',
  '>',
];
const signatureLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(...PIECES),
      fc.stringMatching(/^[0-9]{1,6}$/),
      fc.stringMatching(/^[a-z]{1,8}$/),
    ),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));
const anyText = fc.oneof(
  signatureLike,
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

describe('parseContactText proposes nothing the text does not hold', () => {
  it('every proposed email is written in the text', () => {
    fc.assert(
      fc.property(anyText, COUNTRIES, (text, country) => {
        const proposal = parseContactText(text, { defaultCountry: country });
        for (const item of proposal.items.filter((one) => one.key === 'email')) {
          expect(text.normalize('NFC').toLowerCase()).toContain(item.value.toLowerCase());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every proposed phone’s digits are written in the text, and it is read from a piece of the text with them', () => {
    fc.assert(
      fc.property(anyText, COUNTRIES, (text, country) => {
        const proposal = parseContactText(text, { defaultCountry: country });
        for (const item of proposal.items.filter((one) => one.key === 'phone')) {
          // A number read with the library is checked by its national digits; one in doubt is shown as written.
          const parsed = item.doubt ? undefined : parsePhoneNumberFromString(item.value);
          const digits = parsed ? parsed.nationalNumber : digitsOf(item.value);
          expect(digitsOf(item.from)).toContain(digits);
          expect(digitsOf(text)).toContain(digits);
          if (!item.doubt) expect(parsed?.isValid()).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('text of letters, spaces and punctuation, but no digits, yields no phone', () => {
    const letters = fc.string({
      unit: fc.constantFrom(
        ...'abcdefghijklmnopqrstuvwxyzÄÖÜäöüßéèçñ ABCDEFGHIJKLMNOPQRSTUVWXYZ.,:;|·-+()\n',
      ),
      maxLength: 300,
    });
    fc.assert(
      fc.property(letters, COUNTRIES, (text, country) => {
        const proposal = parseContactText(`Tel. ${text}\nMob: ${text}`, { defaultCountry: country });
        expect(proposal.items.filter((item) => item.key === 'phone')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('text with no "@" yields no email, and none with no dot-separated host', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const withoutAt = text.replaceAll('@', ' ').replaceAll('＠', ' ');
        expect(parseContactText(withoutAt).items.filter((item) => item.key === 'email')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('any text is read without failing, and each value it proposes is non-empty text of bounded length', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ maxLength: 12_000 })), COUNTRIES, (text, country) => {
        const proposal = parseContactText(text, { defaultCountry: country });
        for (const item of proposal.items) {
          expect(item.value.trim()).not.toBe('');
          expect(item.value.length).toBeLessThanOrEqual(10_000);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a sample signature keeps its email and phones when random lines of letters are pasted around it', () => {
    const noise = fc
      .array(fc.stringMatching(/^[a-z ]{0,40}$/), { maxLength: 4 })
      .map((lines) => lines.join('\n'));
    const samples = SIGNATURE_SAMPLES.filter((sample) => !sample.doubtful);
    fc.assert(
      fc.property(fc.constantFrom(...samples), noise, (sample, after) => {
        const proposal = parseContactText(`${sample.text}\n${after}`, { defaultCountry: sample.country });
        const values = (key: string) =>
          proposal.items.filter((item) => item.key === key).map((item) => item.value);
        expect(values('email')).toEqual(sample.expected.email ?? []);
        expect(values('phone')).toEqual(sample.expected.phone ?? []);
      }),
      { numRuns: 200 },
    );
  });
});
