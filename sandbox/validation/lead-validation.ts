import type { CustomFieldValues } from '../company/crm-types.ts';
import { CHANNEL_OPTIONS } from '../company/deal-field-built-ins.ts';
import type { SandboxPlan } from '../company/sandbox-plan.ts';
import { type CustomFieldLookups, validateCustomFields } from './custom-field-validation.ts';
import { boolean, type Check, date, id, isPlainObject, oneOf, string } from './value-checks.ts';

export interface LeadInput {
  title: string;
  owner_id?: number;
  label_ids?: string[];
  person_id?: number;
  organization_id?: number;
  value?: { amount: number; currency: string };
  expected_close_date?: string;
  visible_to?: string;
  was_seen?: boolean;
  origin_id?: string;
  channel?: number;
  channel_id?: string;
}

export type LeadValidation =
  | { ok: true; input: LeadInput; customFields: CustomFieldValues }
  | { ok: false; message: string };

/** Visibility levels per plan family (Lite/Growth/Professional vs Premium/Ultimate). */
export const VISIBILITY_BY_PLAN: Record<SandboxPlan, readonly string[]> = {
  growth: ['1', '3'],
  premium: ['1', '3', '5', '7'],
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

const labelIds: Check = (value, label) => {
  if (!Array.isArray(value)) return `${label} must be an array`;
  for (const [index, item] of value.entries()) {
    const itemLabel = `"label_ids[${index}]"`;
    if (typeof item !== 'string') return `${itemLabel} must be a string`;
    if (!isGuid(item)) return `${itemLabel} must be a valid GUID`;
  }
  return null;
};

const money: Check = (value, label) => {
  if (!isPlainObject(value)) return `${label} must be of type object`;
  if (value.amount === undefined) return '"value.amount" is required';
  if (typeof value.amount !== 'number' || !Number.isFinite(value.amount))
    return '"value.amount" must be a number';
  if (value.currency === undefined) return '"value.currency" is required';
  const currency = string(value.currency, '"value.currency"');
  if (currency) return currency;
  const extra = Object.keys(value).find((key) => key !== 'amount' && key !== 'currency');
  return extra === undefined ? null : `"value.${extra}" is not allowed`;
};

function visibility(plan: SandboxPlan): Check {
  const allowed = oneOf(VISIBILITY_BY_PLAN[plan]);
  return (value, label) => (typeof value !== 'string' ? `${label} must be a string` : allowed(value, label));
}

/** `channel` must be one of the company's channel options from `GET /v1/dealFields`. */
const channelIds = oneOf(CHANNEL_OPTIONS.map((option) => option.id));
const channel: Check = (value, label) => id(value, label) ?? channelIds(value, label);

/**
 * Rules of POST /v1/leads, in schema order, first failure wins (Joi's abortEarly). `null` is
 * rejected for every typed field, as the real API does. Custom fields (40-hex keys of active deal
 * fields) come after the built-in keys, unknown keys after those, and the person-or-organization
 * rule last, as in a Joi object schema.
 *
 * A mandatory custom field (`mandatory_flag`) is not enforced here: the spec's `addLeadRequest`
 * requires only `title`, and Pipedrive's required-field setting is applied by its web forms, not
 * by the public API. QuickLead enforces it in the form.
 */
export function validateLeadBody(
  body: unknown,
  plan: SandboxPlan,
  lookups: CustomFieldLookups,
): LeadValidation {
  if (!isPlainObject(body)) return { ok: false, message: '"value" must be of type object' };
  const rules: Array<[keyof LeadInput, Check]> = [
    ['title', string],
    ['owner_id', id],
    ['label_ids', labelIds],
    ['person_id', id],
    ['organization_id', id],
    ['value', money],
    ['expected_close_date', date],
    ['visible_to', visibility(plan)],
    ['was_seen', boolean],
    ['origin_id', string],
    ['channel', channel],
    ['channel_id', string],
  ];
  if (body.title === undefined) return { ok: false, message: '"title" is required' };
  for (const [key, check] of rules) {
    if (body[key] === undefined) continue;
    const message = check(body[key], `"${key}"`);
    if (message) return { ok: false, message };
  }
  const custom = validateCustomFields(body, lookups);
  if (!custom.ok) return custom;
  const known = new Set<string>([...rules.map(([key]) => key), ...custom.keys]);
  const unknown = Object.keys(body).find((key) => !known.has(key));
  if (unknown !== undefined) return { ok: false, message: `"${unknown}" is not allowed` };
  if (body.person_id === undefined && body.organization_id === undefined) {
    return { ok: false, message: '"value" must contain at least one of [person_id, organization_id]' };
  }
  return { ok: true, input: body as unknown as LeadInput, customFields: custom.values };
}
