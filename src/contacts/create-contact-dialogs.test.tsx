import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '@/app/query-client.ts';
import { leadListQueries } from '@/pipedrive/lead-lists.ts';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { TransportProvider } from '@/pipedrive/transport-context.tsx';
import { standInForModalDialogs } from '@/testing/modal-dialog-stand-in.ts';
import { createSandboxTransport, type FaultFor, transportWithToken } from '@/testing/sandbox-transport.ts';
import type { ContactOption, ContactRef } from './contact-ref.ts';
import { OrganizationPicker } from './organization-picker.tsx';
import { PersonPicker } from './person-picker.tsx';

standInForModalDialogs();
afterEach(cleanup);

const ADA_EMAIL = 'ada.lovelace@analytical-engines.example';

/** A picker with its inline create against the in-process sandbox, every request recorded. */
function renderPicker(kind: 'person' | 'organization', options: { faultFor?: FaultFor } = {}) {
  const { sandbox, token } = createSandboxTransport();
  const inner = transportWithToken(sandbox, () => token, options.faultFor);
  const requests: ApiRequest[] = [];
  const transport: Transport = (request) => {
    requests.push(request);
    return inner(request);
  };
  const client = createQueryClient();
  const picked: Array<{ value: ContactRef | null; option?: ContactOption }> = [];
  function Harness() {
    const [value, setValue] = useState<ContactRef | null>(null);
    const onChange = (next: ContactRef | null, option?: ContactOption) => {
      picked.push({ value: next, ...(option ? { option } : {}) });
      setValue(next);
    };
    return kind === 'person' ? (
      <PersonPicker id="person" value={value} onChange={onChange} />
    ) : (
      <OrganizationPicker id="organization" value={value} onChange={onChange} />
    );
  }
  render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={transport}>
        <Harness />
      </TransportProvider>
    </QueryClientProvider>,
  );
  const user = userEvent.setup();
  const label = kind === 'person' ? 'Person' : 'Organization';
  const searches = () =>
    requests
      .filter((request) => request.path.endsWith('/search'))
      .map((request) => ({ ...request.query }) as Record<string, unknown>);
  const creates = () => requests.filter((request) => request.method === 'POST');
  /** Types a name the picker finds nobody exactly by, and opens the create dialog for it. */
  const openCreate = async (typed: string) => {
    await user.type(screen.getByRole('combobox', { name: label }), typed);
    await user.click(await screen.findByRole('option', { name: `Create ${kind} “${typed}”` }));
    return screen.getByRole('dialog', { name: `Create ${kind}` });
  };
  return { client, transport, requests, searches, creates, picked, user, openCreate };
}

describe('inline create of a person looks for the same person first', () => {
  it('finds Ada Lovelace by email, says why, and "Use" picks her: nobody is created', async () => {
    const { searches, creates, picked, user, openCreate } = renderPicker('person');
    const dialog = await openCreate('Ada Lovelac');
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), ADA_EMAIL);
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));

    const offer = await within(dialog).findByRole('region', { name: 'Already in Pipedrive?' });
    expect(document.activeElement).toBe(offer);
    expect(offer.textContent).toContain('same email');
    within(dialog).getByRole('button', { name: 'Create a new person anyway' });
    await user.click(within(offer).getByRole('button', { name: `Use Ada Lovelace (${ADA_EMAIL})` }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(picked.at(-1)).toEqual({
      value: { id: 1, name: 'Ada Lovelace' },
      option: { id: 1, name: 'Ada Lovelace', organization: { id: 1, name: 'Analytical Engines Ltd' } },
    });
    expect(creates()).toEqual([]);
    // The picker's own search for "Ada Lovelac" found everyone by that term, so the name needed
    // no search of its own; the email did, exactly, in the email field only.
    expect(searches()).toEqual([
      { term: 'Ada Lovelac', limit: 20 },
      { term: ADA_EMAIL, fields: 'email', exact_match: 'true', limit: 10 },
    ]);
  });

  it('with nobody found, creates on the first press; the new person has no leads to read', async () => {
    const { client, transport, searches, creates, picked, user, openCreate } = renderPicker('person');
    const dialog = await openCreate('Grace Hopper');
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), 'grace@navy.example');
    await user.type(within(dialog).getByRole('textbox', { name: /^Phone/ }), '+1 202 555 0143');
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(creates().map((request) => request.path)).toEqual(['/api/v2/persons']);
    const created = picked.at(-1)?.value;
    expect(created?.name).toBe('Grace Hopper');
    expect(searches().slice(1)).toEqual([
      { term: 'grace@navy.example', fields: 'email', exact_match: 'true', limit: 10 },
      { term: '+1 202 555 0143', fields: 'phone', exact_match: 'true', limit: 10 },
    ]);
    const openLeads = leadListQueries.open(transport, { kind: 'person', id: created?.id ?? 0 });
    expect(client.getQueryData(openLeads.queryKey)).toEqual([]);
  });

  it('a look that fails says it could not check, and the second press creates', async () => {
    const { creates, user, openCreate } = renderPicker('person', {
      faultFor: (request) =>
        request.query?.exact_match === 'true' ? { path: request.path, status: 500 } : undefined,
    });
    const dialog = await openCreate('Grace Hopper');
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), 'grace@navy.example');
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));

    const notice = await within(dialog).findByRole(
      'region',
      { name: 'Not checked for duplicates' },
      { timeout: 10_000 },
    );
    expect(notice.textContent).toMatch(
      /^Not checked for duplicatesQuickLead could not check whether this person is already in Pipedrive: .+ You can still create the person\.$/,
    );
    expect(creates()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Create a new person anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(creates()).toHaveLength(1);
  });

  it('after an offer, "Create a new person anyway" creates; changing a searched field looks again', async () => {
    const { searches, creates, user, openCreate } = renderPicker('person');
    const dialog = await openCreate('Ada Lovelac');
    const email = within(dialog).getByRole('textbox', { name: /^Email/ });
    await user.type(email, ADA_EMAIL);
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));
    await within(dialog).findByRole('region', { name: 'Already in Pipedrive?' });

    await user.clear(email);
    await user.type(email, 'ada@elsewhere.example');
    expect(within(dialog).queryByRole('region', { name: 'Already in Pipedrive?' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(creates()).toHaveLength(1);
    expect(searches().map((query) => query.term)).toEqual([
      'Ada Lovelac',
      ADA_EMAIL,
      'ada@elsewhere.example',
    ]);
  });

  it('a second look for the same values is answered from the cache', async () => {
    const { searches, user, openCreate } = renderPicker('person');
    let dialog = await openCreate('Ada Lovelac');
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), ADA_EMAIL);
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));
    await within(dialog).findByRole('region', { name: 'Already in Pipedrive?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.clear(screen.getByRole('combobox', { name: 'Person' }));
    dialog = await openCreate('Ada Lovelac');
    await user.type(within(dialog).getByRole('textbox', { name: /^Email/ }), ADA_EMAIL);
    await user.click(within(dialog).getByRole('button', { name: 'Create person' }));
    await within(dialog).findByRole('region', { name: 'Already in Pipedrive?' });
    expect(searches()).toHaveLength(2);
  });
});

describe('inline create of an organization looks for one of the same name', () => {
  it('offers Globex Corporation with its address, and "Create a new organization anyway" creates', async () => {
    const { searches, creates, user, openCreate } = renderPicker('organization');
    const dialog = await openCreate('Globex Corp');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'GLOBEX CORPORATION');
    await user.click(within(dialog).getByRole('button', { name: 'Create organization' }));

    const offer = await within(dialog).findByRole('region', { name: 'Already in Pipedrive?' });
    within(offer).getByRole('button', { name: /^Use Globex Corporation \(1 Cypress Creek/ });
    expect(offer.textContent).toContain('same name');
    expect(searches().at(-1)).toEqual({
      term: 'GLOBEX CORPORATION',
      fields: 'name',
      exact_match: 'true',
      limit: 10,
    });
    await user.click(within(dialog).getByRole('button', { name: 'Create a new organization anyway' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(creates().map((request) => request.path)).toEqual(['/api/v2/organizations']);
  });
});
