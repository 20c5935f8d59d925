import { describe, expect, it } from 'vitest';
import { createSandboxTransport, transportWithToken } from '@/testing/sandbox-transport.ts';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { getLeadLabels } from './lead-labels.ts';
import { permissionProblemOf } from './permission-problem.ts';

/** Pipedrive's body when the user's permission set does not allow a call. */
const NO_PERMISSION_BODY = {
  success: false,
  error: 'You do not have permissions to do this.',
  error_info: 'Please check developers.pipedrive.com',
  data: null,
  additional_data: null,
};
const SCOPE_BODY = { success: false, error: 'Scope and URL mismatch', errorCode: 403 };

const refused = (body: unknown) => apiErrorFrom(403, body);

describe('permissionProblemOf: the permission set does not allow the call', () => {
  it('says the user may not see leads when lead labels are refused', () => {
    expect(
      permissionProblemOf(refused(NO_PERMISSION_BODY), { method: 'GET', path: '/api/v1/leadLabels' }),
    ).toEqual({
      kind: 'permission-set',
      message:
        'Your Pipedrive user is not allowed to see leads. Ask a Pipedrive admin to give your permission set access to leads.',
    });
  });

  it('says the user may not add leads when the create is refused', () => {
    expect(
      permissionProblemOf(refused(NO_PERMISSION_BODY), { method: 'POST', path: '/api/v1/leads' })?.message,
    ).toBe(
      'Your Pipedrive user is not allowed to add leads. Ask a Pipedrive admin to give your permission set access to leads.',
    );
  });

  it('names people for a refused person search', () => {
    expect(
      permissionProblemOf(refused(NO_PERMISSION_BODY), { method: 'GET', path: '/api/v2/persons/search' })
        ?.message,
    ).toBe(
      'Your Pipedrive user is not allowed to search people. Ask a Pipedrive admin to give your permission set access to people.',
    );
  });

  it('still points at the permission set for a call it does not know', () => {
    expect(
      permissionProblemOf(refused(NO_PERMISSION_BODY), { method: 'GET', path: '/api/v1/deals' }),
    ).toEqual({
      kind: 'permission-set',
      message:
        'Your Pipedrive user is not allowed to do this. Ask a Pipedrive admin to check your permission set.',
    });
  });

  it('reads the sandbox’s refusal for a user without leads, as the app receives it', async () => {
    const { sandbox } = createSandboxTransport();
    const priya = sandbox.store.crm.findUser(21000007);
    expect(priya?.permissions.leads).toBe(false);
    const token = sandbox.store.auth.issueTokens({
      clientId: sandbox.clients.public.clientId,
      userId: priya?.id ?? 0,
      scopes: ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'],
    }).accessToken.token;
    const error = await getLeadLabels(transportWithToken(sandbox, () => token)).then(
      () => expect.unreachable('lead labels should be refused'),
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(
      permissionProblemOf(error as ApiError, { method: 'GET', path: '/api/v1/leadLabels' })?.message,
    ).toMatch(/^Your Pipedrive user is not allowed to see leads\./);
  });
});

describe('permissionProblemOf: the token lacks the call’s scope', () => {
  it('names the scope of the refused call in plain words and how an admin adds it', () => {
    const problem = permissionProblemOf(refused(SCOPE_BODY), { method: 'GET', path: '/api/v1/users' });
    expect(problem).toMatchObject({ kind: 'scope', need: { scope: 'users:read' } });
    expect(problem?.message).toBe(
      'QuickLead’s access to Pipedrive is missing Read users (users:read), needed to choose a lead’s owner. A Pipedrive admin adds it to the app in Pipedrive’s Developer Hub; then sign out and sign in again, because a sign-in made before the change keeps the old scopes.',
    );
  });

  it('names the scope the app asks for even where a narrower one would open the call', () => {
    const problem = permissionProblemOf(refused(SCOPE_BODY), {
      method: 'GET',
      path: '/api/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec',
    });
    expect(problem?.message).toContain('Create and read leads (leads:full)');
  });

  it('lists every scope QuickLead needs for a call it does not know', () => {
    const problem = permissionProblemOf(refused(SCOPE_BODY), { method: 'GET', path: '/api/v1/deals' });
    expect(problem).toMatchObject({ kind: 'scope', need: undefined });
    expect(problem?.message).toContain('base, leads:full, contacts:full, users:read, deals:read');
  });
});

describe('permissionProblemOf: other answers', () => {
  it('leaves other 403s to their own words', () => {
    const capped = {
      success: false,
      error: "Couldn't add the deal. Open deals limit reached.",
      code: 'feature_capping_deals_limit',
    };
    expect(permissionProblemOf(refused(capped), { method: 'POST', path: '/api/v1/leads' })).toBeUndefined();
    // A proxy's HTML page has no JSON body at all.
    expect(
      permissionProblemOf(refused(undefined), { method: 'POST', path: '/api/v1/leads' }),
    ).toBeUndefined();
  });

  it('is only about 403', () => {
    expect(
      permissionProblemOf(apiErrorFrom(400, NO_PERMISSION_BODY), { method: 'POST', path: '/api/v1/leads' }),
    ).toBeUndefined();
  });
});
