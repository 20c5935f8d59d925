/**
 * How much pasted or shared text is read: a long email thread's signature fits many times over,
 * and parsing stays instant on a phone. Longer text is cut here, and the dialog says so.
 */
export const PASTE_MAX = 10_000;

/** Lines read at most: a signature or vCard is short; a pasted thread is cut rather than parsed whole. */
export const PASTE_MAX_LINES = 200;

/** Text cut to what is read, with whether it was cut. */
export function boundedText(text: string): { text: string; cut: boolean } {
  if (text.length <= PASTE_MAX) return { text, cut: false };
  // Never cut a surrogate pair in half: the rest would be a broken character.
  let end = PASTE_MAX;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), cut: true };
}
