import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import { FIXTURES } from '../seed/seed.ts';
import {
  APP_ORIGIN,
  accessToken,
  apiGet,
  apiPostJson,
  createClock,
  createTestSandbox,
} from '../testing/test-support.ts';

// Five reps, plus the two colleagues with limited access (Priya, Sofia); Rahul is switched off.
const ACTIVE_SEATS = 7;
const NONE_REFUSED = { burst: 0, search: 0, daily: 0 };

async function usage(sandbox: ReturnType<typeof createTestSandbox>) {
  return (await sandbox.apiApp.request('/__sandbox/usage')).json();
}

describe('usage ledger', () => {
  it('counts requests and token cost per METHOD and path template', async () => {
    const sandbox = createTestSandbox();
    const token = accessToken(sandbox);
    await apiGet(sandbox, '/api/v1/users/me', token);
    await apiGet(sandbox, '/v1/users/me', token);
    await apiGet(sandbox, '/api/v2/persons/search?term=ada', token);
    const lead = await (
      await apiPostJson(sandbox, '/api/v1/leads', token, {
        title: 'x',
        person_id: FIXTURES.adaLovelace.personId,
      })
    ).json();
    await apiGet(sandbox, `/api/v1/leads/${lead.data.id}`, token);
    await apiGet(sandbox, '/api/v1/leads/adf21080-0e10-41eb-879b-05d71fb426ec', token);
    expect(await usage(sandbox)).toEqual({
      totalTokenCost: 2 + 2 + 20 + 10 + 2 + 2,
      requests: [
        { endpoint: 'GET /api/v1/leads/:id', count: 2, tokenCost: 4 },
        { endpoint: 'GET /api/v1/users/me', count: 2, tokenCost: 4 },
        { endpoint: 'GET /api/v2/persons/search', count: 1, tokenCost: 20 },
        { endpoint: 'POST /api/v1/leads', count: 1, tokenCost: 10 },
      ],
      refused: NONE_REFUSED,
    });
  });

  it('charges failed requests that got an x-token-cost, and not unauthenticated ones', async () => {
    const sandbox = createTestSandbox();
    const token = accessToken(sandbox);
    const invalid = await apiPostJson(sandbox, '/api/v1/leads', token, { title: 'no person' });
    expect(invalid.status).toBe(400);
    const forbidden = await apiGet(sandbox, '/api/v1/currencies', accessToken(sandbox, ['leads:full']));
    expect(forbidden.status).toBe(403);
    expect((await apiGet(sandbox, '/api/v1/currencies')).status).toBe(401);
    expect(await usage(sandbox)).toEqual({
      totalTokenCost: 30,
      requests: [
        { endpoint: 'GET /api/v1/currencies', count: 1, tokenCost: 20 },
        { endpoint: 'POST /api/v1/leads', count: 1, tokenCost: 10 },
      ],
      refused: NONE_REFUSED,
    });
  });

  it('is cleared by POST /__sandbox/usage/reset but not by /__sandbox/reset', async () => {
    const sandbox = createTestSandbox();
    const token = accessToken(sandbox);
    await apiGet(sandbox, '/api/v1/users/me', token);
    await sandbox.apiApp.request('/__sandbox/reset', { method: 'POST', headers: SANDBOX_ADMIN_HEADERS });
    expect((await usage(sandbox)).totalTokenCost).toBe(2);
    expect(
      (
        await sandbox.apiApp.request('/__sandbox/usage/reset', {
          method: 'POST',
          headers: SANDBOX_ADMIN_HEADERS,
        })
      ).status,
    ).toBe(200);
    expect(await usage(sandbox)).toEqual({ totalTokenCost: 0, requests: [], refused: NONE_REFUSED });
    const after = await apiGet(sandbox, '/api/v1/users/me', token);
    expect(after.headers.get('x-daily-ratelimit-token-remaining')).toBe(
      String(30_000 * 5 * ACTIVE_SEATS - 2),
    );
  });
});

describe('rate-limit headers', () => {
  it('are on every authenticated response, success or failure', async () => {
    const sandbox = createTestSandbox();
    const token = accessToken(sandbox);
    const responses = [
      await apiGet(sandbox, '/api/v1/users/me', token),
      await apiPostJson(sandbox, '/api/v1/leads', token, {}),
      await apiGet(sandbox, '/api/v1/no-such-endpoint', token),
      await apiGet(sandbox, '/api/v2/persons/search?term=ada', token),
    ];
    expect(responses.map((response) => response.status)).toEqual([200, 400, 404, 200]);
    for (const response of responses) {
      for (const header of [
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-daily-ratelimit-token-limit',
        'x-daily-ratelimit-token-remaining',
      ]) {
        expect(response.headers.get(header), header).toMatch(/^\d+$/);
      }
    }
  });

  it('are absent from 401 answers', async () => {
    const response = await apiGet(createTestSandbox(), '/api/v1/users/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('count a rolling 2-second window per token: each request counts for 2 s after it', async () => {
    const clock = createClock();
    const sandbox = createTestSandbox(clock);
    const token = accessToken(sandbox);
    const other = accessToken(sandbox);
    const me = () => apiGet(sandbox, '/api/v1/users/me', token);
    const first = await me();
    expect(first.headers.get('x-ratelimit-limit')).toBe('400');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('399');
    expect(first.headers.get('x-ratelimit-reset')).toBe('2');
    clock.advance(1500);
    const second = await me();
    expect(second.headers.get('x-ratelimit-remaining')).toBe('398');
    // The first request leaves the window in 0.5 s, freeing a place: whole seconds, rounded up.
    expect(second.headers.get('x-ratelimit-reset')).toBe('1');
    expect((await apiGet(sandbox, '/api/v1/users/me', other)).headers.get('x-ratelimit-remaining')).toBe(
      '399',
    );
    clock.advance(500);
    // The first has left; the second (1.5 s) and this one count.
    const third = await me();
    expect(third.headers.get('x-ratelimit-remaining')).toBe('398');
    expect(third.headers.get('x-ratelimit-reset')).toBe('2');
    clock.advance(2000);
    expect((await me()).headers.get('x-ratelimit-remaining')).toBe('399');
  });

  it('with enforceRateLimits: false, only count: past the burst limit requests succeed with 0 remaining', async () => {
    const sandbox = createTestSandbox(createClock(), 'growth', { enforceRateLimits: false });
    const token = accessToken(sandbox);
    let last: Response | undefined;
    for (let request = 0; request < 161; request += 1)
      last = await apiGet(sandbox, '/api/v1/users/me', token);
    expect(last?.status).toBe(200);
    expect(last?.headers.get('x-ratelimit-limit')).toBe('160');
    expect(last?.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('show a daily token budget of 30,000 × plan multiplier × seats that drops by each cost', async () => {
    const premium = createTestSandbox();
    const token = accessToken(premium);
    const first = await apiGet(premium, '/api/v1/currencies', token);
    const limit = 30_000 * 5 * ACTIVE_SEATS;
    expect(first.headers.get('x-daily-ratelimit-token-limit')).toBe(String(limit));
    expect(first.headers.get('x-daily-ratelimit-token-remaining')).toBe(String(limit - 20));
    const second = await apiGet(premium, '/api/v1/users/me', token);
    expect(second.headers.get('x-daily-ratelimit-token-remaining')).toBe(String(limit - 22));
    const growth = createTestSandbox(createClock(), 'growth');
    const growthResponse = await apiGet(growth, '/api/v1/users/me', accessToken(growth));
    expect(growthResponse.headers.get('x-daily-ratelimit-token-limit')).toBe(
      String(30_000 * 2 * ACTIVE_SEATS),
    );
  });

  it('refill the daily budget at midnight UTC', async () => {
    const clock = createClock(Date.UTC(2026, 10, 22, 23, 59, 0));
    const sandbox = createTestSandbox(clock);
    const token = accessToken(sandbox);
    const limit = 30_000 * 5 * ACTIVE_SEATS;
    await apiGet(sandbox, '/api/v1/currencies', token);
    clock.advance(2 * 60 * 1000);
    const nextDay = await apiGet(sandbox, '/api/v1/users/me', token);
    expect(nextDay.headers.get('x-daily-ratelimit-token-remaining')).toBe(String(limit - 2));
  });

  it('are exposed to the app origin through CORS', async () => {
    const sandbox = createTestSandbox();
    const response = await apiGet(sandbox, '/api/v1/users/me', accessToken(sandbox), { origin: APP_ORIGIN });
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(',');
    expect(exposed).toEqual(
      expect.arrayContaining([
        'x-token-cost',
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-daily-ratelimit-token-limit',
        'x-daily-ratelimit-token-remaining',
      ]),
    );
  });
});
