import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import { hashKey, type Mutation, type QueryClient } from '@tanstack/react-query';
import {
  type PersistedClient,
  type PersistQueryClientOptions,
  persistQueryClientRestore,
  persistQueryClientSave,
  persistQueryClientSubscribe,
} from '@tanstack/react-query-persist-client';
import { type PageLifecycle, pageLifecycle } from './page-leaving.ts';
import { CREATE_LEAD_KEY } from './use-create-lead.ts';

/**
 * The outbox: leads submitted and not yet known to be in Pipedrive. Each is a pending create (a
 * React Query mutation): waiting for the network, queued for the daily budget, or on its way.
 * TanStack Query's persister keeps the outbox in this tab's sessionStorage, so a reload, or the
 * page closed and reopened in this tab, does not lose a lead; the next page puts the creates back
 * and sends them. A create that was on its way when the page went comes back too: `sendLeadOnce`
 * looks for its lead before sending anything again. Sign-out clears sessionStorage.
 */
const KEY = 'quicklead.lead-outbox.v1';

/**
 * What a kept create carries (`LeadToSend`: the draft id and the request body). Changed with its
 * shape, so a copy an older QuickLead left is dropped rather than misread.
 */
const FORMAT = 'lead-to-send.2';

/** An outbox left unsaved for a day is dropped, not sent: the lead is still in the draft, for the rep. */
const MAX_AGE_MS = 24 * 60 * 60_000;

/** The creates still pending are the outbox; nothing else of the client is kept. */
const isInOutbox = (mutation: Mutation) =>
  mutation.state.status === 'pending' &&
  hashKey(mutation.options.mutationKey ?? []) === hashKey(CREATE_LEAD_KEY);

/** An empty outbox is written as nothing, so it leaves nothing in storage. */
const serialize = (client: PersistedClient) =>
  client.clientState.mutations.length === 0 ? '' : JSON.stringify(client);

/**
 * This tab's sessionStorage as the outbox writes it. A page being left writes nothing (see
 * page-leaving.ts): what it does next, a send failing as it goes, is not for the next page to see.
 */
function tabStorage(page: PageLifecycle) {
  return {
    getItem: (key: string) => sessionStorage.getItem(key),
    setItem: (key: string, value: string) => {
      if (page.isLeaving()) return;
      if (value === '') sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, value);
    },
    removeItem: (key: string) => sessionStorage.removeItem(key),
  };
}

function outboxOptions(client: QueryClient, page: PageLifecycle): PersistQueryClientOptions {
  return {
    queryClient: client,
    persister: createSyncStoragePersister({
      storage: tabStorage(page),
      key: KEY,
      // Written once the change at hand is done, not a second later: a reload just after
      // submitting must still find the lead.
      throttleTime: 0,
      serialize,
    }),
    buster: FORMAT,
    maxAge: MAX_AGE_MS,
    // The creates only: no query, so the account's data stays in memory; a create holds no token.
    dehydrateOptions: { shouldDehydrateQuery: () => false, shouldDehydrateMutation: isInOutbox },
  };
}

const restores = new WeakMap<QueryClient, Promise<void>>();

/**
 * Puts the creates the last page of this tab left in the outbox back into the cache, once per page
 * and client: putting them back twice would make two of each. Their function comes from
 * `setCreateLeadDefaults`, which must have run. A copy that cannot be read, or is too old or of
 * another format, is dropped.
 */
export function restoreOutbox(client: QueryClient): Promise<void> {
  let restored = restores.get(client);
  if (!restored) {
    restored = persistQueryClientRestore(outboxOptions(client, pageLifecycle)).catch(() => undefined);
    restores.set(client, restored);
  }
  return restored;
}

/** Keeps the outbox in storage as it changes, once it was restored; returns the stop. */
export function keepOutbox(client: QueryClient, page: PageLifecycle = pageLifecycle): () => void {
  const options = outboxOptions(client, page);
  let stopSaving: (() => void) | undefined;
  let stopped = false;
  // Saved only after the restore: a save before it would overwrite what the last page left.
  void restoreOutbox(client).then(() => {
    if (!stopped) stopSaving = persistQueryClientSubscribe(options);
  });
  // Shown again (back/forward cache): storage catches up with what changed meanwhile.
  const catchUp = () => void persistQueryClientSave(options);
  window.addEventListener('pageshow', catchUp);
  return () => {
    stopped = true;
    stopSaving?.();
    window.removeEventListener('pageshow', catchUp);
  };
}

/** The creates in the outbox, oldest first. */
export function outboxCreates(client: QueryClient) {
  return client.getMutationCache().getAll().filter(isInOutbox);
}
