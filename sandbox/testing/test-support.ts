import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { createSandbox, type Sandbox, type SandboxOptions } from '../create-sandbox.ts';

/** Helpers shared by the sandbox's own tests (not a test file itself). */

export const APP_ORIGIN = 'http://127.0.0.1:5173';
export const OTHER_ORIGIN = 'http://evil.example';
export const API_ORIGIN = 'http://127.0.0.1:5182';
export const PUBLIC_REDIRECT = `${APP_ORIGIN}/callback`;
export const CONFIDENTIAL_REDIRECT = `${APP_ORIGIN}/auth/callback`;
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function createClock(start = Date.UTC(2026, 10, 22, 12, 0, 0)): TestClock {
  let time = start;
  return {
    now: () => time,
    advance(ms) {
      time += ms;
    },
  };
}

export function createTestSandbox(
  clock: TestClock = createClock(),
  plan?: 'premium' | 'growth',
  options: Partial<SandboxOptions> = {},
): Sandbox {
  return createSandbox({
    oauthOrigin: 'http://127.0.0.1:5181',
    apiOrigin: API_ORIGIN,
    appOrigins: [APP_ORIGIN],
    now: clock.now,
    plan,
    ...options,
  });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function basic(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`;
}

export function authorizeUrl(params: Record<string, string>): string {
  return `/oauth/authorize?${new URLSearchParams(params)}`;
}

export function requestIdFrom(html: string): string {
  const match = /name="request_id" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no request_id in the page');
  return match[1];
}

export function postForm(sandbox: Sandbox, path: string, body: Record<string, string>, headers = {}) {
  return sandbox.oauthApp.request(path, {
    method: 'POST',
    headers: { ...FORM, ...headers },
    body: new URLSearchParams(body).toString(),
  });
}

export const DEMO_EMAIL = 'maria.lopez@northwind.example';

/** Signs in on the page a sign-in link opened; the answer is the consent page, or a redirect when installed. */
export async function signInOn(sandbox: Sandbox, page: Response, email = DEMO_EMAIL): Promise<Response> {
  expect(page.status).toBe(200);
  return postForm(sandbox, '/oauth/login', {
    request_id: requestIdFrom(await page.text()),
    email,
    password: 'sandbox',
  });
}

/**
 * Drives the sign-in and consent pages as a browser would (as the demo user unless told); returns
 * the redirect back to the app. When the user has installed the app already there is no consent page: an Allow is then
 * the redirect the sign-in gave, and a Cancel is impossible, which fails the test loudly.
 */
export async function approve(
  sandbox: Sandbox,
  authorizeParams: Record<string, string>,
  decision: 'allow' | 'cancel' = 'allow',
  email = DEMO_EMAIL,
): Promise<URL> {
  const page = await sandbox.oauthApp.request(authorizeUrl(authorizeParams));
  const consent = await signInOn(sandbox, page, email);
  if (consent.status === 302 && decision === 'allow') return new URL(consent.headers.get('location') ?? '');
  if (consent.status === 302)
    throw new Error('the app is installed already: there is no consent page to cancel');
  expect(consent.status).toBe(200);
  const redirect = await postForm(sandbox, '/oauth/consent', {
    request_id: requestIdFrom(await consent.text()),
    decision,
  });
  expect(redirect.status).toBe(302);
  return new URL(redirect.headers.get('location') ?? '');
}

export async function publicClientCode(sandbox: Sandbox, state = 'state-123') {
  const { verifier, challenge } = pkcePair();
  const redirect = await approve(sandbox, {
    client_id: sandbox.clients.public.clientId,
    redirect_uri: PUBLIC_REDIRECT,
    response_type: 'code',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return { code: redirect.searchParams.get('code') ?? '', verifier, redirect };
}

export async function confidentialClientCode(sandbox: Sandbox) {
  const redirect = await approve(sandbox, {
    client_id: sandbox.clients.confidential.clientId,
    redirect_uri: CONFIDENTIAL_REDIRECT,
    state: 'abc',
  });
  return redirect.searchParams.get('code') ?? '';
}

export function confidentialAuth(sandbox: Sandbox) {
  const { clientId, clientSecret } = sandbox.clients.confidential;
  return { authorization: basic(clientId, clientSecret) };
}

export function exchangePublicCode(
  sandbox: Sandbox,
  code: string,
  verifier: string,
  redirectUri = PUBLIC_REDIRECT,
) {
  return postForm(sandbox, '/oauth/token', {
    grant_type: 'authorization_code',
    client_id: sandbox.clients.public.clientId,
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
  });
}

/** A token straight from the store, for API tests that are not about the OAuth flow. */
export function accessToken(
  sandbox: Sandbox,
  scopes: readonly string[] = [
    'base',
    'leads:full',
    'contacts:full',
    'users:read',
    'deals:read',
    'activities:full',
  ],
): string {
  const userId = sandbox.store.crm.users[0]?.id ?? 0;
  return sandbox.store.auth.issueTokens({ clientId: sandbox.clients.public.clientId, userId, scopes })
    .accessToken.token;
}

export function apiGet(sandbox: Sandbox, path: string, token?: string, headers: Record<string, string> = {}) {
  return sandbox.apiApp.request(path, {
    headers: token ? { authorization: `Bearer ${token}`, ...headers } : headers,
  });
}

export function apiPostJson(sandbox: Sandbox, path: string, token: string, body: unknown) {
  return sandbox.apiApp.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The confidential client's code exchange, as the app server sends it (Basic, no verifier unless given). */
export function exchangeConfidentialCode(sandbox: Sandbox, code: string, extra: Record<string, string> = {}) {
  return postForm(
    sandbox,
    '/oauth/token',
    { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL_REDIRECT, ...extra },
    confidentialAuth(sandbox),
  );
}

/** The query of a redirect back to the app, as a plain object, so a test can compare it whole. */
export function redirectQuery(response: Response): Record<string, string> {
  expect(response.status).toBe(302);
  return Object.fromEntries(new URL(response.headers.get('location') ?? '').searchParams);
}
