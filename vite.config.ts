import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { inlinedEntryCss } from './scripts/inline-entry-css.ts';
import { precompressed } from './scripts/precompress.ts';
import { serviceWorker } from './scripts/service-worker.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes `.vite/chunk-modules.json` next to Vite's manifest: which source modules ended up in which
 * chunk. The manifest names chunks by their entry only; `npm run size` needs to know where every
 * module landed, to prove the inspector is not in the JavaScript loaded before the app starts.
 */
function chunkModules(): Plugin {
  return {
    name: 'quicklead-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[output.fileName] = output.moduleIds
          .filter((id) => id.startsWith(root))
          .map((id) => id.slice(root.length));
      }
      this.emitFile({
        type: 'asset',
        fileName: '.vite/chunk-modules.json',
        source: JSON.stringify(chunks, null, 2),
      });
    },
  };
}

/**
 * `QUICKLEAD_RELEASE` (a commit id or version, set by whoever deploys) goes into the page as
 * `<meta name="quicklead-release">`: an installed app runs the version its service worker holds,
 * and this says which one it is. Unset, the page is as it was; only letters, digits, `.`, `_` and `-`.
 */
function releaseStamp(): Plugin {
  const release = process.env.QUICKLEAD_RELEASE ?? '';
  return {
    name: 'quicklead-release-stamp',
    apply: 'build',
    transformIndexHtml(html) {
      if (!/^[\w.-]{1,64}$/.test(release)) return html;
      return html.replace('</head>', `  <meta name="quicklead-release" content="${release}" />\n  </head>`);
    },
  };
}

// The app server (server/) answers /app-config.json, /auth/* and /api/pipedrive/*: in production it
// serves dist/ itself, in development scripts/start.ts proxies those paths to it from Vite.
export default defineConfig({
  plugins: [react(), inlinedEntryCss(), releaseStamp(), chunkModules(), serviceWorker(), precompressed()],
  resolve: {
    // `@common/`: code the browser and the app server both run (common/ imports neither src/ nor server/).
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@common': fileURLToPath(new URL('./common', import.meta.url)),
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: {
    sourcemap: false,
    target: 'es2022',
    manifest: true,
    rollupOptions: {
      output: {
        // Zod and the switch that keeps it from probing `new Function` travel together: when two
        // lazy chunks share zod, a schema made in the shared chunk would otherwise be made before
        // the switch ran, and the CSP would report the probe.
        manualChunks: (id) =>
          /[\\/]node_modules[\\/]zod[\\/]/.test(id) || id.endsWith('zod-without-eval.ts') ? 'zod' : undefined,
      },
    },
  },
});
