import { useSyncExternalStore } from 'react';

/**
 * A new version of QuickLead that is installed and waiting: the rep chooses when it takes over
 * (`activate` reloads this tab into it). Never taken over by itself: a reload in the middle of a
 * lead would lose the rep's place, if not the lead (the draft is kept across reloads anyway).
 */
export interface AppUpdate {
  activate: () => void;
}

let waiting: AppUpdate | undefined;
const listeners = new Set<() => void>();

/** Called by the service worker's registration (loaded later, in a chunk of its own). */
export function offerUpdate(update: AppUpdate): void {
  waiting = update;
  for (const listener of listeners) listener();
}

export function useAppUpdate(): AppUpdate | undefined {
  return useSyncExternalStore(
    (changed) => {
      listeners.add(changed);
      return () => listeners.delete(changed);
    },
    () => waiting,
    () => undefined,
  );
}

/**
 * After the page's load, a pause before the worker is registered: by then the page has fetched
 * what it prefetches after its first paint (the signed-in chunk), and the worker's install finds
 * those files in the HTTP cache instead of downloading them a second time beside the page.
 */
const REGISTER_AFTER_LOAD_MS = 3_000;

/**
 * Registers the service worker a moment after the page has loaded, when the browser is idle, so it
 * takes nothing from the first paint or the sign-in: its code (workbox-window) is a chunk of its
 * own, and the worker then fetches the app shell in the background. Production builds only: the
 * dev server has no service worker, and caching its modules would only get in the way.
 */
export function registerServiceWorkerWhenIdle(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1_000));
  const register = () =>
    idle(
      () =>
        void import('./service-worker-registration.ts').then(
          (registration) => registration.registerServiceWorker(offerUpdate),
          // A chunk that cannot be loaded costs the offline start and the update notice, never the app.
          () => undefined,
        ),
    );
  const start = () => window.setTimeout(register, REGISTER_AFTER_LOAD_MS);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}
