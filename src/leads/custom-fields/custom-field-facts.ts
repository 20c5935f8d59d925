import type { Currency } from '@/pipedrive/currencies.ts';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import type { User } from '@/pipedrive/users.ts';
import { formatCalendarDate, formatMoney, readableText } from '../../pipedrive/format-values.ts';

export interface CustomFieldFact {
  key: string;
  label: string;
  value: string;
}

export interface CustomFieldFactsContext {
  users: readonly User[];
  currencies: readonly Currency[];
  locale: string | undefined;
  /** Names of the people and organizations picked in the form, by id. */
  contacts: { people: Record<number, string>; org: Record<number, string> };
}

/**
 * The custom fields a created lead carries, as label/value pairs for the card, in field order.
 * `lead` is the lead as Pipedrive returns it, where unset custom fields are absent.
 */
export function customFieldFacts(
  fields: readonly CustomField[],
  lead: Record<string, unknown>,
  context: CustomFieldFactsContext,
): CustomFieldFact[] {
  const facts: CustomFieldFact[] = [];
  for (const field of fields) {
    const raw = lead[field.key];
    if (raw === undefined || raw === null || raw === '') continue;
    const value = formatValue(field, raw, lead, context);
    if (value !== '') facts.push({ key: field.key, label: field.name, value });
  }
  return facts;
}

function formatValue(
  field: CustomField,
  raw: unknown,
  lead: Record<string, unknown>,
  context: CustomFieldFactsContext,
): string {
  const { locale } = context;
  const until = lead[`${field.key}_until`];
  switch (field.field_type) {
    case 'double':
    case 'int':
      return formatNumber(raw, locale);
    case 'monetary':
      return money(raw, lead[`${field.key}_currency`], context);
    case 'date':
      return formatCalendarDate(readableText(raw), locale);
    case 'daterange':
      return range(
        formatCalendarDate(readableText(raw), locale),
        isPresent(until) ? formatCalendarDate(readableText(until), locale) : '',
      );
    case 'time':
      return formatTime(raw);
    case 'timerange':
      return range(formatTime(raw), isPresent(until) ? formatTime(until) : '');
    case 'enum':
      return optionLabel(field, raw);
    case 'set':
      return idsOf(raw)
        .map((id) => optionLabel(field, id))
        .join(', ');
    case 'user': {
      const id = idOf(raw);
      const known = context.users.find((user) => user.id === id)?.name;
      return known ?? nameOf(raw) ?? (id === undefined ? readableText(raw) : `#${id}`);
    }
    case 'org':
    case 'people':
      return contactName(raw, context.contacts[field.field_type]);
    default:
      // Text types; an address may come back as an object with its parts.
      return readableText(raw);
  }
}

function range(start: string, end: string): string {
  return end === '' ? start : `${start} – ${end}`;
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function formatNumber(raw: unknown, locale: string | undefined): string {
  const number = Number(typeof raw === 'object' && raw !== null ? readableText(raw) : raw);
  if (!Number.isFinite(number)) return readableText(raw);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(number);
}

function money(raw: unknown, code: unknown, context: CustomFieldFactsContext): string {
  const amount = Number(raw);
  if (!Number.isFinite(amount)) return readableText(raw);
  if (typeof code !== 'string' || code === '') return formatNumber(amount, context.locale);
  return formatMoney(amount, code, context.currencies, context.locale);
}

function formatTime(raw: unknown): string {
  const text = readableText(raw);
  const match = /^(\d{1,2}):(\d{2})/.exec(text);
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2]}` : text;
}

function optionLabel(field: CustomField, id: unknown): string {
  const text = readableText(id).trim();
  return field.options?.find((option) => String(option.id) === text)?.label ?? text;
}

/** v1 returns a multiple-option value as `"31,33"`; an array is read as well. */
function idsOf(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw.map(readableText) : readableText(raw).split(',');
  return list.map((id) => id.trim()).filter((id) => id !== '');
}

function idOf(raw: unknown): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && /^\d+$/.test(raw.trim())) return Number(raw);
  // Deal responses give linked records as objects such as `{ value: 12, name: "…" }`.
  if (typeof raw === 'object' && raw !== null) {
    const record = raw as Record<string, unknown>;
    return idOf(record.value ?? record.id);
  }
  return undefined;
}

function contactName(raw: unknown, names: Record<number, string>): string {
  const id = idOf(raw);
  if (id === undefined) return readableText(raw);
  return names[id] || nameOf(raw) || `#${id}`;
}

/** The name a linked record carries when Pipedrive sends it as an object. */
function nameOf(raw: unknown): string | undefined {
  const named = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).name : undefined;
  return typeof named === 'string' && named !== '' ? named : undefined;
}
