/**
 * The PKCE verifier and state of the sign-in in progress. They must survive the redirect to the
 * provider and back, so they live in this tab's sessionStorage (never tokens), and are removed the
 * moment the callback reads them: a replayed callback URL then finds nothing and is refused.
 */
export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  redirectUri: string;
  /** Epoch ms the sign-in began: the inspector dates steps 1 and 2 with it. */
  startedAt?: number;
}

const KEY = 'quicklead.pending-sign-in';

export function savePendingSignIn(pending: PendingSignIn): void {
  sessionStorage.setItem(KEY, JSON.stringify(pending));
}

export function takePendingSignIn(): PendingSignIn | undefined {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    if (
      typeof value.state === 'string' &&
      typeof value.codeVerifier === 'string' &&
      typeof value.redirectUri === 'string'
    ) {
      return {
        state: value.state,
        codeVerifier: value.codeVerifier,
        redirectUri: value.redirectUri,
        ...(typeof value.startedAt === 'number' ? { startedAt: value.startedAt } : {}),
      };
    }
  } catch {
    // A corrupted entry is treated like a missing one.
  }
  return undefined;
}
