import type {
  ActivityType,
  Company,
  CustomFieldValues,
  Lead,
  LeadLabel,
  Organization,
  Person,
  User,
} from '../company/crm-types.ts';
import type { Deal } from '../company/deal-types.ts';
import type { SandboxPlan } from '../company/sandbox-plan.ts';
import { mergeSearchHits, type SearchHit, type SearchQuery } from '../search/search-index.ts';
import { noSearchLag, type SearchLag } from '../search/search-lag.ts';
import { generateSeedData } from '../seed/seed.ts';
import { SEED_ACTIVITY_TYPES } from '../seed/seed-activity-types.ts';
import { COMPANY, LIMITED_ACCESS_USERS, SEED_LEAD_LABELS, SEED_USERS } from '../seed/seed-company.ts';
import { seededLeads } from '../seed/seed-leads.ts';
import { ContactSet } from './contact-store.ts';
import { dealFromLead } from './deal-from-lead.ts';
import { FollowUpSet } from './follow-up-set.ts';
import { type ConversionJob, LeadConversions } from './lead-conversions.ts';
import { type LeadHit, LeadSet } from './lead-set.ts';

interface SeedState {
  contacts: ContactSet;
  maxPersonId: number;
  maxOrganizationId: number;
}

let sharedSeed: SeedState | null = null;

/**
 * Seeded records and their indexes never change after seeding, so every store in the process
 * shares one copy: tests can create many sandboxes without rebuilding 6,000 records each time.
 */
function loadSeed(): SeedState {
  if (!sharedSeed) {
    const seed = generateSeedData();
    const contacts = new ContactSet(seed.persons, seed.organizations);
    sharedSeed = {
      contacts,
      maxPersonId: contacts.maxPersonId(),
      maxOrganizationId: contacts.maxOrganizationId(),
    };
  }
  return sharedSeed;
}

/**
 * Everyone in the company, as `GET /v1/users` lists them. The deactivated user stays last, where
 * tests that need an inactive owner look for one.
 */
const ALL_USERS: readonly User[] = [
  ...SEED_USERS.filter((user) => user.activeFlag),
  ...LIMITED_ACCESS_USERS,
  ...SEED_USERS.filter((user) => !user.activeFlag),
];

/** Ids of colleagues who join through the admin surface, clear of the seeded ones. */
const JOINED_ID_START = 21000101;

export interface CrmStoreOptions {
  /** The company starts with its seeded leads (seed-leads.ts), dated back from `now`; default none. */
  seedLeads?: boolean;
  now?: () => number;
  /** How leads become deals; without it, as soon as anything reads after asking. */
  conversions?: LeadConversions;
}

/** Deal ids start here, clear of anything a test might take for a person or organization id. */
const FIRST_DEAL_ID = 9001;

/**
 * Told when a lead has become a deal, after the deal is stored and before the lead's removal is
 * seen by anyone: what hangs on the lead (notes, activities) moves to the deal here. Pipedrive
 * moves "notes, files, emails, activities, ..." with a conversion.
 */
export type NewPerson = Omit<Person, 'id'>;
export type NewOrganization = Omit<Organization, 'id'>;

/** Company data the API serves: seeded, deterministic records plus what the API created in memory. */
export class CrmStore {
  readonly company: Company = COMPANY;
  /** Users switched off through the admin surface, e.g. to test a stale owner list. */
  private readonly deactivatedUserIds = new Set<number>();
  /** Colleagues who joined through the admin surface: a test's own user, installed nowhere yet. */
  private joined: User[] = [];
  readonly activityTypes: readonly ActivityType[] = SEED_ACTIVITY_TYPES;
  /** Notes and activities created through the API. */
  followUps = new FollowUpSet();
  /** The seeded labels, then those added through the API. */
  private labels: LeadLabel[] = [...SEED_LEAD_LABELS];
  private readonly seed: SeedState = loadSeed();
  /** Persons and organizations created through the API, on top of the shared seed. */
  private created = new ContactSet();
  /** When each created person and organization reaches the search index (sandbox/search/search-lag.ts). */
  private personsIndexedAt = new Map<number, number>();
  private organizationsIndexedAt = new Map<number, number>();
  private readonly searchLag: SearchLag;
  private leads: LeadSet;
  /** Deals made by converting leads, by id. */
  private deals = new Map<number, Deal>();
  readonly conversions: LeadConversions;

  private readonly options: CrmStoreOptions;

  /** Without a `searchLag`, records are searchable as soon as they are stored. */
  constructor(
    readonly plan: SandboxPlan,
    searchLag?: SearchLag,
    options: CrmStoreOptions = {},
  ) {
    this.searchLag = searchLag ?? noSearchLag(Date.now);
    this.options = options;
    this.leads = this.startingLeads();
    this.conversions = options.conversions ?? new LeadConversions(Date.now, 0);
  }

  private startingLeads(): LeadSet {
    const leads = new LeadSet(this.searchLag);
    if (this.options.seedLeads) {
      const now = (this.options.now ?? Date.now)();
      for (const lead of seededLeads(this.company, now)) leads.add(lead, {}, true);
    }
    return leads;
  }

  /**
   * Back to the seed: created leads, deals, conversions, added labels, notes, activities and created
   * persons and organizations are dropped; seeded leads come back.
   */
  reset(): void {
    this.deactivatedUserIds.clear();
    this.joined = [];
    this.leads = this.startingLeads();
    this.followUps = new FollowUpSet();
    this.labels = [...SEED_LEAD_LABELS];
    this.deals = new Map();
    this.conversions.reset();
    this.created = new ContactSet();
    this.personsIndexedAt = new Map();
    this.organizationsIndexedAt = new Map();
  }

  get users(): readonly User[] {
    // Joined colleagues come before the deactivated user, who stays last.
    const everyone =
      this.joined.length === 0
        ? ALL_USERS
        : [...ALL_USERS.slice(0, -1), ...this.joined, ...ALL_USERS.slice(-1)];
    if (this.deactivatedUserIds.size === 0) return everyone;
    return everyone.map((user) =>
      this.deactivatedUserIds.has(user.id) ? { ...user, activeFlag: false } : user,
    );
  }

  /**
   * Sandbox admin: a new colleague joins the company, with the sandbox password and the app
   * installed nowhere. Tests that must see the consent page (or uninstall) each get a user of their
   * own, so tests running side by side on one sandbox never install the app for one another.
   */
  join(name: string, installedScopes: readonly string[] | null = null): User {
    const id = JOINED_ID_START + this.joined.length;
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '.')
        .replace(/^\.|\.$/g, '') || 'colleague';
    const template = ALL_USERS[0];
    if (!template) throw new Error('the sandbox has no seeded user');
    const user: User = {
      ...template,
      id,
      name,
      email: `${slug}.${id}@northwind.example`,
      phone: null,
      isAdmin: false,
      activeFlag: true,
      permissions: { leads: true },
      installedScopes,
    };
    this.joined.push(user);
    return user;
  }

  /** Sandbox admin: switch a user on or off. False when there is no such user. */
  setUserActive(id: number, active: boolean): boolean {
    if (!this.users.some((user) => user.id === id)) return false;
    if (active) this.deactivatedUserIds.delete(id);
    else this.deactivatedUserIds.add(id);
    return true;
  }

  findUser(id: number): User | undefined {
    return this.users.find((user) => user.id === id);
  }

  findUserByEmail(email: string): User | undefined {
    const wanted = email.trim().toLowerCase();
    return this.users.find((user) => user.email === wanted);
  }

  findPerson(id: number): Person | undefined {
    return this.seed.contacts.persons.get(id) ?? this.created.persons.get(id);
  }

  findOrganization(id: number): Organization | undefined {
    return this.seed.contacts.organizations.get(id) ?? this.created.organizations.get(id);
  }

  listPersons(): Person[] {
    return [...this.seed.contacts.persons.values(), ...this.created.persons.values()];
  }

  listOrganizations(): Organization[] {
    return [...this.seed.contacts.organizations.values(), ...this.created.organizations.values()];
  }

  /** The seed is always in the index; a created person only once the search lag has passed. */
  searchPersons(query: SearchQuery): SearchHit[] {
    return mergeSearchHits([
      { index: this.seed.contacts.personIndex, hits: this.seed.contacts.searchPersons(query) },
      {
        index: this.created.personIndex,
        hits: this.indexedOnly(this.created.searchPersons(query), this.personsIndexedAt),
      },
    ]);
  }

  searchOrganizations(query: SearchQuery): SearchHit[] {
    return mergeSearchHits([
      { index: this.seed.contacts.organizationIndex, hits: this.seed.contacts.searchOrganizations(query) },
      {
        index: this.created.organizationIndex,
        hits: this.indexedOnly(this.created.searchOrganizations(query), this.organizationsIndexedAt),
      },
    ]);
  }

  /**
   * Stores a person under the next free id: readable by id at once, searchable after the search
   * lag. The API cannot change a person, so only new ones lag.
   */
  addPerson(fields: NewPerson): Person {
    const id = Math.max(this.seed.maxPersonId, this.created.maxPersonId()) + 1;
    const person: Person = { ...fields, id };
    this.created.addPerson(person);
    this.personsIndexedAt.set(id, this.searchLag.indexedAtForWriteNow());
    return person;
  }

  addOrganization(fields: NewOrganization): Organization {
    const id = Math.max(this.seed.maxOrganizationId, this.created.maxOrganizationId()) + 1;
    const org: Organization = { ...fields, id };
    this.created.addOrganization(org);
    this.organizationsIndexedAt.set(id, this.searchLag.indexedAtForWriteNow());
    return org;
  }

  get leadLabels(): readonly LeadLabel[] {
    return this.labels;
  }

  addLeadLabel(label: LeadLabel): void {
    this.labels.push(label);
  }

  /**
   * Stores a lead (or, under an id already stored, a changed version of it): `GET /v1/leads/{id}`
   * and `GET /v1/leads` see it at once, `GET /api/v2/leads/search` after the search lag.
   */
  addLead(lead: Lead, customFields: CustomFieldValues = {}): void {
    this.leads.add(lead, customFields);
  }

  /** Every lead, latest versions, in the order they were first stored. */
  listLeads(): Array<{ lead: Lead; customFields: CustomFieldValues }> {
    this.settleConversions();
    return this.leads.list();
  }

  findLead(id: string): Lead | undefined {
    this.settleConversions();
    return this.leads.find(id);
  }

  /**
   * Sandbox admin: archives a lead, as a rep's "Archive" in Pipedrive does; `GET /v1/leads` leaves
   * it out from then on and `GET /v1/leads/archived` lists it. False when there is no such lead.
   */
  archiveLead(id: string, now: number): boolean {
    const lead = this.leads.find(id);
    if (!lead) return false;
    const time = new Date(now).toISOString();
    this.leads.add({ ...lead, is_archived: true, update_time: time }, this.leads.customFields(id));
    return true;
  }

  /** The custom field values set on a lead, in the v1 read format; empty for an unknown lead. */
  leadCustomFields(id: string): CustomFieldValues {
    this.settleConversions();
    return this.leads.customFields(id);
  }

  countLeads(): number {
    this.settleConversions();
    return this.leads.count();
  }

  searchLeads(query: SearchQuery): LeadHit[] {
    this.settleConversions();
    return this.leads.search(query);
  }

  /** A conversion job with its ending carried out if it is due. */
  findConversion(id: string): ConversionJob | undefined {
    this.settleConversions();
    return this.conversions.find(id);
  }

  findDeal(id: number): Deal | undefined {
    this.settleConversions();
    return this.deals.get(id);
  }

  /** Every deal, in the order they were made. */
  listDeals(): Deal[] {
    this.settleConversions();
    return [...this.deals.values()];
  }

  /**
   * Carries out every conversion that has ended: a completed one makes the deal from the lead,
   * moves the lead's notes and activities to it, then removes the lead, which Pipedrive marks
   * deleted; a failed or rejected one leaves everything as it was.
   */
  private settleConversions(): void {
    for (const job of this.conversions.due()) {
      job.settled = true;
      if (job.ending !== 'completed') continue;
      const lead = this.leads.find(job.leadId);
      if (!lead) {
        // Gone while converting (a reset, another conversion): nothing to make a deal of.
        job.ending = 'failed';
        continue;
      }
      const id = Math.max(FIRST_DEAL_ID - 1, ...this.deals.keys()) + 1;
      const currency = this.findUser(job.userId)?.defaultCurrency;
      const deal = dealFromLead(id, lead, this.leads.customFields(lead.id), job, currency);
      this.deals.set(id, deal);
      job.dealId = id;
      this.followUps.moveToDeal(lead.id, id);
      this.leads.remove(lead.id);
    }
  }

  private indexedOnly(hits: SearchHit[], indexedAt: ReadonlyMap<number, number>): SearchHit[] {
    return hits.filter((hit) => this.searchLag.isIndexed(indexedAt.get(hit.id) ?? 0));
  }
}
