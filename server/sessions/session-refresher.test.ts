import { describe, expect, it } from 'vitest';
import { RefreshError } from '../../common/oauth/refresh-outcome.ts';
import { createClock } from '../../sandbox/testing/test-support.ts';
import type { ConfidentialClient } from '../oauth-client.ts';
import { EmbeddedSessionStore } from './embedded-session-store.ts';
import type { Session } from './session-cookie.ts';
import { SessionRefresher } from './session-refresher.ts';

const session: Session = {
  accessToken: 'old',
  refreshToken: 'refresh',
  expiresAt: 0,
  refreshAt: 0,
  apiDomain: 'https://acme.pipedrive.com',
  scopes: [],
  sid: 'sid-1',
  startedAt: 0,
};

/** A client whose refresh answers come from `answers` in order (an Error is thrown). */
function clientAnswering(answers: Array<Session | Error>) {
  const state = { calls: 0 };
  const client = {
    refresh: async () => {
      const answer = answers[state.calls] ?? new Error('no more answers');
      state.calls += 1;
      // A turn of the event loop, so that callers can join while a try is under way.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as ConfidentialClient;
  return { client, state };
}

const renewed = { ...session, accessToken: 'new' };

const transient = () => new RefreshError({ kind: 'transient' });

function refresherWith(answers: Array<Session | Error>) {
  const clock = createClock();
  const sleeps: number[] = [];
  const { client, state } = clientAnswering(answers);
  // The session as sign-in stored it (the refresher renews only sessions the store still has).
  const store = new EmbeddedSessionStore(clock.now);
  void store.create({ ...session, startedAt: clock.now() });
  const refresher = new SessionRefresher(client, store, clock.now, {
    delaysMs: [10, 20],
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { refresher, state, sleeps, clock };
}

describe('SessionRefresher', () => {
  it('a caller that must renew, joining a single try that fails transiently, goes on to a retrying sequence', async () => {
    const { refresher, state, sleeps } = refresherWith([transient(), transient(), renewed]);
    const single = refresher.refresh(session);
    const renewing = refresher.refresh(session, { mustRenew: true });
    await expect(single).rejects.toMatchObject({ failure: { kind: 'transient' } });
    await expect(renewing).resolves.toEqual(renewed);
    expect(state.calls).toBe(3);
    expect(sleeps).toEqual([10]);
  });

  it('stops at once on a refused grant, even when it must renew', async () => {
    const { refresher, state, sleeps } = refresherWith([new RefreshError({ kind: 'grant' }), renewed]);
    await expect(refresher.refresh(session, { mustRenew: true })).rejects.toMatchObject({
      failure: { kind: 'grant' },
    });
    expect(state.calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('reads anything else the client throws as transient, and gives up after the last delay', async () => {
    const { refresher, state, sleeps } = refresherWith([new Error('bug'), new TypeError('x'), transient()]);
    const error = await refresher.refresh(session, { mustRenew: true }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RefreshError);
    expect((error as RefreshError).failure).toEqual({ kind: 'transient' });
    expect(state.calls).toBe(3);
    expect(sleeps).toEqual([10, 20]);
  });

  it('after a 429 it does not ask again until Retry-After has passed, unless the session is forgotten', async () => {
    const busy = new RefreshError({ kind: 'rate-limited', retryAfterSeconds: 60 });
    const { refresher, state, clock } = refresherWith([busy, busy, renewed]);
    await expect(refresher.refresh(session)).rejects.toBe(busy);
    clock.advance(15_500);
    await expect(refresher.refresh(session)).rejects.toMatchObject({
      failure: { kind: 'rate-limited', retryAfterSeconds: 45 },
    });
    expect(state.calls).toBe(1);
    refresher.forget(session.sid);
    await expect(refresher.refresh(session)).rejects.toBe(busy);
    expect(state.calls).toBe(2);
    clock.advance(60_000);
    await expect(refresher.refresh(session)).resolves.toEqual(renewed);
  });
});
