/** The colours `POST /v1/leadLabels` takes (the spec's enum, the same as it answers with). */
export const LEAD_LABEL_COLORS = [
  'blue',
  'brown',
  'dark-gray',
  'gray',
  'green',
  'orange',
  'pink',
  'purple',
  'red',
  'yellow',
] as const;

/**
 * Pipedrive documents no length for a label's name; 255 is what its other single-line names take
 * (a lead's title), a guess.
 */
export const MAX_LABEL_NAME = 255;

export type LabelInput = { name: string; color: string };

/**
 * The body of `POST /v1/leadLabels`: `name` and `color` required, `color` from the enum. Messages
 * are worded like the one recorded lead validation message (`"owner_id" must be a number`), as
 * the label endpoints use the same validation. Other properties are ignored, as the spec allows.
 */
export function validateLeadLabelBody(
  body: unknown,
): { ok: true; input: LabelInput } | { ok: false; message: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: '"value" must be of type object' };
  }
  const { name, color } = body as Record<string, unknown>;
  if (name === undefined) return { ok: false, message: '"name" is required' };
  if (typeof name !== 'string') return { ok: false, message: '"name" must be a string' };
  if (name.trim() === '') return { ok: false, message: '"name" is not allowed to be empty' };
  if (name.length > MAX_LABEL_NAME) {
    return {
      ok: false,
      message: `"name" length must be less than or equal to ${MAX_LABEL_NAME} characters long`,
    };
  }
  if (color === undefined) return { ok: false, message: '"color" is required' };
  if (typeof color !== 'string' || !(LEAD_LABEL_COLORS as readonly string[]).includes(color)) {
    return { ok: false, message: `"color" must be one of [${LEAD_LABEL_COLORS.join(', ')}]` };
  }
  return { ok: true, input: { name: name.trim(), color } };
}

/** Names compare as a person reads them: case, accents' encoding and outer spaces do not count. */
export function sameLabelName(a: string, b: string): boolean {
  const key = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('en');
  return key(a) === key(b);
}
