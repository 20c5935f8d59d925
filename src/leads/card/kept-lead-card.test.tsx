import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pickPerson, renderLeadScreen } from '@/testing/render-lead-screen.tsx';

const CARD_KEY = 'quicklead.created-lead.v1';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

/** Creates a lead for Ada Lovelace with a label, and waits for its card. */
async function createLead(title: string) {
  const screenParts = await renderLeadScreen();
  const { user } = screenParts;
  await user.type(screen.getByRole('textbox', { name: 'Title' }), title);
  await user.click(screen.getByRole('checkbox', { name: 'Hot' }));
  await pickPerson(user, 'Lovelace', 'Ada Lovelace');
  await user.click(screen.getByRole('button', { name: 'Create lead' }));
  await screen.findByRole('heading', { level: 1, name: title });
  return screenParts;
}

describe('the created-lead card survives a reload', () => {
  it('is back after a remount, with its facts and its link, and sends nothing', async () => {
    const { posts } = await createLead('Kept across a reload');
    const href = screen.getByRole('link', { name: /Open in Pipedrive/ }).getAttribute('href');
    expect(posts()).toHaveLength(1);
    cleanup();

    const { requests } = await renderLeadScreen({ opensOn: 'card' });

    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 1, name: 'Kept across a reload' }),
    );
    expect(screen.getByText('Ada Lovelace').tagName).toBe('DD');
    expect(screen.getByRole('list', { name: 'Labels' }).textContent).toBe('Hot');
    expect(screen.getByRole('link', { name: /Open in Pipedrive/ }).getAttribute('href')).toBe(href);
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('"Create another" clears it: an empty form that keeps the labels, and a remount shows the form', async () => {
    await createLead('Cleared by Create another');
    cleanup();
    const remounted = await renderLeadScreen({ opensOn: 'card' });

    await remounted.user.click(screen.getByRole('button', { name: 'Create another' }));

    expect(screen.getByRole('heading', { level: 1, name: 'New lead' }).tagName).toBe('H1');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', '');
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveProperty('value', '');
    expect(screen.getByRole('checkbox', { name: 'Hot' })).toHaveProperty('checked', true);
    expect(sessionStorage.getItem(CARD_KEY)).toBeNull();
    cleanup();
    await renderLeadScreen();
    expect(screen.queryByText('Lead created in Pipedrive')).toBeNull();
  });

  it.each([
    ['not JSON', '{"lead":'],
    ['not an object', '["lead"]'],
    ['a lead without an id', '{"lead":{"title":"No id"},"picks":{}}'],
    ['a lead of the wrong type', '{"lead":"42"}'],
    ['too large to be one', JSON.stringify({ lead: { id: 'big', title: 'x'.repeat(250_000) }, picks: {} })],
  ])('a stored value that is %s is ignored: the form opens', async (_what, stored) => {
    sessionStorage.setItem(CARD_KEY, stored);

    await renderLeadScreen();

    expect(screen.queryByRole('heading', { level: 1, name: 'New lead' })).not.toBeNull();
    expect(screen.queryByText('Lead created in Pipedrive')).toBeNull();
  });

  it('picks of the wrong shape are ignored, the lead still shows', async () => {
    sessionStorage.setItem(
      CARD_KEY,
      JSON.stringify({
        lead: {
          id: 'a1b2',
          title: 'Odd picks',
          person_id: 7,
          organization_id: null,
          owner_id: 1,
          label_ids: 'Hot',
        },
        picks: { person: 'Ada', labels: [1, 2], owner: { id: 1 }, custom: 'x' },
      }),
    );

    await renderLeadScreen({ opensOn: 'card' });

    expect(screen.queryByRole('heading', { level: 1, name: 'Odd picks' })).not.toBeNull();
    // The person's name is not known without the pick, so the card names the id.
    expect(screen.getByText('#7').tagName).toBe('DD');
    expect(screen.queryByRole('list', { name: 'Labels' })).toBeNull();
  });

  it.each([
    ['without the create a Retry needs', { note: { missing: { why: 'Lost', absent: true } } }],
    [
      'with a note of the wrong shape',
      { note: { saved: { content: 'No id' } }, create: { draftId: 'd', body: {} } },
    ],
    [
      'with a problem too long to be one',
      { note: { missing: { why: 'x'.repeat(5_000), absent: true } }, create: { draftId: 'd', body: {} } },
    ],
  ])('kept parts %s are left out; the lead still shows', async (_what, parts) => {
    sessionStorage.setItem(
      CARD_KEY,
      JSON.stringify({ lead: { id: 'c3d4', title: 'Odd parts', owner_id: 1 }, picks: {}, parts }),
    );

    await renderLeadScreen({ opensOn: 'card' });

    expect(screen.queryByRole('heading', { level: 1, name: 'Odd parts' })).not.toBeNull();
    expect(screen.queryByText(/was not saved/)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Retry/ })).toBeNull();
  });
});
