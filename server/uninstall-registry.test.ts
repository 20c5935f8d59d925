import { describe, expect, it } from 'vitest';
import { createClock } from '../sandbox/test-support.ts';
import { SESSION_ABSOLUTE_TIMEOUT_MS, type Session } from './session-cookie.ts';
import { UninstallRegistry } from './uninstall-registry.ts';

function sessionOf(startedAt: number, user?: Session['user']): Session {
  return {
    accessToken: 'a',
    expiresAt: 0,
    refreshAt: 0,
    apiDomain: 'https://acme.pipedrive.com',
    scopes: [],
    sid: 's',
    startedAt,
    ...(user ? { user } : {}),
  };
}

const maria = { id: 1, name: 'Maria', companyId: 10 };

describe('UninstallRegistry', () => {
  it('ends a session of that user and company that started before the uninstall, and only that', () => {
    const clock = createClock();
    const registry = new UninstallRegistry(clock.now);
    const earlier = sessionOf(clock.now(), maria);
    clock.advance(1);
    registry.record(1, 10);
    expect(registry.ends(earlier)).toBe(true);
    expect(registry.ends(sessionOf(clock.now(), maria))).toBe(false);
    expect(registry.ends(sessionOf(earlier.startedAt, { ...maria, companyId: 11 }))).toBe(false);
    expect(registry.ends(sessionOf(earlier.startedAt, { ...maria, id: 2 }))).toBe(false);
    // A sign-in that could not read users/me cannot be tied to anyone.
    expect(registry.ends(sessionOf(earlier.startedAt, { id: 1, name: 'Maria' }))).toBe(false);
    expect(registry.ends(sessionOf(earlier.startedAt))).toBe(false);
  });

  it('forgets an uninstall once no session that started before it can still be alive', () => {
    const clock = createClock();
    const registry = new UninstallRegistry(clock.now);
    const earlier = sessionOf(clock.now() - 1, maria);
    registry.record(1, 10);
    clock.advance(SESSION_ABSOLUTE_TIMEOUT_MS - 1);
    expect(registry.size).toBe(1);
    clock.advance(1);
    expect(registry.size).toBe(0);
    expect(registry.ends(earlier)).toBe(false);
  });

  it('keeps at most its limit, dropping the oldest notice first; a repeat counts as new', () => {
    const clock = createClock();
    const registry = new UninstallRegistry(clock.now, 2);
    const started = clock.now() - 1;
    registry.record(1, 10);
    registry.record(2, 10);
    registry.record(1, 10);
    registry.record(3, 10);
    expect(registry.size).toBe(2);
    expect(registry.ends(sessionOf(started, { id: 2, name: 'B', companyId: 10 }))).toBe(false);
    expect(registry.ends(sessionOf(started, maria))).toBe(true);
    expect(registry.ends(sessionOf(started, { id: 3, name: 'C', companyId: 10 }))).toBe(true);
  });
});
