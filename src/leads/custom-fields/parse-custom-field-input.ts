import { contactRefSchema } from '@/contacts/contact-ref.ts';
import { MAX_DIGITS, readDate, readNumber, readTime } from '@/leads/form/parse-field-text.ts';
import type { Currency } from '@/pipedrive/currencies.ts';
import { type CustomField, type FieldOption, isMandatory } from '@/pipedrive/deal-fields.ts';
import { assignableUsers, type User } from '@/pipedrive/users.ts';
import type { CustomFieldValue, Money, MoneyInput, Range, RangeInput } from './custom-field-values.ts';

/** Pipedrive's length limits for single-line (varchar, phone, address) and long (text) values. */
export const MAX_VARCHAR_LENGTH = 255;
export const MAX_TEXT_LENGTH = 65_000;

export type ParseResult = { ok: true; value: CustomFieldValue | undefined } | { ok: false; message: string };

/** What a field's answer is checked against, looked up once per schema rather than per keystroke. */
export interface ParseContext {
  currencies: ReadonlyMap<string, Currency>;
  assignableUserIds: ReadonlySet<number>;
}

export function parseContext(context: {
  currencies: readonly Currency[];
  users: readonly User[];
}): ParseContext {
  return {
    currencies: new Map(context.currencies.map((currency) => [currency.code, currency])),
    assignableUserIds: new Set(assignableUsers(context.users).map((user) => user.id)),
  };
}

const ok = (value: CustomFieldValue | undefined): ParseResult => ({ ok: true, value });
const fail = (message: string): ParseResult => ({ ok: false, message });

/**
 * One field's form value to its typed value (`undefined` when not set), or the GOV.UK message to
 * show at the field. The form value is read defensively: a field the form has no value for yet is
 * simply not set.
 */
export function parseCustomFieldInput(field: CustomField, raw: unknown, context: ParseContext): ParseResult {
  const { name } = field;
  const required = isMandatory(field);
  switch (field.field_type) {
    case 'varchar':
    case 'varchar_auto':
    case 'phone':
    // The spec gives address no limit of its own; it is a single-line value like these, and the
    // sandbox (standing in for Pipedrive) refuses more than 255 characters, so the form says so first.
    case 'address':
      return parseText(textOf(raw), name, required, MAX_VARCHAR_LENGTH);
    case 'text':
      return parseText(textOf(raw), name, required, MAX_TEXT_LENGTH);
    case 'double':
    case 'int':
      return parseNumber(textOf(raw), name, required, field.field_type === 'int');
    case 'monetary':
      return parseMoney(moneyOf(raw), name, required, context.currencies);
    case 'date': {
      const text = textOf(raw);
      if (text === '') return required ? fail(`Enter ${name}`) : ok(undefined);
      const date = readDate(text);
      return date ? ok(date) : fail(`Enter a real date for ${name}`);
    }
    case 'time': {
      const text = textOf(raw);
      if (text === '') return required ? fail(`Enter ${name}`) : ok(undefined);
      const time = readTime(text);
      return time ? ok(time) : fail(`Enter a real time for ${name}`);
    }
    case 'daterange':
      return parseRange(rangeOf(raw), name, required, 'date');
    case 'timerange':
      return parseRange(rangeOf(raw), name, required, 'time');
    case 'enum': {
      const text = textOf(raw);
      if (text === '') return required ? fail(`Select ${name}`) : ok(undefined);
      const option = optionFor(field, text);
      return option ? ok(option.id) : fail(`Select ${name} from the list`);
    }
    case 'set':
      return parseSet(field, raw, required);
    case 'user': {
      const text = textOf(raw);
      if (text === '') return required ? fail(`Select ${name}`) : ok(undefined);
      const id = Number(text);
      return context.assignableUserIds.has(id) ? ok(id) : fail(`Select ${name} from the list`);
    }
    case 'org':
    case 'people': {
      const contact = contactRefSchema.safeParse(raw);
      if (contact.success) return ok(contact.data);
      return required ? fail(`Select ${name}`) : ok(undefined);
    }
  }
}

function parseText(text: string, name: string, required: boolean, maxLength: number): ParseResult {
  if (text === '') return required ? fail(`Enter ${name}`) : ok(undefined);
  if (text.length > maxLength) {
    return fail(`${name} must be ${maxLength.toLocaleString('en')} characters or fewer`);
  }
  return ok(text);
}

function parseNumber(text: string, name: string, required: boolean, whole: boolean): ParseResult {
  if (text === '') return required ? fail(`Enter ${name}`) : ok(undefined);
  const number = readNumber(text);
  if (number.kind === 'not-a-number') return fail(`${name} must be a number`);
  if (number.kind === 'too-many-digits') return fail(`${name} must have at most ${MAX_DIGITS} digits`);
  if (!whole) return ok(number.value);
  if (number.kind !== 'whole') return fail(`${name} must be a whole number`);
  return ok(number.value);
}

/**
 * The currency select always shows a currency (the account default), so an amount left empty
 * means "not set" whatever the currency says; a mandatory field then asks for the amount.
 */
function parseMoney(
  input: MoneyInput,
  name: string,
  required: boolean,
  currencies: ReadonlyMap<string, Currency>,
): ParseResult {
  if (input.amount === '') return required ? fail(`Enter an amount for ${name}`) : ok(undefined);
  const number = readNumber(input.amount);
  if (number.kind === 'not-a-number') return fail(`${name} must be a number`);
  if (number.kind === 'too-many-digits') return fail(`${name} must have at most ${MAX_DIGITS} digits`);
  if (number.value < 0) return fail(`${name} must be 0 or more`);
  const currency = currencies.get(input.currency);
  // Until the currency list has loaded the code cannot be checked; Pipedrive still checks it.
  if (input.currency === '' || (currencies.size > 0 && !currency)) {
    return fail(`Select a currency for ${name}`);
  }
  if (currency && number.decimals > currency.decimal_points) {
    if (currency.decimal_points === 0) return fail(`${name} must be a whole number in ${currency.code}`);
    const places =
      currency.decimal_points === 1 ? '1 decimal place' : `${currency.decimal_points} decimal places`;
    return fail(`${name} can have at most ${places}`);
  }
  const money: Money = { amount: number.value, currency: input.currency };
  return ok(money);
}

function parseRange(input: RangeInput, name: string, required: boolean, kind: 'date' | 'time'): ParseResult {
  if (input.from === '' && input.until === '') {
    return required ? fail(`Enter a start and end ${kind} for ${name}`) : ok(undefined);
  }
  if (input.from === '') return fail(`Enter a start ${kind} for ${name}`);
  if (input.until === '') return fail(`Enter an end ${kind} for ${name}`);
  const read = kind === 'date' ? readDate : readTime;
  const from = read(input.from);
  if (!from) return fail(`Enter a real start ${kind} for ${name}`);
  const until = read(input.until);
  if (!until) return fail(`Enter a real end ${kind} for ${name}`);
  // A time range may run past midnight (a night shift), so only dates must be in order.
  if (kind === 'date' && until < from) return fail(`${name} end must be the same as or after the start`);
  const range: Range = { from, until };
  return ok(range);
}

function parseSet(field: CustomField, raw: unknown, required: boolean): ParseResult {
  const picked = Array.isArray(raw) ? raw.filter((item): item is string => typeof item === 'string') : [];
  if (picked.length === 0) {
    return required ? fail(`Select at least one option for ${field.name}`) : ok(undefined);
  }
  const ids: Array<FieldOption['id']> = [];
  for (const text of picked) {
    const option = optionFor(field, text);
    if (!option) return fail(`Select ${field.name} from the list`);
    if (!ids.includes(option.id)) ids.push(option.id);
  }
  return ok(ids);
}

/** Options are matched by their id as text, which is what a select or checkbox holds. */
export function optionFor(field: CustomField, text: string): FieldOption | undefined {
  return field.options?.find((option) => String(option.id) === text);
}

function textOf(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : '';
}

function moneyOf(raw: unknown): MoneyInput {
  const record = isRecord(raw) ? raw : {};
  return { amount: textOf(record.amount), currency: textOf(record.currency) };
}

function rangeOf(raw: unknown): RangeInput {
  const record = isRecord(raw) ? raw : {};
  return { from: textOf(record.from), until: textOf(record.until) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
