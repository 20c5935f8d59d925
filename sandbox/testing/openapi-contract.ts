import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Test support: checks sandbox responses against the response schemas of Pipedrive's OpenAPI
 * documents. They live outside the repository (shared/pipedrive next to it, or
 * PIPEDRIVE_OPENAPI_DIR), so tests skip, visibly, where they are missing.
 */
export const OPENAPI_DIR = process.env.PIPEDRIVE_OPENAPI_DIR ?? besideTheRepository();

function besideTheRepository(): string {
  const here = new URL('../../../shared/pipedrive/', import.meta.url);
  // Under jsdom a module's URL is not a file URL; the tests run from the repository's root.
  return here.protocol === 'file:' ? fileURLToPath(here) : join(process.cwd(), '..', 'shared', 'pipedrive');
}

const FILES = { v1: 'openapi-v1.yaml', v2: 'openapi-v2.yaml' } as const;
type SpecVersion = keyof typeof FILES;

export const OPENAPI_AVAILABLE = Object.values(FILES).every((file) => existsSync(join(OPENAPI_DIR, file)));

const documents = new Map<SpecVersion, unknown>();

function loadDocument(version: SpecVersion): unknown {
  let document = documents.get(version);
  if (document === undefined) {
    document = parse(readFileSync(join(OPENAPI_DIR, FILES[version]), 'utf8'));
    documents.set(version, document);
  }
  return document;
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json =>
  typeof value === 'object' && value !== null ? (value as Json) : {};

function findOperation(version: SpecVersion, operationId: string): Json {
  for (const pathItem of Object.values(asObject(asObject(loadDocument(version)).paths))) {
    for (const operation of Object.values(asObject(pathItem))) {
      if (asObject(operation).operationId === operationId) return asObject(operation);
    }
  }
  throw new Error(`no operation ${operationId} in ${FILES[version]}`);
}

export function responseSchema(version: SpecVersion, operationId: string, status = '200'): Json {
  const responses = asObject(findOperation(version, operationId).responses);
  const content = asObject(asObject(responses[status]).content);
  const schema = asObject(asObject(content['application/json']).schema);
  if (Object.keys(schema).length === 0) throw new Error(`${operationId} has no ${status} JSON schema`);
  return schema;
}

/** The JSON request body schema of `operationId`, to check what the app sends. */
export function requestSchema(version: SpecVersion, operationId: string): Json {
  const content = asObject(asObject(findOperation(version, operationId).requestBody).content);
  const schema = asObject(asObject(content['application/json']).schema);
  if (Object.keys(schema).length === 0) throw new Error(`${operationId} has no JSON request body schema`);
  return schema;
}

// OpenAPI 3.0 schemas carry `example`, `title` and the like; strict mode would refuse them.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);

export function schemaErrors(schema: Json, value: unknown): ErrorObject[] {
  const validate = ajv.compile(schema);
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** Errors of `body` against the response schema of `operationId`; empty when it conforms. */
export function contractErrors(
  version: SpecVersion,
  operationId: string,
  body: unknown,
  status = '200',
): ErrorObject[] {
  return schemaErrors(responseSchema(version, operationId, status), body);
}
