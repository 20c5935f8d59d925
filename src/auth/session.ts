import type { TokenSet } from '@common/oauth/token-set.ts';

/**
 * A signed-in `spa` session: the OAuth client's tokens, held in memory only (a reload means
 * signing in again). When to refresh is worked out by the token store from when it got them.
 */
export type Session = Omit<TokenSet, 'refreshAt'>;
