import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { ProviderConfig } from '@/config/app-config.ts';
import type { Session } from './session.ts';
import { revokeSession, startSignIn } from './spa-sign-in.ts';

interface SessionContextValue {
  provider: ProviderConfig;
  session: Session | undefined;
  /** Leaves the page for the provider's sign-in. */
  signIn: () => Promise<void>;
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds the session in React state only: tokens never touch web storage. */
export function SessionProvider({ provider, children }: { provider: ProviderConfig; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session>();

  const signOut = useCallback(async () => {
    const ending = session;
    setSession(undefined);
    queryClient.clear();
    if (ending) await revokeSession(provider, ending).catch(() => undefined);
  }, [provider, queryClient, session]);

  const value = useMemo<SessionContextValue>(
    () => ({ provider, session, signIn: () => startSignIn(provider), signedIn: setSession, signOut }),
    [provider, session, signOut],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a SessionProvider above it');
  return value;
}
