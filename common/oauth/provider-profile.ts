import type * as oauth from 'oauth4webapi';

/**
 * What the OAuth client needs to know of a provider. Pipedrive publishes no discovery document,
 * so every provider is described by configuration rather than fetched.
 */
export interface OAuthProviderProfile {
  /** Compared with the callback's `iss` by exact string whenever the provider sends one (RFC 9207). */
  issuer: string;
  /** Set only for providers that advertise RFC 9207: a callback without `iss` is then refused. */
  requireIss: boolean;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint?: string | undefined;
  /** Origins the token response's `api_domain` may name; `*` stands for one DNS label. */
  apiOrigins: readonly string[];
}

/** The profile as oauth4webapi reads an authorization server's metadata. */
export function authorizationServerOf(provider: OAuthProviderProfile): oauth.AuthorizationServer {
  return {
    issuer: provider.issuer,
    authorization_endpoint: provider.authorizationEndpoint,
    token_endpoint: provider.tokenEndpoint,
    ...(provider.revocationEndpoint ? { revocation_endpoint: provider.revocationEndpoint } : {}),
    // oauth4webapi checks a present `iss` always; this makes a missing one a refusal too.
    ...(provider.requireIss ? { authorization_response_iss_parameter_supported: true } : {}),
  };
}
