import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { createSandbox, type Sandbox, type SandboxOptions } from './create-sandbox.ts';

/** `plan` (from SandboxOptions) sets the visibility options, rate limits and daily token budget. */
export interface StartSandboxOptions extends SandboxOptions {
  /** 0 lets the system pick a free port (read it from `ports`); the origins above are then just labels. */
  oauthPort: number;
  apiPort: number;
  /** Default 127.0.0.1: the sandbox has demo passwords and must not be reachable from the network. */
  host?: string;
}

export interface RunningSandbox {
  sandbox: Sandbox;
  /** The ports actually bound: the ones asked for, or the system's pick when 0 was asked for. */
  ports: { oauth: number; api: number };
  close(): Promise<void>;
}

/** Requests still running this long after close() are cut off, so a stop never hangs. */
const FORCE_CLOSE_AFTER_MS = 2000;

function listen(app: Hono, port: number, host: string): Promise<Server> {
  const server = createServer(getRequestListener(app.fetch));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function boundPort(server: Server | undefined): number {
  const address = server?.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}

function stop(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const force = setTimeout(() => server.closeAllConnections(), FORCE_CLOSE_AFTER_MS);
    force.unref();
    server.close((error) => {
      clearTimeout(force);
      if (error) reject(error);
      else resolve();
    });
    // close() alone waits for idle keep-alive sockets (browsers hold them open) to time out.
    server.closeIdleConnections();
  });
}

export async function startSandbox(options: StartSandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  // A sandbox on ports stands in for Pipedrive on the network, so its uninstall notices go out too.
  const sandbox = createSandbox({ ...options, fetch: options.fetch ?? globalThis.fetch });
  const started = await Promise.allSettled([
    listen(sandbox.oauthApp, options.oauthPort, host),
    listen(sandbox.apiApp, options.apiPort, host),
  ]);
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = started.find((result) => result.status === 'rejected');
  if (failure) {
    // One port was taken: free the other before reporting, or the caller could not retry.
    await Promise.all(servers.map(stop));
    throw failure.reason;
  }
  let closing: Promise<void> | null = null;
  return {
    sandbox,
    ports: { oauth: boundPort(servers[0]), api: boundPort(servers[1]) },
    close() {
      closing ??= Promise.all(servers.map(stop)).then(() => undefined);
      return closing;
    },
  };
}
