import { timingSafeEqual } from 'node:crypto';
import type { User } from '../company/crm-types.ts';
import type { PkceMode } from './pkce.ts';

export const CONFIDENTIAL_CLIENT_ID = 'quicklead-sandbox';
export const CONFIDENTIAL_CLIENT_SECRET = 'sandbox-client-secret';
export const PUBLIC_CLIENT_ID = 'quicklead-spa-sandbox';

/** What the Marketplace app is configured with in Developer Hub; tokens get these, whatever is asked. */
export const APP_SCOPES: readonly string[] = [
  'base',
  'leads:full',
  'contacts:full',
  'users:read',
  'deals:read',
  'activities:full',
];
export const APP_NAME = 'QuickLead';

/**
 * The scopes a user's tokens get: those of the app when the user installed it. Pipedrive does not
 * widen old installs when the app adds a scope, so such a user keeps granting the old set.
 */
export function scopesGrantedBy(user: User): readonly string[] {
  return user.installedScopes ?? APP_SCOPES;
}

export interface OAuthClient {
  clientId: string;
  /** null marks a public client. */
  clientSecret: string | null;
  /** The first is the app's callback URL, where uninstall notices go when no install names another. */
  redirectUris: readonly string[];
  pkce: PkceMode;
}

/**
 * The confidential client behaves like a Pipedrive Marketplace app. The public PKCE client is
 * SANDBOX-ONLY: real Pipedrive has no public clients (a secret is mandatory at /oauth/token) and
 * documents no CORS, so the browser-only `spa` mode works against the sandbox but not Pipedrive.
 */
export function createClients(
  appOrigins: readonly string[],
  options: { pkce?: PkceMode } = {},
): OAuthClient[] {
  return [
    {
      clientId: CONFIDENTIAL_CLIENT_ID,
      clientSecret: CONFIDENTIAL_CLIENT_SECRET,
      redirectUris: appOrigins.map((origin) => `${origin}/auth/callback`),
      // Pipedrive documents no PKCE, so accepting and ignoring it is the default; the other modes
      // (SANDBOX_PKCE) let tests prove the app works either way.
      pkce: options.pkce ?? 'accept',
    },
    {
      clientId: PUBLIC_CLIENT_ID,
      clientSecret: null,
      redirectUris: appOrigins.map((origin) => `${origin}/callback`),
      // A public client has no secret: PKCE is all that ties the code to the browser that asked.
      pkce: 'require',
    },
  ];
}

export function secretsMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
