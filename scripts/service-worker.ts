import type { PluginOption } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { isAppConfig, isAppPageNavigation } from './service-worker-routes.ts';

/** The cache that keeps the last `/app-config.json`; the page warms it on a first visit (service-worker-registration.ts). */
export const APP_CONFIG_CACHE = 'quicklead-app-config';

/**
 * The build step that writes `dist/sw.js`, QuickLead's service worker (Workbox, through
 * vite-plugin-pwa), so the app opens with no network after a first visit.
 *
 * - It precaches the app shell of this build: `index.html` exactly as built (its inline style
 *   included; the app server's CSP allows that style by its hash, and the precached copy keeps the
 *   headers it was served with, so the two always come from the same deploy), the hashed scripts
 *   and styles, the icons and the manifest.
 * - Pages are asked of the network first; only when it fails does the precached `index.html`
 *   answer. The deployment's `/app-config.json` likewise (network first, last copy offline).
 * - Nothing else is answered or kept: no API or sign-in answer ever enters a cache
 *   (service-worker-routes.ts says which requests are left alone).
 * - A new build waits until the rep chooses to reload (the "new version" notice sends
 *   `SKIP_WAITING`); the page registers it, after the first paint, with workbox-window.
 */
export function serviceWorker(): PluginOption {
  return VitePWA({
    strategies: 'generateSW',
    // Registered by the app itself, late and lazily (src/app/service-worker-registration.ts).
    injectRegister: false,
    // public/manifest.webmanifest is written by hand and linked from index.html.
    manifest: false,
    includeManifestIcons: false,
    workbox: {
      // The shell: the page, the built chunks, the icons and the manifest. Not the compressed twins
      // (the browser decodes what it fetches), not build metadata, not robots.txt.
      globPatterns: ['index.html', 'assets/*.{js,css}', '*.{png,svg}', 'manifest.webmanifest'],
      globIgnores: ['**/*.br', '**/*.gz', '.vite/**'],
      // Hashed names need no cache-busting parameter.
      dontCacheBustURLsMatching: /^assets\//,
      // A navigation to `/` must not be answered from the precache before the network is tried.
      directoryIndex: null,
      navigateFallback: null,
      // No navigation preload: the browser would send it for every navigation in scope, the OAuth
      // callback included, which the worker leaves to the network: the callback would reach the
      // server twice and its one-time code be refused the second time.
      navigationPreload: false,
      runtimeCaching: [
        {
          urlPattern: isAppPageNavigation,
          handler: 'NetworkOnly',
          options: { precacheFallback: { fallbackURL: 'index.html' } },
        },
        {
          urlPattern: isAppConfig,
          handler: 'NetworkFirst',
          // One address, so one entry, replaced by each answer: no expiration (which would keep
          // its bookkeeping in an IndexedDB of its own).
          options: { cacheName: APP_CONFIG_CACHE, cacheableResponse: { statuses: [200] } },
        },
      ],
      cleanupOutdatedCaches: true,
      // The new version takes over when the rep says so (SKIP_WAITING), then claims open tabs.
      skipWaiting: false,
      clientsClaim: true,
      // Workbox's own console lines would be warnings in every test and report.
      disableDevLogs: true,
      sourcemap: false,
    },
  });
}
