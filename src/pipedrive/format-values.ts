import type { Currency } from '@/pipedrive/currencies.ts';

/**
 * Money in the rep's locale with the currency's own decimal places. Custom currencies are not ISO
 * codes, so Intl cannot name them: those show the amount and the currency's symbol.
 */
export function formatMoney(
  amount: number,
  code: string,
  currencies: readonly Currency[],
  locale: string | undefined,
): string {
  const currency = currencies.find((candidate) => candidate.code === code);
  const digits = currency?.decimal_points;
  const fractions =
    digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  try {
    if (currency?.is_custom_flag) throw new RangeError('custom currency');
    return new Intl.NumberFormat(locale, { style: 'currency', currency: code, ...fractions }).format(amount);
  } catch {
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 20, ...fractions }).format(amount);
    return `${number}\u00a0${currency?.symbol ?? code}`;
  }
}

/** `YYYY-MM-DD` is a calendar day: formatted in UTC so no time zone moves it to the day before. */
export function formatCalendarDate(text: string, locale: string | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return text;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO 8601) in the rep's locale and time zone. */
export function formatDateTime(iso: string, locale: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * Any value Pipedrive returned, as text a person can read: an address object by its formatted
 * address, a linked user, person or organization by its name, a list item by item. Never
 * `[object Object]`; an object with nothing readable in it gives ''.
 */
export function readableText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw))
    return raw
      .map(readableText)
      .filter((text) => text !== '')
      .join(', ');
  if (typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    for (const key of ['formatted_address', 'name', 'label', 'value', 'title']) {
      const text = readableText(record[key]);
      if (text !== '') return text;
    }
  }
  return '';
}
