import type { SandboxPlan } from '../company/sandbox-plan.ts';
import { VISIBILITY_BY_PLAN } from './lead-validation.ts';
import { isPlainObject } from './value-checks.ts';

/** A v2 validation failure: the parameter path and why, sent as "Validation failed: <path>: <reason>". */
export interface ContactProblem {
  parameter: string;
  reason: string;
}

export interface ContactItem {
  value: string;
  primary: boolean;
  label: string;
}

export interface ContactRefs {
  isActiveUser(id: number): boolean;
  hasOrganization(id: number): boolean;
}

export interface PersonInput {
  name: string;
  ownerId?: number;
  orgId?: number;
  emails: ContactItem[];
  phones: ContactItem[];
  visibleTo?: number;
}

export type AddressInput = Record<string, string> & { value: string };

export interface OrganizationInput {
  name: string;
  ownerId?: number;
  visibleTo?: number;
  address?: AddressInput;
  website: string | null;
  linkedin: string | null;
  industry: number | null;
  annualRevenue: number | null;
  employeeCount: number | null;
}

export type Parsed<T> = { ok: true; input: T } | ({ ok: false } & ContactProblem);

class Invalid extends Error {
  constructor(readonly problem: ContactProblem) {
    super(`${problem.parameter}: ${problem.reason}`);
  }
}

function invalid(parameter: string, reason: string): never {
  throw new Invalid({ parameter, reason });
}

function parse<T>(read: () => T): Parsed<T> {
  try {
    return { ok: true, input: read() };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, ...error.problem };
    throw error;
  }
}

function positiveInteger(value: unknown, parameter: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    invalid(parameter, 'Must be a positive integer');
  }
  return value;
}

function nullable<T>(value: unknown, parameter: string, read: (value: unknown, parameter: string) => T) {
  return value === undefined || value === null ? null : read(value, parameter);
}

function text(value: unknown, parameter: string): string {
  if (typeof value !== 'string') invalid(parameter, 'Must be a string');
  return value;
}

function name(value: unknown): string {
  if (value === undefined) invalid('name', 'Required');
  const trimmed = text(value, 'name').trim();
  if (!trimmed) invalid('name', 'Must not be empty');
  return trimmed;
}

function owner(value: unknown, refs: ContactRefs): number | undefined {
  if (value === undefined) return undefined;
  const id = positiveInteger(value, 'owner_id');
  if (!refs.isActiveUser(id)) invalid('owner_id', `User with id ${id} does not exist or is not active`);
  return id;
}

function visibility(value: unknown, plan: SandboxPlan): number | undefined {
  if (value === undefined) return undefined;
  const allowed = VISIBILITY_BY_PLAN[plan].map(Number);
  if (typeof value !== 'number' || !allowed.includes(value)) {
    invalid('visible_to', `Must be one of ${allowed.join(', ')}`);
  }
  return value;
}

// The sandbox has no person or organization labels, so any label id is unknown.
function labels(value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) invalid('label_ids', 'Must be an array of integers');
  value.forEach((item, index) => {
    positiveInteger(item, `label_ids[${index}]`);
    invalid(`label_ids[${index}]`, `Label with id ${item} does not exist`);
  });
}

function noCustomFields(value: unknown): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) invalid('custom_fields', 'Must be an object');
  const [key] = Object.keys(value);
  if (key !== undefined) invalid(`custom_fields.${key}`, 'Custom field does not exist');
}

/** `emails`/`phones`: `{value, primary?, label?}` items; the first is primary if none is marked. */
function items(value: unknown, parameter: string): ContactItem[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) invalid(parameter, 'Must be an array');
  const parsed = value.map((item, index) => {
    const path = `${parameter}[${index}]`;
    if (!isPlainObject(item)) invalid(path, 'Must be an object');
    const itemValue = text(item.value, `${path}.value`).trim();
    if (!itemValue) invalid(`${path}.value`, 'Must not be empty');
    if (item.primary !== undefined && typeof item.primary !== 'boolean') {
      invalid(`${path}.primary`, 'Must be a boolean');
    }
    const extra = Object.keys(item).find((key) => !['value', 'primary', 'label'].includes(key));
    if (extra !== undefined) invalid(`${path}.${extra}`, 'Unknown field');
    const label = item.label === undefined ? 'work' : text(item.label, `${path}.label`);
    return { value: itemValue, primary: item.primary === true, label };
  });
  const primary = Math.max(
    0,
    parsed.findIndex((item) => item.primary),
  );
  return parsed.map((item, index) => ({ ...item, primary: index === primary }));
}

function onlyKeys(body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) invalid(unknown, 'Unknown field');
}

function body(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) invalid('body', 'Must be a JSON object');
  return value;
}

const PERSON_KEYS = [
  'name',
  'owner_id',
  'org_id',
  'emails',
  'phones',
  'visible_to',
  'label_ids',
  'custom_fields',
];

/**
 * `POST /api/v2/persons`. The spec does not mark `name` required, but Pipedrive refuses a person
 * without one. Contact-sync-only fields (job_title, notes, im, birthday, postal_address) are refused
 * as unknown, as on an account without contact sync.
 */
export function parsePerson(raw: unknown, plan: SandboxPlan, refs: ContactRefs): Parsed<PersonInput> {
  return parse(() => {
    const fields = body(raw);
    const input: PersonInput = {
      name: name(fields.name),
      ownerId: owner(fields.owner_id, refs),
      emails: items(fields.emails, 'emails'),
      phones: items(fields.phones, 'phones'),
      visibleTo: visibility(fields.visible_to, plan),
    };
    if (fields.org_id !== undefined) {
      const orgId = positiveInteger(fields.org_id, 'org_id');
      if (!refs.hasOrganization(orgId)) invalid('org_id', `Organization with id ${orgId} does not exist`);
      input.orgId = orgId;
    }
    labels(fields.label_ids);
    noCustomFields(fields.custom_fields);
    onlyKeys(fields, PERSON_KEYS);
    return input;
  });
}

const ORGANIZATION_KEYS = [
  'name',
  'owner_id',
  'visible_to',
  'label_ids',
  'address',
  'website',
  'linkedin',
  'industry',
  'annual_revenue',
  'employee_count',
  'custom_fields',
];

const ADDRESS_PARTS = [
  'value',
  'country',
  'admin_area_level_1',
  'admin_area_level_2',
  'locality',
  'sublocality',
  'route',
  'street_number',
  'subpremise',
  'postal_code',
];

function address(value: unknown): AddressInput | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) invalid('address', 'Must be an object');
  const parts: Record<string, string> = {};
  for (const [key, part] of Object.entries(value)) {
    if (!ADDRESS_PARTS.includes(key)) invalid(`address.${key}`, 'Unknown field');
    parts[key] = text(part, `address.${key}`);
  }
  const formatted = parts.value?.trim();
  if (!formatted) invalid('address.value', 'Must not be empty');
  return { ...parts, value: formatted };
}

function count(value: unknown, parameter: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    invalid(parameter, 'Must be a non-negative integer');
  }
  return value;
}

/** `POST /api/v2/organizations`: `name` required, the rest optional. */
export function parseOrganization(
  raw: unknown,
  plan: SandboxPlan,
  refs: ContactRefs,
): Parsed<OrganizationInput> {
  return parse(() => {
    const fields = body(raw);
    const input: OrganizationInput = {
      name: name(fields.name),
      ownerId: owner(fields.owner_id, refs),
      visibleTo: visibility(fields.visible_to, plan),
      address: address(fields.address),
      website: nullable(fields.website, 'website', text),
      linkedin: nullable(fields.linkedin, 'linkedin', text),
      industry: nullable(fields.industry, 'industry', positiveInteger),
      annualRevenue: nullable(fields.annual_revenue, 'annual_revenue', count),
      employeeCount: nullable(fields.employee_count, 'employee_count', count),
    };
    labels(fields.label_ids);
    noCustomFields(fields.custom_fields);
    onlyKeys(fields, ORGANIZATION_KEYS);
    return input;
  });
}
