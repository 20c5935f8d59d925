import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { APP_CONFIG_PATH } from '../../common/app-config.ts';
import { CSRF, createHarness, proxied, signIn } from '../testing/harness.ts';

const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

async function signedIn() {
  const h = createHarness();
  await signIn(h);
  return h;
}

describe('JSON answers over the wire', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ] as const)(
    'a large Pipedrive answer through the proxy (Accept-Encoding: %s) comes as %s, once, uncached, with Vary',
    async (acceptEncoding, encoding, decode) => {
      const h = await signedIn();
      const plain = await proxied(h, '/api/v1/dealFields');
      const plainBody = Buffer.from(await plain.arrayBuffer());
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plainBody.length).toBeGreaterThan(1024);

      const packed = await proxied(h, '/api/v1/dealFields', {
        headers: { 'accept-encoding': acceptEncoding },
      });
      const packedBody = Buffer.from(await packed.arrayBuffer());
      expect(packed.status).toBe(200);
      expect(packed.headers.get('content-encoding')).toBe(encoding);
      expect(packed.headers.get('content-length')).toBe(String(packedBody.length));
      expect(packed.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(packed.headers.get('cache-control')).toBe('no-store');
      // Decoded once it is the JSON itself: nothing was compressed twice.
      expect(JSON.parse(decode(packedBody).toString())).toEqual(JSON.parse(plainBody.toString()));
      expect(packedBody.length).toBeLessThan(plainBody.length / 3);
    },
  );

  it.each(['gzip;q=0, br;q=0', 'identity', '*;q=0'])(
    'a browser that takes neither brotli nor gzip (%s) gets the JSON as it is',
    async (acceptEncoding) => {
      const h = await signedIn();
      const response = await proxied(h, '/api/v1/dealFields', {
        headers: { 'accept-encoding': acceptEncoding },
      });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1024);
      expect((await response.json()).success).toBe(true);
    },
  );

  it('a small answer is sent as it is: gzip would add more than it saves', async () => {
    const h = await signedIn();
    const response = await proxied(h, '/api/v1/no-such-call', { headers: BROWSER_ENCODINGS });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect((await response.json()).error).toBe('Not found');
  });

  it('sign-in answers are never compressed, however large: they mix secrets with what a caller sent', async () => {
    const h = await signedIn();
    const timeline = await h.request('/auth/inspector', { headers: { ...CSRF, ...BROWSER_ENCODINGS } });
    expect(timeline.status).toBe(200);
    expect((await timeline.clone().arrayBuffer()).byteLength).toBeGreaterThan(1024);
    expect(timeline.headers.get('content-encoding')).toBeNull();
    expect((await timeline.json()).steps.length).toBeGreaterThan(0);

    const session = await h.request('/auth/session', { headers: BROWSER_ENCODINGS });
    expect(session.headers.get('content-encoding')).toBeNull();
    expect((await session.json()).signedIn).toBe(true);
  });

  it('the run-time config is sent as it is', async () => {
    const h = createHarness();
    const response = await h.request(APP_CONFIG_PATH, { headers: BROWSER_ENCODINGS });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
