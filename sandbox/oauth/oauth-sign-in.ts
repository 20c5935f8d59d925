import type { Context } from 'hono';
import { sendPage } from '../pages/html-page.ts';
import { type DemoAccount, errorPage, limitedAccessNote, signInPage } from '../pages/oauth-pages.ts';
import { SANDBOX_PASSWORD } from '../seed/seed-company.ts';
import type { PendingAuthorization } from '../store/auth-store.ts';
import type { CrmStore } from '../store/crm-store.ts';
import { APP_NAME, APP_SCOPES } from './oauth-clients.ts';

/** Helpers shared by the authorize and install-link routes. */

export function redirectBack(
  c: Context,
  redirectUri: string,
  params: Record<string, string | null>,
): Response {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== null) url.searchParams.set(key, value);
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return c.redirect(url.toString(), 302);
}

export async function formField(c: Context, name: string): Promise<string> {
  const body = await c.req.parseBody();
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

export function expiredPage(c: Context): Response {
  return sendPage(c, 400, {
    title: 'Sign-in expired · Pipedrive sandbox',
    body: errorPage(
      'This sign-in request has expired',
      'The sign-in page was open too long or was already used.',
    ),
  });
}

export type SignInRenderer = (
  c: Context,
  request: PendingAuthorization,
  email: string,
  error: string | null,
) => Response;

export function signInRenderer(crm: CrmStore, accounts: readonly DemoAccount[]): SignInRenderer {
  const demoAccounts = accounts.map((account) => ({
    ...account,
    note: limitedAccessNote(crm.findUserByEmail(account.email), APP_SCOPES),
  }));
  return (c, request, email, error) =>
    sendPage(c, error ? 400 : 200, {
      title: error ? 'Error: Sign in · Pipedrive sandbox' : 'Sign in · Pipedrive sandbox',
      // A user who installed the app already goes from this form straight back to the app.
      formTargets: [new URL(request.redirectUri).origin],
      body: signInPage({
        appName: APP_NAME,
        requestId: request.id,
        email,
        error,
        demoAccounts,
        password: SANDBOX_PASSWORD,
      }),
    });
}
