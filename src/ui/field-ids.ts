/** The ids that tie a control to its hint and error message (`aria-describedby`). */
export function describedBy(id: string, parts: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [parts.hint ? `${id}-hint` : undefined, parts.error ? `${id}-error` : undefined].filter(
    Boolean,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}
