import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/app/query-client.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { TransportProvider } from '@/pipedrive/transport-context.tsx';
import { createSandboxTransport, type FaultFor, transportWithToken } from '@/testing/sandbox-transport.ts';
import type { ContactRef } from './contact-ref.ts';
import { PersonPicker } from './person-picker.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

interface Sent {
  request: ApiRequest;
  at: number;
}

/**
 * The person picker against the sandbox with the app's own query client (its retries included),
 * on fake timers that also run by themselves. Every search request is recorded with its time.
 */
function renderPicker(options: { faultFor?: FaultFor; hold?: (request: ApiRequest) => Promise<void> } = {}) {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const { sandbox, token } = createSandboxTransport();
  const inner = transportWithToken(sandbox, () => token, options.faultFor);
  const searches: Sent[] = [];
  const transport: Transport = async (request) => {
    searches.push({ request, at: Date.now() });
    await options.hold?.(request);
    return inner(request);
  };
  function Harness() {
    const [value, setValue] = useState<ContactRef | null>(null);
    return <PersonPicker id="person" value={value} onChange={setValue} />;
  }
  render(
    <QueryClientProvider client={createQueryClient()}>
      <TransportProvider transport={transport}>
        <Harness />
      </TransportProvider>
    </QueryClientProvider>,
  );
  const typist = (delay: number) =>
    userEvent.setup({ delay, advanceTimers: (ms: number) => vi.advanceTimersByTime(ms) });
  return { searches, typist, input: () => screen.getByRole('combobox', { name: 'Person' }) };
}

/** The most searches started in any 2 s. */
function busiest(searches: Sent[]): number {
  const times = searches.map((search) => search.at);
  return Math.max(0, ...times.map((start) => times.filter((t) => t >= start && t < start + 2000).length));
}

const terms = (searches: Sent[]) => searches.map((search) => search.request.query?.term);

describe('person search within Pipedrive’s limit of 10 searches per 2 s per token', () => {
  it('a fast typist makes one search for the whole word', async () => {
    const { searches, typist, input } = renderPicker();
    await typist(40).type(input(), 'Lovelace');
    expect(await screen.findByRole('option', { name: /^Ada Lovelace/ })).toBeTruthy();
    expect(terms(searches)).toEqual(['Lovelace']);
  });

  it('a typist just slower than the debounce still starts fewer than 10 searches in any 2 s', async () => {
    const { searches, typist, input } = renderPicker();
    await typist(260).type(input(), 'Analytical Engines Limited of London');
    await vi.advanceTimersByTimeAsync(3000);
    expect(searches.length).toBeGreaterThan(10);
    expect(busiest(searches)).toBeLessThanOrEqual(8);
  });

  it('cancels a search the rep typed past, through the query’s AbortSignal', async () => {
    let release: () => void = () => undefined;
    const { searches, typist, input } = renderPicker({
      // The first search is slow to answer.
      hold: (request) =>
        request.query?.term === 'Lov'
          ? new Promise<void>((resolve) => (release = resolve))
          : Promise.resolve(),
    });
    const user = typist(0);
    await user.type(input(), 'Lov');
    await waitFor(() => expect(terms(searches)).toEqual(['Lov']));
    await user.type(input(), 'elace');
    await waitFor(() => expect(terms(searches)).toEqual(['Lov', 'Lovelace']));
    expect(searches[0]?.request.signal?.aborted).toBe(true);
    expect(searches[1]?.request.signal?.aborted).toBe(false);
    release();
    expect(await screen.findByRole('option', { name: /^Ada Lovelace/ })).toBeTruthy();
  });

  it('a term searched a moment ago comes from the cache', async () => {
    const { searches, typist, input } = renderPicker();
    const user = typist(0);
    await user.type(input(), 'Lovelace');
    await screen.findByRole('option', { name: /^Ada Lovelace/ });
    await user.clear(input());
    await user.type(input(), 'Lovelace');
    await vi.advanceTimersByTimeAsync(500);
    expect(await screen.findByRole('option', { name: /^Ada Lovelace/ })).toBeTruthy();
    expect(terms(searches)).toEqual(['Lovelace']);
  });
});

describe('a person search refused with 429', () => {
  it('a short wait is sat out and the search sent again', async () => {
    let limited = true;
    const { searches, typist, input } = renderPicker({
      faultFor: (request) => {
        if (!limited) return undefined;
        limited = false;
        return { path: request.path, status: 429, retryAfterSeconds: 2 };
      },
    });
    await typist(0).type(input(), 'Lovelace');
    await waitFor(() => expect(terms(searches)).toEqual(['Lovelace']));
    // Retry-After: 2 s, then once more.
    await vi.advanceTimersByTimeAsync(2000);
    expect(await screen.findByRole('option', { name: /^Ada Lovelace/ })).toBeTruthy();
    expect(terms(searches)).toEqual(['Lovelace', 'Lovelace']);
  });

  it('a spent daily budget is not retried: the rep reads that it is used up and when it resets', async () => {
    const { searches, typist, input } = renderPicker({
      faultFor: (request) => ({ path: request.path, status: 429, retryAfterSeconds: 3939 }),
    });
    await typist(0).type(input(), 'Lovelace');
    const status = await screen.findByText(
      /^QuickLead cannot search now\. Your company’s Pipedrive API budget for today is used up\. It resets at \d\d:\d\d/,
    );
    expect(status.closest('[role="status"]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(searches).toHaveLength(1);
    expect((input() as HTMLInputElement).value).toBe('Lovelace');
  });
});
