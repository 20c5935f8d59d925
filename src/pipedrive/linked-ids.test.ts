import { describe, expect, it } from 'vitest';
import { activitySchema } from './add-activity.ts';
import { leadSchema } from './add-lead.ts';
import { noteSchema } from './add-note.ts';

const ID = 'adf21080-0e10-11eb-879b-05d71fb426ec';

describe('leadSchema, reading a lead Pipedrive returned', () => {
  it('reads links a lead leaves out as null rather than refusing the lead', () => {
    const lead = leadSchema.parse({ id: ID, title: 'No links at all' });
    expect(lead).toMatchObject({ id: ID, owner_id: null, person_id: null, organization_id: null });
  });

  it('reads links given as plain ids, as numeric strings or as objects with a value', () => {
    const lead = leadSchema.parse({
      id: ID,
      owner_id: 13_540_546,
      person_id: '1',
      organization_id: { value: 2, name: 'Analytical Engines Ltd' },
    });
    expect(lead).toMatchObject({ owner_id: 13_540_546, person_id: 1, organization_id: 2 });
  });

  it('reads a link it cannot understand as null, and keeps the lead', () => {
    const lead = leadSchema.parse({ id: ID, owner_id: [1], person_id: true, organization_id: 'Acme' });
    expect(lead).toMatchObject({ id: ID, owner_id: null, person_id: null, organization_id: null });
  });
});

describe('notes and activities Pipedrive returned', () => {
  it('a note without its author and an activity without its owner are still read, with the link as null', () => {
    expect(noteSchema.parse({ id: 7, content: 'Hello' })).toMatchObject({ id: 7, user_id: null });
    expect(activitySchema.parse({ id: 8, subject: 'Call' })).toMatchObject({ id: 8, owner_id: null });
  });
});
