import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { AppConfig, SessionMode } from '@/config/app-config.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { bffDisconnect, bffSignOut, fetchBffSession, startBffSignIn } from './bff-session.ts';
import { bffSessionTransport } from './bff-transport.ts';
import type { FlowStep } from './flow-model.ts';
import { flowRecorder } from './flow-recorder-slot.ts';
import type { Session } from './session.ts';
import { revokeTokens, startSignIn } from './spa-sign-in.ts';
import { SpaTokenStore } from './spa-token-store.ts';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | {
      status: 'signed-in';
      mode: SessionMode;
      apiDomain: string;
      transport: Transport;
      /** The scopes the token was granted (empty when the provider did not say), checked after sign-in. */
      scopes: readonly string[];
    };

interface SessionContextValue {
  config: AppConfig;
  state: SessionState;
  /** True once the provider refused to extend the session: the rep must sign in again. */
  sessionEnded: boolean;
  /** Leaves the page for the provider's sign-in, in the chosen mode. */
  signIn: (mode: SessionMode) => Promise<void>;
  /** `spa` mode: the callback screen hands over the tokens it got. */
  signedIn: (session: Session) => void;
  /** Ends QuickLead's session only: nothing is revoked, so the next sign-in needs no consent. */
  signOut: () => Promise<void>;
  /** Whether Disconnect can be offered (`spa` mode needs the provider's revocation endpoint). */
  canDisconnect: boolean;
  /**
   * Revokes QuickLead's tokens, which at Pipedrive uninstalls the app for the rep, then signs out.
   * Rejects, still signed in, when the provider did not confirm it.
   */
  disconnect: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/**
 * The session in either mode. `spa`: tokens in memory (a SpaTokenStore), gone on reload. `bff`:
 * the app server holds them; the browser only asks whether it is signed in.
 */
export function SessionProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  const queryClient = useQueryClient();
  const offersBff = config.modes.includes('bff');
  const [state, setState] = useState<SessionState>(
    offersBff ? { status: 'checking' } : { status: 'signed-out' },
  );
  const [spaStore, setSpaStore] = useState<SpaTokenStore>();
  const [sessionEnded, setSessionEnded] = useState(false);

  useEffect(() => {
    if (!offersBff) return;
    let active = true;
    fetchBffSession().then(
      (info) => {
        if (!active) return;
        setState(
          info.signedIn && info.apiDomain
            ? {
                status: 'signed-in',
                mode: 'bff',
                apiDomain: info.apiDomain,
                scopes: info.scopes ?? [],
                transport: bffSessionTransport(() => setSessionEnded(true)),
              }
            : { status: 'signed-out' },
        );
      },
      () => active && setState({ status: 'signed-out' }),
    );
    return () => {
      active = false;
    };
  }, [offersBff]);

  const signedIn = useCallback(
    (session: Session) => {
      if (!config.spa) return;
      const fetchImpl = flowRecorder()?.recordedFetch();
      const store = new SpaTokenStore(config.spa, session, {
        onSessionEnded: () => setSessionEnded(true),
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      setSpaStore(store);
      setSessionEnded(false);
      setState({
        status: 'signed-in',
        mode: 'spa',
        apiDomain: session.apiDomain,
        scopes: session.scopes,
        transport: store.transport(),
      });
    },
    [config.spa],
  );

  /** What ending a session means in this tab, however it ends. */
  const forgetSession = useCallback(
    (timeline: FlowStep[] | undefined) => {
      setState({ status: 'signed-out' });
      setSpaStore(undefined);
      setSessionEnded(false);
      queryClient.clear();
      // Drafts hold prospects' details: they leave with the session.
      sessionStorage.clear();
      if (timeline) flowRecorder()?.log.replaceWithServerSteps(timeline);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    if (state.status !== 'signed-in') return;
    if (state.mode === 'bff') {
      // The server session ends first, so a reload right after cannot find it still alive.
      forgetSession(await bffSignOut().catch(() => undefined));
      return;
    }
    forgetSession(undefined);
    // Nothing is revoked (that would uninstall the app), so the tokens still work: the inspector's
    // record of them in this tab goes with the session.
    flowRecorder()?.log.clear();
  }, [forgetSession, state]);

  const canDisconnect =
    state.status === 'signed-in' && (state.mode === 'bff' || Boolean(config.spa?.revocationEndpoint));

  const disconnect = useCallback(async () => {
    if (state.status !== 'signed-in') return;
    if (state.mode === 'bff') {
      forgetSession(await bffDisconnect());
      return;
    }
    if (!spaStore || !config.spa) throw new Error('This session cannot be disconnected.');
    // The revocation joins the inspector's timeline; the tokens it shows no longer work.
    await revokeTokens(config.spa, spaStore.current);
    forgetSession(undefined);
  }, [config.spa, forgetSession, spaStore, state]);

  const value = useMemo<SessionContextValue>(
    () => ({
      config,
      state,
      sessionEnded,
      signIn: async (mode) => {
        if (mode === 'bff') await startBffSignIn(window.location.pathname);
        else if (config.spa) await startSignIn(config.spa);
      },
      signedIn,
      signOut,
      canDisconnect,
      disconnect,
    }),
    [config, state, sessionEnded, signedIn, signOut, canDisconnect, disconnect],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a SessionProvider above it');
  return value;
}
