import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bffSessionTransport } from '@/auth/bff-transport.ts';
import { SessionProvider } from '@/auth/session-context.tsx';
import { SpaTokenStore } from '@/auth/spa-token-store.ts';
import type { AppConfig, SessionMode } from '@/config/app-config.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { isShown } from '@/testing/is-shown.ts';
import { pickPerson } from '@/testing/render-lead-screen.tsx';
import { sandboxProvider, TEST_ORIGINS } from '@/testing/sandbox-provider.ts';
import { transportWithToken } from '@/testing/sandbox-transport.ts';
import { SignedInApp } from './signed-in-app.tsx';

const APP_SCOPES = ['base', 'leads:full', 'contacts:full', 'users:read', 'deals:read'];
const OLD_INSTALL = ['base', 'leads:full', 'contacts:full', 'deals:read'];
const DRAFT_KEY = 'quicklead.lead-draft.v1';

/**
 * The signed-in app against the in-process sandbox, as `userId` with a token of `tokenScopes`;
 * `grantedScopes` is what the token response said (what the app checks).
 */
function renderSignedIn(options: { userId: number; tokenScopes: string[]; grantedScopes: string[] }) {
  const { sandbox, provider } = sandboxProvider();
  const token = sandbox.store.auth.issueTokens({
    clientId: provider.clientId,
    userId: options.userId,
    scopes: options.tokenScopes,
  }).accessToken.token;
  const requests: ApiRequest[] = [];
  const sandboxTransport = transportWithToken(sandbox, () => token);
  const transport: Transport = (request) => {
    requests.push(request);
    return sandboxTransport(request);
  };
  renderWithTransport(transport, { scopes: options.grantedScopes });
  return { requests };
}

/** The signed-in app as a session of `mode` whose calls go through `transport`. */
function renderWithTransport(transport: Transport, options: { scopes?: string[]; mode?: SessionMode } = {}) {
  const { provider } = sandboxProvider();
  const config: AppConfig = {
    modes: ['spa'],
    provider: { kind: 'sandbox', name: 'Pipedrive sandbox' },
    spa: provider,
    inspector: false,
  };
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SessionProvider config={config}>
        <SignedInApp
          session={{
            status: 'signed-in',
            mode: options.mode ?? 'spa',
            apiDomain: TEST_ORIGINS.api,
            transport,
            scopes: options.scopes ?? APP_SCOPES,
          }}
        />
      </SessionProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('after sign-in, a token without a scope QuickLead needs', () => {
  it('shows what is missing in plain words and how an admin fixes it, instead of the form', async () => {
    const { requests } = renderSignedIn({
      userId: 21000008,
      tokenScopes: OLD_INSTALL,
      grantedScopes: OLD_INSTALL,
    });
    const heading = screen.getByRole('heading', {
      level: 1,
      name: 'QuickLead needs more access to Pipedrive',
    });
    // Focus moves to the new screen, so a screen reader reads it out.
    expect(document.activeElement).toBe(heading);
    const [missing, fix] = screen.getAllByRole('list');
    expect(
      within(missing as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Read users (users:read): needed to choose a lead’s owner.']);
    expect(isShown(screen.getByRole('heading', { level: 2, name: 'How a Pipedrive admin fixes it' }))).toBe(
      true,
    );
    expect(
      within(fix as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'In Pipedrive’s Developer Hub, open the QuickLead app and add this scope to it.',
      'Then each user signs in to QuickLead again (sign out, then sign in), or reinstalls the app: a sign-in made before the change keeps the old scopes.',
    ]);
    expect(screen.getByRole('button', { name: 'Sign in again' }).hasAttribute('disabled')).toBe(false);
    expect(
      within(screen.getByRole('main')).getByRole('button', { name: 'Sign out' }).hasAttribute('disabled'),
    ).toBe(false);
    expect(screen.queryByRole('heading', { name: 'New lead' })).toBeNull();
    expect(screen.queryByText(/Scope and URL mismatch/)).toBeNull();
    // Nothing is read that would only be refused.
    expect(requests).toEqual([]);
  });

  it('keeps the lead being typed, and says so', () => {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ title: 'Typed before' }));
    renderSignedIn({ userId: 21000008, tokenScopes: OLD_INSTALL, grantedScopes: OLD_INSTALL });
    expect(
      isShown(
        screen.getByText(
          /The lead you were typing is kept in this tab: it comes back when you sign in again\./,
        ),
      ),
    ).toBe(true);
    expect(sessionStorage.getItem(DRAFT_KEY)).toBe(JSON.stringify({ title: 'Typed before' }));
  });

  it('says nothing about a draft when there is none', () => {
    renderSignedIn({ userId: 21000008, tokenScopes: OLD_INSTALL, grantedScopes: OLD_INSTALL });
    expect(screen.queryByText(/The lead you were typing/)).toBeNull();
  });
});

describe('a settings read refused with 403', () => {
  it('says the permission set does not allow leads, for a user without leads', async () => {
    renderSignedIn({ userId: 21000007, tokenScopes: APP_SCOPES, grantedScopes: APP_SCOPES });
    await screen.findByRole('heading', { name: 'QuickLead could not load your Pipedrive settings' });
    expect(screen.getByRole('alert').textContent).toBe(
      'Your Pipedrive user is not allowed to see leads. Ask a Pipedrive admin to give your permission set access to leads.',
    );
    expect(screen.getByRole('button', { name: 'Try again' }).hasAttribute('disabled')).toBe(false);
    // Signing in again cannot change a permission set.
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });

  it('names the missing scope of the refused call, and offers a new sign-in', async () => {
    // The token response named no scope, so nothing was caught before the reads. Sofia's token
    // cannot read users: labels need nothing more, so take away the leads scope too.
    renderSignedIn({ userId: 21000008, tokenScopes: ['base', 'contacts:full'], grantedScopes: [] });
    await screen.findByRole('heading', { name: 'QuickLead could not load your Pipedrive settings' });
    expect(screen.getByRole('alert').textContent).toContain(
      'QuickLead’s access to Pipedrive is missing Create and read leads (leads:full)',
    );
    expect(screen.getByRole('button', { name: 'Sign in again' }).hasAttribute('disabled')).toBe(false);
  });
});

describe('colleagues read only when the owner is changed', () => {
  it('a token without users:read still creates the rep’s own leads, and Change owner names the missing scope', async () => {
    const { requests } = renderSignedIn({ userId: 21000008, tokenScopes: OLD_INSTALL, grantedScopes: [] });
    const user = userEvent.setup();
    const changeOwner = await screen.findByRole('button', { name: 'Change owner' });
    expect(requests.some((request) => request.path === '/api/v1/users')).toBe(false);

    await user.click(changeOwner);
    const owner = screen.getByRole('group', { name: 'Owner' });
    expect(
      (await within(owner).findByText(/missing Read users \(users:read\), needed to choose a lead’s owner/))
        .textContent,
    ).toContain(SCOPE_FIX_START);
    expect(within(owner).getByRole('button', { name: 'Try again' }).hasAttribute('disabled')).toBe(false);

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Sofia’s own lead');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(
      (await screen.findByText('Lead created in Pipedrive', {}, { timeout: 3000 })).closest(
        '[hidden], [aria-hidden="true"]',
      ),
    ).toBeNull();
    expect(screen.getByText('Sofia', { exact: false, selector: 'dd' }).textContent).toMatch(/^Sofia /);
  });
});

const SCOPE_FIX_START = 'A Pipedrive admin adds it to the app in Pipedrive’s Developer Hub';

const NOT_ANSWERING = 'Pipedrive is not answering. Your lead is kept; try again in a moment.';

/**
 * `spa` mode against the in-process sandbox with a clock of its own: `down` makes the token
 * endpoint answer 503, `expire` runs the access token out so the next call must refresh.
 */
function spaSession() {
  const { sandbox, provider, sandboxFetch } = sandboxProvider();
  const tokens = sandbox.store.auth.issueTokens({
    clientId: provider.clientId,
    userId: sandbox.store.crm.users[0]?.id ?? 0,
    scopes: APP_SCOPES,
  });
  let time = Date.now();
  let down = false;
  const fetchImpl = ((url, init) =>
    down && String(url) === provider.tokenEndpoint
      ? Promise.resolve(new Response('Service Unavailable', { status: 503 }))
      : sandboxFetch(url, init)) as typeof fetch;
  const onSessionEnded = vi.fn();
  const store = new SpaTokenStore(
    provider,
    {
      accessToken: tokens.accessToken.token,
      refreshToken: tokens.refreshToken.token,
      expiresAt: time + 3_600_000,
      scopes: APP_SCOPES,
      apiDomain: TEST_ORIGINS.api,
    },
    { now: () => time, fetch: fetchImpl, onSessionEnded, sleep: async () => {} },
  );
  return {
    sandbox,
    transport: store.transport(),
    onSessionEnded,
    pipedriveDown: (isDown: boolean) => {
      down = isDown;
    },
    expire: () => {
      time += 3_600_000;
      sandbox.store.auth.expireAccessTokens();
    },
  };
}

/** `bff` mode: reads and creates through the app server, which answers as its contract says when `down`. */
function bffSession() {
  const { sandbox, provider } = sandboxProvider();
  const token = sandbox.store.auth.issueTokens({
    clientId: provider.clientId,
    userId: sandbox.store.crm.users[0]?.id ?? 0,
    scopes: APP_SCOPES,
  }).accessToken.token;
  const direct = transportWithToken(sandbox, () => token);
  let down = () => false;
  const server: Transport = (request) =>
    down()
      ? Promise.resolve(
          new Response(
            JSON.stringify({ success: false, error: 'provider_unavailable', error_info: NOT_ANSWERING }),
            {
              status: 503,
              headers: { 'content-type': 'application/json' },
            },
          ),
        )
      : direct(request);
  const onSessionEnded = vi.fn();
  return {
    sandbox,
    transport: bffSessionTransport(onSessionEnded, server),
    onSessionEnded,
    setDown: (when: () => boolean) => {
      down = when;
    },
  };
}

describe('Pipedrive not answering a token refresh reads the same in both modes', () => {
  function expectSettingsNotLoaded() {
    expect(screen.getByRole('alert').textContent).toBe(NOT_ANSWERING);
    expect(screen.getByRole('button', { name: 'Try again' }).hasAttribute('disabled')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
    expect(screen.queryByText(/session has ended/)).toBeNull();
  }

  it('spa: the settings screen says so, keeps the draft and never says the session ended', async () => {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ title: 'Typed before' }));
    const spa = spaSession();
    spa.pipedriveDown(true);
    spa.expire();
    renderWithTransport(spa.transport);
    await screen.findByRole('heading', { name: 'QuickLead could not load your Pipedrive settings' });
    expectSettingsNotLoaded();
    expect(spa.onSessionEnded).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(DRAFT_KEY)).toBe(JSON.stringify({ title: 'Typed before' }));
  });

  it('bff: the same, from the server’s 503 provider_unavailable', async () => {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ title: 'Typed before' }));
    const bff = bffSession();
    bff.setDown(() => true);
    renderWithTransport(bff.transport, { mode: 'bff' });
    await screen.findByRole('heading', { name: 'QuickLead could not load your Pipedrive settings' });
    expectSettingsNotLoaded();
    expect(bff.onSessionEnded).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(DRAFT_KEY)).toBe(JSON.stringify({ title: 'Typed before' }));
  });

  async function submitAndExpectNotAnswering(user: ReturnType<typeof userEvent.setup>) {
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain(NOT_ANSWERING);
    expect(screen.queryByText(/session has ended/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create anyway' })).toBeNull();
    expect(sessionStorage.getItem(DRAFT_KEY)).toContain('Ada Lovelace');
  }

  it('spa: a create says so and keeps the lead; once Pipedrive answers, Create lead sends it once', async () => {
    const spa = spaSession();
    renderWithTransport(spa.transport);
    const user = userEvent.setup();
    await screen.findByRole('combobox', { name: 'Person' }, { timeout: 5000 });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    spa.pipedriveDown(true);
    spa.expire();

    await submitAndExpectNotAnswering(user);
    expect(spa.sandbox.store.crm.countLeads()).toBe(0);
    expect(spa.onSessionEnded).not.toHaveBeenCalled();

    spa.pipedriveDown(false);
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(isShown(await screen.findByText('Lead created in Pipedrive'))).toBe(true);
    expect(spa.sandbox.store.crm.countLeads()).toBe(1);
  });

  it('bff: the same, when the server answers the create with 503 provider_unavailable', async () => {
    const bff = bffSession();
    let createsRefused = false;
    bff.setDown(() => createsRefused);
    renderWithTransport(bff.transport, { mode: 'bff' });
    const user = userEvent.setup();
    await screen.findByRole('combobox', { name: 'Person' }, { timeout: 5000 });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    createsRefused = true;

    await submitAndExpectNotAnswering(user);
    expect(bff.sandbox.store.crm.countLeads()).toBe(0);
    expect(bff.onSessionEnded).not.toHaveBeenCalled();

    createsRefused = false;
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(isShown(await screen.findByText('Lead created in Pipedrive'))).toBe(true);
    expect(bff.sandbox.store.crm.countLeads()).toBe(1);
  });
});
