/**
 * `npm run serve`: the production app server. Serves `dist/` (build it first with `npm run build`)
 * and the `bff` routes, configured from the environment (see server/server-config.ts).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createAppServer } from './app-server.ts';
import { readServerConfig, type ServerConfig } from './server-config.ts';

/** Open connections get this long to finish before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

function loadConfig(): ServerConfig {
  try {
    return readServerConfig(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

const config = loadConfig();
const staticRoot = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(`${staticRoot}/index.html`)) {
  console.error(`No build found in ${staticRoot}. Run \`npm run build\` first.`);
  process.exit(1);
}

const app = createAppServer({ config, staticRoot });
const { host, port } = config.listen;
const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
  // Never the secrets: only where to go and how the server is set up.
  console.log(
    [
      '',
      `  QuickLead app server listening on http://${host.includes(':') ? `[${host}]` : host}:${info.port}/`,
      `  Public URL   ${config.publicUrl}  (OAuth callback ${config.redirectUri})`,
      `  Provider     ${config.provider.name} (${config.provider.kind})`,
      `  Modes        ${config.sessionModes.join(', ')}`,
      `  Sessions     ${config.sessionStore.kind === 'redis' ? 'Redis (QUICKLEAD_SESSION_STORE), shared by every instance' : 'embedded: this process only, ended by a restart'}`,
      ...config.warnings.map((warning) => `  Warning      ${warning}`),
      '',
    ].join('\n'),
  );
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} on ${host} is taken: stop the other server or set QUICKLEAD_PORT.`
      : `The app server failed: ${error.message}`,
  );
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the QuickLead app server…`);
    server.close(() => process.exit(0));
    // Idle keep-alive connections would hold close() open; busy ones get a grace period.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
  });
}
