import { describe, expect, it, vi } from 'vitest';
import { addLead } from '@/pipedrive/add-lead.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { ProviderBusyError, ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { bffSessionTransport } from './bff-transport.ts';

/** The app server's answers, as its contract describes them. */
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const NOT_ANSWERING = {
  success: false,
  error: 'provider_unavailable',
  error_info: 'Pipedrive is not answering. Your lead is kept; try again in a moment.',
};

function through(answer: () => Response) {
  const onSessionEnded = vi.fn();
  const server: Transport = async () => answer();
  return { transport: bffSessionTransport(onSessionEnded, server), onSessionEnded };
}

const LEAD = { title: 'Kept', person_id: 1 };

describe('bffSessionTransport', () => {
  it('a refresh the server could not do (503 provider_unavailable) fails the call as "not answering", session kept', async () => {
    const { transport, onSessionEnded } = through(() => json(503, NOT_ANSWERING));
    const error = await addLead(transport, LEAD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderUnavailableError);
    // Not an ApiError 5xx: the send-once logic would take it for a lost create and go looking.
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(
      'Pipedrive is not answering. Your lead is kept; try again in a moment.',
    );
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('provider_busy fails the call as busy, with the Retry-After the server sent', async () => {
    const busy = { success: false, error: 'provider_busy', error_info: 'Pipedrive asks to wait.' };
    const { transport, onSessionEnded } = through(() => json(503, busy, { 'retry-after': '12' }));
    const error = await addLead(transport, LEAD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderBusyError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 12 });
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('Pipedrive’s own errors go through as before: a 502 from the proxy, a 429 from Pipedrive', async () => {
    const proxy = through(() => json(502, { success: false, error: 'upstream_unreachable' }));
    expect(await addLead(proxy.transport, LEAD).catch((e: unknown) => e)).toMatchObject({ status: 502 });
    const limited = through(() =>
      json(429, { success: false, error: 'Request over limit' }, { 'retry-after': '2' }),
    );
    const error = await addLead(limited.transport, LEAD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(ProviderBusyError);
  });

  it('a 401 says the session is over', async () => {
    const { transport, onSessionEnded } = through(() =>
      json(401, { success: false, error: 'sign_in_required' }),
    );
    expect(await addLead(transport, LEAD).catch((e: unknown) => e)).toMatchObject({ status: 401 });
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
  });
});
