// First: zod must know it may not compile code before any schema below is made.
import '@/pipedrive/zod-without-eval.ts';
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { unmetScopeNeeds } from '@/auth/scope-check.ts';
import { type SessionState, useSession } from '@/auth/session-context.tsx';
import { SignInButton } from '@/auth/sign-in-button.tsx';
import { loadKeptLeadCard } from '@/leads/card/kept-lead-card.ts';
import { loadLeadDraft } from '@/leads/form/lead-draft.ts';
import { listsNeededAtStart } from '@/leads/form/lists-needed.ts';
import { stickyOwnerAsDraft } from '@/leads/form/sticky-defaults.ts';
import { LeadScreen } from '@/leads/lead-screen.tsx';
import { intlLocaleOf } from '@/pipedrive/current-user.ts';
import { dealWebUrl, leadWebUrl } from '@/pipedrive/lead-web-url.ts';
import { useReferenceData } from '@/pipedrive/reference-data.ts';
import { TransportProvider, useTransport } from '@/pipedrive/transport-context.tsx';
import { useOnline } from '@/ui/use-online.ts';
import { AccountMenu } from './account-menu.tsx';
import { AppFrame } from './app-frame.tsx';
import { AppHeader } from './app-header.tsx';
import { useKeptForOffline } from './kept-for-offline.ts';
import { MissingScopesScreen } from './missing-scopes-screen.tsx';
import { ReferenceErrorPanel } from './reference-error-panel.tsx';

type SignedIn = Extract<SessionState, { status: 'signed-in' }>;

// "Many at once" is its own chunk: the single form's page loads none of it.
const BatchScreen = lazy(() =>
  import('@/leads/batch/batch-screen.tsx').then((module) => ({ default: module.BatchScreen })),
);
const BATCH_PATH = '/batch';

/** The signed-in screen the address names (`/batch`, else the single form), following Back and Forward. */
function useScreenPath(): [string, (path: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const follow = () => setPath(window.location.pathname);
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  return [
    path,
    (next) => {
      if (next === window.location.pathname) return;
      window.history.pushState(null, '', next);
      setPath(next);
    },
  ];
}

/** One lead or many: links between the two screens, each with its own address. */
function ScreenNav({ path, go }: { path: string; go: (path: string) => void }) {
  const link = (to: string, label: string) => (
    <a
      href={to}
      className="screen-nav__link"
      aria-current={(path === BATCH_PATH) === (to === BATCH_PATH) ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        go(to);
      }}
    >
      {label}
    </a>
  );
  return (
    <nav className="screen-nav" aria-label="Add leads">
      {link('/', 'One lead')}
      {link(BATCH_PATH, 'Many at once')}
    </nav>
  );
}

export function SignedInApp({ session }: { session: SignedIn }) {
  return (
    <TransportProvider transport={session.transport}>
      <SignedInScreens session={session} />
    </TransportProvider>
  );
}

function SignedInScreens({ session }: { session: SignedIn }) {
  const { config, signOut } = useSession();
  const header = useSignedInHeader();
  const unmet = useMemo(
    () => unmetScopeNeeds(config.provider.kind, session.scopes),
    [config.provider.kind, session.scopes],
  );
  // Checked before any settings are read: with a scope missing the form could not work anyway.
  if (unmet.length > 0) {
    return (
      <AppFrame header={header()}>
        <MissingScopesScreen missing={unmet} mode={session.mode} onSignOut={signOut} />
      </AppFrame>
    );
  }
  return <AccountScreens session={session} />;
}

function AccountScreens({ session }: { session: SignedIn }) {
  const { config, sessionEnded } = useSession();
  const header = useSignedInHeader();
  // The first screen is a card kept from before a reload, or else a form with any draft, or with the
  // owner kept from the rep's last lead: read the lists either one names (another owner's name,
  // say) with the settings.
  const [shown] = useState(() => loadKeptLeadCard()?.picks ?? loadLeadDraft());
  // The form (or the card) is drawn from the settings in a transition: React then draws it in
  // slices and the main thread stays free, where drawing it at once blocked a slow phone for 120 ms.
  const reference = useDeferredValue(
    useReferenceData(useTransport(), (core) =>
      listsNeededAtStart(core, shown ?? stickyOwnerAsDraft(core.me)),
    ),
  );
  const me = reference.status === 'success' ? reference.data.me : undefined;
  const [path, go] = useScreenPath();
  const webUrlOf = (leadId: string) =>
    leadWebUrl(
      config.provider.kind,
      { apiDomain: session.apiDomain, companyDomain: me?.company_domain },
      leadId,
    );
  useKeptForOffline(session, me, sessionEnded);
  const online = useOnline();

  return (
    <AppFrame header={header(me?.name, me?.company_name)}>
      {sessionEnded && (
        <div className="notice notice--error session-ended" role="alert">
          <p>Your Pipedrive session has ended. Sign in again to go on.</p>
          <SignInButton mode={session.mode} label="Sign in again" />
        </div>
      )}
      {!online && (
        <div className="notice notice--info offline-notice" role="status">
          <p>
            Offline: QuickLead cannot reach its server. You can still fill in the form; a lead you create is
            kept in this tab and sent once the connection is back.
          </p>
        </div>
      )}
      {reference.status === 'pending' && (
        <section className="panel" aria-busy="true" aria-labelledby="loading-heading">
          <h1 id="loading-heading">New lead</h1>
          <p role="status">
            <span className="spinner" aria-hidden="true" /> Loading your Pipedrive settings…
          </p>
        </section>
      )}
      {reference.status === 'error' && (
        <ReferenceErrorPanel errors={reference.errors} retry={reference.retry} mode={session.mode} />
      )}
      {reference.status === 'success' && <ScreenNav path={path} go={go} />}
      {reference.status === 'success' && path === BATCH_PATH && (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <BatchScreen reference={reference.data} webUrlOf={webUrlOf} />
        </Suspense>
      )}
      {reference.status === 'success' && path !== BATCH_PATH && (
        <LeadScreen
          reference={reference.data}
          locale={intlLocaleOf(reference.data.me)}
          webUrlOf={webUrlOf}
          dealUrlOf={(dealId) =>
            dealWebUrl(
              config.provider.kind,
              { apiDomain: session.apiDomain, companyDomain: reference.data.me.company_domain },
              dealId,
            )
          }
        />
      )}
    </AppFrame>
  );
}

/** The header of every signed-in screen: its menu signs out, or disconnects when the session can. */
function useSignedInHeader() {
  const { signOut, canDisconnect, disconnect } = useSession();
  return (userName?: string, companyName?: string) => (
    <AppHeader
      accountMenu={
        <AccountMenu
          userName={userName}
          companyName={companyName}
          onSignOut={signOut}
          onDisconnect={canDisconnect ? disconnect : undefined}
        />
      }
    />
  );
}
