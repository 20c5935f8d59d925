import { test as base, expect, type Page } from '@playwright/test';
import { SANDBOX_ADMIN_HEADERS } from '../sandbox/admin/admin-guard.ts';
import { ConsoleIssues } from './console-issues.ts';
import { LeadFormPage } from './pages/lead-form-page.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';
import { DEMO_USER, type SandboxUser } from './sandbox-accounts.ts';

export type SessionMode = 'bff' | 'spa';

const MODE_LABELS: Record<SessionMode, RegExp> = { bff: /^Server session/, spa: /^Browser only/ };

/** Starts a sign-in in the given mode and signs in on the sandbox's page, stopping at its consent page. */
export async function reachConsent(
  page: Page,
  mode: SessionMode = 'bff',
  user: SandboxUser = DEMO_USER,
): Promise<SandboxSignInPage> {
  const sandbox = await startSignIn(page, mode);
  await sandbox.signIn(user);
  return sandbox;
}

/** Starts a sign-in in the given mode, stopping at the sandbox's sign-in page. */
export async function startSignIn(page: Page, mode: SessionMode = 'bff'): Promise<SandboxSignInPage> {
  await page.goto('/');
  const signInButton = page.getByRole('button', { name: /Sign in with/ });
  // The screen renders after the app has loaded its configuration: wait for it before choosing.
  await expect(signInButton).toBeVisible();
  await page.getByRole('radio', { name: MODE_LABELS[mode] }).check();
  await signInButton.click();
  return new SandboxSignInPage(page);
}

/** Signs in through the real sandbox pages and waits for the form. */
export async function signIn(
  page: Page,
  mode: SessionMode = 'bff',
  user: SandboxUser = DEMO_USER,
): Promise<LeadFormPage> {
  const sandbox = await startSignIn(page, mode);
  await sandbox.signInAllowingIfAsked(user);
  const form = new LeadFormPage(page);
  await expect(form.heading).toBeVisible();
  return form;
}

/** Reloads the page as a rep would; in `spa` mode the tokens went with it, so the rep signs in again. */
export async function reloadSignedIn(
  page: Page,
  mode: SessionMode,
  user: SandboxUser = DEMO_USER,
): Promise<void> {
  await page.reload();
  if (mode === 'bff') return;
  const signInButton = page.getByRole('button', { name: /Sign in with/ });
  await expect(signInButton).toBeVisible();
  await page.getByRole('radio', { name: MODE_LABELS.spa }).check();
  await signInButton.click();
  await new SandboxSignInPage(page).signInAllowingIfAsked(user);
}

/** The sandbox's API origin, where its admin surface is, as the app's configuration names it. */
export async function sandboxApiOrigin(page: Page): Promise<string> {
  const config = (await (await page.request.get('/app-config.json')).json()) as {
    spa?: { apiOrigins?: string[] };
  };
  const origin = config.spa?.apiOrigins?.[0];
  if (!origin) throw new Error('the app configuration names no sandbox API origin');
  return origin;
}

/**
 * A colleague of the test's own (the sandbox's admin surface adds one): the app is installed for
 * nobody new, so the consent page shows, and nothing this test installs or uninstalls touches
 * tests running alongside.
 */
export async function newColleague(page: Page, name: string): Promise<SandboxUser> {
  const response = await page.request.post(`${await sandboxApiOrigin(page)}/__sandbox/users`, {
    data: { name },
    headers: SANDBOX_ADMIN_HEADERS,
  });
  expect(response.status(), 'POST /__sandbox/users').toBe(200);
  return (await response.json()) as SandboxUser;
}

/**
 * Reads Pipedrive (the sandbox) as the signed-in app does: in `bff` mode through the app server's
 * proxy with the page's own cookie, in `spa` mode with the token the page received.
 */
export class SessionApi {
  constructor(
    private readonly page: Page,
    readonly apiDomain: string,
    private accessToken?: string,
  ) {}

  /** spa mode: the app refreshed its token, so do the same. */
  switchAccessToken(token: string) {
    this.accessToken = token;
  }

  async get(path: string): Promise<unknown> {
    const response = this.accessToken
      ? await this.page.request.get(`${this.apiDomain}${path}`, {
          headers: { authorization: `Bearer ${this.accessToken}` },
        })
      : await this.page.request.get(`/api/pipedrive${path}`, { headers: { 'x-quicklead-csrf': '1' } });
    expect(response.status(), `GET ${path}`).toBe(200);
    return ((await response.json()) as { data: unknown }).data;
  }

  /** Sends a create as the app does (another device of the same rep, say); the answer is the test's to check. */
  post(path: string, body: unknown) {
    return this.accessToken
      ? this.page.request.post(`${this.apiDomain}${path}`, {
          data: body,
          headers: { authorization: `Bearer ${this.accessToken}` },
        })
      : this.page.request.post(`/api/pipedrive${path}`, { data: body, headers: { 'x-quicklead-csrf': '1' } });
  }

  /** How many `POST /v1/leads` with this title reached the sandbox, however they were answered. */
  async leadPostsReceived(title: string): Promise<number> {
    const response = await this.page.request.get(
      `${this.apiDomain}/__sandbox/lead-posts?title=${encodeURIComponent(title)}`,
    );
    expect(response.status(), 'GET /__sandbox/lead-posts').toBe(200);
    return ((await response.json()) as { count: number }).count;
  }

  /** The sandbox's admin surface, on its API origin. */
  admin(path: string, data: unknown) {
    return this.page.request.post(`${this.apiDomain}/__sandbox${path}`, {
      data,
      headers: SANDBOX_ADMIN_HEADERS,
    });
  }
}

export async function signInWithApi(
  page: Page,
  mode: SessionMode = 'bff',
  user: SandboxUser = DEMO_USER,
): Promise<{ leadForm: LeadFormPage; api: SessionApi }> {
  if (mode === 'spa') {
    // Watch the real token response go by (nothing is intercepted) to call the API as the app does.
    const tokenResponse = page.waitForResponse((response) => response.url().endsWith('/oauth/token'));
    const leadForm = await signIn(page, 'spa', user);
    const tokens = (await (await tokenResponse).json()) as { access_token: string; api_domain: string };
    const api = new SessionApi(page, tokens.api_domain, tokens.access_token);
    page.on('response', async (response) => {
      if (!response.url().endsWith('/oauth/token') || !response.ok()) return;
      const refreshed = (await response.json().catch(() => ({}))) as { access_token?: string };
      if (refreshed.access_token) api.switchAccessToken(refreshed.access_token);
    });
    return { leadForm, api };
  }
  const leadForm = await signIn(page, 'bff', user);
  const session = (await (await page.request.get('/auth/session')).json()) as { apiDomain: string };
  return { leadForm, api: new SessionApi(page, session.apiDomain) };
}

export const test = base.extend<{ leadForm: LeadFormPage; consoleIssues: ConsoleIssues }>({
  leadForm: async ({ page }, use) => {
    await use(await signIn(page));
  },
  // Every test: the browser logged nothing the test did not cause on purpose.
  consoleIssues: [
    async ({ context }, use) => {
      const issues = new ConsoleIssues();
      await issues.watchContext(context);
      await use(issues);
      expect(issues.unexpected(), 'the browser logged errors, warnings or issues').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
