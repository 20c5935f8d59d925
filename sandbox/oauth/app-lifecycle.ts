import type { AppInstalls } from '../store/app-installs.ts';
import type { AuthStore } from '../store/auth-store.ts';
import type { OAuthClient } from './oauth-clients.ts';
import type { UninstallNotices } from './uninstall-notices.ts';

/** An app's life for one user: installed at "Allow and install", ended by an uninstall. */
export class AppLifecycle {
  constructor(
    readonly installs: AppInstalls,
    readonly notices: UninstallNotices,
    private readonly deps: { auth: AuthStore; clients: readonly OAuthClient[]; companyId: number },
  ) {}

  /**
   * Uninstalls the app for this user, as revoking a refresh token does at Pipedrive: every grant
   * of that user for that client ends, the install goes (the next authorization asks again), and
   * the app's callback URL gets the DELETE notice. Only a confidential client gets the notice: it
   * is authenticated with the client secret, which a public client (sandbox-only) does not have.
   * Returns false for an unknown client.
   */
  uninstall(userId: number, clientId: string): boolean {
    const client = this.deps.clients.find((candidate) => candidate.clientId === clientId);
    if (!client) return false;
    const install = this.installs.remove(userId, clientId);
    this.deps.auth.endGrants(userId, clientId);
    // Tokens made without the consent page (tests' shortcuts) have no install: the app's first
    // callback URL stands in, as it is the one Pipedrive would hold.
    const url = install?.redirectUri ?? client.redirectUris[0];
    if (client.clientSecret === null || url === undefined) return true;
    this.notices.send({
      url,
      clientId,
      clientSecret: client.clientSecret,
      userId,
      companyId: this.deps.companyId,
    });
    return true;
  }
}
