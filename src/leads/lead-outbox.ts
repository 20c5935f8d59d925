import { dehydrate, hydrate, type Mutation, matchMutation, type QueryClient } from '@tanstack/react-query';
import { type PageLifecycle, pageLifecycle } from './page-leaving.ts';
import { CREATE_LEAD_KEY } from './use-create-lead.ts';

/**
 * Leads submitted offline are paused React Query mutations. They are kept in this tab's
 * sessionStorage (lead content, never tokens) so a reload does not lose them; the next page puts
 * them back and React Query sends them when the network returns. A create that was on its way when
 * the page went is kept too: the next page finishes it, and `sendLeadOnce` looks for the lead
 * before sending anything again. Sign-out clears sessionStorage.
 */
const KEY = 'quicklead.lead-outbox.v1';

const isUnfinishedCreate = (mutation: Mutation<unknown, Error, unknown, unknown>) =>
  matchMutation({ mutationKey: [...CREATE_LEAD_KEY], status: 'pending' }, mutation);

/** Mirrors the unfinished creates into storage as they change; returns the unsubscribe. */
export function keepQueuedLeads(client: QueryClient, page: PageLifecycle = pageLifecycle): () => void {
  const save = () => {
    // What a page being left does next (a send failing as it goes) is not for the next page to see.
    if (page.isLeaving()) return;
    const state = dehydrate(client, {
      shouldDehydrateQuery: () => false,
      shouldDehydrateMutation: isUnfinishedCreate,
    });
    try {
      if (state.mutations.length === 0) sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // Storage full or blocked: the lead still waits in memory, it just will not survive a reload.
    }
  };
  const unsubscribe = client.getMutationCache().subscribe(save);
  // Shown again (back/forward cache): storage catches up with what changed meanwhile.
  window.addEventListener('pageshow', save);
  return () => {
    unsubscribe();
    window.removeEventListener('pageshow', save);
  };
}

const restored = new WeakSet<QueryClient>();

/** Puts the creates unfinished before a reload back into the cache; once per page and client. */
export function restoreQueuedLeads(client: QueryClient): void {
  if (restored.has(client)) return;
  restored.add(client);
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(KEY);
  } catch {
    return;
  }
  if (!raw) return;
  try {
    hydrate(client, JSON.parse(raw));
  } catch {
    sessionStorage.removeItem(KEY);
  }
}

/** The creates in the cache still waiting or on their way, oldest first. */
export function unfinishedCreates(client: QueryClient) {
  return client.getMutationCache().getAll().filter(isUnfinishedCreate);
}
