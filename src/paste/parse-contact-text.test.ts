import { describe, expect, it } from 'vitest';
import { NOTHING_SAMPLES, SIGNATURE_SAMPLES } from '@/testing/signature-samples.ts';
import type { ProposalKey } from './contact-proposal.ts';
import { parseContactText } from './parse-contact-text.ts';

const KEYS: ProposalKey[] = ['name', 'email', 'phone', 'jobTitle', 'organization', 'website', 'address'];

describe('parseContactText on real-looking samples', () => {
  it('has at least 30 samples', () => {
    expect(SIGNATURE_SAMPLES.length).toBeGreaterThanOrEqual(30);
  });

  for (const sample of SIGNATURE_SAMPLES) {
    it(sample.title, () => {
      const proposal = parseContactText(sample.text, { defaultCountry: sample.country });
      const found = Object.fromEntries(
        KEYS.map((key) => [key, proposal.items.filter((item) => item.key === key).map((item) => item.value)]),
      );
      const expected = Object.fromEntries(KEYS.map((key) => [key, sample.expected[key] ?? []]));
      expect(found).toEqual(expected);
      for (const item of proposal.items) {
        const doubtful = sample.doubtful?.includes(item.key) ?? false;
        expect(item.doubt !== undefined, `${item.key} ${item.value} in doubt`).toBe(doubtful);
        // What the rep is shown as the source is in the pasted text (vCard lines unfolded).
        expect(sample.text.replace(/\r?\n[ \t]|=\r?\n/g, '')).toContain(item.from.split(' · ')[0]);
      }
    });
  }

  for (const text of NOTHING_SAMPLES) {
    it(`proposes nothing from ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(parseContactText(text, { defaultCountry: 'DE' }).items).toEqual([]);
    });
  }
});
