/**
 * `npm run bench:bff`: 200 concurrent proxied requests from one `bff` session whose access token
 * has just expired, twice:
 *
 * 1. one app server instance with the embedded session store;
 * 2. three instances behind a round-robin proxy, sessions in Redis (a real one started here on a
 *    free loopback port), the sandbox rotating refresh tokens, so a second refresh would fail.
 *
 * Everything runs over HTTP on 127.0.0.1: the sandbox (access tokens living 8 s), the app
 * servers, and this script as the browser. Each run prints how many succeeded, how many refreshes
 * reached the sandbox, and the latencies; it fails unless all 200 succeed with exactly one refresh.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { BFF_PATHS, type BffSignInStart, CSRF_HEADER, CSRF_HEADER_VALUE } from '../common/bff-contract.ts';
import { startSandbox } from '../sandbox/serve.ts';
import { createAppServer } from '../server/app-server.ts';
import { readServerConfig } from '../server/server-config.ts';
import { RedisSessionStore } from '../server/sessions/redis-session-store.ts';
import type { SessionStore } from '../server/sessions/session-store.ts';
import { startLocalRedis } from '../server/testing/local-redis.ts';

const HOST = '127.0.0.1';
const PORTS = { app: 4573, oauth: 4581, api: 4582, instances: [4574, 4575, 4576] };
const APP = `http://${HOST}:${PORTS.app}`;
const OAUTH = `http://${HOST}:${PORTS.oauth}`;
const API = `http://${HOST}:${PORTS.api}`;
const CONCURRENT = 200;
/**
 * Short, so the bench waits little for the token to expire, yet long enough that the renewed token
 * is not due for renewal again (half its life) before the burst is over.
 */
const TOKEN_TTL_S = 8;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** A tiny cookie jar: what a browser would keep for our one origin and the sandbox's. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

const requestIdIn = (html: string) => /name="request_id" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs in as a browser would: app server login, sandbox pages, app server callback. */
async function signIn(jar: Jar) {
  // What the sign-in button does: a POST with the CSRF header, answered with where to go.
  const login = await fetch(`${APP}${BFF_PATHS.login}?returnTo=/`, {
    method: 'POST',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
  });
  jar.take(login);
  const { authorizationUrl } = (await login.json()) as BffSignInStart;
  const authorize = await fetch(authorizationUrl, { redirect: 'manual' });
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const consent = await fetch(`${OAUTH}/oauth/login`, {
    method: 'POST',
    headers: form,
    body: new URLSearchParams({
      request_id: requestIdIn(await authorize.text()),
      email: 'maria.lopez@northwind.example',
      password: 'sandbox',
    }),
  });
  const approved = await fetch(`${OAUTH}/oauth/consent`, {
    method: 'POST',
    headers: form,
    body: new URLSearchParams({ request_id: requestIdIn(await consent.text()), decision: 'allow' }),
    redirect: 'manual',
  });
  const callback = await fetch(approved.headers.get('location') ?? '', {
    headers: { cookie: jar.header() },
    redirect: 'manual',
  });
  jar.take(callback);
  const session = (await (
    await fetch(`${APP}${BFF_PATHS.session}`, { headers: { cookie: jar.header() } })
  ).json()) as {
    signedIn: boolean;
  };
  if (!session.signedIn) throw new Error('bench: the scripted sign-in did not give a session');
}

function listen(
  handler: ReturnType<typeof getRequestListener> | ((req: IncomingMessage, res: ServerResponse) => void),
  port: number,
): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve(server));
  });
}

/** One address in front of several instances, taking them in turn; no stickiness of any kind. */
function roundRobin(ports: readonly number[]) {
  let next = 0;
  return (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const port = ports[next++ % ports.length];
    const forwarded = request(
      { host: HOST, port, path: incoming.url, method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => {
      outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(forwarded);
  };
}

interface Run {
  label: string;
  instances: number;
  rotate: boolean;
  /** The store all instances share; undefined: each instance its own embedded store. */
  store?: () => Promise<{ store: SessionStore; stop: () => Promise<void> }>;
}

async function run({ label, instances, rotate, store }: Run): Promise<boolean> {
  const sandbox = await startSandbox({
    oauthOrigin: OAUTH,
    apiOrigin: API,
    appOrigins: [APP],
    oauthPort: PORTS.oauth,
    apiPort: PORTS.api,
    host: HOST,
    accessTokenTtlSeconds: TOKEN_TTL_S,
    rotateRefreshTokens: rotate,
    // No CORS at all, as Pipedrive documents none: the bff mode needs none.
    corsOrigins: [],
  });
  let refreshes = 0;
  const countingFetch: typeof fetch = async (input, init) => {
    if (String(init?.body ?? '').includes('grant_type=refresh_token')) refreshes += 1;
    return fetch(input, init);
  };
  const config = readServerConfig({
    QUICKLEAD_PROVIDER: 'sandbox',
    QUICKLEAD_PUBLIC_URL: APP,
    QUICKLEAD_OAUTH_ORIGIN: OAUTH,
    QUICKLEAD_API_ORIGIN: API,
  });
  const shared = store ? await store() : undefined;
  const servers: Server[] = [];
  const appFor = () =>
    getRequestListener(
      createAppServer({ config, fetch: countingFetch, ...(shared ? { sessionStore: shared.store } : {}) })
        .fetch,
    );
  try {
    if (instances === 1) servers.push(await listen(appFor(), PORTS.app));
    else {
      const ports = PORTS.instances.slice(0, instances);
      for (const port of ports) servers.push(await listen(appFor(), port));
      servers.push(await listen(roundRobin(ports), PORTS.app));
    }

    const jar = new Jar();
    await signIn(jar);
    await new Promise((resolve) => setTimeout(resolve, (TOKEN_TTL_S + 1) * 1000));
    refreshes = 0;

    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        const begin = performance.now();
        const response = await fetch(`${APP}${BFF_PATHS.apiPrefix}/api/v1/users/me`, {
          headers: { cookie: jar.header(), [CSRF_HEADER]: CSRF_HEADER_VALUE },
        });
        await response.arrayBuffer();
        return { status: response.status, ms: performance.now() - begin };
      }),
    );
    const wall = performance.now() - started;
    const ok = results.filter((result) => result.status === 200).length;
    const latencies = results.map((result) => result.ms);

    console.log(
      `\nQuickLead bench:bff, ${label}: ${CONCURRENT} concurrent proxied calls, access token expired`,
    );
    console.log(`succeeded:            ${ok} / ${CONCURRENT}`);
    console.log(`refreshes at sandbox: ${refreshes}`);
    console.log(
      `latency:              median ${median(latencies).toFixed(0)} ms, p95 ${percentile(latencies, 0.95).toFixed(0)} ms`,
    );
    console.log(
      `wall time:            ${wall.toFixed(0)} ms (${((CONCURRENT / wall) * 1000).toFixed(0)} requests/s)`,
    );
    if (ok !== CONCURRENT || refreshes !== 1) {
      console.error(`bench:bff (${label}): expected ${CONCURRENT} successes and exactly 1 refresh`);
      return false;
    }
    return true;
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await shared?.stop();
    await sandbox.close();
  }
}

const passed = [
  await run({ label: 'one instance, embedded session store', instances: 1, rotate: false }),
  await run({
    label: 'three instances behind a round-robin proxy, Redis session store, refresh-token rotation on',
    instances: 3,
    rotate: true,
    store: async () => {
      const redis = await startLocalRedis();
      const store = new RedisSessionStore(redis.url, Date.now);
      return {
        store,
        stop: async () => {
          await store.close();
          await redis.stop();
        },
      };
    },
  }),
];
if (passed.includes(false)) process.exitCode = 1;
