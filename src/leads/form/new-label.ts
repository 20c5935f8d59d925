import type { LabelColor, LeadLabel } from '@/pipedrive/lead-labels.ts';

/**
 * A label shows as a chip on every lead that has it, so its name stays short. Pipedrive documents
 * no limit of its own.
 */
export const MAX_LABEL_NAME_LENGTH = 40;

/** Each colour's name as the rep reads it next to its swatch: a colour is never told by colour alone. */
export const LABEL_COLOR_NAMES: Record<LabelColor, string> = {
  blue: 'Blue',
  brown: 'Brown',
  'dark-gray': 'Dark gray',
  gray: 'Gray',
  green: 'Green',
  orange: 'Orange',
  pink: 'Pink',
  purple: 'Purple',
  red: 'Red',
  yellow: 'Yellow',
};

export interface NewLabelInput {
  name: string;
  /** '' until one is chosen. */
  color: LabelColor | '';
}

export interface NewLabelProblems {
  name?: string;
  color?: string;
}

/** Names compare as a rep reads them: case, accents' encoding and outer spaces do not count. */
export function sameLabelName(a: string, b: string): boolean {
  const key = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase();
  return key(a) === key(b);
}

/**
 * What is wrong with a new label before it is sent: an empty or long name, a name the company's
 * labels already have (two chips of one name would leave the rep guessing), no colour.
 */
export function newLabelProblems(input: NewLabelInput, existing: readonly LeadLabel[]): NewLabelProblems {
  const problems: NewLabelProblems = {};
  const name = input.name.trim();
  const taken = existing.find((label) => sameLabelName(label.name, name));
  if (name === '') problems.name = 'Enter a name for the label';
  else if (name.length > MAX_LABEL_NAME_LENGTH) {
    problems.name = `Label name must be ${MAX_LABEL_NAME_LENGTH} characters or fewer`;
  } else if (taken) {
    problems.name = `There is a label called “${taken.name}” already: choose it from the labels above`;
  }
  if (input.color === '') problems.color = 'Choose a colour for the label';
  return problems;
}
