import type { CurrentUser } from '@common/pipedrive/current-user-schema.ts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { rememberSignedIn } from '@/auth/offline-hint.ts';
import type { SessionState } from '@/auth/session-context.tsx';
import { keepOfflineSettings } from '@/pipedrive/offline-settings.ts';

type SignedIn = Extract<SessionState, { status: 'signed-in' }>;

/**
 * A `bff` session, once it knows who the rep is, keeps what the form needs to open with no
 * network: the hint that this browser is signed in (auth/offline-hint.ts) and the account's
 * settings (pipedrive/offline-settings.ts), kept up to date as the session reads them. Not once the
 * session has ended, and never in `spa` mode (a reload there means signing in again anyway).
 */
export function useKeptForOffline(session: SignedIn, me: CurrentUser | undefined, sessionEnded: boolean) {
  const client = useQueryClient();
  const userId = me?.id;
  const companyId = me?.company_id;
  const { mode, apiDomain, scopes } = session;
  useEffect(() => {
    if (mode !== 'bff' || sessionEnded || userId === undefined || companyId === undefined) return;
    rememberSignedIn({ mode, userId, companyId, apiDomain, scopes: [...scopes] });
    return keepOfflineSettings(client, { userId, companyId });
  }, [client, mode, apiDomain, scopes, userId, companyId, sessionEnded]);
}
