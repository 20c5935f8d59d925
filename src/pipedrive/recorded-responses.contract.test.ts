import { describe, expect, it } from 'vitest';
import { leadFacts } from '@/leads/card/lead-facts.ts';
import { recordedReferenceData, recordedTransport } from '@/testing/recorded-reference.ts';
import {
  RECORDED_AVAILABLE,
  RECORDED_DIR,
  type RecordedResponse,
  recordedFolders,
  recordedResponses,
} from '../../sandbox/testing/recorded-responses.ts';
import { addLead, type Lead, leadSchema } from './add-lead.ts';
import { ApiError } from './api-error.ts';
import { callApi } from './call-api.ts';
import { getCurrencies } from './currencies.ts';
import { customFieldsOf, getDealFields, parseDealFieldsPage } from './deal-fields.ts';
import { getLead } from './get-lead.ts';
import { getLeadLabels } from './lead-labels.ts';
import { listRecentLeads } from './list-leads.ts';
import type { Transport } from './transport.ts';
import { getUsers } from './users.ts';

if (!RECORDED_AVAILABLE) {
  console.warn(`Skipping the recorded-response contract tests: no recordings in ${RECORDED_DIR}`);
}

const dataOf = (response: RecordedResponse) => (response.body as { data: unknown }).data;
const itemCount = (response: RecordedResponse) => (dataOf(response) as unknown[]).length;

/** A recorded lead parses and keeps its id. */
async function expectLead(response: RecordedResponse, read: Promise<Lead>) {
  expect((await read).id).toBe((dataOf(response) as { id: string }).id);
}

/** Every lead recorded anywhere: single answers and the items of lists. */
function recordedLeads(): Array<{ file: string; raw: unknown }> {
  return recordedResponses().flatMap((response) => {
    if (!['get-v1-leads-id', 'post-v1-leads', 'patch-v1-leads-id', 'get-v1-leads'].includes(response.folder))
      return [];
    const data = dataOf(response);
    return (Array.isArray(data) ? data : [data]).map((raw) => ({ file: response.file, raw }));
  });
}

type Check = { parser: string; check: (response: RecordedResponse) => Promise<void> } | { notUsed: string };

/** A list endpoint whose every recorded item the app must keep. */
function everyItem(parser: string, read: (transport: Transport) => Promise<unknown[]>): Check {
  return {
    parser,
    check: async (response) =>
      expect(await read(recordedTransport(response))).toHaveLength(itemCount(response)),
  };
}

/**
 * Each recorded request, with the parser QuickLead uses for it and what that parser must make of
 * every recording; or why QuickLead has none. A new folder with neither fails the first test.
 */
const CHECKS: Record<string, Check> = {
  'get-v1-dealFields': {
    parser: 'getDealFields (field by field)',
    check: async (response) => {
      expect(parseDealFieldsPage(200, response.body).skipped).toEqual([]);
      const fields = await getDealFields(recordedTransport(response));
      expect(fields.map((field) => field.key)).toEqual(
        (dataOf(response) as Array<{ key: string }>).map((field) => field.key),
      );
    },
  },
  'get-v1-users': everyItem('getUsers', getUsers),
  'get-v1-currencies': everyItem('getCurrencies', getCurrencies),
  'get-v1-leadLabels': everyItem('getLeadLabels', getLeadLabels),
  'post-v1-leads': {
    parser: 'addLead',
    check: (response) => expectLead(response, addLead(recordedTransport(response), { title: 'Recorded' })),
  },
  'get-v1-leads-id': {
    parser: 'getLead',
    check: (response) =>
      expectLead(response, getLead(recordedTransport(response), (dataOf(response) as { id: string }).id)),
  },
  'patch-v1-leads-id': {
    parser: 'leadSchema (QuickLead does not update leads; the answer is a lead like any other)',
    check: (response) =>
      expectLead(response, callApi(recordedTransport(response), { method: 'GET', path: '/' }, leadSchema)),
  },
  'get-v1-leads': {
    parser: 'listRecentLeads (how a create whose answer was lost is looked for)',
    check: async (response) => {
      const leads = await listRecentLeads(recordedTransport(response), { personId: 1, limit: 10 });
      expect(leads.map((lead) => lead.id)).toEqual(
        (dataOf(response) as Array<{ id: string }>).map((lead) => lead.id),
      );
      // Matching a lost create needs the add time of each lead.
      expect(leads.every((lead) => !Number.isNaN(Date.parse(lead.add_time)))).toBe(true);
    },
  },
  errors: {
    parser: 'callApi error path (apiErrorFrom)',
    check: async (response) => {
      const error = await callApi(recordedTransport(response), { method: 'GET', path: '/' }, leadSchema).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(ApiError);
      const body = response.body as { success: boolean; error?: string };
      expect((error as ApiError).status).toBe(response.status);
      expect((error as ApiError).message).toBe(body.error ?? `Pipedrive answered ${response.status}`);
    },
  },
  'oauth-token': { notUsed: 'read by the app server, checked in server/recorded-token.contract.test.ts' },
  'delete-v1-leads-id': { notUsed: 'QuickLead never deletes leads' },
  'get-v1-leads-search': {
    notUsed:
      'QuickLead does not search leads: a lost create is looked for with GET /v1/leads, which does not lag like the search index',
  },
  'get-v1-organizations-id': { notUsed: 'QuickLead reads organizations only through v2 search' },
  'get-v1-persons-id': { notUsed: 'QuickLead reads persons only through v2 search' },
  'get-v2-deals-id': { notUsed: 'QuickLead does not read deals' },
  'patch-v2-pipelines-id': { notUsed: 'QuickLead does not touch pipelines' },
  'post-v1-deals': { notUsed: 'QuickLead does not create deals' },
  'post-v1-organizations': { notUsed: 'QuickLead creates organizations with v2 (v1 is out of support)' },
  'post-v1-persons': { notUsed: 'QuickLead creates persons with v2 (v1 is out of support)' },
  'post-v2-stages': { notUsed: 'QuickLead does not touch stages' },
};

const checked = recordedResponses().flatMap((response) => {
  const check = CHECKS[response.folder];
  return check && 'parser' in check ? [{ response, ...check }] : [];
});

describe.skipIf(!RECORDED_AVAILABLE)(
  `QuickLead's parsers read every response recorded in ${RECORDED_DIR}`,
  () => {
    it('every recorded request is checked here, or says why QuickLead has no parser for it', () => {
      expect(recordedFolders().filter((folder) => !(folder in CHECKS))).toEqual([]);
      expect(checked.length).toBeGreaterThanOrEqual(15);
    });

    it.each(checked.map((entry) => [`${entry.response.folder}/${entry.response.file}`, entry] as const))(
      '%s',
      async (_name, entry) => {
        await entry.check(entry.response);
      },
    );

    it('a body that is not a field list at all is a named error, not a crash', () => {
      expect(() => parseDealFieldsPage(200, { success: true, data: { items: [] } })).toThrow(
        'Pipedrive sent deal fields QuickLead does not understand',
      );
    });

    it('the recorded built-ins are read (boolean, string and object flags) and none is offered as a custom field', async () => {
      const [gyptech] = recordedResponses().filter((response) => response.file.includes('gyptech'));
      if (!gyptech) throw new Error('the recorded production dealFields dump is missing');
      const fields = await getDealFields(recordedTransport(gyptech));
      const byKey = new Map(fields.map((field) => [field.key, field]));
      expect(byKey.get('is_archived')?.options?.map((option) => option.id)).toEqual([false, true]);
      expect(byKey.get('status')?.options?.map((option) => option.id)).toEqual([
        'open',
        'lost',
        'won',
        'deleted',
      ]);
      expect(byKey.get('won_time')?.mandatory_flag).toEqual({ status: '=won' });
      expect(byKey.get('label')?.field_type).toBe('set');
      // "PO no." is not in Pipedrive's add dialog (`add_visible_flag: false`); "Deadline" is.
      expect(customFieldsOf(fields).map((field) => field.name)).toEqual(['Deadline']);
    });

    it('the card shows every recorded lead as readable text', async () => {
      const [dealFields] = recordedResponses().filter((response) => response.file.includes('gyptech'));
      if (!dealFields) throw new Error('the recorded production dealFields dump is missing');
      const reference = await recordedReferenceData(dealFields);
      const leads = recordedLeads();
      expect(leads.length).toBeGreaterThanOrEqual(10);
      for (const { file, raw } of leads) {
        const lead = leadSchema.parse(raw);
        const facts = leadFacts(lead, { person: null, organization: null, custom: {} }, reference, 'en-GB');
        const values = facts.map((fact) => fact.value);
        expect(
          values.filter((value) => /\[object|undefined|NaN|^#null$/.test(value)),
          file,
        ).toEqual([]);
        expect(
          facts.map((fact) => fact.key),
          file,
        ).toContain('add_time');
      }
    });
  },
);
