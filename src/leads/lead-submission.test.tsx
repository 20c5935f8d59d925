import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest } from '@/pipedrive/transport.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';

afterEach(() => {
  cleanup();
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

describe('exactly one lead, whatever the network does', () => {
  it('a connection dropped after the lead was stored: found, shown, never sent twice', async () => {
    const { posts, sandbox, user } = await renderLeadScreen({
      faultFor: onFirstCreate({ dropAfterStore: true }),
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    expect(await screen.findByText('Lead created in Pipedrive')).toBeTruthy();
    expect(posts()).toHaveLength(1);
    expect(storedLeads(sandbox)).toBe(1);
  });

  it('a 500 before storing: not found, so only "Create anyway" sends it again', async () => {
    const { posts, sandbox, user } = await renderLeadScreen({ faultFor: onFirstCreate({ status: 500 }) });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    expect(await screen.findByText(/it is not in Pipedrive/)).toBeTruthy();
    expect(posts()).toHaveLength(1);
    expect(storedLeads(sandbox)).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Create anyway' }));
    expect(await screen.findByText('Lead created in Pipedrive')).toBeTruthy();
    expect(posts()).toHaveLength(2);
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
});
