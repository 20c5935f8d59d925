import { endpointOf, REQUIRED_SCOPES, type ScopeNeed } from './required-scopes.ts';

/**
 * Why Pipedrive refused a call with 403, in words a rep can act on. Pipedrive has two such
 * answers: "Scope and URL mismatch" when the app's token lacks the call's scope,
 * and "You do not have permissions to do this." when the user's permission set does not allow it.
 */
export type PermissionProblem =
  | { kind: 'scope'; need: ScopeNeed | undefined; message: string }
  | { kind: 'permission-set'; message: string };

/** The parts of a failed call that decide: an ApiError fits (`message` is Pipedrive's `error`). */
export interface RefusedCall {
  status: number;
  message: string;
}

export interface CallPlace {
  method: string;
  /** The path QuickLead sent, without the query, e.g. `/api/v1/leadLabels`. */
  path: string;
}

const SCOPE_MISMATCH = /^scope and url mismatch\.?$/i;
const NO_PERMISSION = /^you do not have permissions? to do this\.?$/i;

/** Undefined for anything else, a 403 included (plan limits, a proxy's HTML page): those keep their own words. */
export function permissionProblemOf(call: RefusedCall, place: CallPlace): PermissionProblem | undefined {
  if (call.status !== 403) return undefined;
  const text = call.message.trim();
  const known = endpointOf(place.method, place.path);
  if (SCOPE_MISMATCH.test(text)) {
    return { kind: 'scope', need: known?.need, message: missingScopeMessage(known?.need) };
  }
  if (NO_PERMISSION.test(text)) {
    return {
      kind: 'permission-set',
      message: known
        ? `Your Pipedrive user is not allowed to ${known.endpoint.action}. Ask a Pipedrive admin to give your permission set access to ${known.endpoint.area}.`
        : 'Your Pipedrive user is not allowed to do this. Ask a Pipedrive admin to check your permission set.',
    };
  }
  return undefined;
}

/** "Read users (users:read)": the plain name first, the name Developer Hub shows after it. */
export function scopeLabel(need: ScopeNeed): string {
  return `${need.title} (${need.scope})`;
}

/** Old tokens keep old scopes, so adding the scope is not enough: everyone signs in again. */
export const SCOPE_FIX =
  'A Pipedrive admin adds it to the app in Pipedrive’s Developer Hub; then sign out and sign in again, because a sign-in made before the change keeps the old scopes.';

function missingScopeMessage(need: ScopeNeed | undefined): string {
  if (!need) {
    const all = REQUIRED_SCOPES.map((entry) => entry.scope).join(', ');
    return `QuickLead’s access to Pipedrive is missing a scope this request needs. A Pipedrive admin checks that the app has the scopes ${all} in Pipedrive’s Developer Hub; then sign out and sign in again, because a sign-in made before the change keeps the old scopes.`;
  }
  return `QuickLead’s access to Pipedrive is missing ${scopeLabel(need)}, needed ${need.purpose}. ${SCOPE_FIX}`;
}
