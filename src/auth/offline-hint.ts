/**
 * That this browser was signed in before, in `bff` mode, and as whom: enough for QuickLead to open
 * the form with no network (a rep on a train), never enough to call anything. No token, no cookie,
 * nothing secret: the mode, the user's and company's ids, the company's API origin (for links
 * into Pipedrive) and the scopes granted (so the form knows what it may offer). The session itself
 * is the app server's; whether it is still alive is asked again as soon as the network is back.
 *
 * In localStorage, so that opening the installed app in a new window finds it; removed at sign-out,
 * Disconnect and when the session is found to have ended. `spa` mode writes none: its tokens live
 * in the tab's memory only, so after a reload nothing could be sent anyway.
 */
const KEY = 'quicklead.signed-in-before.v1';

/** A hint older than this is ignored: the settings kept with it would be too old to trust. */
export const SIGNED_IN_BEFORE_MAX_AGE_MS = 14 * 24 * 60 * 60_000;

export interface SignedInBefore {
  mode: 'bff';
  userId: number;
  companyId: number;
  apiDomain: string;
  scopes: string[];
  /** When it was written (ms since the epoch). */
  at: number;
}

export function rememberSignedIn(hint: Omit<SignedInBefore, 'at'>, now: number = Date.now()): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...hint, at: now } satisfies SignedInBefore));
  } catch {
    // Storage full or blocked: the app only loses its offline start.
  }
}

/** The hint, if there is one that can be read, is recent enough, and has every part it needs. */
export function signedInBefore(now: number = Date.now()): SignedInBefore | undefined {
  let value: unknown;
  try {
    value = JSON.parse(localStorage.getItem(KEY) ?? 'null');
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const hint = value as Partial<Record<keyof SignedInBefore, unknown>>;
  const valid =
    hint.mode === 'bff' &&
    Number.isSafeInteger(hint.userId) &&
    Number.isSafeInteger(hint.companyId) &&
    typeof hint.apiDomain === 'string' &&
    /^https?:\/\//.test(hint.apiDomain) &&
    Array.isArray(hint.scopes) &&
    hint.scopes.every((scope) => typeof scope === 'string') &&
    typeof hint.at === 'number' &&
    now - hint.at >= 0 &&
    now - hint.at <= SIGNED_IN_BEFORE_MAX_AGE_MS;
  return valid ? (hint as SignedInBefore) : undefined;
}

export function forgetSignedIn(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to remove where nothing could be written.
  }
}
