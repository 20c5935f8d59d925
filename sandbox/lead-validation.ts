import type { SandboxPlan } from './crm-store.ts';

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

export type LeadValidation = { ok: true; input: LeadInput } | { ok: false; message: string };

/** Visibility levels per plan family (Lite/Growth/Professional vs Premium/Ultimate). */
export const VISIBILITY_BY_PLAN: Record<SandboxPlan, readonly string[]> = {
  growth: ['1', '3'],
  premium: ['1', '3', '5', '7'],
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

type Check = (value: unknown, label: string) => string | null;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Messages follow Joi, which Pipedrive's lead endpoints use: the path in double quotes, then the rule.
const string: Check = (value, label) => {
  if (typeof value !== 'string') return `${label} must be a string`;
  return value === '' ? `${label} is not allowed to be empty` : null;
};

const id: Check = (value, label) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} must be a number`;
  if (!Number.isInteger(value)) return `${label} must be an integer`;
  return value < 1 ? `${label} must be a positive number` : null;
};

const boolean: Check = (value, label) => (typeof value === 'boolean' ? null : `${label} must be a boolean`);

function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // Date rolls 2026-02-30 over to March; a round trip shows the day did not exist.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const date: Check = (value, label) =>
  typeof value === 'string' && isRealDate(value) ? null : `${label} must be in YYYY-MM-DD format`;

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
  const allowed = VISIBILITY_BY_PLAN[plan];
  return (value, label) => {
    if (typeof value !== 'string') return `${label} must be a string`;
    return allowed.includes(value) ? null : `${label} must be one of [${allowed.join(', ')}]`;
  };
}

/**
 * Shape rules of POST /v1/leads, in schema order, first failure wins (Joi's abortEarly). `null` is
 * rejected for every typed field, as the real API does. Unknown keys come after the known ones,
 * and the person-or-organization rule last, as in a Joi object schema.
 */
export function validateLeadBody(body: unknown, plan: SandboxPlan): LeadValidation {
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
    ['channel', id],
    ['channel_id', string],
  ];
  if (body.title === undefined) return { ok: false, message: '"title" is required' };
  for (const [key, check] of rules) {
    if (body[key] === undefined) continue;
    const message = check(body[key], `"${key}"`);
    if (message) return { ok: false, message };
  }
  const known = new Set<string>(rules.map(([key]) => key));
  const unknown = Object.keys(body).find((key) => !known.has(key));
  if (unknown !== undefined) return { ok: false, message: `"${unknown}" is not allowed` };
  if (body.person_id === undefined && body.organization_id === undefined) {
    return { ok: false, message: '"value" must contain at least one of [person_id, organization_id]' };
  }
  return { ok: true, input: body as unknown as LeadInput };
}
