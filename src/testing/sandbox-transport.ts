import { type ApiRequest, bearerInit, buildUrl, type Transport } from '@/pipedrive/transport.ts';
import { createSandbox, type Sandbox } from '../../sandbox/create-sandbox.ts';
import { SandboxConnectionDropped } from '../../sandbox/faults/fault-injection.ts';

/**
 * Test-only: a real sandbox in-process, and a transport that sends the app's requests to it the
 * way the spa transport sends them over HTTP (same URL, headers and JSON body).
 */
export const TEST_API_ORIGIN = 'http://127.0.0.1:5182';

/** Every scope the app asks for, as a fresh install grants them. */
export const APP_SCOPES = [
  'base',
  'leads:full',
  'contacts:full',
  'users:read',
  'deals:read',
  'activities:full',
];

export function createSandboxTransport(
  options: {
    searchLagMs?: number;
    enforceRateLimits?: boolean;
    scopes?: readonly string[];
    seedLeads?: boolean;
    conversionMs?: number;
  } = {},
): {
  sandbox: Sandbox;
  transport: Transport;
  token: string;
} {
  const sandbox = createSandbox({
    oauthOrigin: 'http://127.0.0.1:5181',
    apiOrigin: TEST_API_ORIGIN,
    appOrigins: ['http://127.0.0.1:5173'],
    // How long a new lead stays out of the search index, as in a started sandbox (3 s) or longer.
    ...(options.searchLagMs === undefined ? {} : { searchLagMs: options.searchLagMs }),
    // Off only counts: for a test that sends thousands of requests and is not about the limits.
    ...(options.enforceRateLimits === undefined ? {} : { enforceRateLimits: options.enforceRateLimits }),
    // The company's seeded leads (sandbox/seed/seed-leads.ts): Ada Lovelace has an open one.
    ...(options.seedLeads === undefined ? {} : { seedLeads: options.seedLeads }),
    // How long a lead takes to become a deal, on the sandbox clock (Date.now, faked with the timers).
    ...(options.conversionMs === undefined ? {} : { conversionMs: options.conversionMs }),
  });
  const demo = sandbox.store.crm.users[0];
  if (!demo) throw new Error('the sandbox has no users');
  const token = sandbox.store.auth.issueTokens({
    clientId: sandbox.clients.public.clientId,
    userId: demo.id,
    scopes: options.scopes ?? APP_SCOPES,
  }).accessToken.token;
  const transport = transportWithToken(sandbox, () => token);
  return { sandbox, transport, token };
}

/** A sandbox fault rule for one request (see sandbox/faults/fault-rules.ts), sent as `x-sandbox-fault`. */
export type FaultFor = (request: ApiRequest) => Record<string, unknown> | undefined;

export function transportWithToken(sandbox: Sandbox, token: () => string, faultFor?: FaultFor): Transport {
  return async (request) => {
    const init = bearerInit(request, token());
    const fault = faultFor?.(request);
    if (fault)
      init.headers = {
        ...(init.headers as Record<string, string>),
        'x-sandbox-fault': JSON.stringify(fault),
      };
    try {
      return await sandbox.apiApp.request(buildUrl(TEST_API_ORIGIN, request), init);
    } catch (error) {
      // Over HTTP a dropped connection makes fetch reject with a TypeError; in-process it is this.
      if (error instanceof SandboxConnectionDropped) throw new TypeError('Failed to fetch');
      throw error;
    }
  };
}
