import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../sandbox/testing/test-support.ts';
import { type LocalRedis, startLocalRedis } from '../testing/local-redis.ts';
import { EmbeddedSessionStore } from './embedded-session-store.ts';
import { RedisSessionStore } from './redis-session-store.ts';
import { SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_IDLE_TIMEOUT_MS, type Session } from './session-cookie.ts';
import { type SessionStore, SessionStoreUnavailableError } from './session-store.ts';

let redis: LocalRedis;
beforeAll(async () => {
  redis = await startLocalRedis();
});
afterAll(async () => {
  await redis.stop();
});

let counter = 0;
function sessionOf(now: number, overrides: Partial<Session> = {}): Session {
  counter += 1;
  return {
    accessToken: `access-${counter}-${'a'.repeat(5000)}`,
    refreshToken: `refresh-${counter}-${'r'.repeat(5000)}`,
    expiresAt: now + 3_600_000,
    refreshAt: now + 3_000_000,
    apiDomain: 'https://company.pipedrive.com',
    scopes: ['base', 'leads:full'],
    sid: `sid-${counter}-${Math.random().toString(36).slice(2)}`,
    startedAt: now,
    user: { id: 21000001, name: 'Maria Lopez', companyId: 7001 },
    ...overrides,
  };
}

const stores: Array<[string, (now: () => number) => SessionStore]> = [
  ['embedded', (now) => new EmbeddedSessionStore(now)],
  ['redis', (now) => new RedisSessionStore(redis.url, now, () => {})],
];

describe.each(stores)('%s session store', (_kind, makeStore) => {
  function setUp() {
    const clock = createClock();
    return { clock, store: makeStore(clock.now) };
  }

  it('keeps 5,000-character tokens whole', async () => {
    const { clock, store } = setUp();
    const session = sessionOf(clock.now());
    await store.create(session);
    expect(await store.read(session.sid)).toEqual(session);
    await store.close();
  });

  it('ends a session left idle past the idle timeout, and one past the absolute timeout however used', async () => {
    const { clock, store } = setUp();
    const idle = sessionOf(clock.now());
    const busy = sessionOf(clock.now());
    await store.create(idle);
    await store.create(busy);
    clock.advance(SESSION_IDLE_TIMEOUT_MS / 2);
    await store.touch(busy.sid);
    clock.advance(SESSION_IDLE_TIMEOUT_MS / 2);
    expect(await store.read(idle.sid)).toBeUndefined();
    expect((await store.read(busy.sid))?.sid).toBe(busy.sid);
    // Used every six hours, it still ends 30 days after sign-in.
    while (clock.now() < busy.startedAt + SESSION_ABSOLUTE_TIMEOUT_MS) {
      await store.touch(busy.sid);
      clock.advance(SESSION_IDLE_TIMEOUT_MS / 2);
    }
    expect(await store.read(busy.sid)).toBeUndefined();
    await store.close();
  });

  it('a touch slides the idle deadline without writing tokens back', async () => {
    const { clock, store } = setUp();
    const session = sessionOf(clock.now());
    await store.create(session);
    await store.update({ ...session, accessToken: 'renewed' });
    clock.advance(SESSION_IDLE_TIMEOUT_MS - 1000);
    await store.touch(session.sid);
    clock.advance(SESSION_IDLE_TIMEOUT_MS - 1000);
    expect((await store.read(session.sid))?.accessToken).toBe('renewed');
    await store.close();
  });

  it('after delete, neither an update (a refresh finishing late) nor a touch brings the session back', async () => {
    const { clock, store } = setUp();
    const session = sessionOf(clock.now());
    await store.create(session);
    await store.delete(session.sid);
    expect(await store.update({ ...session, accessToken: 'late' })).toBe(false);
    await store.touch(session.sid);
    expect(await store.read(session.sid)).toBeUndefined();
    await store.close();
  });

  it('ends every session of the user who uninstalled, and only theirs', async () => {
    const { clock, store } = setUp();
    const companyId = 9000 + counter;
    const phone = sessionOf(clock.now(), { user: { id: 1, name: 'A', companyId } });
    const laptop = sessionOf(clock.now(), { user: { id: 1, name: 'A', companyId } });
    const colleague = sessionOf(clock.now(), { user: { id: 2, name: 'B', companyId } });
    for (const session of [phone, laptop, colleague]) await store.create(session);
    expect(await store.deleteUserSessions(companyId, 1)).toBe(2);
    expect(await store.read(phone.sid)).toBeUndefined();
    expect(await store.read(laptop.sid)).toBeUndefined();
    expect((await store.read(colleague.sid))?.sid).toBe(colleague.sid);
    await store.close();
  });

  it('the refresh lock has one holder; only that holder releases it; it runs out on its own', async () => {
    const { clock, store } = setUp();
    const session = sessionOf(clock.now());
    const release = await store.lockRefresh(session.sid, 200);
    expect(release).toBeTypeOf('function');
    expect(await store.lockRefresh(session.sid, 200)).toBeUndefined();
    await release?.();
    const next = await store.lockRefresh(session.sid, 50);
    expect(next).toBeTypeOf('function');
    // Past its time (real time for Redis, the clock for the embedded store) the lock is free again,
    // and the first holder's late release does not free the next holder's.
    await new Promise((resolve) => setTimeout(resolve, 80));
    clock.advance(80);
    const third = await store.lockRefresh(session.sid, 10_000);
    expect(third).toBeTypeOf('function');
    await next?.();
    expect(await store.lockRefresh(session.sid, 10_000)).toBeUndefined();
    await store.close();
  });
});

describe('redis session store, Redis unavailable', () => {
  it('says so with its own error (answered 503) and logs one line, not one per call', async () => {
    const own = await startLocalRedis();
    const lines: string[] = [];
    const clock = createClock();
    const store = new RedisSessionStore(own.url, clock.now, (line) => lines.push(line));
    const session = sessionOf(clock.now());
    await expect
      .poll(() =>
        store.create(session).then(
          () => 'written',
          () => 'not yet',
        ),
      )
      .toBe('written');
    await own.stop();

    await expect(store.read(session.sid)).rejects.toBeInstanceOf(SessionStoreUnavailableError);
    await expect(store.create(sessionOf(clock.now()))).rejects.toBeInstanceOf(SessionStoreUnavailableError);
    expect(lines.filter((line) => line.includes('unavailable'))).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^\[quicklead\] session store \(Redis at redis:\/\/127\.0\.0\.1:\d+\) unavailable/,
    );
    await store.close();
  });
});
