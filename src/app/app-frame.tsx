import { lazy, type ReactNode, Suspense } from 'react';
import { useSession } from '@/auth/session-context.tsx';
import { INSPECTOR_PANEL_ID, INSPECTOR_TOGGLE_ID, useInspector } from '../inspector/inspector-context.tsx';
import { SignOutFailedNotice } from './sign-out-failed-notice.tsx';
import { UpdateNotice } from './update-notice.tsx';

// Loaded only when opened: with the inspector closed, none of its code is fetched.
const InspectorPanel = lazy(() =>
  import('@/inspector/inspector-panel.tsx').then((module) => ({ default: module.InspectorPanel })),
);

interface AppFrameProps {
  header: ReactNode;
  children: ReactNode;
  /** Signed out after a `bff` sign-in failed: the server still has that attempt's steps to show. */
  failedSignInMode?: 'bff';
}

/** Every screen: its header, its main content and, when open, the OAuth inspector beside it. */
export function AppFrame({ header, children, failedSignInMode }: AppFrameProps) {
  const { open, setOpen } = useInspector();
  const { config, state, canDisconnect, disconnect, signOut, signOutFailed } = useSession();
  const close = () => {
    setOpen(false);
    document.getElementById(INSPECTOR_TOGGLE_ID)?.focus();
  };
  return (
    <>
      {header}
      <div className={open ? 'app-layout app-layout--inspector' : 'app-layout'}>
        <main id="main" className="main">
          {/* On every signed-in screen, above whatever it shows, which stays as it was. */}
          {state.status === 'signed-in' && signOutFailed && <SignOutFailedNotice onRetry={signOut} />}
          {children}
        </main>
        {open && (
          <Suspense
            fallback={
              <aside
                id={INSPECTOR_PANEL_ID}
                className="inspector"
                aria-label="OAuth inspector"
                aria-busy="true"
              >
                <p role="status">Loading the OAuth inspector…</p>
              </aside>
            }
          >
            <InspectorPanel
              id={INSPECTOR_PANEL_ID}
              config={config}
              mode={state.status === 'signed-in' ? state.mode : failedSignInMode}
              onClose={close}
              onDisconnect={state.status === 'signed-in' && canDisconnect ? disconnect : undefined}
            />
          </Suspense>
        )}
      </div>
      <UpdateNotice />
    </>
  );
}
