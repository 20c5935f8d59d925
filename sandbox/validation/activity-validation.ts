import { isGuid } from './lead-validation.ts';
import { isPlainObject, isRealDate } from './value-checks.ts';

/** What `POST /api/v2/activities` stores; absent optionals are null. */
export interface ActivityInput {
  subject: string | undefined;
  type: string | undefined;
  ownerId: number | undefined;
  leadId: string | null;
  personId: number | null;
  orgId: number | null;
  dueDate: string | null;
  /** HH:MM:SS. */
  dueTime: string | null;
  /** HH:MM:SS. */
  duration: string | null;
  busy: boolean;
  done: boolean;
  note: string | null;
  publicDescription: string | null;
  priority: number | null;
}

export interface ActivityRefs {
  /** Whether `key` is the `key_string` of an active activity type. */
  isActiveType(key: string): boolean;
  isActiveUser(id: number): boolean;
  hasLead(id: string): boolean;
  hasPerson(id: number): boolean;
  hasOrganization(id: number): boolean;
}

/** A v2 refusal: sent as "Validation failed: <parameter>: <reason>" (texts guessed, as for persons). */
export type ActivityValidation =
  | { ok: true; input: ActivityInput }
  | { ok: false; parameter: string; reason: string };

class Invalid extends Error {
  constructor(
    readonly parameter: string,
    readonly reason: string,
  ) {
    super(`${parameter}: ${reason}`);
  }
}

function invalid(parameter: string, reason: string): never {
  throw new Invalid(parameter, reason);
}

/** The properties of `addActivity`'s request schema in the v2 document. */
const KNOWN_KEYS = [
  'subject',
  'type',
  'owner_id',
  'deal_id',
  'lead_id',
  'person_id',
  'org_id',
  'project_id',
  'due_date',
  'due_time',
  'duration',
  'busy',
  'done',
  'location',
  'participants',
  'attendees',
  'public_description',
  'priority',
  'note',
];

function optionalText(value: unknown, parameter: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') invalid(parameter, 'Must be a string');
  return value;
}

function optionalId(value: unknown, parameter: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    invalid(parameter, 'Must be a positive integer');
  }
  return value;
}

function optionalBoolean(value: unknown, parameter: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') invalid(parameter, 'Must be a boolean');
  return value;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** HH:MM, as the v1 document gives activity times, or HH:MM:SS, as v2 answers write them. */
function optionalTime(value: unknown, parameter: string): string | null {
  if (value === undefined || value === null) return null;
  const match = typeof value === 'string' ? CLOCK_TIME.exec(value) : null;
  if (!match) invalid(parameter, 'Must be a time in HH:MM format');
  return `${match[1]}:${match[2]}:${match[3] ?? '00'}`;
}

function subjectOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') invalid('subject', 'Must be a string');
  return value.trim() === '' ? undefined : value.trim();
}

function typeOf(value: unknown, refs: ActivityRefs): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') invalid('type', 'Must be a string');
  if (!refs.isActiveType(value)) invalid('type', `Activity type "${value}" does not exist or is not active`);
  return value;
}

function ownerOf(value: unknown, refs: ActivityRefs): number | undefined {
  const id = optionalId(value, 'owner_id');
  if (id === null) return undefined;
  if (!refs.isActiveUser(id)) invalid('owner_id', `User with id ${id} does not exist or is not active`);
  return id;
}

function leadOf(value: unknown, refs: ActivityRefs): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isGuid(value)) invalid('lead_id', 'Must be a valid UUID');
  const id = value.toLowerCase();
  if (!refs.hasLead(id)) invalid('lead_id', `Lead with id ${value} does not exist`);
  return id;
}

function dueDateOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isRealDate(value))
    invalid('due_date', 'Must be a date in YYYY-MM-DD format');
  return value;
}

function priorityOf(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isInteger(value)) invalid('priority', 'Must be an integer');
  return value;
}

/** Parts the sandbox checks for shape only and does not keep: locations, participants, attendees. */
function shapeOnly(fields: Record<string, unknown>): void {
  if (fields.location !== undefined && fields.location !== null && !isPlainObject(fields.location)) {
    invalid('location', 'Must be an object');
  }
  for (const list of ['participants', 'attendees']) {
    const value = fields[list];
    if (value !== undefined && value !== null && !Array.isArray(value)) invalid(list, 'Must be an array');
  }
}

/**
 * `POST /api/v2/activities` [spec v2 `addActivity`]. The document marks no property required; the
 * sandbox refuses what names nothing real (an inactive or unknown type, an inactive owner, a lead,
 * person or organization that is not there, a deal or project, which it has none of) and a property
 * the document does not list, as it does for persons.
 */
export function validateActivityBody(raw: unknown, refs: ActivityRefs): ActivityValidation {
  try {
    if (!isPlainObject(raw)) invalid('body', 'Must be a JSON object');
    const unknown = Object.keys(raw).find((key) => !KNOWN_KEYS.includes(key));
    if (unknown !== undefined) invalid(unknown, 'Unknown field');
    const dealId = optionalId(raw.deal_id, 'deal_id');
    if (dealId !== null) invalid('deal_id', `Deal with id ${dealId} does not exist`);
    const projectId = optionalId(raw.project_id, 'project_id');
    if (projectId !== null) invalid('project_id', `Project with id ${projectId} does not exist`);
    const personId = optionalId(raw.person_id, 'person_id');
    if (personId !== null && !refs.hasPerson(personId)) {
      invalid('person_id', `Person with id ${personId} does not exist`);
    }
    const orgId = optionalId(raw.org_id, 'org_id');
    if (orgId !== null && !refs.hasOrganization(orgId)) {
      invalid('org_id', `Organization with id ${orgId} does not exist`);
    }
    shapeOnly(raw);
    return {
      ok: true,
      input: {
        subject: subjectOf(raw.subject),
        type: typeOf(raw.type, refs),
        ownerId: ownerOf(raw.owner_id, refs),
        leadId: leadOf(raw.lead_id, refs),
        personId,
        orgId,
        dueDate: dueDateOf(raw.due_date),
        dueTime: optionalTime(raw.due_time, 'due_time'),
        duration: optionalTime(raw.duration, 'duration'),
        busy: optionalBoolean(raw.busy, 'busy'),
        done: optionalBoolean(raw.done, 'done'),
        note: optionalText(raw.note, 'note'),
        publicDescription: optionalText(raw.public_description, 'public_description'),
        priority: priorityOf(raw.priority),
      },
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, parameter: error.parameter, reason: error.reason };
    throw error;
  }
}
