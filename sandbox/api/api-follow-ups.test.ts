import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const clock = createClock(Date.UTC(2026, 10, 22, 9, 30, 15, 123));
const sandbox = createTestSandbox(clock);
const token = accessToken(sandbox);
const me = sandbox.store.crm.users[0];

async function post(path: string, body: unknown, withToken = token) {
  const response = await apiPostJson(sandbox, path, withToken, body);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function get(path: string, withToken = token) {
  const response = await apiGet(sandbox, path, withToken);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** The sandbox clock as v2 writes times (other tests move it on). */
const v2Now = () => `${new Date(clock.now()).toISOString().slice(0, 19)}Z`;

async function newLead(title = 'Lead with follow-ups'): Promise<string> {
  const created = await post('/api/v1/leads', { title, person_id: FIXTURES.adaLovelace.personId });
  expect(created.status).toBe(201);
  return created.body.data.id as string;
}

describe('GET /api/v1/activityTypes', () => {
  it('lists the usual types with their icons, and a deleted custom type as inactive', async () => {
    const { status, headers, body } = await get('/api/v1/activityTypes');
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('20');
    const types = body.data as Array<Record<string, unknown>>;
    expect(types.map((type) => [type.key_string, type.icon_key, type.active_flag])).toEqual([
      ['call', 'call', true],
      ['meeting', 'meeting', true],
      ['task', 'task', true],
      ['deadline', 'deadline', true],
      ['email', 'email', true],
      ['lunch', 'lunch', true],
      ['video_call', 'camera', false],
    ]);
    expect(types[0]).toEqual({
      id: 1,
      order_nr: 1,
      name: 'Call',
      key_string: 'call',
      icon_key: 'call',
      active_flag: true,
      color: 'FFFFFF',
      is_custom_flag: false,
      add_time: '2024-03-04 09:12:44',
      update_time: '2024-03-04 09:12:44',
    });
  });

  it('needs an activities scope', async () => {
    const narrow = accessToken(sandbox, ['base', 'leads:full', 'contacts:full']);
    const { status, body } = await get('/api/v1/activityTypes', narrow);
    expect(status).toBe(403);
    expect(body.error).toBe('Scope and URL mismatch');
  });
});

describe('POST /api/v1/notes and GET /api/v1/notes', () => {
  it('adds a note to a lead, keeping its HTML as sanitized, and lists it by lead', async () => {
    const leadId = await newLead();
    const created = await post('/api/v1/notes', {
      lead_id: leadId,
      content: 'Call back &amp; ask<br>about <b>seats</b><script>alert(1)</script>',
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-token-cost')).toBe('10');
    expect(created.body.data).toMatchObject({
      id: expect.any(Number),
      lead_id: leadId,
      user_id: me?.id,
      content: 'Call back &amp; ask<br>about <b>seats</b>',
      add_time: '2026-11-22 09:30:15',
      active_flag: true,
      user: { name: me?.name, email: me?.email, is_you: true },
    });

    const listed = await get(`/api/v1/notes?lead_id=${leadId}&sort=add_time%20DESC&limit=100`);
    expect(listed.status).toBe(200);
    expect(listed.headers.get('x-token-cost')).toBe('20');
    expect(listed.body.data.map((note: { id: number }) => note.id)).toEqual([created.body.data.id]);
    expect(listed.body.additional_data.pagination).toEqual({
      start: 0,
      limit: 100,
      more_items_in_collection: false,
    });
  });

  it('lists only the notes of the lead asked for, newest first when asked, in pages', async () => {
    const first = await newLead('First');
    const second = await newLead('Second');
    for (const [leadId, content] of [
      [first, 'one'],
      [second, 'other lead'],
      [first, 'two'],
      [first, 'three'],
    ] as const) {
      clock.advance(1000);
      expect((await post('/api/v1/notes', { lead_id: leadId, content })).status).toBe(200);
    }
    const newest = await get(`/api/v1/notes?lead_id=${first}&sort=add_time%20DESC&limit=2`);
    expect(newest.body.data.map((note: { content: string }) => note.content)).toEqual(['three', 'two']);
    expect(newest.body.additional_data.pagination).toMatchObject({
      more_items_in_collection: true,
      next_start: 2,
    });
    const rest = await get(`/api/v1/notes?lead_id=${first}&sort=add_time%20DESC&limit=2&start=2`);
    expect(rest.body.data.map((note: { content: string }) => note.content)).toEqual(['one']);
  });

  it('refuses a note without content, without a lead, or on a lead that is not there', async () => {
    const leadId = await newLead();
    expect(await post('/api/v1/notes', { lead_id: leadId })).toMatchObject({
      status: 400,
      body: { success: false, error: 'Content is required' },
    });
    expect(
      await post('/api/v1/notes', { lead_id: leadId, content: '<p> </p><script>x</script>' }),
    ).toMatchObject({
      status: 400,
      body: { error: 'Content is required' },
    });
    expect(await post('/api/v1/notes', { content: 'orphan' })).toMatchObject({ status: 400 });
    expect(await post('/api/v1/notes', { content: 'x', lead_id: 'not-a-guid' })).toMatchObject({
      status: 400,
      body: { error: '"lead_id" must be a valid GUID' },
    });
    expect(
      await post('/api/v1/notes', { content: 'x', lead_id: 'adf21080-0e10-11eb-879b-05d71fb426ec' }),
    ).toMatchObject({ status: 404, body: { error: 'Lead not found' } });
    expect(sandbox.store.crm.followUps.listNotes().every((note) => note.content !== 'orphan')).toBe(true);
  });

  it('needs contacts:full or deals:full to add, and a read scope of either to list', async () => {
    const leadId = await newLead();
    const readOnly = accessToken(sandbox, ['base', 'leads:full', 'contacts:read']);
    expect((await post('/api/v1/notes', { lead_id: leadId, content: 'x' }, readOnly)).status).toBe(403);
    expect((await get(`/api/v1/notes?lead_id=${leadId}`, readOnly)).status).toBe(200);
    const deals = accessToken(sandbox, ['base', 'deals:full']);
    expect((await post('/api/v1/notes', { lead_id: leadId, content: 'x' }, deals)).status).toBe(200);
  });
});

describe('POST /api/v2/activities and GET /api/v2/activities', () => {
  it('schedules an activity on a lead and lists it by lead', async () => {
    const leadId = await newLead();
    const created = await post('/api/v2/activities', {
      subject: 'Follow up: Lead with follow-ups',
      type: 'call',
      due_date: '2026-11-23',
      due_time: '08:00',
      owner_id: 21000002,
      lead_id: leadId,
    });
    expect(created.status).toBe(200);
    expect(created.headers.get('x-token-cost')).toBe('5');
    expect(created.body.data).toEqual({
      id: expect.any(Number),
      subject: 'Follow up: Lead with follow-ups',
      type: 'call',
      owner_id: 21000002,
      creator_user_id: me?.id,
      is_deleted: false,
      add_time: v2Now(),
      update_time: v2Now(),
      lead_id: leadId,
      due_date: '2026-11-23',
      due_time: '08:00:00',
      busy: false,
      done: false,
      participants: [],
      attendees: [],
    });

    const listed = await get(
      `/api/v2/activities?lead_id=${leadId}&sort_by=add_time&sort_direction=desc&limit=100`,
    );
    expect(listed.status).toBe(200);
    expect(listed.headers.get('x-token-cost')).toBe('10');
    expect(listed.body.data).toEqual([created.body.data]);
    expect(listed.body.additional_data).toEqual({ next_cursor: null });
  });

  it('pages the list with a cursor', async () => {
    const leadId = await newLead();
    for (const subject of ['a', 'b', 'c']) {
      expect((await post('/api/v2/activities', { subject, type: 'task', lead_id: leadId })).status).toBe(200);
    }
    const first = await get(`/api/v2/activities?lead_id=${leadId}&limit=2`);
    expect(first.body.data.map((activity: { subject: string }) => activity.subject)).toEqual(['a', 'b']);
    const next = await get(
      `/api/v2/activities?lead_id=${leadId}&limit=2&cursor=${first.body.additional_data.next_cursor}`,
    );
    expect(next.body.data.map((activity: { subject: string }) => activity.subject)).toEqual(['c']);
    expect(next.body.additional_data.next_cursor).toBeNull();
  });

  it.each([
    [{ type: 'video_call' }, 'type: Activity type "video_call" does not exist or is not active'],
    [{ type: 'nap' }, 'type: Activity type "nap" does not exist or is not active'],
    [{ due_date: '2026-02-30' }, 'due_date: Must be a date in YYYY-MM-DD format'],
    [{ due_date: '30.11.2026' }, 'due_date: Must be a date in YYYY-MM-DD format'],
    [{ due_time: '9am' }, 'due_time: Must be a time in HH:MM format'],
    [{ due_time: '24:00' }, 'due_time: Must be a time in HH:MM format'],
    [{ owner_id: 21000099 }, 'owner_id: User with id 21000099 does not exist or is not active'],
    [{ owner_id: '21000002' }, 'owner_id: Must be a positive integer'],
    [
      { lead_id: 'adf21080-0e10-11eb-879b-05d71fb426ec' },
      'lead_id: Lead with id adf21080-0e10-11eb-879b-05d71fb426ec does not exist',
    ],
    [{ lead_id: 42 }, 'lead_id: Must be a valid UUID'],
    [{ subject: 7 }, 'subject: Must be a string'],
    [{ color: 'red' }, 'color: Unknown field'],
  ])('refuses %j with the v2 validation error', async (change, message) => {
    const leadId = await newLead();
    const before = sandbox.store.crm.followUps.listActivities().length;
    const result = await post('/api/v2/activities', {
      subject: 'Follow up',
      type: 'call',
      due_date: '2026-11-23',
      lead_id: leadId,
      ...change,
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ success: false, error: `Validation failed: ${message}` });
    expect(sandbox.store.crm.followUps.listActivities()).toHaveLength(before);
  });

  it('an inactive owner cannot be assigned', async () => {
    const inactive = sandbox.store.crm.users.at(-1);
    expect(inactive?.activeFlag).toBe(false);
    const result = await post('/api/v2/activities', { type: 'call', owner_id: inactive?.id });
    expect(result.status).toBe(400);
  });

  it('without a type or subject uses the first active type and its name', async () => {
    const result = await post('/api/v2/activities', { lead_id: await newLead() });
    expect(result.body.data).toMatchObject({ type: 'call', subject: 'Call', owner_id: me?.id });
  });

  it('needs activities:full to add and an activities scope to list', async () => {
    const noActivities = accessToken(sandbox, [
      'base',
      'leads:full',
      'contacts:full',
      'users:read',
      'deals:read',
    ]);
    expect((await post('/api/v2/activities', { type: 'call' }, noActivities)).status).toBe(403);
    expect((await get('/api/v2/activities', noActivities)).status).toBe(403);
    const readOnly = accessToken(sandbox, ['activities:read']);
    expect((await post('/api/v2/activities', { type: 'call' }, readOnly)).status).toBe(403);
    expect((await get('/api/v2/activities', readOnly)).status).toBe(200);
  });
});

describe('the lead inbox page', () => {
  it('lists the lead’s notes as text, never as markup, and its activities', async () => {
    const leadId = await newLead('Inbox with a note');
    await post('/api/v1/notes', {
      lead_id: leadId,
      content: 'First &lt;b&gt;line&lt;/b&gt;<br>Second &amp; last',
    });
    await post('/api/v2/activities', {
      subject: 'Follow up',
      type: 'call',
      due_date: '2026-12-01',
      due_time: '08:00',
      lead_id: leadId,
    });
    const page = await (await sandbox.apiApp.request(`/leads/inbox/${leadId}`)).text();
    expect(page).toContain('<dt>Note</dt><dd>First &lt;b&gt;line&lt;/b&gt;<br>Second &amp; last</dd>');
    expect(page).toContain('<dt>Call</dt><dd>Follow up · 2026-12-01 08:00 UTC · Maria Lopez</dd>');
  });
});
