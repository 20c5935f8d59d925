import { sandboxPlanFrom } from './company/sandbox-plan.ts';
import type { SandboxOptions } from './create-sandbox.ts';
import { PKCE_MODES, type PkceMode } from './oauth/pkce.ts';

type EnvSettings = Pick<
  SandboxOptions,
  | 'plan'
  | 'accessTokenTtlSeconds'
  | 'pkce'
  | 'rotateRefreshTokens'
  | 'corsOrigins'
  | 'searchLagMs'
  | 'conversionMs'
  | 'dailyBudget'
  | 'enforceRateLimits'
  | 'seedLeads'
>;

/**
 * A sandbox someone runs (`npm start`, `npm run sandbox`, the end-to-end suite) lags its search
 * index like Pipedrive, so the app meets the lag where people use it; 3 s is a guess at a bad
 * moment, not a measured figure.
 */
export const DEFAULT_ENV_SEARCH_LAG_MS = 3000;

/**
 * A started sandbox converts a lead to a deal in about this long, so the app's "Converting…" is
 * seen where people use it; Pipedrive documents no duration, and this is not a measured one.
 */
export const DEFAULT_ENV_CONVERSION_MS = 1500;

/** A whole number from the environment, or undefined when unset; anything else is an error. */
function wholeNumber(env: NodeJS.ProcessEnv, name: string, unit: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value))
    throw new Error(`${name} must be a whole number of ${unit}, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw === '1' || raw === 'true' || raw === 'on') return true;
  if (raw === '0' || raw === 'false' || raw === 'off') return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

/**
 * SANDBOX_PKCE, or the older SANDBOX_STRICT_PKCE=on, still read as `require` so existing scripts
 * keep working (its `off` was the default and says nothing); `on` may not contradict SANDBOX_PKCE.
 */
function pkceMode(env: NodeJS.ProcessEnv): PkceMode | undefined {
  const raw = env.SANDBOX_PKCE?.trim().toLowerCase();
  const mode = raw ? PKCE_MODES.find((candidate) => candidate === raw) : undefined;
  if (raw && !mode) {
    throw new Error(`SANDBOX_PKCE must be one of ${PKCE_MODES.join(', ')}, got "${env.SANDBOX_PKCE}"`);
  }
  const strict = flag(env, 'SANDBOX_STRICT_PKCE') === true;
  if (strict && mode && mode !== 'require') {
    throw new Error(`SANDBOX_STRICT_PKCE=on (replaced by SANDBOX_PKCE) contradicts SANDBOX_PKCE=${mode}`);
  }
  return mode ?? (strict ? 'require' : undefined);
}

/**
 * The sandbox's behaviour switches, from the environment: SANDBOX_PLAN (premium | growth),
 * SANDBOX_TOKEN_TTL (access token seconds, default 3599), SANDBOX_PKCE (accept | require | reject:
 * how the confidential client treats PKCE, default accept; SANDBOX_STRICT_PKCE=on is the old
 * spelling of require), SANDBOX_ROTATE_REFRESH (on: each refresh spends the refresh token),
 * SANDBOX_CORS (off: no CORS answers at all, as documented for Pipedrive), SANDBOX_SEARCH_LAG_MS
 * (how long a created or changed record takes to show in search, default 3000; 0 for none),
 * SANDBOX_CONVERSION_MS (how long a lead-to-deal conversion takes, default 1500),
 * SANDBOX_DAILY_BUDGET (the company's tokens a day, default Pipedrive's figure for the plan and
 * seats; a small number lets a test meet the daily 429), SANDBOX_RATE_LIMITS (off: count and send
 * the rate-limit headers, never answer 429; default on, as Pipedrive), SANDBOX_SEED_LEADS (off: the
 * company starts with no leads; default on, see sandbox/seed/seed-leads.ts).
 */
export function sandboxSettingsFromEnv(env: NodeJS.ProcessEnv): EnvSettings {
  const ttl = env.SANDBOX_TOKEN_TTL;
  const accessTokenTtlSeconds = ttl ? Number(ttl) : undefined;
  if (
    accessTokenTtlSeconds !== undefined &&
    (!Number.isInteger(accessTokenTtlSeconds) || accessTokenTtlSeconds < 1)
  ) {
    throw new Error(`SANDBOX_TOKEN_TTL must be a whole number of seconds, got "${ttl}"`);
  }
  return {
    plan: sandboxPlanFrom(env.SANDBOX_PLAN),
    accessTokenTtlSeconds,
    pkce: pkceMode(env),
    rotateRefreshTokens: flag(env, 'SANDBOX_ROTATE_REFRESH'),
    ...(flag(env, 'SANDBOX_CORS') === false ? { corsOrigins: [] } : {}),
    searchLagMs: wholeNumber(env, 'SANDBOX_SEARCH_LAG_MS', 'milliseconds') ?? DEFAULT_ENV_SEARCH_LAG_MS,
    conversionMs: wholeNumber(env, 'SANDBOX_CONVERSION_MS', 'milliseconds') ?? DEFAULT_ENV_CONVERSION_MS,
    dailyBudget: wholeNumber(env, 'SANDBOX_DAILY_BUDGET', 'tokens'),
    enforceRateLimits: flag(env, 'SANDBOX_RATE_LIMITS'),
    seedLeads: flag(env, 'SANDBOX_SEED_LEADS') ?? true,
  };
}
