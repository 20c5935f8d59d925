/** Reading what people type into number, date and time boxes, the way they tend to type it. */

// Spaces, no-break spaces and thin spaces are common thousands separators; none can be a decimal mark.
const GROUP_SEPARATORS = /[\s\u00a0\u2009\u202f]/g;
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const WHOLE = /^[-+]?\d+$/;

export type NumberText =
  | { kind: 'whole' | 'decimal'; value: number; decimals: number }
  | { kind: 'not-a-number' }
  | { kind: 'too-many-digits' };

/**
 * A number is stored as a double: beyond 15 significant digits what is typed is not what is kept
 * (12345678901234567890 becomes 12345678901234567000), so longer numbers are refused, not rounded.
 */
export const MAX_DIGITS = 15;

/**
 * A typed number: spaces as thousands separators and a typographic minus are fine. Commas are not
 * read, since "1,500" is 1.5 in half the world and guessing would store the wrong amount.
 */
export function readNumber(text: string): NumberText {
  const compact = text.replace(GROUP_SEPARATORS, '').replace(/\u2212/g, '-');
  if (!DECIMAL.test(compact)) return { kind: 'not-a-number' };
  const value = Number(compact);
  if (!Number.isFinite(value)) return { kind: 'not-a-number' };
  const digits = compact.replace(/^[-+]/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  if (digits.length > MAX_DIGITS) return { kind: 'too-many-digits' };
  const fraction = compact.split('.')[1] ?? '';
  // "10.50" has one significant decimal: trailing zeros never change the amount.
  const decimals = fraction.replace(/0+$/, '').length;
  return { kind: WHOLE.test(compact) ? 'whole' : 'decimal', value: value === 0 ? 0 : value, decimals };
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A calendar date as `YYYY-MM-DD`, or `undefined` when the text is not a day that exists. */
export function readDate(text: string): string | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1) return undefined;
  const date = new Date(0);
  // setUTCFullYear rolls 2026-02-30 over to March (and keeps years below 100 as they are); only a day
  // that exists survives the round trip.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** A time of day as `HH:MM:SS`; native time inputs give `HH:MM`, which is read as on the minute. */
export function readTime(text: string): string | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const [hours, minutes, seconds] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

function pad(part: number): string {
  return String(part).padStart(2, '0');
}
