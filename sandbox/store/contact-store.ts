import type { Organization, Person } from '../company/crm-types.ts';
import { type SearchHit, SearchIndex, type SearchQuery } from '../search/search-index.ts';

function personIndex(persons: Iterable<Person>): SearchIndex<Person> {
  return new SearchIndex<Person>(
    {
      name: { kind: 'text', weight: 1, values: (person) => [person.name] },
      email: { kind: 'email', weight: 0.8, values: (person) => person.emails },
      phone: { kind: 'phone', weight: 0.6, values: (person) => person.phones },
    },
    (person) => person.name,
    persons,
  );
}

function organizationIndex(organizations: Iterable<Organization>): SearchIndex<Organization> {
  return new SearchIndex<Organization>(
    {
      name: { kind: 'text', weight: 1, values: (org) => [org.name] },
      address: { kind: 'text', weight: 0.5, values: (org) => (org.address ? [org.address] : []) },
    },
    (org) => org.name,
    organizations,
  );
}

/**
 * Persons and organizations with their search indexes. The seed is one shared, never-changing
 * set; each sandbox adds its own small set for records created through the API, so a reset is
 * just a new empty set and one sandbox never sees another's records.
 */
export class ContactSet {
  readonly persons: Map<number, Person>;
  readonly organizations: Map<number, Organization>;
  readonly personIndex: SearchIndex<Person>;
  readonly organizationIndex: SearchIndex<Organization>;

  constructor(persons: readonly Person[] = [], organizations: readonly Organization[] = []) {
    this.persons = new Map(persons.map((person) => [person.id, person]));
    this.organizations = new Map(organizations.map((org) => [org.id, org]));
    this.personIndex = personIndex(persons);
    this.organizationIndex = organizationIndex(organizations);
  }

  addPerson(person: Person): void {
    this.persons.set(person.id, person);
    this.personIndex.add(person, person.name);
  }

  addOrganization(org: Organization): void {
    this.organizations.set(org.id, org);
    this.organizationIndex.add(org, org.name);
  }

  searchPersons(query: SearchQuery): SearchHit[] {
    return this.personIndex.search(query);
  }

  searchOrganizations(query: SearchQuery): SearchHit[] {
    return this.organizationIndex.search(query);
  }

  maxPersonId(): number {
    return Math.max(0, ...this.persons.keys());
  }

  maxOrganizationId(): number {
    return Math.max(0, ...this.organizations.keys());
  }
}
