import { isAllowedApiCall } from '@common/api-allowlist.ts';
import { describe, expect, it } from 'vitest';
import { createSandboxTransport, transportWithToken } from '@/testing/sandbox-transport.ts';
import { endpointOf, missingScopes, REQUIRED_SCOPES, type ScopeNeed } from './required-scopes.ts';
import type { ApiRequest } from './transport.ts';

const APP_SCOPES = ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read', 'activities:full'];
/** What the form cannot open without. */
const NEEDED_SCOPES = APP_SCOPES.filter((scope) => scope !== 'activities:full');
const without = (scope: string) => APP_SCOPES.filter((entry) => entry !== scope);
const scopesOf = (needs: readonly ScopeNeed[]) => needs.map((need) => need.scope);

/** One request of each kind QuickLead sends (src/pipedrive/*), with a body the sandbox accepts. */
const CALLS: ApiRequest[] = [
  { method: 'GET', path: '/api/v1/users/me' },
  { method: 'GET', path: '/api/v1/users' },
  { method: 'GET', path: '/api/v1/users/21000002' },
  { method: 'GET', path: '/api/v1/leadLabels' },
  { method: 'GET', path: '/api/v1/currencies' },
  { method: 'GET', path: '/api/v1/dealFields' },
  { method: 'GET', path: '/api/v1/leadSources' },
  { method: 'GET', path: '/api/v2/persons/search', query: { term: 'Ada' } },
  { method: 'GET', path: '/api/v2/organizations/search', query: { term: 'Globex' } },
  { method: 'GET', path: '/api/v2/leads/search', query: { term: 'Globex' } },
  { method: 'POST', path: '/api/v2/persons', body: { name: 'Scope Check' } },
  { method: 'POST', path: '/api/v2/organizations', body: { name: 'Scope Check Ltd' } },
  { method: 'POST', path: '/api/v1/leads', body: { title: 'Scope check', person_id: 1 } },
  { method: 'GET', path: '/api/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec' },
  { method: 'GET', path: '/api/v1/leads', query: { person_id: 1, sort: 'add_time DESC', limit: 10 } },
  { method: 'POST', path: '/api/v1/notes', body: { content: 'Scope check', lead_id: 'x' } },
  { method: 'GET', path: '/api/v1/notes', query: { lead_id: 'adf21080-0e10-11eb-879b-05d71fb426ec' } },
  { method: 'GET', path: '/api/v1/activityTypes' },
  { method: 'POST', path: '/api/v2/activities', body: { subject: 'Scope check', type: 'call' } },
  {
    method: 'GET',
    path: '/api/v2/activities',
    query: { lead_id: 'adf21080-0e10-11eb-879b-05d71fb426ec' },
  },
  { method: 'GET', path: '/api/v1/leads', query: { owner_id: 21000001, sort: 'add_time DESC', limit: 20 } },
  { method: 'POST', path: '/api/v1/leadLabels', body: { name: 'Scope check', color: 'blue' } },
  { method: 'POST', path: '/api/v2/leads/adf21080-0e10-11eb-879b-05d71fb426ec/convert/deal', body: {} },
  {
    method: 'GET',
    path: '/api/v2/leads/adf21080-0e10-11eb-879b-05d71fb426ec/convert/status/4b40248b-945a-4802-b996-60fdff8c5c69',
  },
];

describe('missingScopes', () => {
  it('finds nothing missing in the scopes the README asks for', () => {
    expect(missingScopes(APP_SCOPES)).toEqual([]);
    expect(scopesOf(REQUIRED_SCOPES)).toEqual(APP_SCOPES);
  });

  it('names users:read, in plain words, when an old install lacks it', () => {
    expect(missingScopes(without('users:read'))).toEqual([
      expect.objectContaining({
        scope: 'users:read',
        title: 'Read users',
        purpose: 'to choose a lead’s owner',
      }),
    ]);
  });

  it('lists every need but the optional one for a token with no scope', () => {
    expect(scopesOf(missingScopes([]))).toEqual(NEEDED_SCOPES);
  });

  it('lets the form open without activities:full, which only the follow-up needs', () => {
    expect(missingScopes(NEEDED_SCOPES)).toEqual([]);
    expect(REQUIRED_SCOPES.find((need) => need.scope === 'activities:full')).toMatchObject({
      optional: true,
      title: 'Schedule activities',
    });
  });

  it('takes any scope that opens every call of a need ("any of")', () => {
    for (const broader of ['deals:full', 'deal-fields:full', 'admin']) {
      expect(missingScopes([...without('deals:read'), broader]), broader).toEqual([]);
    }
  });

  it('does not take a read scope where QuickLead also writes', () => {
    expect(scopesOf(missingScopes([...without('leads:full'), 'leads:read']))).toEqual(['leads:full']);
    expect(scopesOf(missingScopes([...without('contacts:full'), 'contacts:read']))).toEqual([
      'contacts:full',
    ]);
  });
});

describe('REQUIRED_SCOPES and the calls QuickLead makes', () => {
  it('places every call the app server forwards under exactly one need', () => {
    for (const call of CALLS) {
      expect(isAllowedApiCall(call.method, call.path), `${call.method} ${call.path}`).toBe(true);
      const owners = REQUIRED_SCOPES.filter((need) =>
        need.endpoints.some((endpoint) => endpoint.method === call.method && endpoint.path.test(call.path)),
      );
      expect(owners, `${call.method} ${call.path}`).toHaveLength(1);
      expect(endpointOf(call.method, call.path)?.need).toBe(owners[0]);
    }
  });

  it('knows nothing of calls QuickLead does not make', () => {
    expect(endpointOf('GET', '/api/v1/deals')).toBeUndefined();
    expect(endpointOf('DELETE', '/api/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec')).toBeUndefined();
  });

  // The sandbox takes each endpoint's scopes from Pipedrive's OpenAPI documents: the two must agree.
  it.each(REQUIRED_SCOPES.map((need) => need.scope))(
    'matches the sandbox: without %s, exactly the calls of that need are refused for scope',
    async (scope) => {
      const { sandbox } = createSandboxTransport();
      const userId = sandbox.store.crm.users[0]?.id ?? 0;
      const token = sandbox.store.auth.issueTokens({
        clientId: sandbox.clients.public.clientId,
        userId,
        scopes: without(scope),
      }).accessToken.token;
      const transport = transportWithToken(sandbox, () => token);
      const refused: string[] = [];
      for (const call of CALLS) {
        const response = await transport(call);
        const body = (await response.json()) as { error?: string };
        if (response.status === 403 && body.error === 'Scope and URL mismatch')
          refused.push(`${call.method} ${call.path}`);
      }
      // The calls of that need, but for one another granted scope still opens (notes are listed with
      // a deals scope too).
      const expected = CALLS.filter((call) => {
        const found = endpointOf(call.method, call.path);
        return (
          found?.need.scope === scope &&
          !found.endpoint.anyOf.some((other) => other !== scope && APP_SCOPES.includes(other))
        );
      }).map((call) => `${call.method} ${call.path}`);
      expect(refused).toEqual(expected);
    },
  );
});
