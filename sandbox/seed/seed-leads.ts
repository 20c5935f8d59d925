import type { Company, Lead } from '../company/crm-types.ts';
import { FIXTURES } from './seed.ts';
import { SEED_USERS } from './seed-company.ts';

const DAY_MS = 24 * 60 * 60_000;

function userId(name: string): number {
  const found = SEED_USERS.find((user) => user.name === name);
  if (!found) throw new Error(`no seeded user named ${name}`);
  return found.id;
}

/**
 * The leads a company already has when the sandbox starts: every contact the end-to-end tests pick
 * has an open one, so the app's open-lead warning shows for them on every run, whatever ran before
 * on a sandbox that is reused; the demo account owns one, so its recent leads are not empty at
 * first sight; and Ada Lovelace also has an archived one, which `GET /v1/leads` must leave out.
 */
export const SEEDED_LEADS = {
  enginesRenewal: {
    id: '5eed0001-0000-4000-8000-000000000001',
    title: 'Engines renewal',
    personId: FIXTURES.adaLovelace.personId,
    organizationId: FIXTURES.analyticalEngines.organizationId,
    owner: 'James Carter',
    daysAgo: 3,
  },
  differenceEngine: {
    id: '5eed0001-0000-4000-8000-000000000002',
    title: 'Difference engine (archived)',
    personId: FIXTURES.adaLovelace.personId,
    organizationId: FIXTURES.analyticalEngines.organizationId,
    owner: 'Aiko Tanaka',
    daysAgo: 40,
    archived: true,
  },
  globexExpansion: {
    id: '5eed0001-0000-4000-8000-000000000003',
    title: 'Globex expansion',
    personId: FIXTURES.hankScorpio.personId,
    organizationId: FIXTURES.globex.organizationId,
    owner: 'Maria Lopez',
    daysAgo: 9,
  },
  tablesForTheOffice: {
    id: '5eed0001-0000-4000-8000-000000000004',
    title: 'Tables for the new office',
    personId: FIXTURES.markupName.personId,
    organizationId: null,
    owner: 'Oluwaseun Adeyemi',
    daysAgo: 20,
  },
} as const;

const VALUES: Record<string, Lead['value']> = {
  enginesRenewal: { amount: 12_000, currency: 'GBP' },
  globexExpansion: { amount: 50_000, currency: 'USD' },
};

/** The seeded leads as stored, dated back from `now` (the sandbox clock at start or reset). */
export function seededLeads(company: Company, now: number): Lead[] {
  return Object.entries(SEEDED_LEADS).map(([key, seed]) => {
    const time = new Date(now - seed.daysAgo * DAY_MS).toISOString();
    const owner = userId(seed.owner);
    return {
      id: seed.id,
      title: seed.title,
      owner_id: owner,
      creator_id: owner,
      label_ids: [],
      person_id: seed.personId,
      organization_id: seed.organizationId,
      source_name: 'Manually created',
      origin: 'ManuallyCreated',
      origin_id: null,
      channel: null,
      channel_id: null,
      is_archived: 'archived' in seed && seed.archived,
      was_seen: true,
      value: VALUES[key] ?? null,
      expected_close_date: null,
      next_activity_id: null,
      add_time: time,
      update_time: time,
      visible_to: '3',
      cc_email: `${company.domain}+${company.id}+seed${seed.id.slice(-4)}@sandbox.pipedrivemail.example`,
      source_deal_id: null,
    };
  });
}
