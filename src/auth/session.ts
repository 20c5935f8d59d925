/** A signed-in session. Held in memory only: a reload means signing in again. */
export interface Session {
  accessToken: string;
  refreshToken: string | undefined;
  /** Epoch milliseconds. */
  expiresAt: number;
  scopes: string[];
  /** Origin for API calls, from the token response's `api_domain`. */
  apiDomain: string;
}
