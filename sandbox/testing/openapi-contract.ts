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

/** The operation at a path template of the document (`/leads`, `/users/{id}`), by method. */
function operationAt(version: SpecVersion, method: string, template: string): Json {
  const operation = asObject(asObject(asObject(asObject(loadDocument(version)).paths)[template])[method]);
  if (Object.keys(operation).length === 0) throw new Error(`no ${method} ${template} in ${FILES[version]}`);
  return operation;
}

/** Parameters whose description makes them lists: each comma-separated part is one enum value. */
const isList = (parameter: Json) => /comma.separated/i.test(String(parameter.description ?? ''));

function valueProblems(parameter: Json, raw: string): string[] {
  const schema = asObject(parameter.schema);
  const name = String(parameter.name);
  const allowed = Array.isArray(schema.enum) ? schema.enum.map(String) : undefined;
  if (name === 'sort' && allowed) {
    // "The field names and sorting mode separated by a comma (`field_name_1 ASC`, `field_name_2 DESC`)".
    return raw.split(',').flatMap((part) => {
      const match = /^\s*([a-z_]+)(?:\s+(ASC|DESC))?\s*$/.exec(part);
      return match?.[1] && allowed.includes(match[1])
        ? []
        : [`sort "${part}" is not a field with ASC or DESC`];
    });
  }
  if (allowed) {
    const parts = isList(parameter) ? raw.split(',') : [raw];
    return parts
      .filter((part) => !allowed.includes(part))
      .map((part) => `${name} "${part}" is not one of ${allowed.join(', ')}`);
  }
  if (schema.type === 'integer' && !/^-?\d+$/.test(raw)) return [`${name} "${raw}" is not an integer`];
  if (schema.type === 'boolean' && !['true', 'false'].includes(raw))
    return [`${name} "${raw}" is not a boolean`];
  return [];
}

/**
 * What is wrong with a request the app sends, against the operation's documented parameters: a
 * query or path parameter the document does not list, or a value its schema does not allow.
 * `template` is the documented path (`/users/{id}`), `pathValues` what the app put in its braces.
 */
export function requestParameterProblems(
  version: SpecVersion,
  method: 'get' | 'post',
  template: string,
  query: Record<string, string | number | undefined>,
  pathValues: Record<string, string> = {},
): string[] {
  const parameters = (operationAt(version, method, template).parameters ?? []) as Json[];
  const named = (where: string, name: string) =>
    parameters.find((parameter) => parameter.in === where && parameter.name === name);
  const problems: string[] = [];
  for (const [where, values] of [
    ['query', query],
    ['path', pathValues],
  ] as const) {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const parameter = named(where, name);
      if (!parameter) problems.push(`${where} parameter ${name} is not documented`);
      else problems.push(...valueProblems(parameter, String(value)));
    }
  }
  return problems;
}
