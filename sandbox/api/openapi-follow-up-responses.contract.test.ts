import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../seed/seed.ts';
import { contractErrors, OPENAPI_AVAILABLE, OPENAPI_DIR } from '../testing/openapi-contract.ts';
import { accessToken, apiGet, apiPostJson, createTestSandbox } from '../testing/test-support.ts';

const sandbox = createTestSandbox();
const token = accessToken(sandbox);
const get = async (path: string) => (await apiGet(sandbox, path, token)).json();
const post = async (path: string, body: unknown) => (await apiPostJson(sandbox, path, token, body)).json();

if (!OPENAPI_AVAILABLE) {
  console.warn(
    `Skipping the note and activity contract tests: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}`,
  );
}

/** Where the answers differ from the schema on purpose, and why; anything else fails. */
const placeOf = (error: { instancePath: string; keyword: string }) =>
  `${error.instancePath} ${error.keyword}`;

describe.skipIf(!OPENAPI_AVAILABLE)(
  `note and activity answers conform to the OpenAPI documents in ${OPENAPI_DIR}`,
  () => {
    it('getActivityTypes, except that its times are written as its own example writes them', async () => {
      const body = await get('/api/v1/activityTypes');
      // The schema says `date-time`; its example, like every v1 time recorded, is "YYYY-MM-DD HH:MM:SS".
      const expected = (body.data as unknown[]).flatMap((_, index) => [
        `/data/${index}/add_time format`,
        `/data/${index}/update_time format`,
      ]);
      expect(contractErrors('v1', 'getActivityTypes', body).map(placeOf).sort()).toEqual(expected.sort());
    });

    it('addNote and getNotes', async () => {
      const lead = await post('/api/v1/leads', {
        title: 'Contract note lead',
        person_id: FIXTURES.adaLovelace.personId,
      });
      const created = await post('/api/v1/notes', { lead_id: lead.data.id, content: 'First<br>call' });
      expect(contractErrors('v1', 'addNote', created)).toEqual([]);
      const listed = await get(`/api/v1/notes?lead_id=${lead.data.id}&sort=add_time%20DESC`);
      expect(listed.data).toHaveLength(1);
      expect(contractErrors('v1', 'getNotes', listed)).toEqual([]);
    });

    it('addActivity and getActivities, with and without a time, and on the last page', async () => {
      const lead = await post('/api/v1/leads', { title: 'Contract activity lead', organization_id: 2 });
      const timed = await post('/api/v2/activities', {
        subject: 'Follow up',
        type: 'meeting',
        due_date: '2026-12-01',
        due_time: '08:30',
        lead_id: lead.data.id,
        person_id: FIXTURES.adaLovelace.personId,
      });
      expect(contractErrors('v2', 'addActivity', timed)).toEqual([]);
      const allDay = await post('/api/v2/activities', {
        type: 'deadline',
        due_date: '2026-12-02',
        lead_id: lead.data.id,
      });
      expect(contractErrors('v2', 'addActivity', allDay)).toEqual([]);
      const first = await get(`/api/v2/activities?lead_id=${lead.data.id}&limit=1`);
      expect(contractErrors('v2', 'getActivities', first)).toEqual([]);
      // The spec types next_cursor as a string though it documents null on the last page.
      const last = await get(
        `/api/v2/activities?lead_id=${lead.data.id}&limit=1&cursor=${first.additional_data.next_cursor}`,
      );
      expect(last.additional_data.next_cursor).toBeNull();
      expect(contractErrors('v2', 'getActivities', last).map(placeOf)).toEqual([
        '/additional_data/next_cursor type',
      ]);
    });
  },
);
