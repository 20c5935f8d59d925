import { leadWebUrl } from '@/auth/provider-profile.ts';
import { type SessionState, useSession } from '@/auth/session-context.tsx';
import { SignInButton } from '@/auth/sign-in-button.tsx';
import { LeadScreen } from '@/leads/lead-screen.tsx';
import { intlLocaleOf } from '@/pipedrive/current-user.ts';
import { useReferenceData } from '@/pipedrive/reference-data.ts';
import { TransportProvider, useTransport } from '@/pipedrive/transport-context.tsx';
import { AppFrame } from './app-frame.tsx';
import { AppHeader } from './app-header.tsx';

type SignedIn = Extract<SessionState, { status: 'signed-in' }>;

export function SignedInApp({ session }: { session: SignedIn }) {
  return (
    <TransportProvider transport={session.transport}>
      <SignedInScreens session={session} />
    </TransportProvider>
  );
}

function SignedInScreens({ session }: { session: SignedIn }) {
  const { config, signOut, sessionEnded } = useSession();
  const reference = useReferenceData(useTransport());
  const me = reference.status === 'success' ? reference.data.me : undefined;

  return (
    <AppFrame header={<AppHeader userName={me?.name} companyName={me?.company_name} onSignOut={signOut} />}>
      {sessionEnded && (
        <div className="notice notice--error session-ended" role="alert">
          <p>Your Pipedrive session has ended. Sign in again to go on.</p>
          <SignInButton mode={session.mode} label="Sign in again" />
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
        <section className="panel" aria-labelledby="reference-error-heading">
          <h1 id="reference-error-heading">QuickLead could not load your Pipedrive settings</h1>
          <div className="notice notice--error" role="alert">
            <p>{reference.error.message}</p>
          </div>
          <button type="button" className="button button--primary" onClick={reference.retry}>
            Try again
          </button>
        </section>
      )}
      {reference.status === 'success' && (
        <LeadScreen
          reference={reference.data}
          locale={intlLocaleOf(reference.data.me)}
          webUrlOf={(leadId) =>
            leadWebUrl(
              config.provider.kind,
              { apiDomain: session.apiDomain, companyDomain: reference.data.me.company_domain },
              leadId,
            )
          }
        />
      )}
    </AppFrame>
  );
}
