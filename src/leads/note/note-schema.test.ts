import { describe, expect, it } from 'vitest';
import { NOTE_MAX, NOTE_TOO_LONG, noteLength, noteSchema } from './note-schema.ts';

describe('note schema', () => {
  it('keeps the note as typed, line breaks as one \\n, and nothing when blank', () => {
    expect(noteSchema.parse('  First line\r\nsecond <b>line</b>\n ')).toBe('First line\nsecond <b>line</b>');
    expect(noteSchema.parse(' \n\t ')).toBeUndefined();
  });

  it('counts characters as a person does, and refuses more than the limit', () => {
    expect(noteLength('👩‍💻é🇪🇸')).toBe(3);
    expect(noteLength('a\r\nb')).toBe(3);
    expect(noteSchema.safeParse('x'.repeat(NOTE_MAX)).success).toBe(true);
    const over = noteSchema.safeParse('x'.repeat(NOTE_MAX + 1));
    expect(over.success ? [] : over.error.issues.map((issue) => issue.message)).toEqual([NOTE_TOO_LONG]);
  });
});
