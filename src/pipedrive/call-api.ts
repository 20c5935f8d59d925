import { z } from 'zod';
import { ApiError, apiErrorFrom } from './api-error.ts';
import { parseEach, reportSkipped } from './parse-leniently.ts';
import { takeSearchSlot } from './search-pace.ts';
import type { ApiRequest, Transport } from './transport.ts';

/** Sends a request and returns `data` from Pipedrive's `{ success, data }` envelope, or throws an ApiError. */
async function envelopeData(
  transport: Transport,
  request: ApiRequest,
): Promise<{ status: number; data: unknown }> {
  const response = await transport(request);
  const body = await readJson(response);
  const envelope = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
  if (!response.ok || envelope?.success !== true) {
    throw apiErrorFrom(response.status, body, response.headers.get('retry-after'), {
      method: request.method,
      path: request.path,
    });
  }
  return { status: response.status, data: envelope.data };
}

/**
 * The answer's JSON, or undefined when it is not JSON (a proxy's HTML page, an empty body). A body
 * that could not be read at all is thrown as the read failed: the page went or the connection
 * dropped after the status arrived, so what the call did is unknown. Turned into an error with the
 * status it came with (a 201), a create Pipedrive stored would read as one it refused.
 */
async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * Sends a request, unwraps Pipedrive's `{ success, data }` envelope and checks `data` against
 * `schema`; any failure becomes an ApiError.
 */
export async function callApi<T>(
  transport: Transport,
  request: ApiRequest,
  schema: z.ZodType<T>,
): Promise<T> {
  const { status, data } = await envelopeData(transport, request);
  return parseData(status, data, schema);
}

/** `data` checked against `schema`, or a named ApiError: the whole answer is unusable. */
export function parseData<T>(status: number, data: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError(status, 'Pipedrive sent a response QuickLead does not understand', undefined);
  }
  return parsed.data;
}

const listSchema = z.array(z.unknown()).nullable();

/**
 * A list endpoint read item by item: an item QuickLead cannot use is skipped (and listed in the
 * console in development), so one odd user or label never fails the page. `null` is an empty list.
 */
export async function callApiList<T>(
  transport: Transport,
  request: ApiRequest,
  list: string,
  itemSchema: z.ZodType<T>,
): Promise<T[]> {
  const { status, data } = await envelopeData(transport, request);
  return parseList(status, data, list, itemSchema);
}

export function parseList<T>(status: number, data: unknown, list: string, itemSchema: z.ZodType<T>): T[] {
  const items = parseData(status, data, listSchema) ?? [];
  const { items: parsed, skipped } = parseEach(list, items, itemSchema);
  reportSkipped(skipped);
  return parsed;
}

const searchSchema = z.object({ items: z.array(z.unknown()).nullable().catch(null) });

/**
 * A v2 search (`data.items[].item`), hit by hit: a hit QuickLead cannot read is skipped, so one odd
 * person never empties the picker. Paced to stay under Pipedrive's search limit (search-pace.ts).
 */
export async function searchItems<T>(
  transport: Transport,
  request: ApiRequest,
  list: string,
  itemSchema: z.ZodType<T>,
): Promise<T[]> {
  await takeSearchSlot(transport, request.signal);
  const { status, data } = await envelopeData(transport, request);
  const { items } = parseData(status, data, searchSchema);
  return parseList(status, items, list, z.object({ item: itemSchema })).map((entry) => entry.item);
}
