import { describe, expect, it } from 'vitest';
import { createSandbox } from '../create-sandbox.ts';
import { createTestSandbox } from '../testing/test-support.ts';
import { FIXTURES, generateSeedData, ORGANIZATION_COUNT, PERSON_COUNT } from './seed.ts';

describe('seed data', () => {
  it('is deterministic: two generations are identical', () => {
    const first = generateSeedData();
    const second = generateSeedData();
    expect(second.persons.slice(0, 50)).toEqual(first.persons.slice(0, 50));
    expect(second.persons.at(-1)).toEqual(first.persons.at(-1));
    expect(second.organizations).toEqual(first.organizations);
  });

  it('gives two sandboxes the same first persons', () => {
    const options = { oauthOrigin: 'http://127.0.0.1:1', apiOrigin: 'http://127.0.0.1:2', appOrigins: [] };
    const a = createSandbox(options).store.crm.listPersons().slice(0, 20);
    const b = createSandbox(options).store.crm.listPersons().slice(0, 20);
    expect(b).toEqual(a);
  });

  it('has at least 5 users, 5,000 persons and 1,000 organizations with unique ids', () => {
    const { crm } = createTestSandbox().store;
    expect(crm.users.filter((user) => user.activeFlag).length).toBeGreaterThanOrEqual(5);
    const persons = crm.listPersons();
    const orgs = crm.listOrganizations();
    expect(persons).toHaveLength(PERSON_COUNT);
    expect(orgs).toHaveLength(ORGANIZATION_COUNT);
    expect(persons.map((person) => person.id)).toEqual(persons.map((_, index) => index + 1));
    expect(orgs.map((org) => org.id)).toEqual(orgs.map((_, index) => index + 1));
  });

  it('uses only .example domains and links about 85% of persons to an organization', () => {
    const { persons, organizations } = generateSeedData();
    for (const person of persons)
      for (const email of person.emails) expect(email).toMatch(/@[a-z0-9.-]+\.example$/);
    for (const org of organizations) expect(org.domain).toMatch(/\.example$/);
    const linked = persons.filter((person) => person.orgId !== null).length / persons.length;
    expect(linked).toBeGreaterThan(0.8);
    expect(linked).toBeLessThan(0.9);
    expect(new Set(organizations.map((org) => org.name)).size).toBe(organizations.length);
  });

  it('contains the fixtures, each name exactly once', () => {
    const { persons, organizations } = generateSeedData();
    expect(persons.filter((person) => person.name === 'Ada Lovelace')).toEqual([
      expect.objectContaining({ id: 1, orgId: FIXTURES.analyticalEngines.organizationId }),
    ]);
    expect(organizations.filter((org) => org.name === 'Analytical Engines Ltd')).toHaveLength(1);
    expect(organizations.filter((org) => org.name.includes('Globex'))).toEqual([
      expect.objectContaining({ id: FIXTURES.globex.organizationId, name: 'Globex Corporation' }),
    ]);
    expect(persons.filter((person) => person.name.includes('Lovelace'))).toHaveLength(1);
  });

  it('starts with the demo user Maria Lopez and shares one password', () => {
    const sandbox = createTestSandbox();
    expect(sandbox.demoUsers[0]).toEqual({
      name: 'Maria Lopez',
      email: 'maria.lopez@northwind.example',
      password: 'sandbox',
    });
    expect(sandbox.demoUsers.every((user) => user.email.endsWith('@northwind.example'))).toBe(true);
  });
});
