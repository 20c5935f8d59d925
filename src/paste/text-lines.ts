import { PASTE_MAX_LINES } from './paste-limits.ts';
import { VALUE_LABELS } from './signature-words.ts';

export type ValueKind = keyof typeof VALUE_LABELS;

/** A piece of a line between separators ("|", "·", "•", a spaced dash), with the label it had. */
export interface Segment {
  /** As it stands in the cleaned text: what "read from" shows. */
  text: string;
  /** The text after its label ("Tel.: +49 …" → "+49 …"), or the whole text when it had none. */
  value: string;
  label?: ValueKind;
  /** Which line it is on (0-based, among the kept lines). */
  line: number;
  /** Its place on the line. */
  index: number;
}

// Zero-width characters and the byte-order mark carry nothing, and would split words and numbers.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const SEPARATORS = /\s*[|·•∙⋅◦]\s*|\s+[–—]\s+/;
const SIGNATURE_DELIMITER = /^(?:--\s?|[-_=*~]{3,})$/;

/** The pasted text as clean lines: one kind of line break and space, no quote marks, no blank lines. */
export function cleanLines(text: string): string[] {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/^(?:\s*>)+/, '')
        .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim(),
    )
    .filter((line) => line !== '' && !SIGNATURE_DELIMITER.test(line))
    .slice(0, PASTE_MAX_LINES);
}

const escapeForPattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** One pattern per kind: "Tel.:", "Mob.", "T:", "E-Mail:" at the start of a segment, longest first. */
const LABEL_PATTERNS = (Object.entries(VALUE_LABELS) as Array<[ValueKind, readonly string[]]>).map(
  ([kind, labels]) => {
    const words = [...labels]
      .sort((a, b) => b.length - a.length)
      .map((label) => escapeForPattern(label).replace(/\\\.$/, ''))
      .join('|');
    return {
      kind,
      pattern: new RegExp(
        `^(?:${words})\\.?(?:\\s*\\((?![\\d\\s]+\\))[^)]{1,20}\\))?(\\s*[:.]\\s*|\\s+)`,
        'iu',
      ),
    };
  },
);

/** Whether a value has the shape of its kind: a label without a colon must be followed by one. */
function fitsKind(kind: ValueKind, value: string): boolean {
  switch (kind) {
    case 'phone':
    case 'fax':
      return /^[+(\d]/.test(value);
    case 'email':
      return value.includes('@');
    case 'website':
      return /^(?:https?:\/\/|www\.)/i.test(value);
    case 'address':
      return false;
  }
}

/** The label a segment starts with, if any, and its value. */
function labelled(text: string): { label?: ValueKind; value: string } {
  for (const { kind, pattern } of LABEL_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = text.slice(match[0].length).trim();
    if (value === '') continue;
    const separator = match[1] ?? '';
    // "A. Schmidt" and "M. Dupont" are initials, not labels: only a colon labels without the value's shape.
    if (separator.includes(':') || fitsKind(kind, value)) return { label: kind, value };
  }
  return { value: text };
}

/** A line that is only a label ("Phone", "Email:"), as LinkedIn's contact info is copied: it names the next. */
function labelOnly(line: string): ValueKind | undefined {
  const bare = line.replace(/[:.\s]+$/, '').toLowerCase();
  if (bare.length < 3) return undefined;
  return (Object.entries(VALUE_LABELS) as Array<[ValueKind, readonly string[]]>).find(([, labels]) =>
    labels.includes(bare),
  )?.[0];
}

/** Every line cut into its segments, each with its label; a line that is only a label labels the next. */
export function segmentsOf(lines: readonly string[]): { segments: Segment[]; labelLines: Set<number> } {
  const segments: Segment[] = [];
  const labelLines = new Set<number>();
  let pending: ValueKind | undefined;
  lines.forEach((line, lineIndex) => {
    const only = labelOnly(line);
    if (only) {
      pending = only;
      labelLines.add(lineIndex);
      return;
    }
    const parts = line.split(SEPARATORS).filter((part) => part.trim() !== '');
    parts.forEach((part, index) => {
      const text = part.trim();
      const read = labelled(text);
      const label = read.label ?? (index === 0 ? pending : undefined);
      segments.push({ text, value: read.value, line: lineIndex, index, ...(label ? { label } : {}) });
    });
    pending = undefined;
  });
  return { segments, labelLines };
}
