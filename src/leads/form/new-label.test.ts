import { describe, expect, it } from 'vitest';
import type { LeadLabel } from '@/pipedrive/lead-labels.ts';
import { MAX_LABEL_NAME_LENGTH, newLabelProblems, sameLabelName } from './new-label.ts';

const LABELS: LeadLabel[] = [
  { id: 'f08b42a0-4e75-41ea-9643-03698ef1cfd6', name: 'Hot', color: 'red' },
  { id: 'f08b42a1-4e75-41ea-9643-03698ef1cfd6', name: 'Café', color: 'brown' },
];

describe('newLabelProblems', () => {
  it('takes a new name with a colour', () => {
    expect(newLabelProblems({ name: 'Trade fair', color: 'purple' }, LABELS)).toEqual({});
  });

  it('asks for a name and a colour', () => {
    expect(newLabelProblems({ name: '   ', color: '' }, LABELS)).toEqual({
      name: 'Enter a name for the label',
      color: 'Choose a colour for the label',
    });
  });

  it(`takes ${MAX_LABEL_NAME_LENGTH} characters, not one more (outer spaces do not count)`, () => {
    const longest = 'x'.repeat(MAX_LABEL_NAME_LENGTH);
    expect(newLabelProblems({ name: `  ${longest}  `, color: 'blue' }, LABELS)).toEqual({});
    expect(newLabelProblems({ name: `${longest}x`, color: 'blue' }, LABELS)).toEqual({
      name: `Label name must be ${MAX_LABEL_NAME_LENGTH} characters or fewer`,
    });
  });

  it('refuses a name the company has, whatever its case, spaces or accents’ encoding, naming the one it has', () => {
    expect(newLabelProblems({ name: ' HOT ', color: 'green' }, LABELS).name).toBe(
      'There is a label called “Hot” already: choose it from the labels above',
    );
    // "Café" typed with a combining accent is the same name.
    expect(newLabelProblems({ name: 'Cafe\u0301', color: 'green' }, LABELS).name).toMatch(/“Café” already/);
  });

  it('sameLabelName tells different names apart', () => {
    expect(sameLabelName('Hot', 'Hotter')).toBe(false);
    expect(sameLabelName('Warm', ' warm')).toBe(true);
  });
});
