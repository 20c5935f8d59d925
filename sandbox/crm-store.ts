import type { Company, Lead, LeadLabel, Organization, Person, User } from './crm-types.ts';
import { type SearchHit, SearchIndex, type SearchQuery } from './search-index.ts';
import { generateSeedData } from './seed.ts';
import { COMPANY, SEED_LEAD_LABELS, SEED_USERS } from './seed-company.ts';

/** Pipedrive plans differ in the visibility levels they offer; leads validate against the plan. */
export type SandboxPlan = 'premium' | 'growth';

interface SeedState {
  persons: Map<number, Person>;
  organizations: Map<number, Organization>;
  personIndex: SearchIndex<Person>;
  organizationIndex: SearchIndex<Organization>;
}

let sharedSeed: SeedState | null = null;

/**
 * Seeded records and their indexes never change after seeding, so every store in the process
 * shares one copy: tests can create many sandboxes without rebuilding 6,000 records each time.
 */
function loadSeed(): SeedState {
  sharedSeed ??= buildSeed();
  return sharedSeed;
}

function buildSeed(): SeedState {
  const seed = generateSeedData();
  const personIndex = new SearchIndex<Person>(
    {
      name: { kind: 'text', weight: 1, values: (person) => [person.name] },
      email: { kind: 'email', weight: 0.8, values: (person) => person.emails },
      phone: { kind: 'phone', weight: 0.6, values: (person) => person.phones },
    },
    (person) => person.name,
    seed.persons,
  );
  const organizationIndex = new SearchIndex<Organization>(
    {
      name: { kind: 'text', weight: 1, values: (org) => [org.name] },
      address: { kind: 'text', weight: 0.5, values: (org) => [org.address] },
    },
    (org) => org.name,
    seed.organizations,
  );
  return {
    persons: new Map(seed.persons.map((person) => [person.id, person])),
    organizations: new Map(seed.organizations.map((org) => [org.id, org])),
    personIndex,
    organizationIndex,
  };
}

/** Company data the API serves: seeded, deterministic records plus leads created in memory. */
export class CrmStore {
  readonly company: Company = COMPANY;
  readonly users: readonly User[] = SEED_USERS;
  readonly leadLabels: readonly LeadLabel[] = SEED_LEAD_LABELS;
  private seed: SeedState = loadSeed();
  private readonly leads = new Map<string, Lead>();

  constructor(readonly plan: SandboxPlan) {}

  /** Back to the seed: leads cleared, and anything created later rebuilt away with the index. */
  reset(): void {
    this.leads.clear();
    this.seed = loadSeed();
  }

  findUser(id: number): User | undefined {
    return this.users.find((user) => user.id === id);
  }

  findUserByEmail(email: string): User | undefined {
    const wanted = email.trim().toLowerCase();
    return this.users.find((user) => user.email === wanted);
  }

  findPerson(id: number): Person | undefined {
    return this.seed.persons.get(id);
  }

  findOrganization(id: number): Organization | undefined {
    return this.seed.organizations.get(id);
  }

  listPersons(): Person[] {
    return [...this.seed.persons.values()];
  }

  listOrganizations(): Organization[] {
    return [...this.seed.organizations.values()];
  }

  searchPersons(query: SearchQuery): SearchHit[] {
    return this.seed.personIndex.search(query);
  }

  searchOrganizations(query: SearchQuery): SearchHit[] {
    return this.seed.organizationIndex.search(query);
  }

  addLead(lead: Lead): void {
    this.leads.set(lead.id, lead);
  }

  findLead(id: string): Lead | undefined {
    return this.leads.get(id);
  }

  countLeads(): number {
    return this.leads.size;
  }
}
