import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '@/testing/memory-storage.ts';
import {
  forgetSignedIn,
  rememberSignedIn,
  SIGNED_IN_BEFORE_MAX_AGE_MS,
  signedInBefore,
} from './offline-hint.ts';

const HINT = {
  mode: 'bff',
  userId: 7,
  companyId: 42,
  apiDomain: 'https://northwind.pipedrive.com',
  scopes: ['base', 'leads:full'],
} as const;
const NOW = Date.UTC(2026, 10, 29, 9);

beforeEach(() => vi.stubGlobal('localStorage', memoryStorage()));
afterEach(() => vi.unstubAllGlobals());

describe('the hint that this browser was signed in', () => {
  it('comes back as written, with when it was written, and holds nothing secret', () => {
    rememberSignedIn({ ...HINT, scopes: [...HINT.scopes] }, NOW);
    expect(signedInBefore(NOW + 60_000)).toEqual({ ...HINT, at: NOW });
    expect(
      Object.keys(JSON.parse(localStorage.getItem('quicklead.signed-in-before.v1') ?? '{}')).sort(),
    ).toEqual(['apiDomain', 'at', 'companyId', 'mode', 'scopes', 'userId']);
  });

  it('is ignored once older than two weeks, or written in the future', () => {
    rememberSignedIn({ ...HINT, scopes: [...HINT.scopes] }, NOW);
    expect(signedInBefore(NOW + SIGNED_IN_BEFORE_MAX_AGE_MS)).toBeDefined();
    expect(signedInBefore(NOW + SIGNED_IN_BEFORE_MAX_AGE_MS + 1)).toBeUndefined();
    expect(signedInBefore(NOW - 1)).toBeUndefined();
  });

  it('is ignored when it cannot be read or lacks a part: never a guess', () => {
    const written = { ...HINT, at: NOW };
    for (const broken of [
      'not json',
      'null',
      '[]',
      JSON.stringify({ ...written, mode: 'spa' }),
      JSON.stringify({ ...written, userId: '7' }),
      JSON.stringify({ ...written, companyId: undefined }),
      JSON.stringify({ ...written, apiDomain: 'javascript:alert(1)' }),
      JSON.stringify({ ...written, scopes: 'base' }),
    ]) {
      localStorage.setItem('quicklead.signed-in-before.v1', broken);
      expect(signedInBefore(NOW), broken).toBeUndefined();
    }
  });

  it('is gone once forgotten', () => {
    rememberSignedIn({ ...HINT, scopes: [...HINT.scopes] }, NOW);
    forgetSignedIn();
    expect(signedInBefore(NOW)).toBeUndefined();
    expect(localStorage.length).toBe(0);
  });
});
