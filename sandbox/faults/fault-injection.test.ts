import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { FIXTURES } from '../seed/seed.ts';
import { APP_ORIGIN, accessToken, apiGet, createTestSandbox } from '../testing/test-support.ts';
import { FAULT_APPLIED_HEADER, FAULT_HEADER, SandboxConnectionDropped } from './fault-injection.ts';

const LEAD = { title: 'Fault matrix lead', person_id: FIXTURES.adaLovelace.personId };

function setup() {
  const sandbox = createTestSandbox();
  const token = accessToken(sandbox);
  const admin = (method: string, path: string, body?: unknown) =>
    sandbox.apiApp.request(`/__sandbox${path}`, {
      method,
      headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const postLead = async (headers: Record<string, string> = {}, path = '/api/v1/leads') =>
    sandbox.apiApp.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(LEAD),
    });
  const rules = async () => ((await (await admin('GET', '/faults')).json()) as { rules: unknown[] }).rules;
  return { sandbox, token, admin, postLead, rules };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('fault rules set through /__sandbox/faults', () => {
  it('a status rule answers with a Pipedrive-like error instead of storing, once by default', async () => {
    const { sandbox, admin, postLead, rules } = setup();
    const added = await admin('POST', '/faults', [{ method: 'POST', path: '/api/v1/leads', status: 500 }]);
    expect(added.status).toBe(200);
    expect(await rules()).toEqual([{ method: 'POST', path: '/api/v1/leads', times: 1, status: 500 }]);

    const faulted = await postLead();
    expect(faulted.status).toBe(500);
    expect(faulted.headers.get(FAULT_APPLIED_HEADER)).toBe('status');
    expect(await faulted.json()).toEqual({
      success: false,
      error: 'Internal server error',
      errorCode: 500,
      error_info: 'Please check developers.pipedrive.com',
      data: null,
      additional_data: null,
    });
    expect(sandbox.store.crm.countLeads()).toBe(0);
    expect(await rules()).toEqual([]);
    expect((await postLead()).status).toBe(201);
  });

  it('429 sends Retry-After and the rate-limit body, readable cross-origin', async () => {
    const { admin, postLead } = setup();
    await admin('POST', '/faults', [{ path: '/api/v1/leads', status: 429, retryAfterSeconds: 7 }]);
    const response = await postLead({ origin: APP_ORIGIN });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toEqual({ success: false, error: 'Request over limit', errorCode: 429 });
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
  });

  it('times counts matching requests down, and the rule is gone when used up', async () => {
    const { admin, postLead, rules, token, sandbox } = setup();
    await admin('POST', '/faults', [{ method: 'POST', path: '/api/v1/leads', status: 503, times: 2 }]);
    // A request the rule does not match leaves its count alone.
    expect((await apiGet(sandbox, '/api/v1/users/me', token)).status).toBe(200);
    expect((await postLead()).status).toBe(503);
    expect(await rules()).toEqual([{ method: 'POST', path: '/api/v1/leads', times: 1, status: 503 }]);
    expect((await postLead()).status).toBe(503);
    expect((await postLead()).status).toBe(201);
    expect(await rules()).toEqual([]);
  });

  it('matches a path prefix ending in *, the method, and the /v1 spelling of /api/v1', async () => {
    const { sandbox, admin, postLead, token } = setup();
    const id = ((await (await postLead()).json()) as { data: { id: string } }).data.id;
    await admin('POST', '/faults', [{ method: 'get', path: '/api/v1/leads*', status: 404, times: 2 }]);
    expect((await postLead()).status).toBe(201);
    expect((await apiGet(sandbox, `/api/v1/leads/${id}`, token)).status).toBe(404);
    expect((await apiGet(sandbox, `/v1/leads/${id}`, token)).status).toBe(404);
    expect((await apiGet(sandbox, `/api/v1/leads/${id}`, token)).status).toBe(200);
  });

  it('bodyContains aims a rule at requests whose body holds that text, and the route still reads the body', async () => {
    const { sandbox, admin, token } = setup();
    await admin('POST', '/faults', [
      { method: 'POST', path: '/api/v1/leads', bodyContains: 'Mine only', status: 503 },
    ]);
    const post = (title: string) =>
      sandbox.apiApp.request('/api/v1/leads', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...LEAD, title }),
      });
    const other = await post('Someone else’s lead');
    expect(other.status).toBe(201);
    expect(((await other.json()) as { data: { title: string } }).data.title).toBe('Someone else’s lead');
    expect((await post('Mine only, please')).status).toBe(503);
    expect((await post('Mine only, again')).status).toBe(201);
    expect((await admin('POST', '/faults', [{ path: '/x', status: 500, bodyContains: '' }])).status).toBe(
      400,
    );
  });

  it('DELETE clears the rules, and so does POST /__sandbox/reset', async () => {
    const { admin, rules, postLead } = setup();
    await admin('POST', '/faults', [{ path: '*', status: 500, times: 5 }]);
    // A rule for every path leaves the admin surface alone, or it could not be cleared.
    expect((await admin('DELETE', '/faults')).status).toBe(200);
    expect(await rules()).toEqual([]);
    await admin('POST', '/faults', { path: '*', latencyMs: 10 });
    await admin('POST', '/faults', [{ path: '/api/v1/leads', status: 500 }]);
    expect(await rules()).toHaveLength(2);
    expect((await admin('POST', '/reset')).status).toBe(200);
    expect(await rules()).toEqual([]);
    expect((await postLead()).status).toBe(201);
  });

  it('refuses rules it cannot apply, naming the problem', async () => {
    const { sandbox, admin, rules } = setup();
    const cases: Array<[unknown, string]> = [
      [[{ path: '/api/v1/leads', latency: 100 }], 'unknown key "latency"'],
      [[{ status: 500 }], '"path" is required'],
      [[{ path: 'api/v1/leads', status: 500 }], '"path" must start with "/"'],
      [[{ path: '/x', status: 302 }], '"status" must be from 400 to 599'],
      [[{ path: '/x', status: 500, dropAfterStore: true }], 'exclude each other'],
      [[{ path: '/x', retryAfterSeconds: 3 }], '"retryAfterSeconds" needs "status"'],
      [[{ path: '/x', times: 0, status: 500 }], '"times" must be a positive integer'],
      [[{ path: '/x' }], 'has no effect'],
      [[], 'at least one rule'],
    ];
    for (const [body, message] of cases) {
      const response = await admin('POST', '/faults', body);
      expect(response.status, message).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain(message);
    }
    const notJson = await sandbox.apiApp.request('/__sandbox/faults', {
      method: 'POST',
      headers: SANDBOX_ADMIN_HEADERS,
      body: '[{path:',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toContain('must be JSON');
    expect(await rules()).toEqual([]);
  });
});

describe(`the ${FAULT_HEADER} request header`, () => {
  it('applies one rule to this request only, leaving the sandbox rules alone; times is ignored', async () => {
    const { sandbox, admin, postLead, rules } = setup();
    await admin('POST', '/faults', [{ path: '/api/v1/leads', status: 500 }]);
    const header = { [FAULT_HEADER]: JSON.stringify({ status: 503, times: 50 }) };
    expect((await postLead(header)).status).toBe(503);
    expect(await rules()).toHaveLength(1);
    expect((await postLead()).status).toBe(500);
    expect((await postLead()).status).toBe(201);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('only applies when its method and path match, so it can ride along on every request', async () => {
    const { sandbox, postLead, token } = setup();
    const header = { [FAULT_HEADER]: JSON.stringify({ method: 'POST', path: '/api/v1/leads', status: 500 }) };
    expect((await apiGet(sandbox, '/api/v1/users/me', token, header)).status).toBe(200);
    expect((await postLead(header)).status).toBe(500);
    expect((await postLead(header, '/v1/leads')).status).toBe(500);
  });

  it('a malformed header is a 400 that says so, not a silently ignored fault', async () => {
    const { postLead } = setup();
    const response = await postLead({ [FAULT_HEADER]: '{status: 500' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'x-sandbox-fault: not valid JSON' });
    expect((await postLead({ [FAULT_HEADER]: '{"status": 500, "drop": true}' })).status).toBe(400);
  });

  it('a browser may send it cross-origin: the preflight allows it and uses up no rule', async () => {
    const { sandbox, admin, rules } = setup();
    await admin('POST', '/faults', [{ path: '/api/v1/leads', status: 500 }]);
    const preflight = await sandbox.apiApp.request('/api/v1/leads', {
      method: 'OPTIONS',
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': `authorization,content-type,${FAULT_HEADER}`,
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain(FAULT_HEADER);
    expect(await rules()).toHaveLength(1);
  });
});

describe('latency', () => {
  it('holds the answer back latencyMs after the lead is already stored', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { sandbox, postLead } = setup();
    const result: { response?: Response } = {};
    const pending = postLead({ [FAULT_HEADER]: JSON.stringify({ latencyMs: 1500 }) }).then((response) => {
      result.response = response;
    });
    await vi.advanceTimersByTimeAsync(1499);
    expect(result.response).toBeUndefined();
    // Stored before the answer: a client that gives up now would find its lead by searching.
    expect(sandbox.store.crm.countLeads()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(result.response?.status).toBe(201);
    expect(result.response?.headers.get(FAULT_APPLIED_HEADER)).toBe('latency');
  });

  it('with a status, delays the error and stores nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { sandbox, admin, postLead } = setup();
    await admin('POST', '/faults', [{ path: '/api/v1/leads', latencyMs: 200, status: 502 }]);
    let status = 0;
    const pending = postLead().then((response) => {
      status = response.status;
    });
    await vi.advanceTimersByTimeAsync(199);
    expect(status).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await pending;
    expect(status).toBe(502);
    expect(sandbox.store.crm.countLeads()).toBe(0);
  });
});

describe('dropAfterStore in-process', () => {
  it('stores the lead, then app.request() rejects with SandboxConnectionDropped carrying the lost answer', async () => {
    const { sandbox, admin, postLead, token, rules } = setup();
    await admin('POST', '/faults', [{ method: 'POST', path: '/api/v1/leads', dropAfterStore: true }]);
    const error = await postLead().then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(SandboxConnectionDropped);
    const lost = (error as SandboxConnectionDropped).response;
    expect(lost.status).toBe(201);
    const { id } = ((await lost.json()) as { data: { id: string } }).data;
    expect(sandbox.store.crm.countLeads()).toBe(1);
    expect((await apiGet(sandbox, `/api/v1/leads/${id}`, token)).status).toBe(200);
    expect(await rules()).toEqual([]);
  });
});
