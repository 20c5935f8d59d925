import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../serve.ts';
import { basic, FORM } from '../testing/test-support.ts';

// A sandbox on ports (as `npm start` runs it) sends the uninstall DELETE over the network with
// the global fetch; a bare HTTP server stands in for the app.
let app: Server;
let appOrigin: string;
let running: RunningSandbox;
const received: Array<{ method: string; url: string; authorization: string; body: string }> = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => resolve(body));
  });
}

beforeAll(async () => {
  app = createServer(async (request, response) => {
    const body = await readBody(request);
    received.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization ?? '',
      body,
    });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  running = await startSandbox({
    oauthOrigin: 'http://127.0.0.1:1',
    apiOrigin: 'http://127.0.0.1:2',
    appOrigins: [appOrigin],
    oauthPort: 0,
    apiPort: 0,
  });
});

afterAll(async () => {
  await running?.close();
  await new Promise((resolve) => app?.close(resolve));
});

describe('the uninstall notice over HTTP', () => {
  it('reaches the app’s callback URL, and its answer is listed at GET /__sandbox/uninstall-calls', async () => {
    const { sandbox, ports } = running;
    const { clientId, clientSecret } = sandbox.clients.confidential;
    const { refreshToken } = sandbox.store.auth.issueTokens({ clientId, userId: 21000002, scopes: ['base'] });
    const revoke = await fetch(`http://127.0.0.1:${ports.oauth}/oauth/revoke`, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(clientId, clientSecret) },
      body: new URLSearchParams({ token: refreshToken.token, token_type_hint: 'refresh_token' }),
    });
    expect(revoke.status).toBe(200);
    await sandbox.store.uninstallNotices.settled();

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      method: 'DELETE',
      url: '/auth/callback',
      authorization: basic(clientId, clientSecret),
    });
    expect(JSON.parse(received[0]?.body ?? '')).toMatchObject({ client_id: clientId, user_id: 21000002 });
    const listed = await fetch(`http://127.0.0.1:${ports.api}/__sandbox/uninstall-calls?userId=21000002`);
    expect(await listed.json()).toEqual({
      ok: true,
      calls: [
        {
          url: `${appOrigin}/auth/callback`,
          body: expect.objectContaining({ user_id: 21000002 }),
          status: 200,
          error: null,
        },
      ],
    });
  });
});
