import { describe, expect, it } from 'vitest';
import { SANDBOX_ADMIN_HEADERS } from '../admin/admin-guard.ts';
import type { Sandbox } from '../create-sandbox.ts';
import { sandboxSettingsFromEnv } from '../env-settings.ts';
import { APP_ORIGIN, accessToken, apiGet, createClock, createTestSandbox } from '../testing/test-support.ts';

const OVER_LIMIT = { success: false, error: 'Request over limit', errorCode: 429 };
const DAILY_EXCEEDED = { success: false, error: 'daily request budget exceeded', errorCode: 429 };
const NOON = Date.UTC(2026, 10, 22, 12, 0, 0);

async function usage(sandbox: Sandbox) {
  return (await sandbox.apiApp.request('/__sandbox/usage')).json();
}

function headersOf(response: Response) {
  const names = [
    'retry-after',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
    'x-daily-ratelimit-token-limit',
    'x-daily-ratelimit-token-remaining',
    'x-token-cost',
  ];
  return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
}

async function times(count: number, request: () => Response | Promise<Response>): Promise<Response[]> {
  const responses: Response[] = [];
  for (let sent = 0; sent < count; sent += 1) responses.push(await request());
  return responses;
}

describe('burst limit', () => {
  it('refuses the request past the plan’s limit per token in 2 s with 429, Retry-After and the headers', async () => {
    const clock = createClock(NOON);
    const sandbox = createTestSandbox(clock, 'growth');
    const token = accessToken(sandbox);
    const me = () => apiGet(sandbox, '/api/v1/users/me', token, { origin: APP_ORIGIN });
    const allowed = await times(160, me);
    expect(allowed.every((response) => response.status === 200)).toBe(true);
    const refused = await me();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(OVER_LIMIT);
    const daily = 30_000 * 2 * 7;
    expect(headersOf(refused)).toEqual({
      'retry-after': '2',
      'x-ratelimit-limit': '160',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': '2',
      'x-daily-ratelimit-token-limit': String(daily),
      'x-daily-ratelimit-token-remaining': String(daily - 160 * 2),
      'x-token-cost': null,
    });
    // A browser app must be able to read how long to wait.
    expect(refused.headers.get('access-control-expose-headers')?.split(',')).toContain('retry-after');
    // Another token of the same user has a window of its own.
    expect((await apiGet(sandbox, '/api/v1/users/me', accessToken(sandbox))).status).toBe(200);
    const report = await usage(sandbox);
    expect(report.refused).toEqual({ burst: 1, search: 0, daily: 0 });
    expect(report.totalTokenCost).toBe(161 * 2);
  });

  it('frees a place when the oldest request leaves the rolling window, which Retry-After says', async () => {
    const clock = createClock(NOON);
    const sandbox = createTestSandbox(clock);
    const token = accessToken(sandbox);
    const me = () => apiGet(sandbox, '/api/v1/users/me', token);
    await times(200, me);
    clock.advance(1500);
    await times(200, me);
    clock.advance(100);
    const refused = await me();
    expect(refused.status).toBe(429);
    // The first 200 leave 2 s after they came, 0.4 s from now: whole seconds, rounded up.
    expect(refused.headers.get('retry-after')).toBe('1');
    // Refused requests take no place: however many are refused, the wait does not grow.
    expect((await times(5, me)).map((response) => response.status)).toEqual([429, 429, 429, 429, 429]);
    clock.advance(1000);
    const after = await me();
    expect(after.status).toBe(200);
    expect(after.headers.get('x-ratelimit-remaining')).toBe(String(400 - 201));
  });
});

describe('search limit', () => {
  it('allows 10 searches per token in 2 s across the search endpoints, then 429 with the search figures', async () => {
    const clock = createClock(NOON);
    const sandbox = createTestSandbox(clock);
    const token = accessToken(sandbox);
    const first = await apiGet(sandbox, '/api/v2/persons/search?term=ada', token);
    expect(headersOf(first)).toMatchObject({
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '9',
      'x-ratelimit-reset': '2',
    });
    const paths = ['/api/v2/organizations/search?term=globex', '/api/v2/leads/search?term=anything'];
    for (let sent = 1; sent < 10; sent += 1) {
      expect((await apiGet(sandbox, paths[sent % 2] ?? '', token)).status).toBe(200);
    }
    const refused = await apiGet(sandbox, '/api/v2/persons/search?term=lovelace', token);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(OVER_LIMIT);
    expect(headersOf(refused)).toMatchObject({
      'retry-after': '2',
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-token-cost': null,
    });
    // Other endpoints are held to the burst limit only, and report it.
    const other = await apiGet(sandbox, '/api/v1/users/me', token);
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-limit')).toBe('400');
    expect((await apiGet(sandbox, '/api/v2/persons/search?term=ada', accessToken(sandbox))).status).toBe(200);
    expect((await usage(sandbox)).refused).toEqual({ burst: 0, search: 1, daily: 0 });
    clock.advance(2000);
    const again = await apiGet(sandbox, '/api/v2/persons/search?term=lovelace', token);
    expect(again.status).toBe(200);
    expect(again.headers.get('x-ratelimit-remaining')).toBe('9');
  });
});

describe('daily token budget', () => {
  it('refuses a request that costs more than is left today, with the observed body, until midnight UTC', async () => {
    const clock = createClock(NOON);
    const sandbox = createTestSandbox(clock, undefined, { dailyBudget: 25 });
    let token = accessToken(sandbox);
    const get = (path: string) => apiGet(sandbox, path, token);
    expect((await get('/api/v1/currencies')).headers.get('x-daily-ratelimit-token-remaining')).toBe('5');
    expect((await get('/api/v1/users/me')).headers.get('x-daily-ratelimit-token-remaining')).toBe('3');
    const refused = await get('/api/v1/currencies');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(DAILY_EXCEEDED);
    expect(headersOf(refused)).toMatchObject({
      'retry-after': String(12 * 60 * 60),
      'x-daily-ratelimit-token-limit': '25',
      'x-daily-ratelimit-token-remaining': '3',
      'x-token-cost': null,
    });
    // A cheaper call still fits what is left; the refused one was not charged.
    expect((await get('/api/v1/users/me')).headers.get('x-daily-ratelimit-token-remaining')).toBe('1');
    expect(await usage(sandbox)).toMatchObject({
      totalTokenCost: 24,
      refused: { burst: 0, search: 0, daily: 1 },
    });
    clock.advance(12 * 60 * 60 * 1000 - 1000);
    // Hours later: a new access token, as the app would have by then; the budget is the company's.
    token = accessToken(sandbox);
    expect((await get('/api/v1/currencies')).headers.get('retry-after')).toBe('1');
    clock.advance(1000);
    const nextDay = await get('/api/v1/currencies');
    expect(nextDay.status).toBe(200);
    expect(nextDay.headers.get('x-daily-ratelimit-token-remaining')).toBe('5');
  });

  it('is spent down at run time through POST /__sandbox/usage/budget, and refilled by the usage reset', async () => {
    const sandbox = createTestSandbox(createClock(NOON));
    const token = accessToken(sandbox);
    const budget = (body: unknown) =>
      sandbox.apiApp.request('/__sandbox/usage/budget', {
        method: 'POST',
        headers: SANDBOX_ADMIN_HEADERS,
        body: JSON.stringify(body),
      });
    const limit = 30_000 * 5 * 7;
    expect(await (await budget({ remaining: 0 })).json()).toEqual({
      ok: true,
      limit,
      remaining: 0,
      resetSeconds: 12 * 60 * 60,
    });
    const refused = await apiGet(sandbox, '/api/v1/users/me', token);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(DAILY_EXCEEDED);
    await budget({ remaining: 2 });
    expect((await apiGet(sandbox, '/api/v1/users/me', token)).status).toBe(200);
    expect(await (await sandbox.apiApp.request('/__sandbox/usage/budget')).json()).toMatchObject({
      remaining: 0,
    });
    for (const bad of [{}, { remaining: -1 }, { remaining: 1.5 }, { remaining: limit + 1 }, 'x']) {
      expect((await budget(bad)).status, JSON.stringify(bad)).toBe(400);
    }
    await sandbox.apiApp.request('/__sandbox/usage/reset', {
      method: 'POST',
      headers: SANDBOX_ADMIN_HEADERS,
    });
    expect((await apiGet(sandbox, '/api/v1/users/me', token)).status).toBe(200);
  });
});

describe('limit settings', () => {
  it('reads SANDBOX_DAILY_BUDGET and SANDBOX_RATE_LIMITS from the environment', () => {
    expect(sandboxSettingsFromEnv({})).toMatchObject({
      dailyBudget: undefined,
      enforceRateLimits: undefined,
    });
    expect(sandboxSettingsFromEnv({ SANDBOX_DAILY_BUDGET: '50', SANDBOX_RATE_LIMITS: 'off' })).toMatchObject({
      dailyBudget: 50,
      enforceRateLimits: false,
    });
    expect(() => sandboxSettingsFromEnv({ SANDBOX_DAILY_BUDGET: 'tiny' })).toThrow(/SANDBOX_DAILY_BUDGET/);
    expect(() => sandboxSettingsFromEnv({ SANDBOX_RATE_LIMITS: 'sometimes' })).toThrow(/SANDBOX_RATE_LIMITS/);
  });

  it('with rate limits off, counts and sends the headers but never refuses', async () => {
    const sandbox = createTestSandbox(createClock(NOON), undefined, {
      dailyBudget: 0,
      enforceRateLimits: false,
    });
    const token = accessToken(sandbox);
    const responses = await times(12, () => apiGet(sandbox, '/api/v2/persons/search?term=ada', token));
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
    expect(headersOf(responses[11] as Response)).toMatchObject({
      'x-ratelimit-limit': '10',
      'x-ratelimit-remaining': '0',
      'x-daily-ratelimit-token-remaining': '0',
    });
  });
});
