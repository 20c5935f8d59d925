import { randomBytes } from 'node:crypto';
import { SANDBOX_DEFAULTS } from '../provider-profiles.ts';
import { API_ORIGIN, OAUTH_ORIGIN, randomSessionSecret } from './harness.ts';

/**
 * Test-only: a provider whose tokens are `length` characters long, like a JWT access token: it stands in
 * front of the sandbox, hands out a long token for each of the sandbox's and maps it back on the
 * way in (bearer header, refresh and revocation forms).
 */
export function longTokenProvider(length: number) {
  const sandboxTokenOf = new Map<string, string>();
  const longTokenOf = new Map<string, string>();
  const lengthen = (sandboxToken: string): string => {
    let long = longTokenOf.get(sandboxToken);
    if (long === undefined) {
      long = `eyJ${randomBytes(length).toString('base64url')}`.slice(0, length);
      longTokenOf.set(sandboxToken, long);
      sandboxTokenOf.set(long, sandboxToken);
    }
    return long;
  };
  const shorten = (text: string): string => {
    let result = text;
    for (const [long, sandboxToken] of sandboxTokenOf) result = result.split(long).join(sandboxToken);
    return result;
  };
  const wrap =
    (sandboxFetch: typeof fetch): typeof fetch =>
    async (input, init) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      const authorization = headers.get('authorization');
      if (authorization !== null) headers.set('authorization', shorten(authorization));
      const body = init?.body instanceof URLSearchParams ? shorten(init.body.toString()) : init?.body;
      const answer = await sandboxFetch(url, { ...init, headers, ...(body === undefined ? {} : { body }) });
      if (url !== `${OAUTH_ORIGIN}/oauth/token` || !answer.ok) return answer;
      const tokens = (await answer.json()) as Record<string, unknown>;
      for (const field of ['access_token', 'refresh_token']) {
        if (typeof tokens[field] === 'string') tokens[field] = lengthen(tokens[field]);
      }
      const answerHeaders = new Headers(answer.headers);
      answerHeaders.delete('content-length');
      return new Response(JSON.stringify(tokens), { status: answer.status, headers: answerHeaders });
    };
  return { wrap, issued: () => [...longTokenOf.values()] };
}

/** Test-only: a custom OAuth server (not the sandbox profile), run by the sandbox behind a fake. */
export const CUSTOM_PROVIDER_ENV: NodeJS.ProcessEnv = {
  QUICKLEAD_PROVIDER: 'custom',
  QUICKLEAD_CLIENT_ID: SANDBOX_DEFAULTS.clientId,
  QUICKLEAD_CLIENT_SECRET: SANDBOX_DEFAULTS.clientSecret,
  QUICKLEAD_AUTHORIZATION_ENDPOINT: `${OAUTH_ORIGIN}/oauth/authorize`,
  QUICKLEAD_TOKEN_ENDPOINT: `${OAUTH_ORIGIN}/oauth/token`,
  QUICKLEAD_REVOCATION_ENDPOINT: `${OAUTH_ORIGIN}/oauth/revoke`,
  QUICKLEAD_ISSUER: OAUTH_ORIGIN,
  QUICKLEAD_API_ORIGINS: API_ORIGIN,
  QUICKLEAD_INSPECTOR: 'on',
  // A real provider refuses the published test secrets.
  QUICKLEAD_SESSION_SECRET: randomSessionSecret(),
};
