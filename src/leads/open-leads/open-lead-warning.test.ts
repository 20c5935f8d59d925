import { describe, expect, it } from 'vitest';
import type { Lead } from '@/pipedrive/add-lead.ts';
import {
  type ContactCheck,
  describeOpenLead,
  openLeadWarnings,
  type PickedContact,
  warningKey,
} from './open-lead-warning.ts';

const NOW = Date.UTC(2026, 10, 22, 12, 0, 0);
const DAY_MS = 24 * 3600_000;

function lead(id: string, title: string, daysAgo: number, ownerId: number | null = 21000002): Lead {
  return {
    id,
    title,
    owner_id: ownerId,
    person_id: 1,
    organization_id: 1,
    label_ids: [],
    add_time: new Date(NOW - daysAgo * DAY_MS).toISOString(),
  };
}

const ada: PickedContact = { kind: 'person', ref: { id: 1, name: 'Ada Lovelace' } };
const engines: PickedContact = { kind: 'organization', ref: { id: 1, name: 'Analytical Engines Ltd' } };
const renewal = lead('l-1', 'Engines renewal', 3);
const older = lead('l-0', 'Punched cards', 30);
const checked = (contact: PickedContact, leads: Lead[]): ContactCheck => ({
  contact,
  state: 'checked',
  leads,
});
const context = {
  now: NOW,
  locale: 'en-US',
  ownerName: (id: number) => (id === 21000002 ? 'James Carter' : undefined),
};

describe('openLeadWarnings', () => {
  it('warns for each picked contact with open leads, naming its newest', () => {
    expect(openLeadWarnings([checked(ada, [renewal, older])])).toEqual([
      { contact: ada, newest: renewal, count: 2, more: false },
    ]);
  });

  it('says nothing for contacts without open leads, still being checked, or whose check failed', () => {
    expect(
      openLeadWarnings([
        checked(ada, []),
        { contact: engines, state: 'checking' },
        { contact: { kind: 'person', ref: { id: 2, name: 'Hank' } }, state: 'failed', error: new Error('x') },
      ]),
    ).toEqual([]);
  });

  it('names a lead of both the person and the organization once, under the person', () => {
    const other = lead('l-9', 'Mill upgrade', 1);
    expect(
      openLeadWarnings([checked(engines, [renewal]), checked(ada, [renewal])]).map((w) => w.contact.kind),
    ).toEqual(['person']);
    expect(
      openLeadWarnings([checked(engines, [other, renewal]), checked(ada, [renewal])]).map((w) => w.newest.id),
    ).toEqual(['l-1', 'l-9']);
  });

  it('a full page of 10 may hold more', () => {
    const ten = Array.from({ length: 10 }, (_, index) => lead(`l-${index}`, `Lead ${index}`, index));
    expect(openLeadWarnings([checked(ada, ten)])[0]).toMatchObject({ count: 10, more: true });
  });
});

describe('warningKey', () => {
  it('changes with another contact or a newer lead, so either asks again', () => {
    const first = warningKey(openLeadWarnings([checked(ada, [renewal])]));
    expect(first).toBe('person:1:l-1');
    expect(warningKey(openLeadWarnings([checked(ada, [lead('l-2', 'New', 0), renewal])]))).not.toBe(first);
    expect(warningKey([])).toBe('');
  });
});

describe('describeOpenLead', () => {
  it('one open lead: its title, age and owner', () => {
    const [warning] = openLeadWarnings([checked(ada, [renewal])]);
    expect(warning && describeOpenLead(warning, context)).toBe(
      'Ada Lovelace already has an open lead: ‘Engines renewal’, added 3 days ago, owner James Carter.',
    );
  });

  it('several: how many, then the newest', () => {
    const [warning] = openLeadWarnings([checked(ada, [renewal, older])]);
    expect(warning && describeOpenLead(warning, context)).toBe(
      'Ada Lovelace already has 2 open leads. The newest: ‘Engines renewal’, added 3 days ago, owner James Carter.',
    );
  });

  it('an owner whose name is not known, or a lead without a title, is said without inventing one', () => {
    const [warning] = openLeadWarnings([checked(ada, [lead('l-5', '  ', 0.5, 99)])]);
    expect(warning && describeOpenLead(warning, context)).toBe(
      'Ada Lovelace already has an open lead: a lead without a title, added 12 hours ago.',
    );
  });
});
