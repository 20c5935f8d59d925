import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Lead } from './add-lead.ts';
import { noteCreatedLead, noteLeadGone, noteNewContact } from './lead-lists.ts';

const ME = 21000001;
const lead = (id: string, extra: Partial<Lead> = {}): Lead => ({
  id,
  title: id,
  owner_id: ME,
  person_id: 1,
  organization_id: 2,
  label_ids: [],
  add_time: '2026-11-22T12:00:00.000Z',
  ...extra,
});
const RECENT = ['leads', 'recent', ME];
const ADA = ['leads', 'open', 'person', 1];
const GLOBEX = ['leads', 'open', 'organization', 2];

describe('the lead lists kept without a read', () => {
  it('a created lead goes first in the lists already read that it belongs to, once', () => {
    const client = new QueryClient();
    client.setQueryData(RECENT, [lead('older')]);
    client.setQueryData(ADA, [lead('older')]);
    const created = lead('new');
    noteCreatedLead(client, created, ME);
    noteCreatedLead(client, created, ME);
    expect(client.getQueryData<Lead[]>(RECENT)?.map((entry) => entry.id)).toEqual(['new', 'older']);
    expect(client.getQueryData<Lead[]>(ADA)?.map((entry) => entry.id)).toEqual(['new', 'older']);
    // Not read yet: left for a whole read later, not started with one lead.
    expect(client.getQueryData(GLOBEX)).toBeUndefined();
  });

  it('a lead owned by a colleague is not the rep’s recent lead, but is the contact’s open lead', () => {
    const client = new QueryClient();
    client.setQueryData(RECENT, []);
    client.setQueryData(ADA, []);
    noteCreatedLead(client, lead('theirs', { owner_id: 21000002 }), ME);
    expect(client.getQueryData(RECENT)).toEqual([]);
    expect(client.getQueryData<Lead[]>(ADA)?.map((entry) => entry.id)).toEqual(['theirs']);
  });

  it('the recent list keeps its 20', () => {
    const client = new QueryClient();
    client.setQueryData(
      RECENT,
      Array.from({ length: 20 }, (_, index) => lead(`l${index}`)),
    );
    noteCreatedLead(client, lead('new'), ME);
    const ids = client.getQueryData<Lead[]>(RECENT)?.map((entry) => entry.id);
    expect(ids).toHaveLength(20);
    expect(ids?.[0]).toBe('new');
    expect(ids).not.toContain('l19');
  });

  it('a contact created here has no open leads; a lead no longer open leaves every list', () => {
    const client = new QueryClient();
    noteNewContact(client, { kind: 'person', id: 7 });
    expect(client.getQueryData(['leads', 'open', 'person', 7])).toEqual([]);
    client.setQueryData(RECENT, [lead('a'), lead('b')]);
    client.setQueryData(ADA, [lead('a')]);
    noteLeadGone(client, 'a');
    expect(client.getQueryData<Lead[]>(RECENT)?.map((entry) => entry.id)).toEqual(['b']);
    expect(client.getQueryData(ADA)).toEqual([]);
  });
});
