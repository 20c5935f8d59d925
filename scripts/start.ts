/**
 * `npm start`: the sandbox (OAuth + API origins), the app server and the app, in one process, on
 * 127.0.0.1. Ctrl-C (SIGINT) or SIGTERM closes every server before the process exits, so no port
 * stays taken.
 *
 * In development Vite serves the app on QUICKLEAD_APP_PORT and forwards the app server's paths
 * (/app-config.json, /auth/*, /api/pipedrive/*) to it on a private port, so the browser sees one
 * origin, as in production. QUICKLEAD_SERVE=preview instead serves the production build from the
 * app server itself, exactly as `npm run serve` does; the e2e tests and the bench use that.
 * QUICKLEAD_BUILD_DIR names another build folder to serve that way (the bench's `dist-profiling`).
 */
import type { Server } from 'node:http';
import { createServer as createHttpServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { sandboxSettingsFromEnv } from '../sandbox/env-settings.ts';
import { installLink } from '../sandbox/oauth/oauth-install-link.ts';
import { startSandbox } from '../sandbox/serve.ts';
import { createAppServer } from '../server/app-server.ts';
import { readServerConfig } from '../server/server-config.ts';

const HOST = '127.0.0.1';
const appPort = Number(process.env.QUICKLEAD_APP_PORT ?? 5173);
const oauthPort = Number(process.env.SANDBOX_OAUTH_PORT ?? 5181);
const apiPort = Number(process.env.SANDBOX_API_PORT ?? 5182);
const serveBuild = process.env.QUICKLEAD_SERVE === 'preview';
const buildDir = process.env.QUICKLEAD_BUILD_DIR ?? 'dist';

const appOrigin = `http://${HOST}:${appPort}`;
const oauthOrigin = `http://${HOST}:${oauthPort}`;
const apiOrigin = `http://${HOST}:${apiPort}`;

// The app server reads its configuration from the environment, like any deployment.
process.env.QUICKLEAD_PROVIDER ??= 'sandbox';
process.env.QUICKLEAD_PUBLIC_URL = appOrigin;
process.env.QUICKLEAD_OAUTH_ORIGIN = oauthOrigin;
process.env.QUICKLEAD_API_ORIGIN = apiOrigin;

const closers: Array<() => Promise<void>> = [];
let stopping = false;

async function stop(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.log(`\n${signal}: stopping QuickLead and the sandbox…`);
    void stop(0);
  });
}

function listen(app: Hono, port: number): Promise<Server> {
  const server = createHttpServer(getRequestListener(app.fetch));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Browsers keep idle connections open; without this close() would wait for them.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  });
}

try {
  const { sandbox, close: closeSandbox } = await startSandbox({
    ...sandboxSettingsFromEnv(process.env),
    oauthOrigin,
    apiOrigin,
    appOrigins: [appOrigin],
    oauthPort,
    apiPort,
    host: HOST,
  });
  closers.push(closeSandbox);

  const config = readServerConfig(process.env);
  for (const warning of config.warnings) console.warn(`  note: ${warning}`);
  if (serveBuild) {
    const server = await listen(createAppServer({ config, staticRoot: buildDir }), appPort);
    closers.push(() => close(server));
  } else {
    const privatePort = appPort + 10_000;
    const server = await listen(createAppServer({ config }), privatePort);
    closers.push(() => close(server));
    const target = `http://${HOST}:${privatePort}`;
    const vite: ViteDevServer = await createViteServer({
      server: {
        host: HOST,
        port: appPort,
        strictPort: true,
        open: false,
        proxy: Object.fromEntries(
          ['/app-config.json', '/auth', '/api/pipedrive'].map((path) => [path, { target }]),
        ),
      },
    });
    await vite.listen();
    closers.push(() => vite.close());
  }

  const demo = sandbox.demoUsers[0];
  console.log(
    [
      '',
      `  QuickLead is running${serveBuild ? ' (production build)' : ''}:  ${appOrigin}/`,
      '',
      `  Sign in with the sandbox demo account:`,
      `    email     ${demo?.email ?? '(none)'}`,
      `    password  ${demo?.password ?? '(none)'}`,
      '',
      `  Or install the app first, as from Pipedrive's installation link:`,
      `    ${installLink(oauthOrigin, sandbox.clients.confidential.clientId)}`,
      '',
      `  Pipedrive sandbox: OAuth ${oauthOrigin}  ·  API ${apiOrigin}`,
      `  Sessions: ${config.sessionStore.kind === 'redis' ? 'in Redis (QUICKLEAD_SESSION_STORE)' : 'in this process (a restart signs everyone out)'}`,
      '  Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`\nQuickLead could not start: ${message}`);
  if (/EADDRINUSE/.test(message)) {
    console.error('A port is taken: is another `npm start` running? Stop it, or set QUICKLEAD_APP_PORT,');
    console.error('SANDBOX_OAUTH_PORT and SANDBOX_API_PORT to free ports.');
  }
  await stop(1);
}
