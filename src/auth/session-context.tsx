import type { FlowStep } from '@common/inspector/model.ts';
import { tabRecorder } from '@common/inspector/recorder-slot.ts';
import { onlineManager, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { AppConfig, SessionMode } from '@/config/app-config.ts';
import { withEarlyReads } from '@/pipedrive/early-reads.ts';
import { forgetOfflineSettings, restoreOfflineSettings } from '@/pipedrive/offline-settings.ts';
import { SETTINGS_READ_AT_SIGN_IN } from '@/pipedrive/settings-reads.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { bffDisconnect, bffSignOut, fetchBffSession, startBffSignIn } from './bff-session.ts';
import { bffSessionTransport } from './bff-transport.ts';
import { forgetSignedIn, signedInBefore } from './offline-hint.ts';
import { unmetScopeNeeds } from './scope-check.ts';
import type { Session } from './session.ts';
import type { SpaTokenStore } from './spa-token-store.ts';

export type SessionState =
  | { status: 'checking' }
  /** `bff`: the app server did not say (down, or its session store out of reach); asked again soon. */
  | { status: 'unknown' }
  | { status: 'signed-out' }
  /**
   * No network, and nothing kept in this browser lets the form open without one (never signed in
   * here in `bff` mode, or only in `spa` mode, whose tokens a reload drops): asked again when the
   * network is back.
   */
  | { status: 'offline' }
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
  /** `bff`, state `unknown`: ask the app server again now. */
  recheck: () => void;
  /** Leaves the page for the provider's sign-in, in the chosen mode. */
  signIn: (mode: SessionMode) => Promise<void>;
  /** `spa` mode: the callback screen hands over the tokens it got. */
  signedIn: (session: Session) => Promise<void>;
  /**
   * Ends QuickLead's session only: nothing is revoked, so the next sign-in needs no consent. In
   * `bff` mode, when the server does not confirm it, the rep stays signed in (draft kept) and
   * `signOutFailed` turns true until a sign-out succeeds.
   */
  signOut: () => Promise<void>;
  /** The last sign-out was not confirmed by the server: the rep is still signed in and may retry. */
  signOutFailed: boolean;
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
 * The transport of a session that has just begun. The settings every signed-in screen reads first
 * are sent at once, while those screens' code is still loading, unless a scope is missing: then the
 * screens say so and read nothing, and so does this.
 */
function sessionTransport(
  transport: Transport,
  providerKind: AppConfig['provider']['kind'],
  scopes: readonly string[],
): Transport {
  const reads = withEarlyReads(transport);
  if (unmetScopeNeeds(providerKind, scopes).length === 0) reads.startEarly(SETTINGS_READ_AT_SIGN_IN);
  return reads.transport;
}

/** How long after a failed session check the app asks again by itself. */
const SESSION_RECHECK_MS = 5_000;

/**
 * The session check got no answer at all (no network, or the app server out of reach), as opposed
 * to an error answer: `fetch` rejects with a TypeError only then.
 */
const gotNoAnswer = (error: unknown) => error instanceof TypeError;

/** What was kept for a session opened with no network is no longer true once it has ended. */
function forgetKeptForOffline(): void {
  forgetSignedIn();
  forgetOfflineSettings();
}

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
  const [signOutFailed, setSignOutFailed] = useState(false);
  const endSession = useCallback(() => {
    setSessionEnded(true);
    forgetKeptForOffline();
  }, []);
  /**
   * `bff`, opened with no network from what this browser kept (offline-hint.ts): signed in as far
   * as the tab can tell, until the app server, asked again when the network is back, confirms it.
   */
  const unconfirmed = useRef(false);
  /** This tab told React Query it is offline (the outbox waits then), and must say when it is not. */
  const markedOffline = useRef(false);

  /**
   * Opened with no network: signed in from the hint and the settings this browser kept, with the
   * same cookie-only transport as ever (its calls wait in the outbox until the network is back), or
   * else the offline screen.
   */
  const offlineStart = useCallback((): SessionState => {
    const before = signedInBefore();
    if (!before || !restoreOfflineSettings(queryClient, before)) return { status: 'offline' };
    unconfirmed.current = true;
    return {
      status: 'signed-in',
      mode: 'bff',
      apiDomain: before.apiDomain,
      scopes: before.scopes,
      transport: bffSessionTransport(endSession),
    };
  }, [queryClient, endSession]);

  // Bumped to ask the app server again; a failed check asks again by itself after a pause.
  const [checks, setChecks] = useState(0);
  const recheck = useCallback(() => setChecks((count) => count + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each change of `checks` is a new question to the server.
  useEffect(() => {
    if (!offersBff) return;
    let active = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    fetchBffSession().then(
      (info) => {
        if (!active) return;
        if (markedOffline.current) {
          // The server answered, so the network is back: the outbox sends what waited, once.
          markedOffline.current = false;
          onlineManager.setOnline(true);
        }
        if (unconfirmed.current) {
          // Back online after an offline start: the same session goes on with the form as it is
          // (its transport never held anything but the cookie); one that ended meanwhile asks the
          // rep to sign in again, the form, its draft and its outbox left where they are.
          unconfirmed.current = false;
          if (!(info.signedIn && info.apiDomain)) endSession();
          // Drawn again, so nothing waits for the `online` event any more.
          setState((current) => ({ ...current }));
          return;
        }
        if (!(info.signedIn && info.apiDomain)) {
          setState({ status: 'signed-out' });
          return;
        }
        const scopes = info.scopes ?? [];
        setState({
          status: 'signed-in',
          mode: 'bff',
          apiDomain: info.apiDomain,
          scopes,
          transport: sessionTransport(bffSessionTransport(endSession), config.provider.kind, scopes),
        });
      },
      (error: unknown) => {
        if (!active) return;
        again = setTimeout(recheck, SESSION_RECHECK_MS);
        const offline = !navigator.onLine;
        if (offline || gotNoAnswer(error)) {
          // No network (a rep on a train), or none that reaches QuickLead (a captive portal, the
          // server down): the form opens from what this browser kept, if it kept enough, and its
          // creates wait in the outbox until an answer comes (a browser that thinks it is online
          // would otherwise send them into nothing). Asked again soon, and at the `online` event.
          markedOffline.current = true;
          onlineManager.setOnline(false);
          if (unconfirmed.current) return;
          const start = offlineStart();
          if (start.status === 'signed-in' || offline) {
            setState(start);
            return;
          }
        }
        // Not "signed out": the session may be alive on the server, and the draft stays in the tab.
        if (!unconfirmed.current) setState({ status: 'unknown' });
      },
    );
    return () => {
      active = false;
      clearTimeout(again);
    };
  }, [offersBff, checks, recheck, config.provider.kind, endSession, offlineStart]);

  // The network is back: ask the app server at once, if this tab is waiting for its answer.
  const waitingForServer = state.status === 'offline' || state.status === 'unknown' || unconfirmed.current;
  useEffect(() => {
    if (!offersBff || !waitingForServer) return;
    window.addEventListener('online', recheck);
    return () => window.removeEventListener('online', recheck);
  }, [offersBff, waitingForServer, recheck]);

  const signedIn = useCallback(
    async (session: Session) => {
      if (!config.spa) return;
      const fetchImpl = tabRecorder()?.fetchThatRecords();
      const { SpaTokenStore } = await import('./spa-token-store.ts');
      const store = new SpaTokenStore(config.spa, session, {
        onSessionEnded: endSession,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      setSpaStore(store);
      setSessionEnded(false);
      setState({
        status: 'signed-in',
        mode: 'spa',
        apiDomain: session.apiDomain,
        scopes: session.scopes,
        transport: sessionTransport(store.transport(), config.provider.kind, session.scopes),
      });
    },
    [config.spa, config.provider.kind, endSession],
  );

  /** What ending a session means in this tab, however it ends. */
  const forgetSession = useCallback(
    (timeline: FlowStep[] | undefined) => {
      setState({ status: 'signed-out' });
      setSpaStore(undefined);
      setSessionEnded(false);
      setSignOutFailed(false);
      unconfirmed.current = false;
      forgetKeptForOffline();
      queryClient.clear();
      // The draft and the created lead's card hold prospects' details: they leave with the session.
      sessionStorage.clear();
      if (timeline) tabRecorder()?.log.replaceWithServerSteps(timeline);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    if (state.status !== 'signed-in') return;
    if (state.mode === 'bff') {
      // The server session ends first, so a reload right after cannot find it still alive. Until the
      // server says it has ended, nothing here changes: showing "signed out" while the cookie still
      // works would be a lie a reload exposes, and the draft would be lost for nothing.
      let timeline: FlowStep[] | undefined;
      try {
        timeline = await bffSignOut();
      } catch {
        setSignOutFailed(true);
        return;
      }
      forgetSession(timeline);
      return;
    }
    forgetSession(undefined);
    // Nothing is revoked (that would uninstall the app), so the tokens still work: the inspector's
    // record of them in this tab goes with the session.
    tabRecorder()?.log.clear();
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
    const { revokeTokens } = await import('./spa-sign-in.ts');
    await revokeTokens(config.spa, spaStore.current);
    forgetSession(undefined);
  }, [config.spa, forgetSession, spaStore, state]);

  const value = useMemo<SessionContextValue>(
    () => ({
      config,
      state,
      sessionEnded,
      recheck,
      signIn: async (mode) => {
        if (mode === 'bff') await startBffSignIn(window.location.pathname);
        else if (config.spa) await (await import('./spa-sign-in.ts')).startSignIn(config.spa);
      },
      signedIn,
      signOut,
      signOutFailed,
      canDisconnect,
      disconnect,
    }),
    [config, state, sessionEnded, recheck, signedIn, signOut, signOutFailed, canDisconnect, disconnect],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a SessionProvider above it');
  return value;
}
