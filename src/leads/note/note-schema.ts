import { z } from 'zod';
import { normalizeNoteText } from '@/pipedrive/note-html.ts';

/**
 * How long a note may be, in characters as a person counts them (an emoji is one). Pipedrive does
 * not document a limit; this keeps a note a note, and its escaped HTML well within a request.
 */
export const NOTE_MAX = 10_000;

/** The counter shows from here on, so a long note is not cut short by surprise. */
export const NOTE_COUNT_FROM = 9_000;

const graphemes =
  typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : undefined;

/** Characters as a person counts them: an emoji, flags and accented letters included, is one. */
export function noteLength(text: string): number {
  const normalized = normalizeNoteText(text);
  if (!graphemes) return [...normalized].length;
  let count = 0;
  for (const _ of graphemes.segment(normalized)) count += 1;
  return count;
}

export const NOTE_TOO_LONG = `Note must be ${NOTE_MAX.toLocaleString('en')} characters or fewer`;

/** The note as typed, line breaks kept; `undefined` when there is none. */
export const noteSchema = z
  .string()
  .transform((text) => normalizeNoteText(text).trim())
  .refine((text) => noteLength(text) <= NOTE_MAX, NOTE_TOO_LONG)
  .transform((text) => (text === '' ? undefined : text));
