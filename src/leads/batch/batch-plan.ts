import { documentedCostOf } from '@common/documented-costs.ts';
import type { CreateOrganizationValues, CreatePersonValues } from '@/contacts/create-contact-schemas.ts';
import { type ContactStatus, lookupSearches, organizationKey, personKey } from './batch-contacts.ts';
import type { RowCheck } from './batch-row.ts';
import type { BatchPlan, PlannedRow } from './batch-run.ts';

/** The rows to send (checked and not left out) and the distinct contacts they name. */
export function buildPlan(
  batchId: string,
  checks: readonly RowCheck[],
  leftOut: readonly number[],
): BatchPlan {
  const rows: PlannedRow[] = [];
  const persons = new Map<string, CreatePersonValues>();
  const organizations = new Map<string, CreateOrganizationValues>();
  checks.forEach((check, index) => {
    if (!check.ok || leftOut.includes(index)) return;
    const { person, organization } = check.lead.contacts;
    const planned: PlannedRow = { index, lead: check.lead };
    if (person) {
      planned.personKey = personKey(person);
      if (!persons.has(planned.personKey)) persons.set(planned.personKey, person);
    }
    if (organization) {
      planned.organizationKey = organizationKey(organization);
      if (!organizations.has(planned.organizationKey))
        organizations.set(planned.organizationKey, organization);
    }
    rows.push(planned);
  });
  return { batchId, rows, persons, organizations };
}

/** The contacts of the plan nobody has looked up yet. */
export function contactsToLookUp(plan: BatchPlan, contacts: Readonly<Record<string, ContactStatus>>) {
  return {
    persons: [...plan.persons].filter(([key]) => contacts[key] === undefined),
    organizations: [...plan.organizations].filter(([key]) => contacts[key] === undefined),
  };
}

const cost = (method: 'GET' | 'POST', path: string) => documentedCostOf(method, path) ?? 0;

/** Documented tokens for looking the plan's contacts up: at most one exact search per term. */
export function lookupCost(plan: BatchPlan, contacts: Readonly<Record<string, ContactStatus>>) {
  const { persons, organizations } = contactsToLookUp(plan, contacts);
  const searches = lookupSearches(
    persons.map(([, person]) => person),
    organizations.map(([, organization]) => organization),
  );
  return { searches, tokens: searches * cost('GET', '/api/v2/persons/search') };
}

export interface CreateCost {
  leads: number;
  notes: number;
  persons: number;
  organizations: number;
  tokens: number;
}

/** Documented tokens for what "Create N leads" still sends: new contacts, leads and notes. */
export function createCost(
  plan: BatchPlan,
  contacts: Readonly<Record<string, ContactStatus>>,
  isCreated: (index: number) => boolean,
): CreateCost {
  const pending = plan.rows.filter((row) => !isCreated(row.index));
  const isNew = (key: string | undefined) =>
    key !== undefined && (contacts[key]?.kind === 'new' || contacts[key]?.kind === 'failed');
  const persons = new Set(pending.map((row) => row.personKey).filter(isNew)).size;
  const organizations = new Set(pending.map((row) => row.organizationKey).filter(isNew)).size;
  const notes = pending.filter((row) => row.lead.noteHtml !== undefined).length;
  const tokens =
    pending.length * cost('POST', '/api/v1/leads') +
    notes * cost('POST', '/api/v1/notes') +
    persons * cost('POST', '/api/v2/persons') +
    organizations * cost('POST', '/api/v2/organizations');
  return { leads: pending.length, notes, persons, organizations, tokens };
}
