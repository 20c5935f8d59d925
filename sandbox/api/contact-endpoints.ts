import type { Context } from 'hono';
import type { CrmStore } from '../store/crm-store.ts';
import type { ContactRefs, Parsed } from '../validation/contact-validation.ts';
import type { ApiEnv } from './api-auth.ts';
import { v2ValidationError } from './api-responses.ts';
import { readJson } from './json-body.ts';

/**
 * What the person and organization routers share: the scopes of their searches, and how a create
 * reads its body, which visibility it defaults to and how v2 writes its times.
 */

export const CONTACT_SEARCH_SCOPES = ['contacts:read', 'contacts:full', 'search:read'];

/** v2 times are RFC 3339 to the second, as in the spec's examples. */
export function v2Time(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

// Visibility when the body has none: 3 is "Entire company" on Growth and the owner's group on Premium.
export const DEFAULT_VISIBILITY = 3;

export function contactRefs(crm: CrmStore): ContactRefs {
  return {
    isActiveUser: (id) => crm.findUser(id)?.activeFlag === true,
    hasOrganization: (id) => crm.findOrganization(id) !== undefined,
  };
}

/** The body read as JSON and checked by `parse`, or the error response to send instead. */
export async function parseContactBody<T>(
  c: Context<ApiEnv>,
  parse: (raw: unknown) => Parsed<T>,
): Promise<{ ok: true; input: T } | { ok: false; response: Response }> {
  const json = await readJson(c);
  if (!json.ok) return json;
  const parsed = parse(json.body);
  if (!parsed.ok) return { ok: false, response: v2ValidationError(c, parsed.parameter, parsed.reason) };
  return parsed;
}
