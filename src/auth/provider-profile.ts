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
