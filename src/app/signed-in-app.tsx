import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { leadWebUrl } from '@/auth/provider-profile.ts';
import type { Session } from '@/auth/session.ts';
import { useSession } from '@/auth/session-context.tsx';
import { LeadScreen } from '@/leads/lead-screen.tsx';
import { currentUserQueries, intlLocaleOf } from '@/pipedrive/current-user.ts';
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
  const transport = useTransport();
  const me = useQuery(currentUserQueries.me(transport));
  const companyDomain = me.data?.company_domain;

  return (
    <>
      <AppHeader userName={me.data?.name} companyName={me.data?.company_name} onSignOut={signOut} />
      <main id="main" className="main">
        <LeadScreen
          locale={intlLocaleOf(me.data)}
          webUrlOf={(leadId) => leadWebUrl(provider, { apiDomain: session.apiDomain, companyDomain }, leadId)}
        />
      </main>
    </>
  );
}
