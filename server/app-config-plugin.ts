import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { APP_CONFIG_PATH } from '../src/config/app-config.ts';
import { contentSecurityPolicy, readPublicConfig } from './public-config.ts';

type Next = (error?: unknown) => void;

/**
 * Serves `/app-config.json` from the environment in `vite` (dev) and `vite preview`, and puts the
 * security headers on every preview response (the dev server needs inline scripts for hot reload,
 * so it gets no CSP).
 */
export function appConfigPlugin(): Plugin {
  const config = () => readPublicConfig(process.env);

  const serveConfig = (req: IncomingMessage, res: ServerResponse, next: Next) => {
    if (req.url?.split('?')[0] !== APP_CONFIG_PATH) return next();
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(JSON.stringify(config()));
  };

  const securityHeaders = (_req: IncomingMessage, res: ServerResponse, next: Next) => {
    res.setHeader('content-security-policy', contentSecurityPolicy(config()));
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    next();
  };

  return {
    name: 'quicklead-app-config',
    configureServer(server) {
      config();
      server.middlewares.use(serveConfig);
    },
    configurePreviewServer(server) {
      config();
      server.middlewares.use(securityHeaders);
      server.middlewares.use(serveConfig);
    },
  };
}
