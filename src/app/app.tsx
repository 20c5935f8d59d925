import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { CALLBACK_PATH } from '@/auth/callback-path.ts';
import { bffSignInErrorOf, CallbackScreen, SignInFailed } from '@/auth/callback-screen.tsx';
import { SessionProvider, useSession } from '@/auth/session-context.tsx';
import { SignInScreen } from '@/auth/sign-in-screen.tsx';
import type { AppConfig } from '@/config/app-config.ts';
import { captureSharedText, peekSharedText } from '@/paste/shared-text.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { useOnline } from '@/ui/use-online.ts';
import { InspectorProvider } from '../inspector/inspector-context.tsx';
import { AppFrame } from './app-frame.tsx';
import { AppHeader } from './app-header.tsx';
import { OfflineScreen } from './offline-screen.tsx';
import { createQueryClient } from './query-client.ts';

// The form and everything behind sign-in load on demand, so the first screen starts fast;
// the chunk is fetched while the rep is still on the sign-in pages (and, signed in, with the page
// itself: the app server hints it).
const loadSignedInApp = () => import('./signed-in-app.tsx');
type SignedInModule = Awaited<ReturnType<typeof loadSignedInApp>>;

/**
 * The signed-in chunk once it is needed and loaded; until then the caller shows the loading screen.
 * Not React.lazy: a Suspense boundary reveals what it waited for no sooner than 300 ms after its
 * fallback appeared, and here that fallback would be the loading screen already on show, so the
 * signed-in screens, and the requests for the account's settings they start, would wait for nothing.
 */
function useSignedInModule(needed: boolean): SignedInModule | undefined {
  const [loaded, setLoaded] = useState<{ module: SignedInModule } | { error: unknown }>();
  useEffect(() => {
    if (!needed) return;
    let active = true;
    loadSignedInApp().then(
      (module) => active && setLoaded({ module }),
      (error: unknown) => active && setLoaded({ error }),
    );
    return () => {
      active = false;
    };
  }, [needed]);
  // As React.lazy would: a chunk that cannot be loaded fails the render.
  if (loaded && 'error' in loaded) throw loaded.error;
  return loaded?.module;
}

export function App({ config }: { config: AppConfig }) {
  const [queryClient] = useState(createQueryClient);
  // Before any screen: text shared to QuickLead is kept in the tab and the address bar cleaned.
  useState(captureSharedText);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider config={config}>
        <InspectorProvider enabled={config.inspector}>
          <Screens />
        </InspectorProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}

function Screens() {
  const { state } = useSession();
  const signedInModule = useSignedInModule(state.status === 'signed-in');
  const [path, setPath] = useState(() => window.location.pathname);
  // Read once, then cleaned from the address bar like any callback parameter.
  const [bffError, setBffError] = useState(() => bffSignInErrorOf(new URL(window.location.href)));
  const [sharedWaiting] = useState(() => peekSharedText() !== undefined);
  const backToStart = useCallback(() => {
    setPath('/');
    setBffError(undefined);
  }, []);
  useEffect(() => {
    if (bffError) window.history.replaceState(null, '', '/');
  }, [bffError]);
  usePrefetchAfterPaint(state.status === 'signed-out' || bffError !== undefined);
  const online = useOnline();

  if (state.status === 'signed-in' && !bffError) {
    return signedInModule ? <signedInModule.SignedInApp session={state} /> : <LoadingScreen />;
  }
  if (state.status === 'checking' && !bffError) return <LoadingScreen />;
  if (state.status === 'unknown' && !bffError) return <SessionUnknownScreen />;
  // Signed out with no network: a sign-in could only fail (the callback itself is left alone).
  if (
    !bffError &&
    (state.status === 'offline' || (state.status === 'signed-out' && !online && path !== CALLBACK_PATH))
  )
    return <OfflineScreen />;
  return (
    <AppFrame header={<AppHeader />} failedSignInMode={bffError ? 'bff' : undefined}>
      {path === CALLBACK_PATH ? (
        <CallbackScreen onDone={backToStart} />
      ) : bffError ? (
        <SignInFailed error={bffError} mode="bff" onDone={backToStart} />
      ) : (
        <>
          {sharedWaiting && (
            <p className="notice notice--info" role="status">
              Sign in, and QuickLead opens Paste to fill with what you shared. It is kept in this tab until
              then.
            </p>
          )}
          <SignInScreen />
        </>
      )}
    </AppFrame>
  );
}

/**
 * Signed out, the signed-in chunk is fetched while the rep signs in, so the form shows at once
 * after. Not before the signed-out screen is drawn, though: on a slow network it would take the
 * bandwidth that screen needs. It waits for the first paint, then for the browser to be idle.
 */
function usePrefetchAfterPaint(signedOut: boolean) {
  useEffect(() => {
    if (!signedOut) return;
    let cancelled = false;
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    // A timeout set in an animation frame runs once that frame has been painted.
    const frame = window.requestAnimationFrame(() =>
      window.setTimeout(() => idle(() => cancelled || void loadSignedInApp())),
    );
    return () => {
      cancelled = true;
      window.cancelAnimationFrame(frame);
    };
  }, [signedOut]);
}

/** The app server could not say whether this browser is signed in: not "signed out", and nothing lost. */
function SessionUnknownScreen() {
  const { recheck } = useSession();
  useDocumentTitle('Error: server not answering – QuickLead');
  return (
    <AppFrame header={<AppHeader />}>
      <section className="panel" aria-labelledby="session-unknown-heading">
        <h1 id="session-unknown-heading">QuickLead cannot check your sign-in right now</h1>
        <div className="notice notice--error" role="alert">
          <p>
            QuickLead’s server did not answer. Anything you typed is kept in this tab; QuickLead tries again
            every few seconds.
          </p>
        </div>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={recheck}>
            Try again
          </button>
        </div>
      </section>
    </AppFrame>
  );
}

function LoadingScreen() {
  return (
    <AppFrame header={<AppHeader />}>
      <p role="status">Loading QuickLead…</p>
    </AppFrame>
  );
}
