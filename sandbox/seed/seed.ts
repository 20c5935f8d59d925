import type { Organization, Person } from '../company/crm-types.ts';
import { slugWord } from '../search/text-normalize.ts';
import { SEED_USERS } from './seed-company.ts';
import { FIRST_NAMES, LAST_NAMES } from './seed-words-people.ts';
import {
  CITIES,
  type City,
  FREE_MAIL_DOMAINS,
  LEGAL_FORMS,
  NUMBER_FIRST,
  ORG_INDUSTRIES,
  ORG_PREFIXES,
  ORG_ROOTS,
  STREETS,
} from './seed-words-places.ts';
import { createSeededRandom, pick, randomInt } from './seeded-random.ts';

export const SEED = 20261122;
export const PERSON_COUNT = 5000;
export const ORGANIZATION_COUNT = 1000;

/**
 * Known records for e2e and unit tests. Each name is unique in the seed, so a search for it
 * finds exactly one person or organization.
 * - person 1 "Ada Lovelace" (ada.lovelace@analytical-engines.example) works at organization 1
 *   "Analytical Engines Ltd".
 * - organization 2 "Globex Corporation", with person 2 "Hank Scorpio".
 * - person 3 has markup in the name, with no organization, to prove every page escapes it.
 */
export const FIXTURES = {
  adaLovelace: { personId: 1, name: 'Ada Lovelace', email: 'ada.lovelace@analytical-engines.example' },
  analyticalEngines: { organizationId: 1, name: 'Analytical Engines Ltd' },
  globex: { organizationId: 2, name: 'Globex Corporation' },
  hankScorpio: { personId: 2, name: 'Hank Scorpio', email: 'hank.scorpio@globex.example' },
  markupName: { personId: 3, name: 'Bobby <img src=x onerror=alert(1)> Tables' },
} as const;

export interface SeedData {
  organizations: Organization[];
  persons: Person[];
}

const LONDON: City = CITIES[0] as City;
const ACTIVE_USER_IDS = SEED_USERS.filter((user) => user.activeFlag).map((user) => user.id);

function fixtureOrganizations(): Array<{ org: Organization; city: City }> {
  const owner = ACTIVE_USER_IDS[0] ?? 0;
  return [
    {
      org: {
        id: FIXTURES.analyticalEngines.organizationId,
        name: FIXTURES.analyticalEngines.name,
        address: '12 Marylebone High Street, London W1U 4PQ, United Kingdom',
        domain: 'analytical-engines.example',
        ownerId: owner,
        visibleTo: 3,
      },
      city: LONDON,
    },
    {
      org: {
        id: FIXTURES.globex.organizationId,
        name: FIXTURES.globex.name,
        address: '1 Cypress Creek Parkway, Austin TX 78701, United States',
        domain: 'globex.example',
        ownerId: owner,
        visibleTo: 3,
      },
      city: CITIES.find((city) => city.name === 'Austin') ?? LONDON,
    },
  ];
}

/** A city-branded name ("Lyon Textiles") also fixes where the organization is. */
function organizationName(random: () => number): { name: string; city: City } {
  const roll = random();
  const city = pick(random, CITIES);
  if (roll < 0.7) {
    const brand = pick(random, ORG_PREFIXES) + pick(random, ORG_ROOTS);
    const second = random();
    if (second < 0.55) return { name: `${brand} ${pick(random, ORG_INDUSTRIES)}`, city };
    if (second < 0.8) return { name: `${brand} ${pick(random, LEGAL_FORMS)}`, city };
    return { name: `${brand} ${pick(random, ORG_INDUSTRIES)} ${pick(random, LEGAL_FORMS)}`, city };
  }
  if (roll < 0.85) {
    const suffix = pick(random, ['Partners', 'Consulting', 'Legal', 'Architects', 'Ltd', 'GmbH']);
    return { name: `${pick(random, LAST_NAMES)} & ${pick(random, LAST_NAMES)} ${suffix}`, city };
  }
  return { name: `${city.name} ${pick(random, ORG_INDUSTRIES)}`, city };
}

function domainFor(name: string, taken: Set<string>): string {
  const legalForm = LEGAL_FORMS.find((form) => name.endsWith(` ${form}`));
  const brand = legalForm ? name.slice(0, -legalForm.length - 1) : name;
  const words = brand.split(/\s+/).map(slugWord).filter(Boolean);
  const base = words.join('-') || 'company';
  let domain = base;
  for (let n = 2; taken.has(domain); n += 1) domain = `${base}-${n}`;
  taken.add(domain);
  return `${domain}.example`;
}

function addressIn(random: () => number, city: City): string {
  const street = pick(random, STREETS[city.streets]);
  const number = randomInt(random, 1, 240);
  const streetPart = NUMBER_FIRST.has(city.streets) ? `${number} ${street}` : `${street} ${number}`;
  const place = city.streets === 'en' ? `${city.name} ${city.postcode}` : `${city.postcode} ${city.name}`;
  return `${streetPart}, ${place}, ${city.country}`;
}

function phoneIn(random: () => number, city: City): string {
  return `${city.dial} ${randomInt(random, 100, 999)} ${randomInt(random, 1000, 9999)}`;
}

function generateOrganizations(random: () => number): Array<{ org: Organization; city: City }> {
  const result = fixtureOrganizations();
  const names = new Set(result.map(({ org }) => org.name));
  const domains = new Set(result.map(({ org }) => org.domain.replace(/\.example$/, '')));
  while (result.length < ORGANIZATION_COUNT) {
    const { name, city } = organizationName(random);
    if (names.has(name)) continue;
    names.add(name);
    result.push({
      org: {
        id: result.length + 1,
        name,
        address: addressIn(random, city),
        domain: domainFor(name, domains),
        ownerId: pick(random, ACTIVE_USER_IDS),
        visibleTo: 3,
      },
      city,
    });
  }
  return result;
}

function fixturePersons(): Person[] {
  const owner = ACTIVE_USER_IDS[0] ?? 0;
  const base = { ownerId: owner, visibleTo: 3 };
  return [
    {
      ...base,
      id: FIXTURES.adaLovelace.personId,
      name: FIXTURES.adaLovelace.name,
      emails: [FIXTURES.adaLovelace.email],
      phones: ['+44 20 7946 0815'],
      orgId: FIXTURES.analyticalEngines.organizationId,
    },
    {
      ...base,
      id: FIXTURES.hankScorpio.personId,
      name: FIXTURES.hankScorpio.name,
      emails: [FIXTURES.hankScorpio.email],
      phones: ['+1 512 555 0199'],
      orgId: FIXTURES.globex.organizationId,
    },
    {
      ...base,
      id: FIXTURES.markupName.personId,
      name: FIXTURES.markupName.name,
      emails: ['bobby.tables@mailbox.example'],
      phones: [],
      orgId: null,
    },
  ];
}

function uniqueEmail(local: string, domain: string, taken: Set<string>): string {
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n += 1) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
}

function generatePersons(random: () => number, orgs: Array<{ org: Organization; city: City }>): Person[] {
  const persons = fixturePersons();
  const emails = new Set(persons.flatMap((person) => person.emails));
  while (persons.length < PERSON_COUNT) {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const employer = random() < 0.85 ? pick(random, orgs) : null;
    const city = employer?.city ?? pick(random, CITIES);
    const local = `${slugWord(first)}.${slugWord(last)}`;
    const personEmails = [
      uniqueEmail(local, employer?.org.domain ?? pick(random, FREE_MAIL_DOMAINS), emails),
    ];
    if (employer && random() < 0.1) {
      personEmails.push(
        uniqueEmail(`${slugWord(first)}${slugWord(last)}`, pick(random, FREE_MAIL_DOMAINS), emails),
      );
    }
    persons.push({
      id: persons.length + 1,
      name: `${first} ${last}`,
      emails: personEmails,
      phones: random() < 0.92 ? [phoneIn(random, city)] : [],
      orgId: employer?.org.id ?? null,
      ownerId: pick(random, ACTIVE_USER_IDS),
      visibleTo: random() < 0.95 ? 3 : 1,
    });
  }
  return persons;
}

/** Same output on every call: the e2e tests and screenshots depend on stable names and ids. */
export function generateSeedData(): SeedData {
  const random = createSeededRandom(SEED);
  const orgs = generateOrganizations(random);
  return {
    organizations: orgs.map(({ org }) => org),
    persons: generatePersons(random, orgs),
  };
}
