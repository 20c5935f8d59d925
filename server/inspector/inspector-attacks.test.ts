import { describe, expect, it } from 'vitest';
import type { FlowStep } from '../../common/inspector/model.ts';
import { textOf } from '../../common/inspector/model.ts';
import { ACCESS_TOKEN_TTL_S } from '../../sandbox/store/auth-store.ts';
import {
  API_ORIGIN,
  CSRF,
  createHarness,
  type Harness,
  proxied,
  signIn,
  testConfig,
  tokenCalls,
} from '../testing/harness.ts';
import { CUSTOM_PROVIDER_ENV, longTokenProvider } from '../testing/long-token-provider.ts';
import { FlowRecorder, INSPECTOR_LIMITS, INSPECTOR_WORST_CASE_BYTES } from './flow-recorder.ts';

/**
 * Attacks on the `bff` inspector from a red-team pass: tokens reaching the browser through the
 * timeline, memory that grows without bound, and anonymous sign-in starts pushing out signed-in
 * sessions' timelines.
 */

async function inspectorAnswer(h: Harness): Promise<{ raw: string; steps: FlowStep[] }> {
  const response = await h.request('/auth/inspector', { headers: CSRF });
  expect(response.status).toBe(200);
  const raw = await response.text();
  return { raw, steps: (JSON.parse(raw) as { steps: FlowStep[] }).steps };
}

/** Every 20-character piece of `secret` that can be found in `text`: none may be. */
function piecesFoundIn(text: string, secret: string, pieceLength = 20): string[] {
  const found: string[] = [];
  for (let start = 0; start + pieceLength <= secret.length; start += 1) {
    const piece = secret.slice(start, start + pieceLength);
    if (text.includes(piece)) found.push(piece);
  }
  return found;
}

describe('the inspector hands no live token to the browser in bff mode', () => {
  it.each([900, 5000])(
    'a custom provider’s %i-character tokens: no 20-character piece of any in /auth/inspector, before or after a refresh',
    async (length) => {
      const provider = longTokenProvider(length);
      const h = createHarness({ env: CUSTOM_PROVIDER_ENV, provider: provider.wrap });
      expect((await signIn(h)).headers.get('location')).toBe('/');
      expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
      h.clock.advance(ACCESS_TOKEN_TTL_S * 1000 - 30_000);
      expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
      expect(tokenCalls(h, 'refresh_token')).toHaveLength(1);

      const { raw, steps } = await inspectorAnswer(h);
      const tokens = provider.issued();
      // The sign-in's access and refresh tokens, and the access token the refresh bought.
      expect(tokens).toHaveLength(3);
      for (const token of tokens) {
        expect(token).toHaveLength(length);
        expect(piecesFoundIn(raw, token).slice(0, 3)).toEqual([]);
      }
      // Still explained: the tokens are there as a length and fingerprint, not dropped.
      for (const kind of ['token-response', 'refresh'] as const) {
        const step = steps.find((candidate) => candidate.kind === kind);
        const accessToken = step?.facts.find((fact) => fact.label === 'access_token')?.value ?? [];
        expect(textOf(accessToken, true)).toBe('••••');
        expect(accessToken[0]).toMatchObject({ hint: expect.stringMatching(`^${length} characters`) });
      }
    },
  );
});

describe('the inspector’s memory is bounded', () => {
  it('100 POSTs of 250 KB through the API proxy leave the session’s /auth/inspector answer under its cap', async () => {
    const h = createHarness();
    await signIn(h);
    const body = JSON.stringify({ title: 'x'.repeat(250_000) });
    for (let call = 0; call < 100; call += 1) {
      await proxied(h, '/api/v1/leads', { method: 'POST', body });
    }
    const { raw, steps } = await inspectorAnswer(h);
    expect(Buffer.byteLength(raw)).toBeLessThanOrEqual(INSPECTOR_LIMITS.sessions.maxEntryBytes);
    // The sign-in itself is kept; the oldest calls made room for the newest.
    expect(steps.slice(0, 3).map((step) => step.kind)).toEqual(['pkce', 'authorization-request', 'callback']);
    expect(steps.at(-1)?.title).toBe('POST /api/v1/leads');
  });

  it('a call with a 60 KB query string is kept within the per-step cap, as an outline', async () => {
    const h = createHarness();
    await signIn(h);
    await proxied(h, `/api/v1/users/me?padding=${'q'.repeat(60_000)}`);
    const { steps } = await inspectorAnswer(h);
    const call = steps.at(-1);
    expect(Buffer.byteLength(JSON.stringify(call))).toBeLessThanOrEqual(
      INSPECTOR_LIMITS.sessions.maxStepBytes,
    );
    expect(call?.kind).toBe('api-call');
    expect(call?.facts.map((fact) => fact.label)).toEqual(['details']);
  });

  it('many sessions’ timelines stay under the instance’s total cap: the least recently used go first', async () => {
    const recorder = new FlowRecorder(testConfig(), () => Date.UTC(2026, 0, 1));
    // Control characters take 6 bytes each in JSON, so every step is about as large as its cap allows.
    const heavy = '\u0001'.repeat(1_500);
    const heavyAnswer: typeof fetch = async () => new Response(heavy);
    const { maxEntryBytes, maxTotalBytes } = INSPECTOR_LIMITS.sessions;
    const sessions = 80;
    for (let session = 0; session < sessions; session += 1) {
      const send = recorder.fetchFor(`sid-${session}`, heavyAnswer);
      for (let call = 0; call < 25; call += 1) {
        await send(`${API_ORIGIN}/api/v1/leads`, { method: 'POST', body: heavy });
      }
      expect(
        Buffer.byteLength(JSON.stringify({ steps: recorder.steps(`sid-${session}`) })),
      ).toBeLessThanOrEqual(maxEntryBytes);
    }
    expect(recorder.sessions.bytes).toBeLessThanOrEqual(maxTotalBytes);
    expect(recorder.bytes).toBeLessThanOrEqual(INSPECTOR_WORST_CASE_BYTES);
    // Counted as served: the sum of the timelines' own JSON.
    let served = 0;
    for (let session = 0; session < sessions; session += 1)
      if (recorder.steps(`sid-${session}`).length > 0)
        served += Buffer.byteLength(JSON.stringify({ steps: recorder.steps(`sid-${session}`) }));
    expect(served).toBe(recorder.sessions.bytes);
    expect(recorder.steps('sid-0')).toEqual([]);
    expect(recorder.steps(`sid-${sessions - 1}`).length).toBeGreaterThan(0);
  }, 30_000);
});

/**
 * An anonymous browser starting a sign-in as the sign-in button does (`POST /auth/login` with the CSRF header); no cookie of
 * the signed-in browser goes with it. The one place to change if starting a sign-in changes.
 */
async function startAnonymousSignIn(h: Harness): Promise<void> {
  const response = await h.app.request(new URL('/auth/login', h.config.publicUrl).href, {
    method: 'POST',
    headers: CSRF,
  });
  expect(response.status).toBe(200);
}

describe('anonymous sign-in starts cannot push out a signed-in session’s timeline', () => {
  it('300 anonymous /auth/login starts after a sign-in leave that session’s timeline intact', async () => {
    const h = createHarness();
    await signIn(h);
    expect((await proxied(h, '/api/v1/users/me')).status).toBe(200);
    const before = (await inspectorAnswer(h)).steps;
    expect(before.map((step) => step.kind)).toEqual([
      'pkce',
      'authorization-request',
      'callback',
      'token-request',
      'token-response',
      'api-call',
      'api-call',
    ]);

    for (let start = 0; start < 300; start += 1) await startAnonymousSignIn(h);

    expect((await inspectorAnswer(h)).steps).toEqual(before);
  });
});
