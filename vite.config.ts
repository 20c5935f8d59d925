import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The app server (server/) answers /app-config.json, /auth/* and /api/pipedrive/*: in production it
// serves dist/ itself, in development scripts/start.ts proxies those paths to it from Vite.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { sourcemap: false, target: 'es2022' },
});
