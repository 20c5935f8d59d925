import { mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type Context, Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress.ts';
import { registerStaticFiles } from './static-files.ts';

/** A production build in miniature, compressed the way `vite build` does it. */
function builtApp(pageHints?: (c: Context) => string[]) {
  const root = mkdtempSync(join(tmpdir(), 'quicklead-dist-'));
  mkdirSync(join(root, 'assets'));
  const script = `export const app = ${JSON.stringify('QuickLead '.repeat(2000))};\n`;
  writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>QuickLead</title><div id="root"></div>');
  // What the service worker step adds: the worker, its Workbox runtime, the manifest and the icons.
  writeFileSync(join(root, 'sw.js'), 'define(["./workbox-53621aea"], function () {});\n');
  writeFileSync(join(root, 'workbox-53621aea.js'), 'define(["exports"], function () {});\n');
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"QuickLead","start_url":"/"}');
  writeFileSync(join(root, 'icon-192.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  precompressDir(root);
  const app = new Hono();
  registerStaticFiles(app, root, pageHints);
  return { app, root, script };
}

const get = (app: Hono, path: string, acceptEncoding?: string) =>
  app.request(
    `http://127.0.0.1${path}`,
    acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {},
  );

describe('static files, compressed at build time', () => {
  it('a browser that takes brotli gets the brotli twin, with its own length, and Vary', async () => {
    const { app, root, script } = builtApp();
    const response = await get(app, '/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-length')).toBe(
      String(readFileSync(join(root, 'assets', 'index-abc123.js.br')).length),
    );
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(body).toString()).toBe(script);
    // A tenth of the plain file or less, for text this repetitive.
    expect(body.length).toBeLessThan(script.length / 10);
  });

  it('gzip only: the gzip twin; nothing accepted: the file as it is, still with Vary', async () => {
    const { app, script } = builtApp();
    const gzipped = await get(app, '/assets/index-abc123.js', 'gzip');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(script);

    const plain = await get(app, '/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(script)));
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');
    expect(await plain.text()).toBe(script);
  });

  it('the app page of any route comes compressed too, and keeps its no-cache', async () => {
    const { app } = builtApp();
    const page = await get(app, '/callback', 'br');
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(Buffer.from(await page.arrayBuffer())).toString()).toContain(
      '<div id="root">',
    );
  });

  it('the share target, /share with what another app shared, gets the app page, which reads it', async () => {
    const { app } = builtApp();
    const page = await get(
      app,
      `/share?title=Hi&text=${encodeURIComponent('Ada <ada@x.example>')}&url=https%3A%2F%2Fx.example`,
    );
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="root">');
  });

  it('the app page at / keeps its no-cache when sent compressed, as at any other route', async () => {
    const { app } = builtApp();
    for (const encoding of ['br', 'gzip', undefined]) {
      const page = await get(app, '/', encoding);
      expect(page.headers.get('content-encoding')).toBe(encoding ?? null);
      expect(page.headers.get('cache-control')).toBe('no-cache');
    }
  });
});

describe('the page hints', () => {
  it('go on the app page, at / and at any route, compressed or not, and vary with the cookie', async () => {
    const { app } = builtApp((c) =>
      c.req.header('cookie') ? ['</assets/late.js>; rel=modulepreload; crossorigin'] : [],
    );
    for (const path of ['/', '/callback']) {
      for (const encoding of ['br', undefined]) {
        const signedIn = await app.request(`http://127.0.0.1${path}`, {
          headers: { cookie: 'quicklead-session=x', ...(encoding ? { 'accept-encoding': encoding } : {}) },
        });
        expect(signedIn.headers.get('link')).toBe('</assets/late.js>; rel=modulepreload; crossorigin');
        expect(signedIn.headers.get('vary')).toContain('Cookie');
      }
      expect((await get(app, path, 'br')).headers.get('link')).toBeNull();
    }
  });

  it('never go on other files', async () => {
    const { app } = builtApp(() => ['</assets/late.js>; rel=modulepreload; crossorigin']);
    expect((await get(app, '/assets/index-abc123.js', 'br')).headers.get('link')).toBeNull();
  });
});

describe('static files, cached by the browser', () => {
  it('the app page is revalidated on every load, whichever twin is sent and however it is asked for', async () => {
    const { app } = builtApp();
    // `/batch`: the batch screen's own address loads the app too.
    for (const path of ['/', '/index.html', '/callback', '/batch']) {
      for (const acceptEncoding of ['gzip, deflate, br, zstd', 'gzip', undefined]) {
        const page = await get(app, path, acceptEncoding);
        expect(page.status).toBe(200);
        expect(`${path} ${acceptEncoding}: ${page.headers.get('cache-control')}`).toBe(
          `${path} ${acceptEncoding}: no-cache`,
        );
      }
    }
  });

  it('hashed assets are kept a year and never asked about again, compressed or not', async () => {
    const { app } = builtApp();
    for (const acceptEncoding of ['br', undefined]) {
      const asset = await get(app, '/assets/index-abc123.js', acceptEncoding);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('etag')).toBeNull();
    }
  });

  it('an app page the browser still holds costs a 304 with no body; a new build sends the new page', async () => {
    const { app, root } = builtApp();
    const first = await get(app, '/', 'br');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]+"$/);

    const again = await app.request('http://127.0.0.1/', {
      headers: { 'accept-encoding': 'br', 'if-none-match': String(tag) },
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(again.headers.get('etag')).toBe(tag);
    expect(again.headers.get('vary')).toContain('Accept-Encoding');

    // The gzip twin is another entity: the brotli twin's tag does not stand for it.
    const gzipped = await app.request('http://127.0.0.1/', {
      headers: { 'accept-encoding': 'gzip', 'if-none-match': String(tag) },
    });
    expect(gzipped.status).toBe(200);

    // A deploy that keeps the files' times (or sets them all alike) still gets the new page out.
    const index = join(root, 'index.html');
    const { mtime } = statSync(`${index}.br`);
    writeFileSync(index, '<!doctype html><title>QuickLead</title><div id="root" data-build="2"></div>');
    precompressDir(root);
    for (const file of [index, `${index}.br`, `${index}.gz`]) utimesSync(file, mtime, mtime);
    const afterDeploy = await app.request('http://127.0.0.1/', {
      headers: { 'accept-encoding': 'br', 'if-none-match': String(tag) },
    });
    expect(afterDeploy.status).toBe(200);
    expect(brotliDecompressSync(Buffer.from(await afterDeploy.arrayBuffer())).toString()).toContain(
      'data-build="2"',
    );
  });

  it('the service worker and the manifest are asked about on every load, so a new version is seen at once', async () => {
    const { app } = builtApp();
    for (const [path, type] of [
      ['/sw.js', /javascript/],
      ['/manifest.webmanifest', /application\/manifest\+json/],
    ] as const) {
      for (const acceptEncoding of ['br', undefined]) {
        const file = await get(app, path, acceptEncoding);
        expect(file.status).toBe(200);
        expect(file.headers.get('content-type')).toMatch(type);
        expect(`${path}: ${file.headers.get('cache-control')}`).toBe(`${path}: no-cache`);
        const again = await app.request(`http://127.0.0.1${path}`, {
          headers: {
            ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
            'if-none-match': String(file.headers.get('etag')),
          },
        });
        expect(again.status).toBe(304);
      }
    }
  });

  it("Workbox's runtime is named by its content, so it is kept like a hashed asset; the icons for an hour", async () => {
    const { app } = builtApp();
    const runtime = await get(app, '/workbox-53621aea.js', 'br');
    expect(runtime.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(runtime.headers.get('content-type')).toMatch(/javascript/);
    const icon = await get(app, '/icon-192.png');
    expect(icon.headers.get('content-type')).toBe('image/png');
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
