import { bearerInit, buildUrl, type Transport } from '@/pipedrive/transport.ts';
import { createSandbox, type Sandbox } from '../../sandbox/create-sandbox.ts';

/**
 * Test-only: a real sandbox in-process, and a transport that sends the app's requests to it the
 * way the spa transport sends them over HTTP (same URL, headers and JSON body).
 */
export const TEST_API_ORIGIN = 'http://127.0.0.1:5182';

export function createSandboxTransport(): { sandbox: Sandbox; transport: Transport; token: string } {
  const sandbox = createSandbox({
    oauthOrigin: 'http://127.0.0.1:5181',
    apiOrigin: TEST_API_ORIGIN,
    appOrigins: ['http://127.0.0.1:5173'],
  });
  const demo = sandbox.store.crm.users[0];
  if (!demo) throw new Error('the sandbox has no users');
  const token = sandbox.store.auth.issueTokens({
    clientId: sandbox.clients.public.clientId,
    userId: demo.id,
    scopes: ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'],
  }).accessToken.token;
  const transport = transportWithToken(sandbox, () => token);
  return { sandbox, transport, token };
}

export function transportWithToken(sandbox: Sandbox, token: () => string): Transport {
  return async (request) =>
    sandbox.apiApp.request(buildUrl(TEST_API_ORIGIN, request), bearerInit(request, token()));
}
