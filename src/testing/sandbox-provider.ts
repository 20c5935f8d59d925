import type { ProviderConfig } from '@/config/app-config.ts';
import { createSandbox } from '../../sandbox/create-sandbox.ts';

/** Test-only: the origins the in-process sandbox pretends to live on. */
export const TEST_ORIGINS = {
  app: 'http://127.0.0.1:5173',
  oauth: 'http://127.0.0.1:5181',
  api: 'http://127.0.0.1:5182',
} as const;

/**
 * Test-only: a real sandbox in-process and the `spa` provider configuration pointing at it, with a
 * fetch that sends oauth4webapi's requests (and API calls) to its Hono apps instead of a port.
 */
export function sandboxProvider(apiOrigins: string[] = [TEST_ORIGINS.api]) {
  const sandbox = createSandbox({
    oauthOrigin: TEST_ORIGINS.oauth,
    apiOrigin: TEST_ORIGINS.api,
    appOrigins: [TEST_ORIGINS.app],
  });
  const provider: ProviderConfig = {
    kind: 'sandbox',
    name: 'Pipedrive sandbox',
    issuer: TEST_ORIGINS.oauth,
    requireIss: false,
    authorizationEndpoint: `${TEST_ORIGINS.oauth}/oauth/authorize`,
    tokenEndpoint: `${TEST_ORIGINS.oauth}/oauth/token`,
    revocationEndpoint: `${TEST_ORIGINS.oauth}/oauth/revoke`,
    clientId: sandbox.clients.public.clientId,
    apiOrigins,
  };
  const sandboxFetch = ((url, init) =>
    String(url).startsWith(TEST_ORIGINS.oauth)
      ? sandbox.oauthApp.request(String(url), init)
      : sandbox.apiApp.request(String(url), init)) as typeof fetch;
  return { sandbox, provider, sandboxFetch };
}
