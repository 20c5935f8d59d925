import { OAuthClient } from '@common/oauth/oauth-client.ts';
import type { ProviderConfig } from '@/config/app-config.ts';

/**
 * `spa` mode's OAuth client: the browser is a public client (no secret, so PKCE is always on).
 * `fetch`: the inspector's recording fetch while it is on.
 */
export function publicClientFor(
  provider: ProviderConfig,
  options: { fetch?: typeof fetch | undefined; now?: (() => number) | undefined } = {},
): OAuthClient<{ kind: 'public' }> {
  return new OAuthClient({
    provider,
    clientId: provider.clientId,
    authentication: { kind: 'public' },
    fetch: options.fetch,
    now: options.now,
  });
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
