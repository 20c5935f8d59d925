import { describe, expect, it } from 'vitest';
import { CUSTOM_FIELD_KEYS as K } from './custom-field-keys.ts';
import {
  contractErrors,
  OPENAPI_AVAILABLE,
  OPENAPI_DIR,
  responseSchema,
  schemaErrors,
} from './openapi-contract.ts';
import { FIXTURES } from './seed.ts';
import { accessToken, apiGet, apiPostJson, createTestSandbox } from './test-support.ts';

const sandbox = createTestSandbox();
const token = accessToken(sandbox);
const get = async (path: string) => (await apiGet(sandbox, path, token)).json();
const post = async (path: string, body: unknown) => (await apiPostJson(sandbox, path, token, body)).json();

if (!OPENAPI_AVAILABLE) {
  console.warn(`Skipping the response contract tests: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}`);
}

describe.skipIf(!OPENAPI_AVAILABLE)(`responses conform to the OpenAPI documents in ${OPENAPI_DIR}`, () => {
  it('the checker itself catches a wrong type', () => {
    const errors = contractErrors('v1', 'getCurrencies', { success: true, data: [{ id: 'one' }] });
    expect(errors.map((error) => error.instancePath)).toEqual(['/data/0/id']);
  });

  it('getCurrencies', async () => {
    expect(contractErrors('v1', 'getCurrencies', await get('/api/v1/currencies'))).toEqual([]);
  });

  it('getLeadSources', async () => {
    expect(contractErrors('v1', 'getLeadSources', await get('/api/v1/leadSources'))).toEqual([]);
  });

  it('getDealFields, except that the spec itself leaves `int` out of one of its two field_type enums', async () => {
    const body = await get('/api/v1/dealFields?limit=500');
    // The response schema is allOf [base, fields]; each item's schema is fields.data.items.
    const [, , fields] = responseSchema('v1', 'getDealFields').allOf as Array<{
      properties: { data: { items: Record<string, unknown> } };
    }>;
    if (!fields) throw new Error('getDealFields has no fields schema');
    const itemSchema = fields.properties.data.items;
    for (const item of body.data) {
      const errors = schemaErrors(itemSchema, item);
      if (item.field_type === 'int') {
        expect(errors.map((error) => error.instancePath)).toEqual(['/field_type']);
      } else {
        expect(errors, item.key).toEqual([]);
      }
    }
    const withoutInt = {
      ...body,
      data: body.data.filter((item: { field_type: string }) => item.field_type !== 'int'),
    };
    expect(contractErrors('v1', 'getDealFields', withoutInt)).toEqual([]);
  });

  it('addPerson, with and without an organization', async () => {
    const withOrg = await post('/api/v2/persons', {
      name: 'Contract Person',
      org_id: FIXTURES.globex.organizationId,
      emails: [{ value: 'contract@example.com' }],
      phones: [{ value: '+1 555 0100', label: 'mobile' }],
    });
    expect(contractErrors('v2', 'addPerson', withOrg)).toEqual([]);
    expect(contractErrors('v2', 'addPerson', await post('/api/v2/persons', { name: 'Loner' }))).toEqual([]);
  });

  it('addOrganization, with and without an address', async () => {
    const withAddress = await post('/api/v2/organizations', {
      name: 'Contract Org',
      address: { value: '1 Road' },
    });
    expect(contractErrors('v2', 'addOrganization', withAddress)).toEqual([]);
    expect(
      contractErrors('v2', 'addOrganization', await post('/api/v2/organizations', { name: 'Bare' })),
    ).toEqual([]);
  });

  it('addLead (201) and getLead, with custom fields set', async () => {
    const created = await post('/api/v1/leads', {
      title: 'Contract lead',
      person_id: FIXTURES.adaLovelace.personId,
      label_ids: [sandbox.store.crm.leadLabels[0]?.id],
      value: { amount: 10, currency: 'EUR' },
      expected_close_date: '2026-12-31',
      channel: 66,
      [K.monetary]: 100,
      [`${K.monetary}_currency`]: 'USD',
      [K.set]: [201],
      [K.timerange]: '08:00',
      [`${K.timerange}_until`]: '16:00',
    });
    expect(contractErrors('v1', 'addLead', created, '201')).toEqual([]);
    expect(contractErrors('v1', 'getLead', await get(`/api/v1/leads/${created.data.id}`))).toEqual([]);
  });

  it('searchLeads, except that the spec types next_cursor as a string though it documents null on the last page', async () => {
    for (const title of ['Contract search lead one', 'Contract search lead two']) {
      await post('/api/v1/leads', {
        title,
        person_id: FIXTURES.adaLovelace.personId,
        organization_id: FIXTURES.analyticalEngines.organizationId,
        value: { amount: 250, currency: 'USD' },
        [K.varchar]: 'Contract search detail',
      });
    }
    const path = '/api/v2/leads/search?term=contract%20search&include_fields=lead.was_seen&limit=1';
    const first = await get(path);
    expect(first.data.items).toHaveLength(1);
    expect(contractErrors('v2', 'searchLeads', first)).toEqual([]);
    const last = await get(`${path}&cursor=${encodeURIComponent(first.additional_data.next_cursor)}`);
    expect(last.additional_data.next_cursor).toBeNull();
    const errors = contractErrors('v2', 'searchLeads', last);
    expect(errors.map((error) => error.instancePath)).toEqual(['/additional_data/next_cursor']);
  });
});
