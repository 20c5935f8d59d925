import { z } from 'zod';
import { type AppConfig, appConfigSchema } from '../src/config/app-config.ts';

/** The sandbox's defaults, so `npm start` needs no environment at all. */
export const SANDBOX_DEFAULTS = {
  oauthOrigin: 'http://127.0.0.1:5181',
  apiOrigin: 'http://127.0.0.1:5182',
  spaClientId: 'quicklead-spa-sandbox',
} as const;

const envSchema = z.object({
  QUICKLEAD_PROVIDER: z.enum(['sandbox']).default('sandbox'),
  QUICKLEAD_SESSION_MODE: z.enum(['spa']).default('spa'),
  QUICKLEAD_OAUTH_ORIGIN: z.url().default(SANDBOX_DEFAULTS.oauthOrigin),
  QUICKLEAD_API_ORIGIN: z.url().default(SANDBOX_DEFAULTS.apiOrigin),
  QUICKLEAD_CLIENT_ID: z.string().min(1).default(SANDBOX_DEFAULTS.spaClientId),
});

/** Reads the browser's configuration from the environment; throws a readable error on bad input. */
export function readPublicConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`QuickLead configuration is not valid:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  const oauthOrigin = new URL(e.QUICKLEAD_OAUTH_ORIGIN).origin;
  return appConfigSchema.parse({
    sessionMode: e.QUICKLEAD_SESSION_MODE,
    provider: {
      kind: e.QUICKLEAD_PROVIDER,
      name: 'Pipedrive sandbox',
      issuer: oauthOrigin,
      authorizationEndpoint: `${oauthOrigin}/oauth/authorize`,
      tokenEndpoint: `${oauthOrigin}/oauth/token`,
      revocationEndpoint: `${oauthOrigin}/oauth/revoke`,
      clientId: e.QUICKLEAD_CLIENT_ID,
      apiOrigins: [new URL(e.QUICKLEAD_API_ORIGIN).origin],
    },
  });
}

/**
 * Content Security Policy for the built app: scripts only from our origin, network only to the
 * OAuth server and the allowed API origins.
 */
export function contentSecurityPolicy(config: AppConfig): string {
  const connect = ["'self'", new URL(config.provider.tokenEndpoint).origin, ...config.provider.apiOrigins];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}
