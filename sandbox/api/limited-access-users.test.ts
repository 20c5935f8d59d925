import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../create-sandbox.ts';
import {
  apiGet,
  apiPostJson,
  authorizeUrl,
  CONFIDENTIAL_REDIRECT,
  confidentialAuth,
  createTestSandbox,
  postForm,
  requestIdFrom,
} from '../testing/test-support.ts';

const PRIYA = { id: 21000007, email: 'priya.nair@northwind.example' };
const SOFIA = { id: 21000008, email: 'sofia.rossi@northwind.example' };
const APP_SCOPES = ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read', 'activities:full'];

const NO_PERMISSION = {
  success: false,
  error: 'You do not have permissions to do this.',
  error_info: 'Please check developers.pipedrive.com',
  data: null,
  additional_data: null,
};

/** A token with every scope the app asks for, held by the given user. */
function tokenFor(sandbox: Sandbox, userId: number): string {
  return sandbox.store.auth.issueTokens({
    clientId: sandbox.clients.public.clientId,
    userId,
    scopes: APP_SCOPES,
  }).accessToken.token;
}

/** The sign-in and consent pages as a browser drives them, as `email`; returns the consent page. */
async function consentPageFor(sandbox: Sandbox, email: string): Promise<string> {
  const page = await sandbox.oauthApp.request(
    authorizeUrl({ client_id: sandbox.clients.confidential.clientId, redirect_uri: CONFIDENTIAL_REDIRECT }),
  );
  const consent = await postForm(sandbox, '/oauth/login', {
    request_id: requestIdFrom(await page.text()),
    email,
    password: 'sandbox',
  });
  expect(consent.status).toBe(200);
  return consent.text();
}

/** Signs in as `email`, allows, and exchanges the code: the token response. */
async function tokensFor(sandbox: Sandbox, email: string): Promise<Record<string, unknown>> {
  const redirect = await postForm(sandbox, '/oauth/consent', {
    request_id: requestIdFrom(await consentPageFor(sandbox, email)),
    decision: 'allow',
  });
  const code = new URL(redirect.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const response = await postForm(
    sandbox,
    '/oauth/token',
    { grant_type: 'authorization_code', code, redirect_uri: CONFIDENTIAL_REDIRECT },
    confidentialAuth(sandbox),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe('a user whose permission set has no leads', () => {
  const sandbox = createTestSandbox();
  const token = tokenFor(sandbox, PRIYA.id);

  it.each([
    '/v1/leadLabels',
    '/api/v1/leadLabels',
    '/v1/leadSources',
    '/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec',
    '/api/v2/leads/search?term=Globex',
  ])('gets 403 "You do not have permissions to do this." from GET %s', async (path) => {
    const response = await apiGet(sandbox, path, token);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(NO_PERMISSION);
    // Refused requests are still charged, as every other request is.
    expect(response.headers.get('x-token-cost')).not.toBeNull();
  });

  it('gets the same 403 from POST /v1/leads, and no lead is stored', async () => {
    const response = await apiPostJson(sandbox, '/v1/leads', token, { title: 'Not allowed', person_id: 1 });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(NO_PERMISSION);
    expect(sandbox.store.crm.countLeads()).toBe(0);
  });

  it('still reads what is not about leads', async () => {
    for (const path of ['/v1/users/me', '/v1/users', '/v1/currencies', '/v1/dealFields']) {
      expect((await apiGet(sandbox, path, token)).status, path).toBe(200);
    }
  });

  it('is checked after the scopes: a token without leads scopes still gets "Scope and URL mismatch"', async () => {
    const narrow = sandbox.store.auth.issueTokens({
      clientId: sandbox.clients.public.clientId,
      userId: PRIYA.id,
      scopes: ['base'],
    }).accessToken.token;
    const body = (await (await apiGet(sandbox, '/v1/leadLabels', narrow)).json()) as { error: string };
    expect(body.error).toBe('Scope and URL mismatch');
  });

  it('does not touch colleagues with leads access', async () => {
    const colleague = tokenFor(sandbox, 21000002);
    expect((await apiGet(sandbox, '/v1/leadLabels', colleague)).status).toBe(200);
  });
});

describe('a user who installed the app before it asked for users:read', () => {
  it('is asked on the consent page only for what the old install grants', async () => {
    const page = await consentPageFor(createTestSandbox(), SOFIA.email);
    expect(page).toContain('Sofia Rossi (sofia.rossi@northwind.example)');
    expect(page).toContain('Create, read, update and delete leads');
    expect(page).not.toContain('See the users in your company');
  });

  it('gets tokens whose scope lacks users:read, and GET /v1/users answers "Scope and URL mismatch"', async () => {
    const sandbox = createTestSandbox();
    const tokens = await tokensFor(sandbox, SOFIA.email);
    expect(tokens.scope).toBe('base,leads:full,contacts:full,deals:read');
    const users = await apiGet(sandbox, '/v1/users', String(tokens.access_token));
    expect(users.status).toBe(403);
    expect(await users.json()).toMatchObject({
      success: false,
      error: 'Scope and URL mismatch',
      errorCode: 403,
    });
    expect((await apiGet(sandbox, '/v1/leadLabels', String(tokens.access_token))).status).toBe(200);
  });

  it('keeps the old scopes across a refresh', async () => {
    const sandbox = createTestSandbox();
    const tokens = await tokensFor(sandbox, SOFIA.email);
    const refreshed = await postForm(
      sandbox,
      '/oauth/token',
      { grant_type: 'refresh_token', refresh_token: String(tokens.refresh_token) },
      confidentialAuth(sandbox),
    );
    expect(((await refreshed.json()) as { scope: string }).scope).toBe(
      'base,leads:full,contacts:full,deals:read',
    );
  });

  it('leaves colleagues with the app scopes of today', async () => {
    const tokens = await tokensFor(createTestSandbox(), 'james.carter@northwind.example');
    expect(tokens.scope).toBe(APP_SCOPES.join(','));
  });
});

describe('the two limited-access colleagues', () => {
  it('are active, sign in with the shared password and are listed with a note on the sign-in page', async () => {
    const sandbox = createTestSandbox();
    for (const user of [PRIYA, SOFIA]) {
      expect(sandbox.store.crm.findUser(user.id)).toMatchObject({ email: user.email, activeFlag: true });
    }
    const page = await (
      await sandbox.oauthApp.request(
        authorizeUrl({
          client_id: sandbox.clients.confidential.clientId,
          redirect_uri: CONFIDENTIAL_REDIRECT,
        }),
      )
    ).text();
    expect(page).toContain(
      'priya.nair@northwind.example <span class="muted">(permission set without leads)</span>',
    );
    expect(page).toContain(
      'sofia.rossi@northwind.example <span class="muted">(installed the app before it asked for users:read, activities:full)</span>',
    );
    expect(page).not.toContain('maria.lopez@northwind.example <span');
  });

  it('join the six original users, whose ids stay, with the deactivated one still last', () => {
    const users = createTestSandbox().store.crm.users;
    expect(users.map((user) => user.id)).toEqual([
      21000001,
      21000002,
      21000003,
      21000004,
      21000005,
      PRIYA.id,
      SOFIA.id,
      21000006,
    ]);
    expect(users.at(-1)?.activeFlag).toBe(false);
  });
});
