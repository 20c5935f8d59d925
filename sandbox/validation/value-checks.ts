/**
 * Shape checks for lead bodies. Messages follow Joi, which Pipedrive's lead endpoints use: the
 * path in double quotes, then the rule. Each check returns null when the value passes.
 */
export type Check = (value: unknown, label: string) => string | null;

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const string: Check = (value, label) => {
  if (typeof value !== 'string') return `${label} must be a string`;
  return value === '' ? `${label} is not allowed to be empty` : null;
};

/** A non-empty string of at most `max` characters (varchar 255, text 65,535). */
export function stringOfMax(max: number): Check {
  return (value, label) => {
    const shape = string(value, label);
    if (shape) return shape;
    return (value as string).length > max
      ? `${label} length must be less than or equal to ${max} characters long`
      : null;
  };
}

export const number: Check = (value, label) =>
  typeof value === 'number' && Number.isFinite(value) ? null : `${label} must be a number`;

export const integer: Check = (value, label) =>
  number(value, label) ?? (Number.isInteger(value) ? null : `${label} must be an integer`);

export const id: Check = (value, label) =>
  integer(value, label) ?? ((value as number) < 1 ? `${label} must be a positive number` : null);

export const boolean: Check = (value, label) =>
  typeof value === 'boolean' ? null : `${label} must be a boolean`;

export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March; a round trip shows the day did not exist.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const date: Check = (value, label) =>
  typeof value === 'string' && isRealDate(value) ? null : `${label} must be in YYYY-MM-DD format`;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d))?$/;

/** "HH:MM:SS", or null when the value is not a time; "HH:MM" is read as "HH:MM:00". */
export function normalizeTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = TIME.exec(value);
  if (!match) return null;
  return `${match[1]}:${match[2]}:${match[4] ?? '00'}`;
}

export const time: Check = (value, label) =>
  normalizeTime(value) === null ? `${label} must be in HH:MM:SS format` : null;

/** Joi's `valid()` message, with the allowed values listed as Joi prints them. */
export function oneOf(allowed: readonly (string | number)[]): Check {
  return (value, label) =>
    allowed.includes(value as string | number) ? null : `${label} must be one of [${allowed.join(', ')}]`;
}
