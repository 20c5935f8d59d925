import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest } from '@/pipedrive/transport.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';
import { SANDBOX_ADMIN_HEADERS } from '../../../sandbox/admin/admin-guard.ts';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  sessionStorage.clear();
});

/** The company's daily budget is spent: the first create gets a 429 asking to wait two minutes. */
function budgetSpentOnFirstCreate() {
  let used = false;
  return (request: ApiRequest) => {
    if (request.method !== 'POST' || used) return undefined;
    used = true;
    return { path: '/api/v1/leads', status: 429, retryAfterSeconds: 120 };
  };
}

async function submitQueued() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const rendered = await renderLeadScreen({
    faultFor: budgetSpentOnFirstCreate(),
    advanceTimers: (ms) => vi.advanceTimersByTime(ms),
  });
  await pickPerson(rendered.user, 'Lovelace', 'Ada Lovelace');
  await rendered.user.click(screen.getByRole('button', { name: 'Create lead' }));
  await screen.findByRole('button', { name: /^Queued until \d\d:\d\d/ });
  return rendered;
}

describe('a create refused because the daily API budget is spent', () => {
  it('stays queued with the reason and the local reset time, no countdown, the draft kept; it is sent once the wait is over', async () => {
    const { posts, sandbox } = await submitQueued();
    const notice = screen.getByText(
      /Your company’s Pipedrive API budget for today is used up\. It resets at \d\d:\d\d/,
    );
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(notice.textContent).toContain('QuickLead keeps this lead and sends it then, once');
    expect(screen.queryByText(/Sending again in/)).toBeNull();
    expect(sessionStorage.getItem('quicklead.lead-draft.v1')).toContain('Ada Lovelace');
    expect(posts()).toHaveLength(1);

    // Nothing is knocked on in the meantime.
    await vi.advanceTimersByTimeAsync(100_000);
    expect(posts()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(await screen.findByText('Lead created in Pipedrive')).toBeTruthy();
    expect(posts()).toHaveLength(2);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('meets the sandbox’s own spent budget (Pipedrive’s body, Retry-After until midnight UTC) and goes once it is topped up', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { posts, sandbox, user } = await renderLeadScreen({
      advanceTimers: (ms) => vi.advanceTimersByTime(ms),
    });
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    const budget = (remaining: number) =>
      sandbox.apiApp.request('http://127.0.0.1:5182/__sandbox/usage/budget', {
        method: 'POST',
        headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
        body: JSON.stringify({ remaining }),
      });
    expect((await budget(0)).status).toBe(200);
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const midnightUtc = new Date();
    midnightUtc.setUTCHours(24, 0, 0, 0);
    const resetAt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(
      midnightUtc,
    );
    expect(await screen.findByRole('button', { name: new RegExp(`^Queued until ${resetAt}`) })).toBeTruthy();
    expect(posts()).toHaveLength(1);

    // An admin tops the budget up; the rep tries again.
    expect((await budget(10_000)).status).toBe(200);
    await user.click(screen.getByRole('button', { name: 'Try now' }));
    expect(await screen.findByText('Lead created in Pipedrive')).toBeTruthy();
    expect(posts()).toHaveLength(2);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });

  it('"Try now" sends it before the reset, once', async () => {
    const { posts, sandbox, user } = await submitQueued();
    await user.click(screen.getByRole('button', { name: 'Try now' }));
    expect(await screen.findByText('Lead created in Pipedrive')).toBeTruthy();
    expect(posts()).toHaveLength(2);
    expect(sandbox.store.crm.countLeads()).toBe(1);
  });
});
