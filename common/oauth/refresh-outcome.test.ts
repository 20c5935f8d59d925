import * as oauth from 'oauth4webapi';
import { describe, expect, it } from 'vitest';
import { refreshFailureOf } from './refresh-outcome.ts';

const as: oauth.AuthorizationServer = {
  issuer: 'https://oauth.example',
  token_endpoint: 'https://oauth.example/token',
};
const client: oauth.Client = { client_id: 'quicklead' };

/** What oauth4webapi throws for a token endpoint answering `response`, or the fetch failure itself. */
async function failureOf(response: Response | Error): Promise<unknown> {
  if (response instanceof Error) return response;
  return oauth.processRefreshTokenResponse(as, client, response).then(
    () => {
      throw new Error('the refresh succeeded');
    },
    (error: unknown) => error,
  );
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('refreshFailureOf', () => {
  it('ends the session only for a refused grant: invalid_grant, or Pipedrive’s "Invalid grant" texts', async () => {
    const pipedriveMock = {
      success: false,
      message: 'Invalid grant: refresh token is invalid',
      error: 'invalid_grant',
    };
    expect(refreshFailureOf(await failureOf(json(400, pipedriveMock)))).toEqual({ kind: 'grant' });
    expect(
      refreshFailureOf(
        await failureOf(
          json(401, { error: 'unauthorized', error_description: 'Invalid grant: refresh_token has expired' }),
        ),
      ),
    ).toEqual({ kind: 'grant' });
  });

  it('waits on a 429, with Retry-After or a default', async () => {
    const budget = { success: false, error: 'daily request budget exceeded', errorCode: 429 };
    expect(refreshFailureOf(await failureOf(json(429, budget, { 'retry-after': '3939' })))).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 3939,
    });
    expect(refreshFailureOf(await failureOf(new Response('slow down', { status: 429 })))).toEqual({
      kind: 'rate-limited',
      retryAfterSeconds: 30,
    });
  });

  it('treats 5xx, HTML error pages, network errors and other refusals as transient', async () => {
    const transient = { kind: 'transient' };
    expect(refreshFailureOf(await failureOf(json(503, { error: 'temporarily_unavailable' })))).toEqual(
      transient,
    );
    expect(
      refreshFailureOf(await failureOf(new Response('<html>502 Bad Gateway</html>', { status: 502 }))),
    ).toEqual(transient);
    expect(
      refreshFailureOf(await failureOf(new Response('<html>Forbidden</html>', { status: 403 }))),
    ).toEqual(transient);
    expect(refreshFailureOf(await failureOf(new TypeError('fetch failed')))).toEqual(transient);
    expect(refreshFailureOf(await failureOf(json(401, { error: 'invalid_client' })))).toEqual(transient);
  });
});
