import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/precompress.ts';
import { registerStaticFiles } from './static-files.ts';

/** A production build in miniature, compressed the way `vite build` does it. */
function builtApp() {
  const root = mkdtempSync(join(tmpdir(), 'quicklead-dist-'));
  mkdirSync(join(root, 'assets'));
  const script = `export const app = ${JSON.stringify('QuickLead '.repeat(2000))};\n`;
  writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>QuickLead</title><div id="root"></div>');
  precompressDir(root);
  const app = new Hono();
  registerStaticFiles(app, root);
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
});
