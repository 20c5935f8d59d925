import { describe, expect, it } from 'vitest';
import { leadSchema } from '@/pipedrive/add-lead.ts';
import type { ReferenceData } from '@/pipedrive/reference-data.ts';
import { alreadyRead } from '@/testing/recorded-reference.ts';
import { leadFacts } from './lead-facts.ts';

const reference: ReferenceData = {
  me: { id: 7, name: 'Maria Lopez', email: 'maria@example.com' },
  labels: [],
  dealFields: [],
  users: alreadyRead([]),
  currencies: alreadyRead([]),
};

const lead = leadSchema.parse({
  id: 'b1f4f1a0-0000-4000-8000-000000000001',
  title: 'Chairs for the Analytical Engine',
  owner_id: 7,
  person_id: 11,
  organization_id: 22,
  add_time: '2026-11-29T10:00:00.000Z',
});

const fact = (facts: ReturnType<typeof leadFacts>, key: string) =>
  facts.find((item) => item.key === key)?.value;

describe('the card’s contacts', () => {
  it('are named from the contacts the form holds, with no request', () => {
    const facts = leadFacts(
      lead,
      {
        person: { id: 11, name: 'Ada Lovelace' },
        organization: { id: 22, name: 'Babbage & Co' },
        custom: {},
      },
      reference,
      'en-GB',
    );
    expect(fact(facts, 'person')).toBe('Ada Lovelace');
    expect(fact(facts, 'organization')).toBe('Babbage & Co');
  });

  it('are not named after a contact picked since the lead was sent: the lead’s own id is shown', () => {
    const facts = leadFacts(
      lead,
      { person: { id: 12, name: 'Charles Babbage' }, organization: null, custom: {} },
      reference,
      'en-GB',
    );
    expect(fact(facts, 'person')).toBe('#11');
    expect(fact(facts, 'organization')).toBe('#22');
  });
});
