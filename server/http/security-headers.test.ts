import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServer } from '../app-server.ts';
import { readServerConfig, type ServerConfig } from '../server-config.ts';
import { createHarness, proxied, randomSessionSecret, signIn, testConfig } from '../testing/harness.ts';

const PIPEDRIVE_ENV = {
  QUICKLEAD_PROVIDER: 'pipedrive',
  QUICKLEAD_CLIENT_ID: 'pd-client',
  QUICKLEAD_CLIENT_SECRET: 'pd-secret-value',
  QUICKLEAD_PUBLIC_URL: 'https://leads.example.com',
  QUICKLEAD_SESSION_SECRET: randomSessionSecret(),
};

/** A stand-in for `dist/`: an index page, a hashed asset and two plain files. */
function buildDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'quicklead-dist-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>QuickLead</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  mkdirSync(join(root, '.vite'));
  writeFileSync(join(root, '.vite', 'manifest.json'), '{}');
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

/** The policy of the sandbox's default setup (both modes on): what a page may load and talk to. */
const SANDBOX_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:5181 http://127.0.0.1:5182",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self' http://127.0.0.1:5181",
].join('; ');

/** The Content-Security-Policy an app server with `config` sends, as a browser receives it. */
async function cspSentWith(config: ServerConfig): Promise<string | null> {
  const response = await createAppServer({ config }).request(
    new URL('/app-config.json', config.publicUrl).href,
  );
  return response.headers.get('content-security-policy');
}

function expectSecurityHeaders(response: Response, csp: string): void {
  expect(response.headers.get('content-security-policy')).toBe(csp);
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe('content security policy', () => {
  it('lets a sandbox page with spa mode reach only itself, the token endpoint and the API origin', async () => {
    expect(await cspSentWith(testConfig())).toBe(SANDBOX_CSP);
  });

  it('keeps connect-src to self when only bff is offered', async () => {
    const csp = await cspSentWith(readServerConfig(PIPEDRIVE_ENV));
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("worker-src 'self';");
    expect(csp).toContain("manifest-src 'self';");
    expect(csp).toContain("form-action 'self' https://oauth.pipedrive.com");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("allows the built index page's inline stylesheet by its SHA-256, and no other inline style", async () => {
    const root = buildDir();
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>QuickLead</title><style>header{background:#1f4e79}</style>',
    );
    const response = await createAppServer({ config: testConfig(), staticRoot: root }).request(
      'http://127.0.0.1:5173/',
    );
    const csp = response.headers.get('content-security-policy') ?? '';
    // echo -n 'header{background:#1f4e79}' | openssl dgst -sha256 -binary | base64
    expect(csp).toContain("style-src 'self' 'sha256-rmzhpIfe5uHWXQLv7VDZxU01Q0o4LZvfBhxNdyhvpn4=';");
    expect(csp).not.toMatch(/unsafe-(inline|eval|hashes)/);
    expect(csp).toContain("script-src 'self';");
  });
});

describe('security headers on every response', () => {
  it('puts them on the app page, the session, the config, proxied calls and refusals (no HSTS on http)', async () => {
    const h = createHarness();
    const app = createAppServer({ config: h.config, staticRoot: buildDir(), now: h.clock.now });
    const page = await app.request('http://127.0.0.1:5173/');
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, SANDBOX_CSP);
    expect(page.headers.get('strict-transport-security')).toBeNull();

    await signIn(h);
    const responses = [
      await h.request('/auth/session'),
      await h.request('/app-config.json'),
      await proxied(h, '/api/v1/users/me'),
      await proxied(h, '/api/v1/deals'),
      await h.request('/api/pipedrive/api/v1/users/me'),
      await h.request('/auth/login'),
    ];
    for (const response of responses) {
      expectSecurityHeaders(response, SANDBOX_CSP);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends none of the other headers Hono’s secure-headers middleware knows, which were never chosen', async () => {
    const app = createAppServer({ config: testConfig(), staticRoot: buildDir() });
    for (const path of ['/', '/app-config.json', '/auth/session']) {
      const response = await app.request(`http://127.0.0.1:5173${path}`);
      for (const name of [
        'cross-origin-embedder-policy',
        'cross-origin-resource-policy',
        'origin-agent-cluster',
        'permissions-policy',
        'x-dns-prefetch-control',
        'x-download-options',
        'x-frame-options',
        'x-permitted-cross-domain-policies',
        'x-xss-protection',
      ]) {
        expect(response.headers.get(name)).toBeNull();
      }
    }
  });

  it('adds HSTS only when the public URL is https', async () => {
    const app = createAppServer({ config: readServerConfig(PIPEDRIVE_ENV), staticRoot: buildDir() });
    for (const path of ['/', '/auth/session', '/api/pipedrive/api/v1/users/me', '/app-config.json']) {
      const response = await app.request(`https://leads.example.com${path}`);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });
});

describe('static files', () => {
  const app = createAppServer({ config: testConfig(), staticRoot: buildDir() });
  const get = (path: string) => app.request(`http://127.0.0.1:5173${path}`);

  it('serves hashed assets with a long cache, and a missing one as 404 rather than HTML', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await get('/assets/index-old999.js')).status).toBe(404);
  });

  it('answers SPA routes with index.html, revalidated on each load', async () => {
    for (const path of ['/', '/callback', '/leads/new']) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('<title>QuickLead</title>');
    }
  });

  it('serves robots.txt and favicon.svg as files, and 404s for other missing files and server paths', async () => {
    expect(await (await get('/robots.txt')).text()).toContain('Disallow: /');
    expect((await get('/favicon.svg')).headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect((await get('/missing.png')).status).toBe(404);
    expect((await get('/auth/unknown')).status).toBe(404);
    expect((await get('/api/other')).status).toBe(404);
    expect((await get('/../package.json')).status).not.toBe(500);
  });

  it('keeps the build metadata (dist/.vite) and other dot-files from browsers', async () => {
    for (const path of ['/.vite/manifest.json', '/.vite/chunk-modules.json', '/.env']) {
      expect((await get(path)).status).toBe(404);
    }
  });

  it('serves the public configuration', async () => {
    const response = await get('/app-config.json');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { modes: string[] }).modes).toEqual(['bff', 'spa']);
  });
});
