import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/**
 * Whether QuickLead can reach the network, as React Query's online manager says: the browser's
 * `online`/`offline` events, and the session check, which marks the tab offline when it gets no
 * answer at all and online when one comes. A create submitted while this is false waits in the
 * outbox, so what the page says and what the outbox does always agree.
 */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (changed) => onlineManager.subscribe(changed),
    () => onlineManager.isOnline(),
    () => true,
  );
}
