import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const clock = createClock(Date.UTC(2026, 10, 22, 9, 30, 15, 123));
const sandbox = createTestSandbox(clock);
const token = accessToken(sandbox);

async function addLabel(body: unknown, as = token) {
  const response = await apiPostJson(sandbox, '/api/v1/leadLabels', as, body);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function labelNames(): Promise<string[]> {
  const body = await (await apiGet(sandbox, '/api/v1/leadLabels', token)).json();
  return (body.data as Array<{ name: string }>).map((label) => label.name);
}

function refusal(message: string) {
  return {
    success: false,
    data: null,
    additional_data: null,
    error: 'provided dataset is not valid',
    error_info: message,
  };
}

describe('POST /api/v1/leadLabels', () => {
  it('adds a label, answers it (200, 10 tokens), lists it after the others and lets a lead carry it', async () => {
    const { status, headers, body } = await addLabel({ name: '  Trade fair  ', color: 'purple' });
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('10');
    expect(body).toEqual({
      success: true,
      data: {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Trade fair',
        color: 'purple',
        add_time: '2026-11-22T09:30:15.123Z',
        update_time: '2026-11-22T09:30:15.123Z',
      },
    });
    expect(await labelNames()).toEqual(['Hot', 'Warm', 'Cold', 'Trade fair']);
    const lead = await apiPostJson(sandbox, '/api/v1/leads', token, {
      title: 'Met at the fair',
      organization_id: 2,
      label_ids: [body.data.id],
    });
    expect(lead.status).toBe(201);
    expect((await lead.json()).data.label_ids).toEqual([body.data.id]);
  });

  it.each([
    [{ color: 'red' }, '"name" is required'],
    [{ name: 7, color: 'red' }, '"name" must be a string'],
    [{ name: '   ', color: 'red' }, '"name" is not allowed to be empty'],
    [
      { name: 'x'.repeat(256), color: 'red' },
      '"name" length must be less than or equal to 255 characters long',
    ],
    [{ name: 'No colour' }, '"color" is required'],
    [
      { name: 'Teal', color: 'teal' },
      '"color" must be one of [blue, brown, dark-gray, gray, green, orange, pink, purple, red, yellow]',
    ],
    [['Hot'], '"value" must be of type object'],
  ])('refuses %j: %s', async (body, message) => {
    const before = await labelNames();
    const answer = await addLabel(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(refusal(message));
    expect(await labelNames()).toEqual(before);
  });

  it('refuses a name the company has already, whatever its case or spaces', async () => {
    const answer = await addLabel({ name: ' hot ', color: 'green' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(refusal('"name" must be unique: a lead label with this name already exists'));
  });

  it('needs leads:full: 403 "Scope and URL mismatch" with leads:read only', async () => {
    const answer = await addLabel(
      { name: 'Read only', color: 'blue' },
      accessToken(sandbox, ['base', 'leads:read']),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('Scope and URL mismatch');
  });

  it('a reset leaves the seeded labels only', async () => {
    await addLabel({ name: 'Gone after reset', color: 'orange' });
    await sandbox.apiApp.request('/__sandbox/reset', { method: 'POST', headers: SANDBOX_ADMIN_HEADERS });
    expect(await labelNames()).toEqual(['Hot', 'Warm', 'Cold']);
  });
});
