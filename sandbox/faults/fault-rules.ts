/**
 * Fault rules: SANDBOX-ONLY test switches, not Pipedrive behaviour. A rule picks requests by
 * method and path and says what goes wrong with them (see fault-injection.ts for the effects).
 */
export interface FaultRule {
  /** e.g. 'POST'; any method when absent. */
  method?: string;
  /** An exact path, or a prefix ending in '*' ('/api/v1/leads*'); '*' alone is every path. */
  path: string;
  /** Matching requests the rule still applies to. */
  times: number;
  /** Holds the answer back this long (after handling the request, so its effect is already stored). */
  latencyMs?: number;
  /** Answers this status with a Pipedrive-like error body instead of handling the request. */
  status?: number;
  /** The `Retry-After` header sent with `status` (with 429: Pipedrive's "Request over limit" body). */
  retryAfterSeconds?: number;
  /** Handles the request normally (a lead is stored), then drops the connection without an answer. */
  dropAfterStore?: boolean;
  /**
   * Only requests whose body holds this text (a lead's title, a note's words): a test aims a rule
   * at its own request while tests alongside send the same kind of request to the same sandbox.
   */
  bodyContains?: string;
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; error: string };

const KEYS = new Set([
  'method',
  'path',
  'times',
  'latencyMs',
  'status',
  'retryAfterSeconds',
  'dropAfterStore',
  'bodyContains',
]);
const MAX_LATENCY_MS = 5 * 60 * 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function integerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * `/v1/...` is the api.pipedrive.com spelling of `/api/v1/...` (both are served), so a rule
 * written either way matches both, as the usage ledger counts them together.
 */
export function canonicalPath(path: string): string {
  return path.startsWith('/v1/') || path === '/v1' ? `/api${path}` : path;
}

/** Checks one rule; `where` names it in messages ("rule 2", "x-sandbox-fault"). */
function parseRule(raw: unknown, where: string, pathRequired: boolean): RuleResult<FaultRule> {
  const fail = (error: string): RuleResult<FaultRule> => ({ ok: false, error: `${where}: ${error}` });
  if (!isObject(raw)) return fail('must be an object');
  // Unknown keys are refused so a typo ("latency") does not silently make a rule that does nothing.
  const unknown = Object.keys(raw).find((key) => !KEYS.has(key));
  if (unknown !== undefined) return fail(`unknown key "${unknown}"; known keys: ${[...KEYS].join(', ')}`);
  const { method, path, times, latencyMs, status, retryAfterSeconds, dropAfterStore, bodyContains } = raw;
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) {
    return fail('"method" must be an HTTP method such as "POST"');
  }
  if (path === undefined && pathRequired) return fail('"path" is required');
  if (path !== undefined && (typeof path !== 'string' || !(path === '*' || path.startsWith('/')))) {
    return fail('"path" must start with "/" (optionally end in "*" for a prefix), or be "*"');
  }
  if (times !== undefined && !integerIn(times, 1, 1_000_000))
    return fail('"times" must be a positive integer');
  if (latencyMs !== undefined && !integerIn(latencyMs, 0, MAX_LATENCY_MS)) {
    return fail(`"latencyMs" must be an integer from 0 to ${MAX_LATENCY_MS}`);
  }
  if (status !== undefined && !integerIn(status, 400, 599)) return fail('"status" must be from 400 to 599');
  if (retryAfterSeconds !== undefined && !integerIn(retryAfterSeconds, 0, 86_400)) {
    return fail('"retryAfterSeconds" must be an integer from 0 to 86400');
  }
  if (retryAfterSeconds !== undefined && status === undefined)
    return fail('"retryAfterSeconds" needs "status"');
  if (dropAfterStore !== undefined && typeof dropAfterStore !== 'boolean') {
    return fail('"dropAfterStore" must be a boolean');
  }
  // A status answers instead of handling, so nothing is stored that a drop could lose.
  if (status !== undefined && dropAfterStore === true)
    return fail('"status" and "dropAfterStore" exclude each other');
  if (
    bodyContains !== undefined &&
    (typeof bodyContains !== 'string' || bodyContains.length < 1 || bodyContains.length > 500)
  ) {
    return fail('"bodyContains" must be a string of 1 to 500 characters');
  }
  if (latencyMs === undefined && status === undefined && dropAfterStore !== true) {
    return fail('has no effect: give "latencyMs", "status" or "dropAfterStore": true');
  }
  const rule: FaultRule = {
    path: typeof path === 'string' ? path : '*',
    times: typeof times === 'number' ? times : 1,
  };
  if (typeof method === 'string') rule.method = method.toUpperCase();
  if (typeof latencyMs === 'number') rule.latencyMs = latencyMs;
  if (typeof status === 'number') rule.status = status;
  if (typeof retryAfterSeconds === 'number') rule.retryAfterSeconds = retryAfterSeconds;
  if (dropAfterStore === true) rule.dropAfterStore = true;
  if (typeof bodyContains === 'string') rule.bodyContains = bodyContains;
  return { ok: true, value: rule };
}

/** The body of `POST /__sandbox/faults`: a list of rules (a single rule object is taken as a list of one). */
export function parseFaultRules(body: unknown): RuleResult<FaultRule[]> {
  const list = Array.isArray(body) ? body : [body];
  if (list.length === 0) return { ok: false, error: 'give at least one rule' };
  const rules: FaultRule[] = [];
  for (const [index, raw] of list.entries()) {
    const parsed = parseRule(raw, `rule ${index + 1}`, true);
    if (!parsed.ok) return parsed;
    rules.push(parsed.value);
  }
  return { ok: true, value: rules };
}

/** The `x-sandbox-fault` header: one rule as JSON; `path` defaults to '*' and `times` is ignored. */
export function parseFaultHeader(header: string): RuleResult<FaultRule> {
  let raw: unknown;
  try {
    raw = JSON.parse(header);
  } catch {
    return { ok: false, error: 'x-sandbox-fault: not valid JSON' };
  }
  const parsed = parseRule(raw, 'x-sandbox-fault', false);
  return parsed.ok ? { ok: true, value: { ...parsed.value, times: 1 } } : parsed;
}

/** Whether `rule` applies to a request; `body` is its text ('' when it has none). */
export function ruleMatches(rule: FaultRule, method: string, path: string, body = ''): boolean {
  if (rule.method !== undefined && rule.method !== method.toUpperCase()) return false;
  if (rule.bodyContains !== undefined && !body.includes(rule.bodyContains)) return false;
  if (rule.path === '*') return true;
  const wanted = canonicalPath(path);
  if (rule.path.endsWith('*')) return wanted.startsWith(canonicalPath(rule.path.slice(0, -1)));
  return wanted === canonicalPath(rule.path);
}

/**
 * The active rules of one sandbox. The first active rule that matches a request applies to it and
 * counts down its `times`; a rule is gone once used up.
 */
export class FaultStore {
  private rules: FaultRule[] = [];

  add(rules: readonly FaultRule[]): void {
    this.rules.push(...rules.map((rule) => ({ ...rule })));
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  take(method: string, path: string, body = ''): FaultRule | undefined {
    const rule = this.rules.find((candidate) => ruleMatches(candidate, method, path, body));
    if (!rule) return undefined;
    rule.times -= 1;
    if (rule.times <= 0) this.rules = this.rules.filter((candidate) => candidate !== rule);
    return { ...rule };
  }
}
