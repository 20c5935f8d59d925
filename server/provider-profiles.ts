import type { OAuthProviderProfile } from '../common/oauth/provider-profile.ts';

/**
 * Where each kind of OAuth provider keeps its endpoints. Pipedrive publishes no discovery document
 * (no `/.well-known` metadata), so every provider is described here rather than fetched.
 */

export type ProviderKind = 'sandbox' | 'pipedrive' | 'custom';

export interface ProviderProfile extends OAuthProviderProfile {
  kind: ProviderKind;
  /** Shown on the sign-in button: "Sign in with {name}". */
  name: string;
  revocationEndpoint?: string;
  apiOrigins: string[];
}

/**
 * Real Pipedrive: Basic client authentication, no PKCE documented (we send it anyway), no `iss`
 * in the callback, revocation per RFC 7009, and one API origin per company under pipedrive.com.
 */
export const PIPEDRIVE_PROFILE: ProviderProfile = {
  kind: 'pipedrive',
  name: 'Pipedrive',
  issuer: 'https://oauth.pipedrive.com',
  requireIss: false,
  authorizationEndpoint: 'https://oauth.pipedrive.com/oauth/authorize',
  tokenEndpoint: 'https://oauth.pipedrive.com/oauth/token',
  revocationEndpoint: 'https://oauth.pipedrive.com/oauth/revoke',
  apiOrigins: ['https://*.pipedrive.com'],
};

/** The local emulator (`sandbox/`): the same paths as Pipedrive on two local origins. */
export function sandboxProfile(oauthOrigin: string, apiOrigin: string): ProviderProfile {
  const oauth = new URL(oauthOrigin).origin;
  return {
    kind: 'sandbox',
    name: 'Pipedrive sandbox',
    issuer: oauth,
    requireIss: false,
    authorizationEndpoint: `${oauth}/oauth/authorize`,
    tokenEndpoint: `${oauth}/oauth/token`,
    revocationEndpoint: `${oauth}/oauth/revoke`,
    apiOrigins: [new URL(apiOrigin).origin],
  };
}

export const SANDBOX_DEFAULTS = {
  oauthOrigin: 'http://127.0.0.1:5181',
  apiOrigin: 'http://127.0.0.1:5182',
  /** The sandbox's confidential client: public knowledge, like the rest of the emulator. */
  clientId: 'quicklead-sandbox',
  clientSecret: 'sandbox-client-secret',
  /** The sandbox-only public PKCE client the browser uses in `spa` mode. */
  spaClientId: 'quicklead-spa-sandbox',
} as const;
