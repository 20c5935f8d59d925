import { describe, expect, it } from 'vitest';
import { unmetScopeNeeds } from './scope-check.ts';

const OLD_INSTALL = ['base', 'leads:full', 'contacts:full', 'deals:read'];

describe('unmetScopeNeeds', () => {
  it('finds what a Pipedrive or sandbox token lacks', () => {
    for (const kind of ['pipedrive', 'sandbox'] as const) {
      expect(unmetScopeNeeds(kind, OLD_INSTALL).map((need) => need.scope)).toEqual(['users:read']);
    }
  });

  it('lets a full grant through', () => {
    expect(unmetScopeNeeds('pipedrive', [...OLD_INSTALL, 'users:read'])).toEqual([]);
  });

  it('does not judge a grant that names no scope, or another provider’s scope names', () => {
    expect(unmetScopeNeeds('pipedrive', [])).toEqual([]);
    expect(unmetScopeNeeds('custom', ['openid', 'leads'])).toEqual([]);
  });
});
