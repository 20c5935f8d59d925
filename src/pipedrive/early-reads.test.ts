import { describe, expect, it } from 'vitest';
import { withEarlyReads } from './early-reads.ts';
import { SETTINGS_READ_AT_SIGN_IN } from './settings-reads.ts';
import type { ApiRequest, Transport } from './transport.ts';

/** A transport that answers each call with its own number, and lists what it was sent. */
function countingTransport(fail?: (request: ApiRequest) => boolean) {
  const sent: string[] = [];
  const transport: Transport = async (request) => {
    sent.push(`${request.path}${request.query ? `?${new URLSearchParams(request.query as never)}` : ''}`);
    if (fail?.(request)) throw new TypeError('Failed to fetch');
    return Response.json({ answer: sent.length });
  };
  return { sent, transport };
}

const answerOf = async (response: Promise<Response>) =>
  ((await (await response).json()) as { answer: number }).answer;

describe('withEarlyReads', () => {
  it('sends the reads at once and hands each answer to the first request for the same call', async () => {
    const { sent, transport } = countingTransport();
    const early = withEarlyReads(transport);
    early.startEarly(SETTINGS_READ_AT_SIGN_IN);
    expect(sent).toEqual(['/api/v1/users/me', '/api/v1/leadLabels', '/api/v1/dealFields?start=0&limit=500']);

    expect(await answerOf(early.transport({ method: 'GET', path: '/api/v1/leadLabels' }))).toBe(2);
    expect(
      await answerOf(
        early.transport({ method: 'GET', path: '/api/v1/dealFields', query: { start: 0, limit: 500 } }),
      ),
    ).toBe(3);
    expect(sent).toHaveLength(3);
  });

  it('uses an answer once: the next request for the call (a retry, a second read) is sent', async () => {
    const { sent, transport } = countingTransport();
    const early = withEarlyReads(transport);
    early.startEarly([{ method: 'GET', path: '/api/v1/users/me' }]);
    await early.transport({ method: 'GET', path: '/api/v1/users/me' });
    expect(await answerOf(early.transport({ method: 'GET', path: '/api/v1/users/me' }))).toBe(2);
    expect(sent).toEqual(['/api/v1/users/me', '/api/v1/users/me']);
  });

  it('sends a call that differs in its query, its method, or that was not sent early', async () => {
    const { sent, transport } = countingTransport();
    const early = withEarlyReads(transport);
    early.startEarly(SETTINGS_READ_AT_SIGN_IN);
    await early.transport({ method: 'GET', path: '/api/v1/dealFields', query: { start: 500, limit: 500 } });
    await early.transport({ method: 'POST', path: '/api/v1/leadLabels', body: {} });
    await early.transport({ method: 'GET', path: '/api/v1/currencies' });
    expect(sent.slice(3)).toEqual([
      '/api/v1/dealFields?start=500&limit=500',
      '/api/v1/leadLabels',
      '/api/v1/currencies',
    ]);
  });

  it('does not use an answer older than 30 s, nor hand one to a request already called off', async () => {
    const { sent, transport } = countingTransport();
    let clock = 0;
    const early = withEarlyReads(transport, () => clock);
    early.startEarly(SETTINGS_READ_AT_SIGN_IN);
    clock = 30_001;
    expect(await answerOf(early.transport({ method: 'GET', path: '/api/v1/users/me' }))).toBe(4);
    const calledOff = new AbortController();
    calledOff.abort();
    await early.transport({ method: 'GET', path: '/api/v1/leadLabels', signal: calledOff.signal });
    expect(sent.slice(3)).toEqual(['/api/v1/users/me', '/api/v1/leadLabels']);
  });

  it('a failed early read fails the request that takes it, and unasked for, fails nobody', async () => {
    const { transport } = countingTransport((request) => request.path !== '/api/v1/users/me');
    const early = withEarlyReads(transport);
    early.startEarly(SETTINGS_READ_AT_SIGN_IN);
    await expect(early.transport({ method: 'GET', path: '/api/v1/leadLabels' })).rejects.toThrow(
      'Failed to fetch',
    );
    // The dealFields read failed too and nobody asked: no unhandled rejection fails this test.
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
