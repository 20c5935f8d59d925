import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { CALLBACK_PATH } from '@/auth/callback-path.ts';
import { bffSignInErrorOf, CallbackScreen, SignInFailed } from '@/auth/callback-screen.tsx';
import { SessionProvider, useSession } from '@/auth/session-context.tsx';
import { SignInScreen } from '@/auth/sign-in-screen.tsx';
import type { AppConfig } from '@/config/app-config.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { InspectorProvider } from '../inspector/inspector-context.tsx';
import { AppFrame } from './app-frame.tsx';
import { AppHeader } from './app-header.tsx';
import { createQueryClient } from './query-client.ts';

// The form and everything behind sign-in load on demand, so the first screen starts fast;
// the chunk is fetched while the rep is still on the sign-in pages.
const loadSignedInApp = () => import('./signed-in-app.tsx');
const SignedInApp = lazy(() => loadSignedInApp().then((module) => ({ default: module.SignedInApp })));

export function App({ config }: { config: AppConfig }) {
  const [queryClient] = useState(createQueryClient);
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
  const [path, setPath] = useState(() => window.location.pathname);
  // Read once, then cleaned from the address bar like any callback parameter.
  const [bffError, setBffError] = useState(() => bffSignInErrorOf(new URL(window.location.href)));
  const backToStart = useCallback(() => {
    setPath('/');
    setBffError(undefined);
  }, []);
  useEffect(() => {
    if (bffError) window.history.replaceState(null, '', '/');
  }, [bffError]);
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
    idle(() => void loadSignedInApp());
  }, []);

  if (state.status === 'signed-in' && !bffError) {
    return (
      <Suspense fallback={<LoadingScreen />}>
        <SignedInApp session={state} />
      </Suspense>
    );
  }
  if (state.status === 'checking' && !bffError) return <LoadingScreen />;
  if (state.status === 'unknown' && !bffError) return <SessionUnknownScreen />;
  return (
    <AppFrame header={<AppHeader />} failedSignInMode={bffError ? 'bff' : undefined}>
      {path === CALLBACK_PATH ? (
        <CallbackScreen onDone={backToStart} />
      ) : bffError ? (
        <SignInFailed error={bffError} mode="bff" onDone={backToStart} />
      ) : (
        <SignInScreen />
      )}
    </AppFrame>
  );
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
