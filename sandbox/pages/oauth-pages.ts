import type { Company, User } from '../company/crm-types.ts';
import { html, type SafeHtml } from './safe-html.ts';

const SCOPE_DESCRIPTIONS: Record<string, string> = {
  base: 'See your name, email, company and settings',
  'leads:full': 'Create, read, update and delete leads',
  'leads:read': 'Read leads',
  'contacts:full': 'Create, read, update and delete people and organizations',
  'contacts:read': 'Read people and organizations',
  'users:read': 'See the users in your company',
  'deals:read': 'Read deals and deal fields',
  'activities:full': 'Create, read, update and delete activities',
};

export interface DemoAccount {
  name: string;
  email: string;
  /** Why this account is special, e.g. what its access lacks. */
  note?: string;
}

/** Shown beside a demo account whose access is short of what the app needs, so testers can pick it. */
export function limitedAccessNote(user: User | undefined, appScopes: readonly string[]): string | undefined {
  if (!user) return undefined;
  if (!user.permissions.leads) return 'permission set without leads';
  const installed = user.installedScopes;
  const missing = installed ? appScopes.filter((scope) => !installed.includes(scope)) : [];
  return missing.length > 0 ? `installed the app before it asked for ${missing.join(', ')}` : undefined;
}

export interface SignInPageInput {
  appName: string;
  requestId: string;
  email: string;
  error: string | null;
  demoAccounts: readonly DemoAccount[];
  password: string;
}

export function signInPage(input: SignInPageInput): SafeHtml {
  return html`<div class="card">
<h1>Sign in to Pipedrive</h1>
<p class="muted">Local sandbox. ${input.appName} is asking to connect to your account.</p>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : null}
<form method="post" action="/oauth/login">
<input type="hidden" name="request_id" value="${input.requestId}">
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" spellcheck="false" required value="${input.email}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button type="submit" class="primary">Sign in</button></div>
</form>
</div>
<section class="hint" aria-labelledby="demo-accounts">
<h2 id="demo-accounts">Demo accounts</h2>
<p>Every demo account uses the password <code>${input.password}</code>.</p>
<ul>
${input.demoAccounts.map(
  (account) =>
    html`<li>${account.name}: ${account.email}${account.note ? html` <span class="muted">(${account.note})</span>` : null}</li>\n`,
)}
</ul>
</section>`;
}

export interface ConsentPageInput {
  appName: string;
  requestId: string;
  user: User;
  company: Company;
  scopes: readonly string[];
}

export function consentPage(input: ConsentPageInput): SafeHtml {
  return html`<div class="card">
<h1>Allow ${input.appName} to access your Pipedrive account?</h1>
<dl>
<dt>Signed in as</dt><dd>${input.user.name} (${input.user.email})</dd>
<dt>Company</dt><dd>${input.company.name}</dd>
</dl>
<h2>${input.appName} will be able to</h2>
<ul>
${input.scopes.map((scope) => html`<li>${SCOPE_DESCRIPTIONS[scope] ?? scope}</li>\n`)}
</ul>
<form method="post" action="/oauth/consent">
<input type="hidden" name="request_id" value="${input.requestId}">
<div class="actions">
<button type="submit" name="decision" value="allow" class="primary">Allow and install</button>
<button type="submit" name="decision" value="cancel" class="secondary">Cancel</button>
</div>
</form>
</div>`;
}

export function errorPage(heading: string, message: string): SafeHtml {
  return html`<div class="card">
<h1>${heading}</h1>
<p>${message}</p>
<p class="muted">Go back to the app and start signing in again.</p>
</div>`;
}
