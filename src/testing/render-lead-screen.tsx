import { leadListReadOf } from '@common/lead-list-reads.ts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { loadKeptLeadCard } from '@/leads/card/kept-lead-card.ts';
import { loadLeadDraft } from '@/leads/form/lead-draft.ts';
import { listsNeededAtStart } from '@/leads/form/lists-needed.ts';
import { STICKY_DEFAULTS_KEY_PREFIX, stickyOwnerAsDraft } from '@/leads/form/sticky-defaults.ts';
import { LeadScreen } from '@/leads/lead-screen.tsx';
import { getCurrentUser } from '@/pipedrive/current-user.ts';
import { getDealFields } from '@/pipedrive/deal-fields.ts';
import { getLeadLabels } from '@/pipedrive/lead-labels.ts';
import { useReferenceData } from '@/pipedrive/reference-data.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { TransportProvider } from '@/pipedrive/transport-context.tsx';
import { createSandboxTransport, type FaultFor, transportWithToken } from './sandbox-transport.ts';

/**
 * Test-only: the lead screen against the real sandbox in-process, every request recorded. Creates
 * can use another token (an ended session) or carry a sandbox fault.
 */
export async function renderLeadScreen(
  options: {
    tokenForPosts?: string;
    faultFor?: FaultFor;
    /** As a started sandbox's 3 s, or longer: new leads stay out of the search index that long. */
    searchLagMs?: number;
    /** With fake timers: how user-event lets time pass between its steps. */
    advanceTimers?: (ms: number) => unknown;
    /** What the screen opens on: the form, or the card of a lead the tab kept from before a reload. */
    opensOn?: 'form' | 'card';
    /** A sandbox fault for the note's and the follow-up's requests (`POST` and `GET`). */
    partsFaultFor?: FaultFor;
    /** The token's scopes; every scope the app asks for unless given. */
    scopes?: readonly string[];
    /** The company starts with its seeded leads: an open one on Ada Lovelace, one for the rep. */
    seedLeads?: boolean;
    /** How long a lead takes to become a deal in the sandbox (on Date.now, which fake timers fake). */
    conversionMs?: number;
    /** The sandbox of an earlier render, for a remount that must find what it stored. */
    sandboxTransport?: ReturnType<typeof createSandboxTransport>;
    /**
     * Start from the choices an earlier render of this test kept for the next lead (localStorage,
     * which outlives a test); otherwise each render starts from the account's defaults.
     */
    keepStickyDefaults?: boolean;
  } = {},
) {
  if (!options.keepStickyDefaults) forgetAllStickyDefaults();
  const sandboxTransport =
    options.sandboxTransport ??
    createSandboxTransport({
      ...(options.searchLagMs === undefined ? {} : { searchLagMs: options.searchLagMs }),
      ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
      ...(options.seedLeads === undefined ? {} : { seedLeads: options.seedLeads }),
      ...(options.conversionMs === undefined ? {} : { conversionMs: options.conversionMs }),
    });
  const { sandbox, transport, token } = sandboxTransport;
  // What the screen starts with, read directly, for tests to name labels and fields.
  const reference = {
    me: await getCurrentUser(transport),
    labels: await getLeadLabels(transport),
    dealFields: await getDealFields(transport),
  };
  const faulting = transportWithToken(sandbox, () => options.tokenForPosts ?? token, options.faultFor);
  const partsFaulting = transportWithToken(sandbox, () => token, options.partsFaultFor);
  const requests: ApiRequest[] = [];
  const recording: Transport = (request) => {
    requests.push(request);
    if (request.path === '/api/v1/leads') return faulting(request);
    if (request.path === '/api/v1/notes' || request.path === '/api/v2/activities')
      return partsFaulting(request);
    return transport(request);
  };
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={recording}>
        <ScreenAsTheAppShowsIt transport={recording} />
      </TransportProvider>
    </QueryClientProvider>,
  );
  const posts = () =>
    requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/leads');
  const leadLists = (read: ReturnType<typeof leadListReadOf>) =>
    requests.filter(
      (request) =>
        request.method === 'GET' &&
        request.path === '/api/v1/leads' &&
        leadListReadOf(
          new URLSearchParams(
            Object.entries(request.query ?? {}).flatMap(([key, value]) =>
              value === undefined ? [] : [[key, String(value)]],
            ),
          ),
        ) === read,
    );
  /** The reads that look for a create whose answer was lost (not the open-lead checks or recent leads). */
  const lookups = () => leadLists('lost-create look-up');
  /** The reads of a picked contact's open leads. */
  const openLeadChecks = () => leadLists('open-lead check');
  // The screen shows once its settings are read, as in the app.
  if (options.opensOn === 'card') await screen.findByText('Lead created in Pipedrive', {}, { timeout: 3000 });
  else await screen.findByRole('heading', { name: 'New lead', level: 1 }, { timeout: 3000 });
  const user = userEvent.setup(options.advanceTimers ? { advanceTimers: options.advanceTimers } : {});
  return { posts, lookups, openLeadChecks, requests, reference, sandbox, sandboxTransport, user };
}

/** The lead screen behind the app's own reference-data hook: colleagues and currencies on demand. */
function ScreenAsTheAppShowsIt({ transport }: { transport: Transport }) {
  const [shown] = useState(() => loadKeptLeadCard()?.picks ?? loadLeadDraft());
  const reference = useReferenceData(transport, (core) =>
    listsNeededAtStart(core, shown ?? stickyOwnerAsDraft(core.me)),
  );
  if (reference.status === 'error') throw reference.errors[0];
  if (reference.status === 'pending') return <p>Loading your Pipedrive settings…</p>;
  return (
    <LeadScreen
      reference={reference.data}
      locale="en-US"
      webUrlOf={(id) => `http://sandbox.test/leads/inbox/${id}`}
      dealUrlOf={(id) => `http://sandbox.test/deal/${id}`}
    />
  );
}

export async function pickPerson(user: ReturnType<typeof userEvent.setup>, search: string, name: string) {
  await user.type(screen.getByRole('combobox', { name: 'Person' }), search);
  await user.click(await screen.findByRole('option', { name: new RegExp(`^${name}`) }, { timeout: 3000 }));
  // The sandbox account has one mandatory custom field.
  await user.selectOptions(screen.getByRole('combobox', { name: 'Customer type' }), 'Company');
}

/** Every rep's kept choices, gone: localStorage outlives one test of a file. */
function forgetAllStickyDefaults(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(STICKY_DEFAULTS_KEY_PREFIX)) localStorage.removeItem(key);
  }
}
