import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest } from '@/pipedrive/transport.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  sessionStorage.clear();
});

/** A sandbox fault on the first create only; later ones go through. */
function onFirstCreate(rule: Record<string, unknown>) {
  let used = false;
  return (request: ApiRequest) => {
    if (request.method !== 'POST' || used) return undefined;
    used = true;
    return { path: '/api/v1/leads', ...rule };
  };
}

/** Each test has a sandbox of its own, which starts with no leads. */
function storedLeads(sandbox: Awaited<ReturnType<typeof renderLeadScreen>>['sandbox']) {
  return sandbox.store.crm.countLeads();
}

/** Fake timers that also run on their own, so the picker's debounce and user-event just work. */
function fakeTime() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  return { advanceTimers: (ms: number) => vi.advanceTimersByTime(ms) };
}

describe('exactly one lead, whatever the network does', () => {
  it('a connection dropped after the lead was stored: found where leads are stored though search lags, shown, never sent twice', async () => {
    const { posts, lookups, requests, sandbox, user } = await renderLeadScreen({
      faultFor: onFirstCreate({ dropAfterStore: true }),
      searchLagMs: 5000,
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    expect(await screen.findByText('Lead created in Pipedrive')).toBeTruthy();
    expect(posts()).toHaveLength(1);
    expect(lookups()).toHaveLength(1);
    expect(requests.some((request) => request.path === '/api/v2/leads/search')).toBe(false);
    expect(storedLeads(sandbox)).toBe(1);
  });

  it('a 500 before storing: a visible check of at most three reads, then only "Create anyway" sends it again', async () => {
    const time = fakeTime();
    const { posts, lookups, sandbox, user } = await renderLeadScreen({
      faultFor: onFirstCreate({ status: 500 }),
      ...time,
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const status = await screen.findByText(/^Checking whether the lead was created… \(check 1 of 3\)$/);
    expect(status.getAttribute('role')).toBe('status');
    await vi.advanceTimersByTimeAsync(2000);
    expect(await screen.findByText(/check 2 of 3/)).toBeTruthy();
    await vi.advanceTimersByTimeAsync(5000);
    expect(await screen.findByText(/it is not in Pipedrive/)).toBeTruthy();
    expect(screen.queryByText(/Checking whether/)).toBeNull();
    expect(lookups()).toHaveLength(3);
    expect(posts()).toHaveLength(1);
    expect(storedLeads(sandbox)).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Create anyway' }));
    expect(await screen.findByText('Lead created in Pipedrive')).toBeTruthy();
    expect(posts()).toHaveLength(2);
    expect(lookups()).toHaveLength(3);
    expect(storedLeads(sandbox)).toBe(1);
  });

  it('after a lost answer the rep edits the title: the lead is found by the title sent', async () => {
    const time = fakeTime();
    let drop = true;
    const { posts, sandbox, user } = await renderLeadScreen({
      // The create is stored but its answer lost, and the look that follows fails too.
      faultFor: (request) => {
        if (request.method === 'POST' && drop) return { path: '/api/v1/leads', dropAfterStore: true };
        if (request.method === 'GET' && request.path === '/api/v1/leads' && drop) {
          return { path: '/api/v1/leads', status: 503 };
        }
        return undefined;
      },
      ...time,
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    const title = screen.getByRole('textbox', { name: 'Title' });
    const sentTitle = (title as HTMLInputElement).value;
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await vi.advanceTimersByTimeAsync(7000);
    expect(await screen.findByText(/cannot tell yet whether the lead was stored/)).toBeTruthy();

    drop = false;
    await user.clear(title);
    await user.type(title, 'Chairs for the Analytical Engine');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByRole('heading', { level: 1, name: sentTitle })).toBeTruthy();
    expect(posts()).toHaveLength(1);
    expect(storedLeads(sandbox)).toBe(1);
  });

  it('a 429 waits for Retry-After, counts down, then sends once more', async () => {
    const { posts, sandbox, user } = await renderLeadScreen({
      faultFor: onFirstCreate({ status: 429, retryAfterSeconds: 1 }),
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    expect(await screen.findByText(/Sending again in 1 s/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Lead created in Pipedrive')).toBeTruthy(), {
      timeout: 5000,
    });
    expect(posts()).toHaveLength(2);
    expect(storedLeads(sandbox)).toBe(1);
  });

  it('after a 429 the create itself is sent again: what the form holds since does not change or stop it', async () => {
    const { posts, sandbox, user } = await renderLeadScreen({
      faultFor: onFirstCreate({ status: 429, retryAfterSeconds: 1 }),
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    const title = screen.getByRole('textbox', { name: 'Title' });
    const sentTitle = (title as HTMLInputElement).value;
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(await screen.findByText(/Sending again in 1 s/)).toBeTruthy();

    // Emptied, the form could not be submitted; the create waiting for its turn goes all the same.
    await user.clear(title);
    expect(await screen.findByRole('heading', { level: 1, name: sentTitle }, { timeout: 5000 })).toBeTruthy();
    expect(posts().map((post) => (post.body as { title: string }).title)).toEqual([sentTitle, sentTitle]);
    expect(storedLeads(sandbox)).toBe(1);
  });
});
