import { describe, expect, it } from 'vitest';
import {
  OPENAPI_AVAILABLE,
  OPENAPI_DIR,
  requestParameterProblems,
} from '../../sandbox/testing/openapi-contract.ts';
import { leadListQueries } from './lead-lists.ts';
import { organizationQueries } from './search-organizations.ts';
import { personQueries } from './search-persons.ts';
import type { ApiRequest, Transport } from './transport.ts';
import { getUser } from './users.ts';

if (!OPENAPI_AVAILABLE) {
  console.warn(`Skipping the query contract tests: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}`);
}

/** The request a call sends, caught before it leaves (the answer is an empty success). */
async function sent(call: (transport: Transport) => Promise<unknown>): Promise<ApiRequest> {
  let request: ApiRequest | undefined;
  const transport: Transport = async (caught) => {
    request = caught;
    const empty = caught.path.endsWith('/search')
      ? { items: [] }
      : caught.path.includes('/users/')
        ? { id: 1, name: 'x' }
        : [];
    return new Response(JSON.stringify({ success: true, data: empty }), { status: 200 });
  };
  await call(transport);
  if (!request) throw new Error('nothing was sent');
  return request;
}

const signal = new AbortController().signal;
const run =
  <T>(options: (transport: Transport) => { queryFn?: unknown }) =>
  (transport: Transport) =>
    (options(transport).queryFn as (context: { signal: AbortSignal }) => Promise<T>)({ signal });

describe.skipIf(!OPENAPI_AVAILABLE)(
  'the queries QuickLead sends are documented parameters with allowed values',
  () => {
    it('a picked contact’s open leads: GET /v1/leads by person_id or organization_id, newest first', async () => {
      for (const kind of ['person', 'organization'] as const) {
        const request = await sent(run((transport) => leadListQueries.open(transport, { kind, id: 7 })));
        expect(request.path).toBe('/api/v1/leads');
        expect(requestParameterProblems('v1', 'get', '/leads', request.query ?? {})).toEqual([]);
      }
    });

    it('the rep’s recent leads: GET /v1/leads by owner_id, newest first, 20', async () => {
      const request = await sent(run((transport) => leadListQueries.recent(transport, 21000001)));
      expect(request.query).toEqual({ owner_id: 21000001, sort: 'add_time DESC', limit: 20 });
      expect(requestParameterProblems('v1', 'get', '/leads', request.query ?? {})).toEqual([]);
    });

    it('the person look-ups: v2 persons search with fields from its enum and exact_match', async () => {
      for (const fields of [['email'], ['phone'], ['name'], ['email', 'name']] as const) {
        const request = await sent(
          run((transport) => personQueries.lookup(transport, fields, 'ada@example.com')),
        );
        expect(request.path).toBe('/api/v2/persons/search');
        expect(request.query?.exact_match).toBe('true');
        expect(requestParameterProblems('v2', 'get', '/persons/search', request.query ?? {})).toEqual([]);
      }
    });

    it('the organization look-up: v2 organizations search by name, exactly', async () => {
      const request = await sent(
        run((transport) => organizationQueries.lookup(transport, ['name'], 'Globex')),
      );
      expect(request.query).toEqual({ term: 'Globex', fields: 'name', exact_match: 'true', limit: 10 });
      expect(requestParameterProblems('v2', 'get', '/organizations/search', request.query ?? {})).toEqual([]);
    });

    it('an organization’s website is not a documented search field: the check itself says so', () => {
      expect(
        requestParameterProblems('v2', 'get', '/organizations/search', {
          term: 'globex.example',
          fields: 'website',
        }),
      ).toEqual(['fields "website" is not one of address, custom_fields, notes, name']);
    });

    it('one owner’s name: GET /v1/users/{id} with a numeric id', async () => {
      const request = await sent((transport) => getUser(transport, 21000002));
      expect(request.path).toBe('/api/v1/users/21000002');
      expect(
        requestParameterProblems('v1', 'get', '/users/{id}', request.query ?? {}, { id: '21000002' }),
      ).toEqual([]);
    });
  },
);
