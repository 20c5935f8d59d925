import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../seed/seed.ts';
import { diffShapes, type ShapeDifference, shapeOf } from '../testing/json-shape.ts';
import {
  RECORDED_AVAILABLE,
  RECORDED_DIR,
  type RecordedResponse,
  recordedResponses,
} from '../testing/recorded-responses.ts';
import { RECORDED_SHAPE_ALLOWLIST, type ShapeAllowance } from '../testing/recorded-shape-allowlist.ts';
import {
  accessToken,
  apiGet,
  apiPostJson,
  CONFIDENTIAL_REDIRECT,
  confidentialAuth,
  confidentialClientCode,
  createClock,
  createTestSandbox,
  postForm,
} from '../testing/test-support.ts';

/**
 * The sandbox's answers have the shapes live Pipedrive was recorded sending: for each recorded
 * request the sandbox serves, the same request goes to an in-process sandbox and the two are
 * compared key by key and JSON type by JSON type (sandbox/testing/json-shape.ts says how: unions of
 * bodies and of array items; `null` from the sandbox only where a recording shows `null`). Values
 * are not compared. Every difference must be listed, with its reason, in
 * sandbox/testing/recorded-shape-allowlist.ts.
 */

interface SandboxAnswer {
  status: number;
  body: unknown;
}

interface Comparison {
  folder: string;
  title: string;
  /** The recorded files compared; all of the folder's (less those listed as not served) when absent. */
  files?: (file: string) => boolean;
  /** The sandbox's status for this request, as recorded (or, for the hand-written mock, as written). */
  status: number;
  /** What of the recorded bodies the answer is compared with, when not the bodies themselves. */
  recorded?: (body: unknown) => unknown[];
  /** The sandbox's answers; their shapes are merged before comparing. */
  ask: () => Promise<SandboxAnswer[]>;
}

const answer = async (response: Response | Promise<Response>): Promise<SandboxAnswer> => {
  const settled = await response;
  return { status: settled.status, body: await settled.json() };
};

const premium = createTestSandbox(createClock(), 'premium');
const growth = createTestSandbox(createClock(), 'growth');
const token = accessToken(premium);
const get = (path: string, withToken = token) => answer(apiGet(premium, path, withToken));

/** One lead with every built-in property set, made once and then read back and searched for. */
let lead: Promise<SandboxAnswer> | undefined;
function createLead(): Promise<SandboxAnswer> {
  lead ??= answer(
    apiPostJson(premium, '/api/v1/leads', token, {
      title: 'Recorded shape lead',
      person_id: FIXTURES.adaLovelace.personId,
      organization_id: FIXTURES.analyticalEngines.organizationId,
      label_ids: [premium.store.crm.leadLabels[0]?.id],
      value: { amount: 1500, currency: 'USD' },
      expected_close_date: '2026-12-31',
      visible_to: '3',
      channel: 66,
      channel_id: 'Spring fair',
      origin_id: 'crm-import-7',
    }),
  );
  return lead;
}

async function leadId(): Promise<string> {
  return ((await createLead()).body as { data: { id: string } }).data.id;
}

const isHandWritten = (file: string) => file.includes('HANDWRITTEN');

const COMPARISONS: readonly Comparison[] = [
  {
    folder: 'get-v1-dealFields',
    title: 'GET /api/v1/dealFields (both plans)',
    status: 200,
    ask: () =>
      Promise.all(
        [premium, growth].map((sandbox) =>
          answer(apiGet(sandbox, '/api/v1/dealFields?limit=500', accessToken(sandbox))),
        ),
      ),
  },
  {
    folder: 'get-v1-users',
    title: 'GET /api/v1/users',
    status: 200,
    ask: async () => [await get('/api/v1/users')],
  },
  {
    folder: 'get-v1-users',
    title: 'GET /api/v1/users/me, against each recorded user',
    status: 200,
    recorded: (body) => {
      const { success, data } = body as { success: boolean; data: unknown[] };
      return data.map((user) => ({ success, data: user }));
    },
    ask: async () => [await get('/api/v1/users/me')],
  },
  {
    folder: 'get-v1-currencies',
    title: 'GET /api/v1/currencies',
    status: 200,
    ask: async () => [await get('/api/v1/currencies')],
  },
  {
    folder: 'get-v1-leadLabels',
    title: 'GET /api/v1/leadLabels',
    status: 200,
    ask: async () => [await get('/api/v1/leadLabels')],
  },
  {
    folder: 'post-v1-leads',
    title: 'POST /api/v1/leads',
    status: 201,
    ask: async () => [await createLead()],
  },
  {
    folder: 'get-v1-leads-id',
    title: 'GET /api/v1/leads/{id}',
    status: 200,
    ask: async () => [await get(`/api/v1/leads/${await leadId()}`)],
  },
  {
    folder: 'get-v1-leads',
    title: 'GET /api/v1/leads',
    status: 200,
    ask: async () => {
      await createLead();
      return [await get('/api/v1/leads')];
    },
  },
  {
    folder: 'get-v1-leads-search',
    title: 'GET /api/v2/leads/search',
    status: 200,
    ask: async () => {
      await createLead();
      return [await get('/api/v2/leads/search?term=recorded%20shape%20lead')];
    },
  },
  {
    folder: 'errors',
    title: 'a token without the scope: 403 Scope and URL mismatch',
    status: 403,
    ask: async () => [await get('/api/v1/users', accessToken(premium, ['base']))],
  },
  {
    folder: 'oauth-token',
    title: 'POST /oauth/token, authorization_code',
    files: (file) => !isHandWritten(file),
    status: 200,
    ask: async () => {
      const code = await confidentialClientCode(premium);
      const body = { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL_REDIRECT };
      return [await answer(postForm(premium, '/oauth/token', body, confidentialAuth(premium)))];
    },
  },
  {
    folder: 'oauth-token',
    title: 'POST /oauth/token, refresh_token that is not valid (hand-written mock)',
    files: isHandWritten,
    status: 400,
    ask: async () => {
      const body = {
        grant_type: 'refresh_token',
        refresh_token: '1:2:0000000000000000000000000000000000000000',
      };
      return [await answer(postForm(premium, '/oauth/token', body, confidentialAuth(premium)))];
    },
  },
];

const notServed = (response: RecordedResponse) =>
  RECORDED_SHAPE_ALLOWLIST.some(
    (entry) =>
      entry.path === '*' &&
      entry.folder === response.folder &&
      (entry.file === undefined || entry.file === response.file),
  );

function recordedOf(comparison: Comparison): RecordedResponse[] {
  return recordedResponses().filter(
    (response) =>
      response.folder === comparison.folder &&
      !notServed(response) &&
      (comparison.files?.(response.file) ?? true),
  );
}

const allowanceFor = (folder: string, difference: ShapeDifference) =>
  RECORDED_SHAPE_ALLOWLIST.find((entry) => entry.folder === folder && entry.path === difference.path);

/** The differences between the recorded shapes and the sandbox's answers, listed or not. */
async function differencesOf(comparison: Comparison): Promise<ShapeDifference[]> {
  const answers = await comparison.ask();
  for (const sandboxAnswer of answers) expect(sandboxAnswer.status, comparison.title).toBe(comparison.status);
  const recordedBodies = recordedOf(comparison).flatMap(
    (response) => comparison.recorded?.(response.body) ?? [response.body],
  );
  return diffShapes(shapeOf(recordedBodies), shapeOf(answers.map((sandboxAnswer) => sandboxAnswer.body)));
}

if (!RECORDED_AVAILABLE) {
  console.warn(`Skipping the recorded-shape contract tests: no recordings in ${RECORDED_DIR}`);
}

describe.skipIf(!RECORDED_AVAILABLE)(`sandbox answers have the shapes recorded in ${RECORDED_DIR}`, () => {
  it('the comparison itself catches a missing key, an extra key, a type and an unrecorded null', () => {
    const recorded = shapeOf([{ a: 1, b: [{ c: 'x' }], d: null, e: 'text' }]);
    const sandbox = shapeOf([{ a: '1', b: [{ c: 'x', f: true }], d: 7, e: null, g: 0 }]);
    expect(diffShapes(recorded, sandbox)).toEqual([
      { path: 'a', problem: 'recorded as number, the sandbox sends string' },
      { path: 'b[].f', problem: 'sent by the sandbox, never recorded' },
      { path: 'e', problem: 'the sandbox sends null; recordings show only string' },
      { path: 'g', problem: 'sent by the sandbox, never recorded' },
    ]);
    expect(diffShapes(sandbox, recorded).map((difference) => difference.path)).toContain('g');
    // Options recorded with number, string and boolean ids need all three from the sandbox.
    const ids = (...values: unknown[]) => shapeOf(values.map((id) => ({ options: [{ id }] })));
    expect(diffShapes(ids(1, 'a', true), ids(1, 'a'))).toHaveLength(1);
    expect(diffShapes(ids(1, 'a', true), ids(2, 'b', false))).toEqual([]);
  });

  it('accounts for every recorded folder and file: compared here, or listed as not served', () => {
    const name = (response: RecordedResponse) => `${response.folder}/${response.file}`;
    const compared = new Set(COMPARISONS.flatMap((comparison) => recordedOf(comparison).map(name)));
    const unaccounted = recordedResponses()
      .filter((response) => !compared.has(name(response)) && !notServed(response))
      .map(name);
    expect(unaccounted).toEqual([]);
    for (const comparison of COMPARISONS) {
      expect(recordedOf(comparison).length, comparison.title).toBeGreaterThan(0);
    }
    const folders = new Set(recordedResponses().map((response) => response.folder));
    const files = new Set(recordedResponses().map(name));
    for (const entry of RECORDED_SHAPE_ALLOWLIST) {
      expect(folders.has(entry.folder), `allowlist folder ${entry.folder}`).toBe(true);
      // An entry for one recorded file names a file that exists; an entry for a folder names none.
      const namedFileExists = entry.file === undefined || files.has(`${entry.folder}/${entry.file}`);
      expect(namedFileExists, entry.file ?? entry.folder).toBe(true);
      expect(entry.reason.length, `reason for ${entry.folder} ${entry.path}`).toBeGreaterThan(20);
    }
  });

  it.each(COMPARISONS.map((comparison) => [comparison.title, comparison] as const))(
    '%s',
    async (_title, comparison) => {
      const unlisted = (await differencesOf(comparison))
        .filter((difference) => !allowanceFor(comparison.folder, difference))
        .map((difference) => `${difference.path}: ${difference.problem}`);
      expect(unlisted, `differences from ${comparison.folder} not in recorded-shape-allowlist.ts`).toEqual(
        [],
      );
    },
  );

  it('lists no difference that no longer occurs', async () => {
    const used = new Set<ShapeAllowance>();
    for (const comparison of COMPARISONS) {
      for (const difference of await differencesOf(comparison)) {
        const entry = allowanceFor(comparison.folder, difference);
        if (entry) used.add(entry);
      }
    }
    const stale = RECORDED_SHAPE_ALLOWLIST.filter((entry) => entry.path !== '*' && !used.has(entry)).map(
      (entry) => `${entry.folder} ${entry.path}`,
    );
    expect(stale).toEqual([]);
  });
});
