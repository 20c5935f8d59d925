import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_ALLOWLIST } from '@common/api-allowlist.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OPENAPI_AVAILABLE, OPENAPI_DIR } from '../sandbox/testing/openapi-contract.ts';
import { DOCUMENTED_COSTS, type DocumentedCost, documentedCostOf } from './documented-costs.ts';

if (!OPENAPI_AVAILABLE) {
  console.warn(
    `\n!!! Skipping the documented-costs contract test: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}. The token costs the inspector and the bench show are NOT checked.\n`,
  );
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};

const FILES = { v1: 'openapi-v1.yaml', v2: 'openapi-v2.yaml' } as const;
const documents = new Map<string, Json>();
function paths(spec: DocumentedCost['documented']['spec']): Json {
  let document = documents.get(spec);
  if (!document) {
    document = asObject(parse(readFileSync(join(OPENAPI_DIR, FILES[spec]), 'utf8')));
    documents.set(spec, document);
  }
  return asObject(document.paths);
}

/** The operation's `x-token-cost` in the document, as Pipedrive publishes it. */
function xTokenCost(entry: DocumentedCost): unknown {
  const operation = asObject(
    asObject(paths(entry.documented.spec)[entry.documented.path])[entry.method.toLowerCase()],
  );
  return operation['x-token-cost'];
}

/** An id of each kind: leads have UUIDs, users numbers. */
const sampleId = (path: string) =>
  path.startsWith('/users/') ? '21000002' : 'adf21080-0e10-11eb-879b-05d71fb426ec';

/** The path QuickLead sends for a documented one: `/api/v1` or `/api/v2` before it, ids filled in. */
const sentPath = ({ documented }: DocumentedCost) =>
  `/api/${documented.spec}${documented.path
    .replace('{id}', sampleId(documented.path))
    .replace('{conversion_id}', '4b40248b-945a-4802-b996-60fdff8c5c69')}`;

const sameKey = (a: { method: string; path: RegExp }, b: { method: string; path: RegExp }) =>
  a.method === b.method && a.path.source === b.path.source && a.path.flags === b.path.flags;

describe('the documented cost table', () => {
  it('has one row for each allowlisted call, keyed the same, and none for calls QuickLead does not make', () => {
    for (const call of API_ALLOWLIST) {
      expect(
        DOCUMENTED_COSTS.filter((entry) => sameKey(entry, call)),
        `${call.method} ${call.path}`,
      ).toHaveLength(1);
    }
    expect(DOCUMENTED_COSTS).toHaveLength(API_ALLOWLIST.length);
  });

  it('prices a call by its method and path', () => {
    expect(documentedCostOf('GET', '/api/v2/persons/search')).toBe(20);
    expect(documentedCostOf('POST', '/api/v1/leads')).toBe(10);
    expect(documentedCostOf('GET', '/api/v1/leads')).toBe(20);
    expect(documentedCostOf('GET', '/api/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec')).toBe(2);
    expect(documentedCostOf('GET', '/api/v1/users/21000002')).toBe(2);
    expect(documentedCostOf('POST', '/api/v1/leadLabels')).toBe(10);
    expect(documentedCostOf('GET', '/api/v1/leadLabels')).toBe(10);
    expect(documentedCostOf('DELETE', '/api/v1/leads')).toBeUndefined();
  });
});

describe.skipIf(!OPENAPI_AVAILABLE)("the documented cost table against Pipedrive's OpenAPI documents", () => {
  it.each(DOCUMENTED_COSTS.map((entry) => [`${entry.method} ${sentPath(entry)}`, entry] as const))(
    '%s costs what its operation’s x-token-cost says',
    (_name, entry) => {
      expect(xTokenCost(entry)).toBe(entry.cost);
      // The row's pattern is the documented operation's path as QuickLead sends it.
      expect(entry.path.test(sentPath(entry))).toBe(true);
    },
  );
});
