import type { SandboxOptions } from './create-sandbox.ts';
import { sandboxPlanFrom } from './serve.ts';

type EnvSettings = Pick<
  SandboxOptions,
  'plan' | 'accessTokenTtlSeconds' | 'strictPkce' | 'rotateRefreshTokens' | 'corsOrigins'
>;

function flag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (raw === '1' || raw === 'true' || raw === 'on') return true;
  if (raw === '0' || raw === 'false' || raw === 'off') return false;
  throw new Error(`${name} must be on or off, got "${raw}"`);
}

/**
 * The sandbox's behaviour switches, from the environment: SANDBOX_PLAN (premium | growth),
 * SANDBOX_TOKEN_TTL (access token seconds, default 3599), SANDBOX_STRICT_PKCE (on: the
 * confidential client checks PKCE), SANDBOX_ROTATE_REFRESH (on: each refresh spends the refresh
 * token), SANDBOX_CORS (off: no CORS answers at all, as documented for Pipedrive).
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
    strictPkce: flag(env, 'SANDBOX_STRICT_PKCE'),
    rotateRefreshTokens: flag(env, 'SANDBOX_ROTATE_REFRESH'),
    ...(flag(env, 'SANDBOX_CORS') === false ? { corsOrigins: [] } : {}),
  };
}
