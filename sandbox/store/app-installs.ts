/**
 * Which users have installed which app (client), as Pipedrive keeps it: the consent page's
 * "Allow and install" creates the install, later authorizations of that user for that app skip
 * the consent page, and an uninstall removes it. In memory, like everything in the sandbox.
 */
export interface AppInstall {
  userId: number;
  clientId: string;
  /** What the install granted; authorizations that skip the consent page grant exactly these. */
  scopes: readonly string[];
  /** The callback URL the install came back to: where the uninstall notice goes. */
  redirectUri: string;
  installedAt: number;
}

const keyOf = (userId: number, clientId: string) => `${clientId}\n${userId}`;

export class AppInstalls {
  private readonly installs = new Map<string, AppInstall>();

  constructor(private readonly now: () => number) {}

  find(userId: number, clientId: string): AppInstall | undefined {
    return this.installs.get(keyOf(userId, clientId));
  }

  /** A second Allow (another tab that still showed the consent page) replaces the first. */
  add(install: Omit<AppInstall, 'installedAt'>): void {
    this.installs.set(keyOf(install.userId, install.clientId), { ...install, installedAt: this.now() });
  }

  /** The install that was removed, if there was one. */
  remove(userId: number, clientId: string): AppInstall | undefined {
    const install = this.find(userId, clientId);
    this.installs.delete(keyOf(userId, clientId));
    return install;
  }

  /** Sandbox-only: forgets installs (one user's, or all) without ending any grant. Returns how many. */
  forget(userId?: number): number {
    let forgotten = 0;
    for (const [key, install] of this.installs) {
      if (userId !== undefined && install.userId !== userId) continue;
      this.installs.delete(key);
      forgotten += 1;
    }
    return forgotten;
  }

  list(): AppInstall[] {
    return [...this.installs.values()].map((install) => ({ ...install }));
  }
}
