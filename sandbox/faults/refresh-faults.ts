/**
 * SANDBOX-ONLY refresh faults, not Pipedrive behaviour: the next n refresh_token grants (everyone's,
 * or one user's) fail in a chosen way, so a test can show how the app reads each failure. The
 * refresh token itself stays valid; only the answer is replaced.
 */
export const REFRESH_FAULT_KINDS = [
  /** 400 with the body Pipedrive's own SDK tests mock: the session is over. */
  'invalid_grant',
  /** 429 with `Retry-After`: busy, try again later. */
  'rate_limited',
  /** A 5xx (default 500) with a JSON error body. */
  'server_error',
  /** 502 with an HTML page, as a proxy in front of the OAuth server answers. */
  'html_bad_gateway',
  /** No answer at all: the connection is dropped before the grant is handled. */
  'dropped',
] as const;
export type RefreshFaultKind = (typeof REFRESH_FAULT_KINDS)[number];

export interface RefreshFault {
  kind: RefreshFaultKind;
  /** rate_limited only; default DEFAULT_RETRY_AFTER_SECONDS. */
  retryAfterSeconds?: number;
  /** server_error only: 500-599, default 500. */
  status?: number;
}

export const DEFAULT_RETRY_AFTER_SECONDS = 5;

export interface RefreshFaultSetting {
  times: number;
  userId?: number;
  fault: RefreshFault;
}

type Parsed = { ok: true; value: RefreshFaultSetting } | { ok: false; error: string };

const KEYS = new Set(['times', 'userId', 'kind', 'retryAfterSeconds', 'status']);

const isInteger = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * The body of `POST /__sandbox/tokens/fail-refresh`: empty (one invalid_grant for everyone) or
 * `{times?, userId?, kind?, retryAfterSeconds?, status?}`. Unknown keys are refused, as fault
 * rules do, so a typo does not silently set a different fault.
 */
export function parseRefreshFault(body: unknown): Parsed {
  const raw = body ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: 'body must be empty or a JSON object' };
  }
  const fields = raw as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !KEYS.has(key));
  if (unknown !== undefined)
    return { ok: false, error: `unknown key "${unknown}"; known keys: ${[...KEYS].join(', ')}` };
  const { times = 1, userId, kind = 'invalid_grant', retryAfterSeconds, status } = fields;
  if (!isInteger(times, 0, 1_000_000)) return { ok: false, error: '"times" must be a non-negative integer' };
  if (userId !== undefined && !isInteger(userId, 1, Number.MAX_SAFE_INTEGER)) {
    return { ok: false, error: '"userId" must be a positive integer' };
  }
  const knownKind = REFRESH_FAULT_KINDS.find((candidate) => candidate === kind);
  if (!knownKind) return { ok: false, error: `"kind" must be one of ${REFRESH_FAULT_KINDS.join(', ')}` };
  const fault: RefreshFault = { kind: knownKind };
  if (retryAfterSeconds !== undefined) {
    if (knownKind !== 'rate_limited')
      return { ok: false, error: '"retryAfterSeconds" needs kind rate_limited' };
    if (!isInteger(retryAfterSeconds, 0, 86_400))
      return { ok: false, error: '"retryAfterSeconds" must be an integer from 0 to 86400' };
    fault.retryAfterSeconds = retryAfterSeconds;
  }
  if (status !== undefined) {
    if (knownKind !== 'server_error') return { ok: false, error: '"status" needs kind server_error' };
    if (!isInteger(status, 500, 599)) return { ok: false, error: '"status" must be from 500 to 599' };
    fault.status = status;
  }
  return { ok: true, value: { times, fault, ...(userId === undefined ? {} : { userId }) } };
}

/** Refresh faults still to apply: for everyone (`'*'`) or for one user's tokens. */
export class RefreshFaults {
  private readonly left = new Map<number | '*', { times: number; fault: RefreshFault }>();

  /**
   * Replaces what was pending for that user (for everyone: replaces every pending fault, so one
   * call sets the whole picture); `times` 0 switches it off.
   */
  set(times: number, userId?: number, fault: RefreshFault = { kind: 'invalid_grant' }): void {
    if (userId === undefined) this.left.clear();
    this.left.set(userId ?? '*', { times, fault: { ...fault } });
  }

  pending(userId?: number): number {
    return this.left.get(userId ?? '*')?.times ?? 0;
  }

  clear(): void {
    this.left.clear();
  }

  /** The fault this user's refresh grant gets, one fewer left; a user's own fault before everyone's. */
  take(userId: number): RefreshFault | undefined {
    for (const key of [userId, '*'] as const) {
      const entry = this.left.get(key);
      if (!entry || entry.times <= 0) continue;
      entry.times -= 1;
      return { ...entry.fault };
    }
    return undefined;
  }
}
