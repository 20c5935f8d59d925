import { gunzipSync } from 'node:zlib';
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
  it('a large Pipedrive answer through the proxy comes gzipped once, uncached, with Vary', async () => {
    const h = await signedIn();
    const plain = await proxied(h, '/api/v1/dealFields');
    const plainBody = Buffer.from(await plain.arrayBuffer());
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plainBody.length).toBeGreaterThan(1024);

    const zipped = await proxied(h, '/api/v1/dealFields', { headers: BROWSER_ENCODINGS });
    const zippedBody = Buffer.from(await zipped.arrayBuffer());
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    // Unzipped once it is the JSON itself: nothing was compressed twice.
    expect(JSON.parse(gunzipSync(zippedBody).toString())).toEqual(JSON.parse(plainBody.toString()));
    expect(zippedBody.length).toBeLessThan(plainBody.length / 3);
  });

  it.each(['gzip;q=0, br', 'identity', '*;q=0'])(
    'a browser that does not take gzip (%s) gets the JSON as it is',
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
