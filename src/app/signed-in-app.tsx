import { useMemo } from 'react';
import { leadWebUrl } from '@/auth/provider-profile.ts';
import type { Session } from '@/auth/session.ts';
import { useSession } from '@/auth/session-context.tsx';
import { LeadScreen } from '@/leads/lead-screen.tsx';
import { intlLocaleOf } from '@/pipedrive/current-user.ts';
import { useReferenceData } from '@/pipedrive/reference-data.ts';
import { bearerTransport } from '@/pipedrive/transport.ts';
import { TransportProvider, useTransport } from '@/pipedrive/transport-context.tsx';
import { AppHeader } from './app-header.tsx';

export function SignedInApp({ session }: { session: Session }) {
  const transport = useMemo(() => bearerTransport(session.apiDomain, () => session.accessToken), [session]);
  return (
    <TransportProvider transport={transport}>
      <SignedInScreens session={session} />
    </TransportProvider>
  );
}

function SignedInScreens({ session }: { session: Session }) {
  const { provider, signOut } = useSession();
  const reference = useReferenceData(useTransport());
  const me = reference.status === 'success' ? reference.data.me : undefined;

  return (
    <>
      <AppHeader userName={me?.name} companyName={me?.company_name} onSignOut={signOut} />
      <main id="main" className="main">
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
                provider,
                { apiDomain: session.apiDomain, companyDomain: reference.data.me.company_domain },
                leadId,
              )
            }
          />
        )}
      </main>
    </>
  );
}
