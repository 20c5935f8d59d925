import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { standInForModalDialogs } from '@/testing/modal-dialog-stand-in.ts';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';

standInForModalDialogs();

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  sessionStorage.clear();
});

/** Fake timers that also run on their own, so user-event and the pickers just work. */
function fakeTime() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  return { advanceTimers: (ms: number) => vi.advanceTimersByTime(ms) };
}

/** Creates a lead for Ada Lovelace and waits for its card. */
async function createLead(title: string, options: Parameters<typeof renderLeadScreen>[0] = {}) {
  const rendered = await renderLeadScreen(options);
  const { user } = rendered;
  await user.type(screen.getByRole('textbox', { name: 'Title' }), title);
  await pickPerson(user, 'Lovelace', 'Ada Lovelace');
  await user.click(screen.getByRole('button', { name: 'Create lead' }));
  await screen.findByRole('heading', { level: 1, name: title });
  const starts = () => rendered.requests.filter((request) => request.path.endsWith('/convert/deal'));
  const dealsOf = () => rendered.sandbox.store.crm.listDeals().filter((deal) => deal.title === title);
  return { ...rendered, starts, dealsOf };
}

const statusLine = () => screen.getByText(/Converting to a deal…|Asking Pipedrive/);

describe('Convert to deal, from the card', () => {
  it('asks first, shows the conversion as it goes, then links to the deal and says what moved', async () => {
    const time = fakeTime();
    const { user, starts, dealsOf } = await createLead('Convert from the card', {
      conversionMs: 3_000,
      ...time,
    });

    await user.click(screen.getByRole('button', { name: 'Convert to deal' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Convert this lead to a deal?' });
    expect(within(dialog).getByText(/leaves the Leads Inbox/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(dialog).getByRole('button', { name: 'Convert to deal' }));

    await waitFor(() => expect(statusLine().getAttribute('role')).toBe('status'));
    expect(screen.getByRole('button', { name: /Converting…/ }).getAttribute('aria-disabled')).toBe('true');
    await vi.advanceTimersByTimeAsync(600);
    expect(await screen.findByText(/^Converting to a deal…/)).toBeTruthy();

    await vi.advanceTimersByTimeAsync(4_000);
    expect(await screen.findByText('Converted to a deal in Pipedrive')).toBeTruthy();
    const [deal] = dealsOf();
    expect(screen.getByRole('link', { name: /Open deal in Pipedrive/ }).getAttribute('href')).toBe(
      `http://sandbox.test/deal/${deal?.id}`,
    );
    expect(screen.getByText(/its notes and activities moved with it/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /^Open in Pipedrive/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Convert to deal' })).toBeNull();
    expect(starts()).toHaveLength(1);
    expect(document.title).toBe('Converted to a deal – QuickLead');
  });

  it('Cancel converts nothing', async () => {
    const { user, starts } = await createLead('Not converted');
    await user.click(screen.getByRole('button', { name: 'Convert to deal' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(starts()).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Convert to deal' })).toBeTruthy();
  });

  it('a double press on the confirmation sends one conversion', async () => {
    const { user, starts, dealsOf } = await createLead('Pressed twice');
    await user.click(screen.getByRole('button', { name: 'Convert to deal' }));
    const confirm = within(await screen.findByRole('alertdialog')).getByRole('button', {
      name: 'Convert to deal',
    });
    await user.dblClick(confirm);
    expect(await screen.findByText('Converted to a deal in Pipedrive', {}, { timeout: 3_000 })).toBeTruthy();
    expect(starts()).toHaveLength(1);
    expect(dealsOf()).toHaveLength(1);
  });

  it('a card mounted again mid-conversion follows the same conversion, and asks nothing again', async () => {
    const time = fakeTime();
    const first = await createLead('Remounted mid-conversion', { conversionMs: 6_000, ...time });
    await first.user.click(screen.getByRole('button', { name: 'Convert to deal' }));
    await first.user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Convert to deal' }),
    );
    await vi.advanceTimersByTimeAsync(600);
    expect(await screen.findByText(/^Converting to a deal…/)).toBeTruthy();
    cleanup();

    const again = await renderLeadScreen({
      opensOn: 'card',
      sandboxTransport: first.sandboxTransport,
      ...time,
    });
    expect(screen.getByText(/^Converting to a deal…/).getAttribute('role')).toBe('status');
    await vi.advanceTimersByTimeAsync(10_000);

    expect(await screen.findByText('Converted to a deal in Pipedrive')).toBeTruthy();
    expect(again.requests.filter((request) => request.path.endsWith('/convert/deal'))).toHaveLength(0);
    expect(first.starts()).toHaveLength(1);
    expect(first.dealsOf()).toHaveLength(1);
  });

  it('a failed conversion is explained where it happened, and Try again converts it once more', async () => {
    const { user, sandbox, starts, dealsOf } = await createLead('Fails, then converts');
    sandbox.store.crm.conversions.failNext(1, 'failed');
    await user.click(screen.getByRole('button', { name: 'Convert to deal' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Convert to deal' }),
    );

    const alert = await screen.findByRole('alert', {}, { timeout: 3_000 });
    expect(alert.textContent).toContain(
      'Pipedrive could not convert the lead. It is still in the Leads Inbox',
    );
    expect(dealsOf()).toEqual([]);
    expect(screen.getByText('Lead created in Pipedrive')).toBeTruthy();
    expect(screen.getByRole('link', { name: /^Open in Pipedrive/ })).toBeTruthy();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Converted to a deal in Pipedrive', {}, { timeout: 3_000 })).toBeTruthy();
    expect(starts()).toHaveLength(2);
    expect(dealsOf()).toHaveLength(1);
  });

  it('a converted lead leaves the recent leads and its person’s open leads, without a read', async () => {
    const { user, requests } = await createLead('Gone once converted');
    const recent = () => screen.getByRole('region', { name: 'Your recent leads' });
    expect(await within(recent()).findByText('Gone once converted')).toBeTruthy();
    const leadReads = () =>
      requests.filter((request) => request.method === 'GET' && request.path === '/api/v1/leads');
    const readsBefore = leadReads().length;

    await user.click(screen.getByRole('button', { name: 'Convert to deal' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Convert to deal' }),
    );
    await screen.findByText('Converted to a deal in Pipedrive', {}, { timeout: 3_000 });
    await waitFor(() => expect(within(recent()).queryByText('Gone once converted')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Create another' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Next for Ada');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    expect(screen.queryByText(/already has an open lead/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByRole('heading', { level: 1, name: 'Next for Ada' });
    expect(leadReads()).toHaveLength(readsBefore);
  });

  it('Create another stops following and forgets the conversion', async () => {
    const { user } = await createLead('Left for another');
    await user.click(screen.getByRole('button', { name: 'Convert to deal' }));
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Convert to deal' }),
    );
    await screen.findByText('Converted to a deal in Pipedrive', {}, { timeout: 3_000 });
    await user.click(screen.getByRole('button', { name: 'Create another' }));
    expect(screen.getByRole('heading', { level: 1, name: 'New lead' })).toBeTruthy();
    expect(sessionStorage.getItem('quicklead.lead-conversion.v1')).toBeNull();
  });
});
