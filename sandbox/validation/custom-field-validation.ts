import type { CustomFieldValues } from '../company/crm-types.ts';
import { CURRENCIES } from '../company/currencies.ts';
import type { CustomFieldType } from '../company/custom-field-keys.ts';
import type { CustomDealField } from '../company/deal-field-built-ins.ts';
import { activeCustomFields } from '../company/deal-fields.ts';
import {
  type Check,
  date,
  id,
  integer,
  normalizeTime,
  number,
  oneOf,
  string,
  stringOfMax,
  time,
} from './value-checks.ts';

/** The company data custom values may point at. */
export interface CustomFieldLookups {
  isActiveUser(id: number): boolean;
  hasOrganization(id: number): boolean;
  hasPerson(id: number): boolean;
}

export type CustomFieldResult =
  | { ok: true; values: CustomFieldValues; keys: string[] }
  | { ok: false; message: string };

type Failure = { ok: false; message: string };
/** What one field adds to the lead, or why it cannot. */
type FieldOutcome = CustomFieldValues | Failure;

const fail = (message: string): Failure => ({ ok: false, message });
const isFailure = (outcome: FieldOutcome): outcome is Failure => outcome.ok === false;

// Option and type texts are Joi's; those for references (users, organizations, persons) are best guesses in its style.
const VARCHAR = stringOfMax(255);
const TEXT = stringOfMax(65_535);
const STRING_CHECKS: Partial<Record<CustomFieldType, Check>> = {
  varchar: VARCHAR,
  varchar_auto: VARCHAR,
  phone: VARCHAR,
  address: VARCHAR,
  text: TEXT,
};

const activeCurrencyCodes = () => CURRENCIES.filter((entry) => entry.active_flag).map((entry) => entry.code);

const label = (key: string) => `"${key}"`;

/** Joi's `object.and()`: the two keys of a pair are set together or not at all. */
function peers(body: Record<string, unknown>, key: string, peer: string): Failure | null {
  const hasKey = body[key] !== undefined;
  const hasPeer = body[peer] !== undefined;
  if (hasKey === hasPeer) return null;
  const [present, missing] = hasKey ? [key, peer] : [peer, key];
  return fail(`"value" contains [${present}] without its required peers [${missing}]`);
}

function single(value: unknown, key: string, check: Check, stored: unknown = value): FieldOutcome {
  const message = check(value, label(key));
  return message ? fail(message) : { [key]: stored as string | number };
}

/** Option ids, comma-separated, no spaces: what QuickLead sends and what v1 reads back. */
const OPTION_ID_LIST = /^\d+(,\d+)*$/;

/**
 * A `set` value is a string of option ids such as "201,203", the one format the evidence supports:
 * the v1 docs read sets back that way and QuickLead writes them so. Arrays and numbers are refused
 * with Joi's type message; whether live Pipedrive also accepts them is not verified.
 */
function setValue(value: unknown, key: string, field: CustomDealField): FieldOutcome {
  const shape = string(value, label(key));
  if (shape) return fail(shape);
  const text = value as string;
  if (!OPTION_ID_LIST.test(text)) {
    return fail(`${label(key)} with value "${text}" fails to match the option ids pattern`);
  }
  const optionIds = (field.options ?? []).map((option) => option.id);
  const items = text.split(',').map(Number);
  for (const [index, item] of items.entries()) {
    const message = oneOf(optionIds)(item, `"${key}[${index}]"`);
    if (message) return fail(message);
  }
  // Read back as given, each option once.
  return { [key]: [...new Set(items)].join(',') };
}

function reference(value: unknown, key: string, exists: boolean, what: string): FieldOutcome {
  const shape = id(value, label(key));
  if (shape) return fail(shape);
  return exists ? { [key]: value as number } : fail(`${label(key)} must refer to ${what}`);
}

function rangeValue(body: Record<string, unknown>, key: string, check: Check, kind: 'date' | 'time') {
  const until = `${key}_until`;
  const missing = peers(body, key, until);
  if (missing) return missing;
  const message = check(body[key], label(key)) ?? check(body[until], label(until));
  if (message) return fail(message);
  const normalize = (value: unknown) => (kind === 'time' ? normalizeTime(value) : value) as string;
  const start = normalize(body[key]);
  const end = normalize(body[until]);
  // A time range may run past midnight (a night shift); a date range may not run backwards.
  if (kind === 'date' && end < start) {
    return fail(`${label(until)} must be greater than or equal to "ref:${key}"`);
  }
  return { [key]: start, [until]: end };
}

function monetaryValue(body: Record<string, unknown>, key: string): FieldOutcome {
  const currencyKey = `${key}_currency`;
  const missing = peers(body, key, currencyKey);
  if (missing) return missing;
  const currency = body[currencyKey];
  const message =
    number(body[key], label(key)) ??
    (typeof currency === 'string' ? null : `${label(currencyKey)} must be a string`) ??
    oneOf(activeCurrencyCodes())(currency, label(currencyKey));
  return message ? fail(message) : { [key]: body[key] as number, [currencyKey]: currency as string };
}

function fieldValue(body: Record<string, unknown>, field: CustomDealField, lookups: CustomFieldLookups) {
  const key = field.key;
  const value = body[key];
  const type = field.fieldType;
  const stringCheck = STRING_CHECKS[type];
  if (stringCheck) return single(value, key, stringCheck);
  const asId = () => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);
  switch (type) {
    case 'double':
      return single(value, key, number);
    case 'int':
      return single(value, key, integer);
    case 'date':
      return single(value, key, date);
    case 'time':
      return single(value, key, time, normalizeTime(value));
    case 'monetary':
      return monetaryValue(body, key);
    case 'daterange':
      return rangeValue(body, key, date, 'date');
    case 'timerange':
      return rangeValue(body, key, time, 'time');
    case 'enum': {
      const optionIds = (field.options ?? []).map((option) => option.id);
      return single(value, key, (item, text) => id(item, text) ?? oneOf(optionIds)(item, text));
    }
    case 'set':
      return setValue(value, key, field);
    case 'user':
      return reference(value, key, lookups.isActiveUser(asId()), 'an existing active user');
    case 'org':
      return reference(value, key, lookups.hasOrganization(asId()), 'an existing organization');
    case 'people':
      return reference(value, key, lookups.hasPerson(asId()), 'an existing person');
    default:
      return fail(`${label(key)} is not allowed`);
  }
}

/** Keys a field may set in a lead body: range and monetary fields have a second one. */
function keysOf(field: CustomDealField): string[] {
  if (field.fieldType === 'monetary') return [field.key, `${field.key}_currency`];
  if (field.fieldType === 'daterange' || field.fieldType === 'timerange') {
    return [field.key, `${field.key}_until`];
  }
  return [field.key];
}

/**
 * Top-level custom values of a lead body, in the v1 Deals format of each field type,
 * checked in field order. Keys of inactive or unknown fields are left for the caller's
 * "is not allowed" rule. Returns the values as `GET /v1/leads/{id}` will send them back.
 */
export function validateCustomFields(
  body: Record<string, unknown>,
  lookups: CustomFieldLookups,
): CustomFieldResult {
  const values: CustomFieldValues = {};
  const keys: string[] = [];
  for (const field of activeCustomFields()) {
    const fieldKeys = keysOf(field);
    keys.push(...fieldKeys);
    if (fieldKeys.every((key) => body[key] === undefined)) continue;
    const outcome = fieldValue(body, field, lookups);
    if (isFailure(outcome)) return outcome;
    Object.assign(values, outcome);
  }
  return { ok: true, values, keys };
}
