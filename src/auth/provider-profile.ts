import * as oauth from 'oauth4webapi';
import type { ProviderConfig } from '@/config/app-config.ts';

/**
 * Pipedrive publishes no discovery document, so the authorization server is described from
 * configuration rather than fetched.
 */
export function authorizationServerFor(provider: ProviderConfig): oauth.AuthorizationServer {
  return {
    issuer: provider.issuer,
    authorization_endpoint: provider.authorizationEndpoint,
    token_endpoint: provider.tokenEndpoint,
    revocation_endpoint: provider.revocationEndpoint,
    code_challenge_methods_supported: ['S256'],
  };
}

/** oauth4webapi refuses plain http unless told; only the local sandbox is served over http. */
export function httpOptionsFor(provider: ProviderConfig): { [oauth.allowInsecureRequests]?: boolean } {
  return new URL(provider.tokenEndpoint).protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};
}

/**
 * Where a lead opens in the provider's web app. Pipedrive serves it from the company domain; the
 * sandbox serves its stand-in page from its API origin.
 */
export function leadWebUrl(
  providerKind: ProviderConfig['kind'],
  place: { apiDomain: string; companyDomain: string | undefined },
  leadId: string,
): string {
  const id = encodeURIComponent(leadId);
  if (providerKind === 'pipedrive' && place.companyDomain) {
    return `https://${place.companyDomain}.pipedrive.com/leads/inbox/${id}`;
  }
  return `${place.apiDomain}/leads/inbox/${id}`;
}
