import { APP_CONFIG_PATH } from '@common/app-config.ts';
import { Workbox } from 'workbox-window';
import type { AppUpdate } from './app-update.ts';

/** The service worker the build writes (scripts/service-worker.ts), for the whole origin. */
const SERVICE_WORKER_URL = '/sw.js';

/** While a tab stays open, it asks for a new version when it is shown again, at most this often. */
const UPDATE_CHECK_EVERY_MS = 60 * 60_000;

/**
 * Registers QuickLead's service worker and reports a new version once it is installed and waiting.
 *
 * - A first visit: once the worker controls this tab, the deployment's configuration is fetched
 *   through it, if the worker does not hold it yet, so it is kept for the next start with no
 *   network (this page, or the sign-in pages before it, read it before a worker could keep it).
 * - A new build: the worker waits; `offerUpdate` shows the notice, and only the rep's Reload lets
 *   it take over (`SKIP_WAITING`), then reloads this tab, and only this one. Another tab that
 *   finds itself controlled by the new worker (the rep reloaded elsewhere) is offered the same
 *   notice rather than reloaded.
 */
export function registerServiceWorker(offerUpdate: (update: AppUpdate) => void): void {
  const workbox = new Workbox(SERVICE_WORKER_URL);
  let reloading = false;

  workbox.addEventListener('waiting', () => {
    offerUpdate({
      activate: () => {
        reloading = true;
        void navigator.serviceWorker.getRegistration().then((registration) => {
          // Another tab may have let it take over already: then this tab only has to reload.
          if (!registration?.waiting) {
            window.location.reload();
            return;
          }
          workbox.addEventListener('controlling', () => window.location.reload());
          workbox.messageSkipWaiting();
        });
      },
    });
  });
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate && !reloading) offerUpdate({ activate: () => window.location.reload() });
  });

  void workbox
    .register()
    .then(keepConfigForOffline)
    .catch(() => undefined);

  let lastCheck = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_EVERY_MS) return;
    lastCheck = Date.now();
    void workbox.update().catch(() => undefined);
  });
}

/** Once a worker controls this tab, makes sure it holds the deployment's configuration. */
async function keepConfigForOffline(): Promise<void> {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  }
  if (await caches.match(APP_CONFIG_PATH)) return;
  // Through the worker, which keeps the answer (network first). Read to its end: a body left
  // unread keeps the request open, and tools that wait for a quiet network would wait for ever.
  await (await fetch(APP_CONFIG_PATH, { credentials: 'same-origin' })).arrayBuffer();
}
