import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../seed/seed.ts';
import { contractErrors, OPENAPI_AVAILABLE, OPENAPI_DIR } from '../testing/openapi-contract.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const clock = createClock();
const sandbox = createTestSandbox(clock, undefined, { conversionMs: 1500 });
const token = accessToken(sandbox);
const get = async (path: string) => (await apiGet(sandbox, path, token)).json();
const post = async (path: string, body: unknown) => (await apiPostJson(sandbox, path, token, body)).json();

if (!OPENAPI_AVAILABLE) {
  console.warn(
    `Skipping the conversion and label contract tests: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}`,
  );
}

describe.skipIf(!OPENAPI_AVAILABLE)(`conversion and label answers conform to ${OPENAPI_DIR}`, () => {
  it('convertLeadToDeal, and getLeadConversionStatus in every state it passes through', async () => {
    const lead = await post('/api/v1/leads', {
      title: 'Contract conversion',
      person_id: FIXTURES.adaLovelace.personId,
    });
    const started = await post(`/api/v2/leads/${lead.data.id}/convert/deal`, {});
    expect(contractErrors('v2', 'convertLeadToDeal', started)).toEqual([]);
    const path = `/api/v2/leads/${lead.data.id}/convert/status/${started.data.conversion_id}`;
    const seen: string[] = [];
    for (let step = 0; step < 3; step += 1) {
      const answer = await get(path);
      seen.push(answer.data.status);
      expect(contractErrors('v2', 'getLeadConversionStatus', answer)).toEqual([]);
      clock.advance(750);
    }
    expect(seen).toEqual(['not_started', 'running', 'completed']);
  });

  it('the 404s of both conversion endpoints', async () => {
    const missing = '0b0e7e2c-0000-4000-8000-000000000000';
    const notStarted = await post(`/api/v2/leads/${missing}/convert/deal`, {});
    expect(contractErrors('v2', 'convertLeadToDeal', notStarted, '404')).toEqual([]);
    const noStatus = await get(`/api/v2/leads/${missing}/convert/status/${missing}`);
    expect(contractErrors('v2', 'getLeadConversionStatus', noStatus, '404')).toEqual([]);
  });

  it('a failed conversion’s status', async () => {
    sandbox.store.crm.conversions.failNext(1, 'failed');
    const lead = await post('/api/v1/leads', { title: 'Contract failure', organization_id: 2 });
    const started = await post(`/api/v2/leads/${lead.data.id}/convert/deal`, {});
    clock.advance(1500);
    const answer = await get(`/api/v2/leads/${lead.data.id}/convert/status/${started.data.conversion_id}`);
    expect(answer.data.status).toBe('failed');
    expect(contractErrors('v2', 'getLeadConversionStatus', answer)).toEqual([]);
  });

  it('addLeadLabel', async () => {
    const answer = await post('/api/v1/leadLabels', { name: 'Contract label', color: 'dark-gray' });
    expect(contractErrors('v1', 'addLeadLabel', answer)).toEqual([]);
    expect(contractErrors('v1', 'getLeadLabels', await get('/api/v1/leadLabels'))).toEqual([]);
  });
});
