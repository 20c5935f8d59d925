/** How long ago, in the largest unit that fits, from seconds to years. */
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * A lead's age as a rep says it: "3 days ago", "yesterday", "5 minutes ago", "just now" (also for
 * a time a little ahead of this browser's clock, which Pipedrive's may be). '' for a time that
 * cannot be read.
 */
export function leadAge(iso: string, now: number, locale: string | undefined): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 60) return 'just now';
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return 'just now';
}
