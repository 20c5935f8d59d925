import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionProvider } from '@/auth/session-context.tsx';
import type { AppConfig } from '@/config/app-config.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
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
            mode: 'spa',
            apiDomain: TEST_ORIGINS.api,
            transport,
            scopes: options.grantedScopes,
          }}
        />
      </SessionProvider>
    </QueryClientProvider>,
  );
  return { requests };
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
    expect(screen.getByRole('heading', { level: 2, name: 'How a Pipedrive admin fixes it' })).toBeTruthy();
    expect(
      within(fix as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'In Pipedrive’s Developer Hub, open the QuickLead app and add this scope to it.',
      'Then each user signs in to QuickLead again (sign out, then sign in), or reinstalls the app: a sign-in made before the change keeps the old scopes.',
    ]);
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'New lead' })).toBeNull();
    expect(screen.queryByText(/Scope and URL mismatch/)).toBeNull();
    // Nothing is read that would only be refused.
    expect(requests).toEqual([]);
  });

  it('keeps the lead being typed, and says so', () => {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ title: 'Typed before' }));
    renderSignedIn({ userId: 21000008, tokenScopes: OLD_INSTALL, grantedScopes: OLD_INSTALL });
    expect(
      screen.getByText(
        /The lead you were typing is kept in this tab: it comes back when you sign in again\./,
      ),
    ).toBeTruthy();
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
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    // Signing in again cannot change a permission set.
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });

  it('names the missing scope of the refused call, and offers a new sign-in', async () => {
    // The token response named no scope, so nothing was caught before the reads.
    renderSignedIn({ userId: 21000008, tokenScopes: OLD_INSTALL, grantedScopes: [] });
    await screen.findByRole('heading', { name: 'QuickLead could not load your Pipedrive settings' });
    expect(screen.getByRole('alert').textContent).toBe(
      'QuickLead’s access to Pipedrive is missing Read users (users:read), needed to choose a lead’s owner. A Pipedrive admin adds it to the app in Pipedrive’s Developer Hub; then sign out and sign in again, because a sign-in made before the change keeps the old scopes.',
    );
    expect(screen.getByRole('button', { name: 'Sign in again' })).toBeTruthy();
  });
});
