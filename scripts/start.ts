/**
 * `npm start`: the sandbox (OAuth + API origins) and the app, in one process, on 127.0.0.1.
 * Ctrl-C (SIGINT) or SIGTERM closes every server before the process exits, so no port stays taken.
 *
 * QUICKLEAD_SERVE=preview serves the production build (`dist/`) instead of the dev server; the
 * e2e tests use that, on their own ports (see playwright.config.ts).
 */
import { createServer, type PreviewServer, preview, type ViteDevServer } from 'vite';
import { startSandbox } from '../sandbox/serve.ts';

const HOST = '127.0.0.1';
const appPort = Number(process.env.QUICKLEAD_APP_PORT ?? 5173);
const oauthPort = Number(process.env.SANDBOX_OAUTH_PORT ?? 5181);
const apiPort = Number(process.env.SANDBOX_API_PORT ?? 5182);
const serveBuild = process.env.QUICKLEAD_SERVE === 'preview';

const appOrigin = `http://${HOST}:${appPort}`;
const oauthOrigin = `http://${HOST}:${oauthPort}`;
const apiOrigin = `http://${HOST}:${apiPort}`;

// The app server reads its public configuration from the environment (server/public-config.ts).
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

try {
  const { sandbox, close } = await startSandbox({
    oauthOrigin,
    apiOrigin,
    appOrigins: [appOrigin],
    oauthPort,
    apiPort,
    host: HOST,
  });
  closers.push(close);

  const server: ViteDevServer | PreviewServer = serveBuild
    ? await preview({ preview: { host: HOST, port: appPort, strictPort: true, open: false } })
    : await createServer({ server: { host: HOST, port: appPort, strictPort: true, open: false } });
  if ('listen' in server) await server.listen();
  closers.push(() => server.close());

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
      `  Pipedrive sandbox: OAuth ${oauthOrigin}  ·  API ${apiOrigin}`,
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
