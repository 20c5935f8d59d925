import { createHash } from 'node:crypto';
import { stepsFromExchange } from '@common/inspector/exchange-steps.ts';
import { type FlowStep, textOf } from '@common/inspector/model.ts';
import { type Exchange, recordingFetch } from '@common/inspector/recording-fetch.ts';
import { BROWSER_REDACTOR } from '@common/inspector/redact.ts';
import { authorizationRequestStep, pkceStep, type StepContext } from '@common/inspector/sign-in-steps.ts';
import { describe, expect, it } from 'vitest';
import { sandboxProvider, TEST_ORIGINS } from '@/testing/sandbox-provider.ts';
import { approve } from '../../sandbox/testing/test-support.ts';
import {
  authorizationUrlFor,
  callbackUrlFor,
  completeSignIn,
  createAuthorizationRequest,
} from '../auth/spa-sign-in.ts';

const { app: APP_ORIGIN, api: API_ORIGIN } = TEST_ORIGINS;

function setup() {
  const { sandbox, provider, sandboxFetch } = sandboxProvider();
  const exchanges: Exchange[] = [];
  const fetchImpl = recordingFetch(sandboxFetch, (exchange) => exchanges.push(exchange));
  const context: StepContext = {
    by: 'browser',
    redactor: BROWSER_REDACTOR,
    tokenEndpoint: provider.tokenEndpoint,
    revocationEndpoint: provider.revocationEndpoint,
  };
  return { sandbox, provider, exchanges, fetchImpl, context };
}

const fact = (step: FlowStep | undefined, label: string, reveal = false) => {
  const found = step?.facts.find((candidate) => candidate.label === label);
  return found ? textOf(found.value, reveal) : undefined;
};

describe('spa sign-in, recorded and explained', () => {
  it('rebuilds the authorization request exactly from what the tab kept across the redirect', async () => {
    const { provider, context } = setup();
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const challenge = createHash('sha256').update(pending.codeVerifier).digest('base64url');
    expect(authorizationUrlFor(provider, pending, challenge).href).toBe(url.href);

    const pkce = pkceStep({ codeVerifier: pending.codeVerifier, codeChallenge: challenge, at: 0 }, context);
    expect(fact(pkce, 'code_verifier')).toBe('••••');
    expect(fact(pkce, 'code_verifier', true)).toBe(pending.codeVerifier);
    const authorize = authorizationRequestStep(url, 0, context);
    expect(authorize.facts.map((item) => item.label)).toEqual([
      'client_id',
      'redirect_uri',
      'response_type',
      'state',
      'code_challenge',
      'code_challenge_method',
    ]);
    expect(authorize.facts.every((item) => item.note)).toBe(true);
  });

  it('records the token exchange and API calls off the wire, with tokens masked until revealed', async () => {
    const { sandbox, provider, exchanges, fetchImpl, context } = setup();
    const { url, pending } = await createAuthorizationRequest(provider, callbackUrlFor(APP_ORIGIN));
    const callback = await approve(sandbox, Object.fromEntries(url.searchParams), 'allow');
    const session = await completeSignIn(provider, callback, pending, { fetch: fetchImpl });
    const api = await fetchImpl(`${API_ORIGIN}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    // The caller still reads the body the recorder copied.
    expect(((await api.json()) as { success: boolean }).success).toBe(true);

    const steps = exchanges.flatMap((exchange) => stepsFromExchange(exchange, context));
    expect(steps.map((step) => step.kind)).toEqual(['token-request', 'token-response', 'api-call']);
    const [request, response, call] = steps;
    expect(fact(request, 'code_verifier', true)).toBe(pending.codeVerifier);
    expect(fact(request, 'grant_type')).toBe('authorization_code');
    expect(fact(response, 'access_token')).toBe('••••');
    expect(fact(response, 'access_token', true)).toBe(session.accessToken);
    expect(textOf(response?.response?.body ?? [], false)).not.toContain(session.accessToken);
    expect(textOf(response?.response?.body ?? [], false)).not.toContain(session.refreshToken ?? '-');
    expect(fact(response, 'api_domain')).toBe(API_ORIGIN);
    expect(response?.facts.find((item) => item.label === 'expires_in')?.expiresAt).toBeGreaterThan(
      Date.now(),
    );

    expect(call?.title).toBe('GET /api/v1/users/me');
    expect(fact(call, 'status')).toBe('200');
    // The cost comes from Pipedrive's documents (users/me: 2), not from a header Pipedrive never sends.
    expect(fact(call, 'documented cost')).toBe('2');
    expect(call?.facts.map((item) => item.label).slice(0, 3)).toEqual([
      'status',
      'duration',
      'documented cost',
    ]);
    expect(fact(call, 'x-ratelimit-remaining')).toMatch(/^\d+$/);
    expect(textOf(call?.request?.headers[0]?.[1] ?? [], false)).toBe('Bearer ••••');
  });

  it('marks a refused call as failed and a network failure as having no answer', async () => {
    const { context } = setup();
    const failing = recordingFetch(
      async () => {
        throw new TypeError('Failed to fetch');
      },
      (exchange) => {
        const [step] = stepsFromExchange(exchange, context);
        expect(step?.failed).toBe(true);
        expect(fact(step, 'status')).toBe('no answer');
        expect(fact(step, 'error')).toBe('Failed to fetch');
      },
    );
    await expect(failing(`${API_ORIGIN}/api/v1/users/me`)).rejects.toThrow('Failed to fetch');
  });

  it('a token answer longer than a body is shown (a 5,000-character JWT) is masked first, never cut into plain text', async () => {
    const { provider, context } = setup();
    const accessToken = `eyJ${'a1B2c3D4e5'.repeat(500)}`.slice(0, 5000);
    const refreshToken = `r-${'Z9y8X7w6'.repeat(100)}`;
    const answer = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3599,
      refresh_token: refreshToken,
    };
    const exchanges: Exchange[] = [];
    const recorded = recordingFetch(
      async () => Response.json(answer),
      (exchange) => exchanges.push(exchange),
    );
    await recorded(provider.tokenEndpoint, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: 'a-code-0123456789' }),
    });
    const response = exchanges
      .flatMap((exchange) => stepsFromExchange(exchange, context))
      .find((step) => step.kind === 'token-response');
    const shown = textOf(response?.response?.body ?? [], false);
    for (const secret of [accessToken, refreshToken]) {
      for (let start = 0; start + 20 <= secret.length; start += 20)
        expect(shown).not.toContain(secret.slice(start, start + 20));
    }
    expect(shown).toContain('"token_type":"Bearer"');
    expect(fact(response, 'access_token')).toBe('••••');
    expect(fact(response, 'access_token', true)).toBe(accessToken);
    expect(fact(response, 'refresh_token', true)).toBe(refreshToken);
  });
});
