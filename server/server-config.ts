import { z } from 'zod';
import type { SessionMode } from '../common/app-config.ts';
import { BFF_PATHS } from '../common/bff-contract.ts';
import {
  PIPEDRIVE_PROFILE,
  type ProviderKind,
  type ProviderProfile,
  SANDBOX_DEFAULTS,
  sandboxProfile,
} from './provider-profiles.ts';
import { SANDBOX_SESSION_SECRET, sessionSecretProblem, splitSessionSecrets } from './session-secrets.ts';

/**
 * The app server's configuration, read from the environment at start-up so one build serves every
 * deployment. Every variable (blank counts as unset, as `.env` files often leave them):
 *
 * - `QUICKLEAD_PROVIDER`: `sandbox` (default) | `pipedrive` | `custom`.
 * - `QUICKLEAD_CLIENT_ID`, `QUICKLEAD_CLIENT_SECRET`: the confidential client; the secret stays on
 *   the server. Required for `pipedrive` and `custom`; the sandbox's own client by default.
 * - `QUICKLEAD_PUBLIC_URL`: the app's origin (default `http://127.0.0.1:5173`); the redirect URI
 *   registered at the provider is `{QUICKLEAD_PUBLIC_URL}/auth/callback`. Must be https except for
 *   the sandbox or a loopback host; on https cookies get `Secure` and the `__Host-` prefix.
 * - `QUICKLEAD_SESSION_SECRET`: the key material for the sealed cookies, at least 32 characters.
 *   Required unless the provider is `sandbox` (a fixed, public dev value is used, with a warning);
 *   for any other provider it must be neither a value published with QuickLead nor plainly
 *   predictable (see session-secrets.ts). To rotate it without signing everyone out, list several,
 *   comma-separated, newest first: the newest seals, every one listed opens. A secret dropped from
 *   the list signs out the sessions it sealed.
 * - `QUICKLEAD_SESSION_MODES`: comma list of `bff`, `spa`; the first is the default. Default
 *   `bff,spa` for the sandbox, `bff` otherwise. `spa` is refused for `pipedrive` (no public clients).
 * - `QUICKLEAD_SPA_CLIENT_ID`: the public client the browser uses in `spa` mode. Default
 *   `quicklead-spa-sandbox` for the sandbox; required for `custom` when `spa` is offered.
 * - Sandbox only: `QUICKLEAD_OAUTH_ORIGIN` (default `http://127.0.0.1:5181`), `QUICKLEAD_API_ORIGIN`
 *   (default `http://127.0.0.1:5182`).
 * - Custom only: `QUICKLEAD_AUTHORIZATION_ENDPOINT`, `QUICKLEAD_TOKEN_ENDPOINT`, `QUICKLEAD_ISSUER`
 *   (all required), `QUICKLEAD_REVOCATION_ENDPOINT` (optional), `QUICKLEAD_API_ORIGINS` (required,
 *   comma list of allowed `api_domain` origins, `*` = one DNS label, e.g. `https://*.example.com`),
 *   `QUICKLEAD_REQUIRE_ISS` (`true` when the server sends RFC 9207 `iss`; default `false`),
 *   `QUICKLEAD_PROVIDER_NAME` (sign-in button text; default `OAuth server`).
 * - `QUICKLEAD_INSPECTOR`: `on` | `off`, the OAuth flow inspector (a demo aid that shows each
 *   step of the sign-in, redacted). Default `on` for the sandbox, `off` otherwise.
 * - `QUICKLEAD_PKCE`: `on` | `off`, PKCE S256 in the `bff` sign-in. Default `off` for `pipedrive`
 *   (it documents no PKCE, and clients report errors when it is sent), `on` otherwise. Off, the
 *   `state` bound to the browser by the sealed sign-in cookie is what protects the callback.
 * - `QUICKLEAD_SESSION_STORE`: where sessions live. `embedded` (default): this process's memory,
 *   one instance, sessions end at restart. `redis://…` or `rediss://…` (user and password in the
 *   URL if needed): Redis, shared by any number of instances, no sticky sessions needed.
 * - `QUICKLEAD_HOST` (default `127.0.0.1`), `QUICKLEAD_PORT` (default `8080`): where `npm run serve` listens.
 */
export interface ServerConfig {
  provider: ProviderProfile;
  clientId: string;
  clientSecret: string;
  /** The app's origin, without a trailing slash. */
  publicUrl: string;
  redirectUri: string;
  /** True when the public URL is https: cookies are then `Secure` with the `__Host-` prefix, and HSTS is sent. */
  secure: boolean;
  /** Newest first: the first seals cookies, every one opens them (rotation). Never empty. */
  sessionSecrets: string[];
  /** Offered session modes, the default first. */
  sessionModes: SessionMode[];
  /** The browser's public client id; present exactly when `spa` is offered. */
  spaClientId?: string;
  listen: { host: string; port: number };
  /** The OAuth flow inspector: the server records each session's steps (redacted) and serves them to it. */
  inspector: boolean;
  /** PKCE S256 in the `bff` sign-in (`code_challenge` out, `code_verifier` at the token endpoint). */
  pkce: boolean;
  /** Where sessions live (`QUICKLEAD_SESSION_STORE`). */
  sessionStore: SessionStoreSetting;
  /** Things to tell the operator at start-up (never containing a secret). */
  warnings: string[];
}

export type SessionStoreSetting = { kind: 'embedded' } | { kind: 'redis'; url: string };

function readSessionStore(value: string | undefined, problems: Problems): SessionStoreSetting {
  if (value === undefined || value === 'embedded') return { kind: 'embedded' };
  try {
    const url = new URL(value);
    if (url.protocol === 'redis:' || url.protocol === 'rediss:') return { kind: 'redis', url: value };
  } catch {
    // Reported below, without echoing the value (it may hold a password).
  }
  problems.push({
    variable: 'QUICKLEAD_SESSION_STORE',
    message: 'must be embedded, or a redis:// or rediss:// URL',
  });
  return { kind: 'embedded' };
}

export class ServerConfigError extends Error {
  override name = 'ServerConfigError';
}

const blankAsUnset = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const text = z.preprocess(blankAsUnset, z.string().trim().optional());
const absoluteUrl = z.preprocess(
  blankAsUnset,
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
);
const onOff = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
  z.enum(['on', 'off']).optional(),
);
const list = z.preprocess(
  blankAsUnset,
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .optional(),
);

const envSchema = z.object({
  QUICKLEAD_PROVIDER: z.preprocess(
    blankAsUnset,
    z.enum(['sandbox', 'pipedrive', 'custom']).default('sandbox'),
  ),
  QUICKLEAD_CLIENT_ID: text,
  QUICKLEAD_CLIENT_SECRET: text,
  QUICKLEAD_PUBLIC_URL: absoluteUrl,
  QUICKLEAD_SESSION_SECRET: text,
  QUICKLEAD_SESSION_MODES: list,
  QUICKLEAD_SPA_CLIENT_ID: text,
  QUICKLEAD_OAUTH_ORIGIN: absoluteUrl,
  QUICKLEAD_API_ORIGIN: absoluteUrl,
  QUICKLEAD_AUTHORIZATION_ENDPOINT: absoluteUrl,
  QUICKLEAD_TOKEN_ENDPOINT: absoluteUrl,
  QUICKLEAD_REVOCATION_ENDPOINT: absoluteUrl,
  QUICKLEAD_ISSUER: absoluteUrl,
  QUICKLEAD_API_ORIGINS: list,
  QUICKLEAD_REQUIRE_ISS: z.preprocess(blankAsUnset, z.enum(['true', 'false']).default('false')),
  QUICKLEAD_PROVIDER_NAME: text,
  QUICKLEAD_INSPECTOR: onOff,
  QUICKLEAD_PKCE: onOff,
  QUICKLEAD_SESSION_STORE: text,
  QUICKLEAD_HOST: z.preprocess(blankAsUnset, z.string().trim().default('127.0.0.1')),
  QUICKLEAD_PORT: z.preprocess(blankAsUnset, z.coerce.number().int().min(1).max(65535).default(8080)),
});

type Env = z.infer<typeof envSchema>;
type Problems = Array<{ variable: keyof Env; message: string }>;

function isLoopback(url: URL): boolean {
  return (
    ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)
  );
}

/** https, or plain http only where nobody else can listen in (loopback) or for the sandbox. */
function checkTransport(url: string, variable: keyof Env, allowHttp: boolean, problems: Problems): void {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !allowHttp && !isLoopback(parsed)) {
    problems.push({ variable, message: 'must use https (plain http is allowed only on a loopback host)' });
  }
}

/** `*` only as the leftmost label: the CSP's connect-src (spa mode) can express nothing else. */
const ORIGIN_PATTERN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;

function readModes(env: Env, kind: ProviderKind, problems: Problems): SessionMode[] {
  const raw = env.QUICKLEAD_SESSION_MODES ?? (kind === 'sandbox' ? ['bff', 'spa'] : ['bff']);
  const modes = raw.filter((mode): mode is SessionMode => mode === 'bff' || mode === 'spa');
  if (modes.length !== raw.length || modes.length === 0 || new Set(modes).size !== modes.length) {
    problems.push({
      variable: 'QUICKLEAD_SESSION_MODES',
      message: 'must be a comma list of distinct modes out of "bff" and "spa"',
    });
  }
  if (kind === 'pipedrive' && modes.includes('spa')) {
    problems.push({
      variable: 'QUICKLEAD_SESSION_MODES',
      message:
        'cannot include "spa" for Pipedrive: it has no public clients, so the browser cannot sign in alone',
    });
  }
  return modes;
}

function customProfile(env: Env, problems: Problems): ProviderProfile {
  const required = [
    'QUICKLEAD_AUTHORIZATION_ENDPOINT',
    'QUICKLEAD_TOKEN_ENDPOINT',
    'QUICKLEAD_ISSUER',
    'QUICKLEAD_API_ORIGINS',
  ] as const;
  for (const variable of required) {
    if (env[variable] === undefined)
      problems.push({ variable, message: 'is required for a custom provider' });
  }
  const endpoints = [
    'QUICKLEAD_AUTHORIZATION_ENDPOINT',
    'QUICKLEAD_TOKEN_ENDPOINT',
    'QUICKLEAD_REVOCATION_ENDPOINT',
  ] as const;
  for (const variable of endpoints) {
    const value = env[variable];
    if (value) checkTransport(value, variable, false, problems);
  }
  const apiOrigins = (env.QUICKLEAD_API_ORIGINS ?? []).map((origin) => origin.replace(/\/$/, ''));
  for (const origin of apiOrigins) {
    if (!ORIGIN_PATTERN.test(origin)) {
      problems.push({
        variable: 'QUICKLEAD_API_ORIGINS',
        message: `"${origin}" is not an origin pattern like https://*.example.com`,
      });
    } else checkTransport(origin.replace(/\*/g, 'x'), 'QUICKLEAD_API_ORIGINS', false, problems);
  }
  return {
    kind: 'custom',
    name: env.QUICKLEAD_PROVIDER_NAME ?? 'OAuth server',
    issuer: env.QUICKLEAD_ISSUER ?? '',
    requireIss: env.QUICKLEAD_REQUIRE_ISS === 'true',
    authorizationEndpoint: env.QUICKLEAD_AUTHORIZATION_ENDPOINT ?? '',
    tokenEndpoint: env.QUICKLEAD_TOKEN_ENDPOINT ?? '',
    ...(env.QUICKLEAD_REVOCATION_ENDPOINT ? { revocationEndpoint: env.QUICKLEAD_REVOCATION_ENDPOINT } : {}),
    apiOrigins,
  };
}

function profileFor(env: Env, problems: Problems): ProviderProfile {
  if (env.QUICKLEAD_PROVIDER === 'pipedrive') return PIPEDRIVE_PROFILE;
  if (env.QUICKLEAD_PROVIDER === 'custom') return customProfile(env, problems);
  return sandboxProfile(
    env.QUICKLEAD_OAUTH_ORIGIN ?? SANDBOX_DEFAULTS.oauthOrigin,
    env.QUICKLEAD_API_ORIGIN ?? SANDBOX_DEFAULTS.apiOrigin,
  );
}

function readPublicUrl(env: Env, problems: Problems): string {
  const url = new URL(env.QUICKLEAD_PUBLIC_URL ?? 'http://127.0.0.1:5173');
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    problems.push({
      variable: 'QUICKLEAD_PUBLIC_URL',
      message: 'must be an origin only, like https://leads.example.com (no path, query or credentials)',
    });
  }
  checkTransport(url.origin, 'QUICKLEAD_PUBLIC_URL', env.QUICKLEAD_PROVIDER === 'sandbox', problems);
  return url.origin;
}

const GENERATE_SECRET_HINT = 'e.g. `openssl rand -base64 32`';

/**
 * The session secrets, newest first. The sandbox may run on its public default; any other provider
 * needs secrets nobody else knows or could guess (each listed one opens cookies, so each is checked).
 * A problem names the variable and the secret's place in the list, never the secret.
 */
function readSessionSecrets(env: Env, kind: ProviderKind, problems: Problems, warnings: string[]): string[] {
  const variable = 'QUICKLEAD_SESSION_SECRET';
  const secrets = splitSessionSecrets(env.QUICKLEAD_SESSION_SECRET ?? '');
  if (secrets.length === 0) {
    if (kind !== 'sandbox') {
      problems.push({
        variable,
        message: `is required when QUICKLEAD_PROVIDER is ${kind} (32 random bytes, ${GENERATE_SECRET_HINT})`,
      });
    } else {
      warnings.push(`${variable} is not set: using the public sandbox default. Never do this in production.`);
    }
    return [SANDBOX_SESSION_SECRET];
  }
  secrets.forEach((secret, index) => {
    const problem = sessionSecretProblem(secret, kind !== 'sandbox');
    if (problem === undefined) return;
    const place = secrets.length > 1 ? `(secret ${index + 1} of ${secrets.length} in the list) ` : '';
    problems.push({ variable, message: `${place}${problem}: use 32 random bytes, ${GENERATE_SECRET_HINT}` });
  });
  return secrets;
}

function fail(message: string): never {
  throw new ServerConfigError(`QuickLead server configuration is not valid:\n${message}`);
}

/** Reads and checks the environment; throws a ServerConfigError naming every bad variable. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) fail(z.prettifyError(parsed.error));
  const e = parsed.data;
  const kind = e.QUICKLEAD_PROVIDER;
  const problems: Problems = [];
  const warnings: string[] = [];
  const isSandbox = kind === 'sandbox';

  const provider = profileFor(e, problems);
  const publicUrl = readPublicUrl(e, problems);
  const sessionModes = readModes(e, kind, problems);
  for (const variable of ['QUICKLEAD_CLIENT_ID', 'QUICKLEAD_CLIENT_SECRET'] as const) {
    if (!isSandbox && e[variable] === undefined) {
      problems.push({ variable, message: `is required when QUICKLEAD_PROVIDER is ${kind}` });
    }
  }
  const sessionSecrets = readSessionSecrets(e, kind, problems, warnings);
  const spaClientId = e.QUICKLEAD_SPA_CLIENT_ID ?? (isSandbox ? SANDBOX_DEFAULTS.spaClientId : undefined);
  if (sessionModes.includes('spa') && spaClientId === undefined) {
    problems.push({
      variable: 'QUICKLEAD_SPA_CLIENT_ID',
      message: 'is required when QUICKLEAD_SESSION_MODES includes spa',
    });
  }
  const inspector = (e.QUICKLEAD_INSPECTOR ?? (isSandbox ? 'on' : 'off')) === 'on';
  if (inspector && !isSandbox) {
    warnings.push(
      'QUICKLEAD_INSPECTOR is on: signed-in users see their own sign-in steps (tokens masked). Meant for demos with test accounts.',
    );
  }
  const pkce = (e.QUICKLEAD_PKCE ?? (kind === 'pipedrive' ? 'off' : 'on')) === 'on';
  if (pkce && kind === 'pipedrive') {
    warnings.push(
      'QUICKLEAD_PKCE is on for Pipedrive, which documents no PKCE: if sign-in fails at Pipedrive, turn it off.',
    );
  }
  const sessionStore = readSessionStore(e.QUICKLEAD_SESSION_STORE, problems);
  if (problems.length > 0) {
    fail(problems.map((problem) => `✖ ${problem.variable} ${problem.message}`).join('\n'));
  }
  return {
    provider,
    clientId: e.QUICKLEAD_CLIENT_ID ?? SANDBOX_DEFAULTS.clientId,
    clientSecret: e.QUICKLEAD_CLIENT_SECRET ?? SANDBOX_DEFAULTS.clientSecret,
    publicUrl,
    redirectUri: `${publicUrl}${BFF_PATHS.callback}`,
    secure: publicUrl.startsWith('https:'),
    sessionSecrets,
    sessionModes,
    ...(sessionModes.includes('spa') && spaClientId ? { spaClientId } : {}),
    listen: { host: e.QUICKLEAD_HOST, port: e.QUICKLEAD_PORT },
    inspector,
    pkce,
    sessionStore,
    warnings,
  };
}
