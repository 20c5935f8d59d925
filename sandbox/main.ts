/**
 * `npm run sandbox`: the Pipedrive stand-in on its own, for working on the app against it.
 * SANDBOX_OAUTH_PORT (5181), SANDBOX_API_PORT (5182), APP_ORIGINS (comma list,
 * default http://127.0.0.1:5173), and the switches of env-settings.ts (SANDBOX_PLAN, SANDBOX_TOKEN_TTL,
 * SANDBOX_PKCE, SANDBOX_ROTATE_REFRESH, SANDBOX_CORS, SANDBOX_SEARCH_LAG_MS, SANDBOX_DAILY_BUDGET,
 * SANDBOX_RATE_LIMITS, SANDBOX_SEED_LEADS).
 * Ctrl-C stops both servers and frees the ports.
 */

import { SANDBOX_ADMIN_HEADER } from './admin/admin-guard.ts';
import { sandboxSettingsFromEnv } from './env-settings.ts';
import { installLink } from './oauth/oauth-install-link.ts';
import { FIXTURES } from './seed/seed.ts';
import { startSandbox } from './serve.ts';
import { SEARCH_LIMIT } from './store/usage-ledger.ts';

const HOST = '127.0.0.1';

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  }
  return value;
}

function appOrigins(): string[] {
  const raw = process.env.APP_ORIGINS || 'http://127.0.0.1:5173';
  return raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      if (!URL.canParse(origin)) throw new Error(`APP_ORIGINS has an entry that is not a URL: "${origin}"`);
      return new URL(origin).origin;
    });
}

async function main(): Promise<void> {
  const oauthPort = port('SANDBOX_OAUTH_PORT', 5181);
  const apiPort = port('SANDBOX_API_PORT', 5182);
  const oauthOrigin = `http://${HOST}:${oauthPort}`;
  const apiOrigin = `http://${HOST}:${apiPort}`;
  const origins = appOrigins();
  const settings = sandboxSettingsFromEnv(process.env);
  const plan = settings.plan ?? 'premium';
  const pkce = settings.pkce ?? 'accept';
  const { sandbox, close } = await startSandbox({
    ...settings,
    oauthOrigin,
    apiOrigin,
    appOrigins: origins,
    oauthPort,
    apiPort,
    host: HOST,
  });

  const { confidential, public: spa } = sandbox.clients;
  const { usage } = sandbox.store;
  const limits = usage.enforce ? 'answered with 429, as Pipedrive' : 'counted only (SANDBOX_RATE_LIMITS=off)';
  console.log(`Pipedrive sandbox
  OAuth origin: ${oauthOrigin}   (stands in for https://oauth.pipedrive.com)
  API origin:   ${apiOrigin}   (returned as api_domain)
  App origins:  ${origins.join(', ')}
  Plan:         ${plan} (SANDBOX_PLAN)
  Clients:      ${confidential.clientId} / ${confidential.clientSecret} (confidential, like Pipedrive)
                ${spa.clientId} (public + PKCE, sandbox only)
  PKCE:         ${pkce} for ${confidential.clientId} (SANDBOX_PKCE=accept|require|reject)
  Search lag:   ${settings.searchLagMs ?? 0} ms before a new lead, person or organization is found by search
                (SANDBOX_SEARCH_LAG_MS; reads by id and GET /v1/leads are current at once)
  Conversion:   ${settings.conversionMs ?? 0} ms for a lead to become a deal (SANDBOX_CONVERSION_MS)
  Install link: ${installLink(oauthOrigin, confidential.clientId)}
                (back to the app's callback with a code and no state; consent once per user)
  Demo users (password "${sandbox.demoUsers[0]?.password ?? ''}"):
${sandbox.demoUsers.map((user) => `    ${user.email}  ${user.name}`).join('\n')}
  Fixtures: person "${FIXTURES.adaLovelace.name}" at "${FIXTURES.analyticalEngines.name}", organization "${FIXTURES.globex.name}"
  Limits:       ${limits}: ${usage.burstLimit} requests per token per 2 s, ${SEARCH_LIMIT} searches per token per 2 s,
                ${usage.daily().limit} tokens a day (SANDBOX_DAILY_BUDGET)
  Usage:        GET ${apiOrigin}/__sandbox/usage, POST ${apiOrigin}/__sandbox/usage/reset,
                GET/POST ${apiOrigin}/__sandbox/usage/budget ({"remaining": n} spends today's budget down),
                GET ${apiOrigin}/__sandbox/lead-posts?title=… (creates received with that title)
  Faults:       GET/POST/DELETE ${apiOrigin}/__sandbox/faults, header x-sandbox-fault,
                POST ${apiOrigin}/__sandbox/tokens/expire, POST ${apiOrigin}/__sandbox/tokens/fail-refresh
                ({"kind": invalid_grant|rate_limited|server_error|html_bad_gateway|dropped}),
                POST ${apiOrigin}/__sandbox/conversions/fail ({"times"?, "ending"?: failed|rejected})
  Deals:        GET ${apiOrigin}/__sandbox/deals?title=… (deals made by converting leads)
  Installs:     GET/DELETE ${apiOrigin}/__sandbox/installs, POST ${apiOrigin}/__sandbox/uninstall,
                GET/DELETE ${apiOrigin}/__sandbox/uninstall-calls (DELETE notices sent to the app)
  Admin header: every POST and DELETE above needs "${SANDBOX_ADMIN_HEADER}: 1" (curl -H '${SANDBOX_ADMIN_HEADER}: 1'),
                so a web page you visit cannot reset or fault this sandbox
Press Ctrl-C to stop.`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    close().then(
      () => {
        process.exitCode = 0;
      },
      (error: unknown) => {
        console.error('Could not stop the sandbox cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('The sandbox could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
