import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiRequest, Transport } from '@/pipedrive/transport.ts';
import { TransportProvider } from '@/pipedrive/transport-context.tsx';
import { createSandboxTransport, transportWithToken } from '@/testing/sandbox-transport.ts';
import { LeadForm } from './lead-form.tsx';

afterEach(cleanup);

/** The form against the real sandbox in-process; every request is recorded. */
function renderForm(options: { tokenForPosts?: string } = {}) {
  const { sandbox, transport, token } = createSandboxTransport();
  const posting = transportWithToken(sandbox, () => options.tokenForPosts ?? token);
  const requests: ApiRequest[] = [];
  const recording: Transport = (request) => {
    requests.push(request);
    return request.method === 'POST' ? posting(request) : transport(request);
  };
  const onCreated = vi.fn();
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={recording}>
        <LeadForm onCreated={onCreated} />
      </TransportProvider>
    </QueryClientProvider>,
  );
  const posts = () => requests.filter((request) => request.method === 'POST');
  return { onCreated, posts, sandbox, user: userEvent.setup() };
}

async function pickPerson(user: ReturnType<typeof userEvent.setup>, search: string, name: string) {
  await user.type(screen.getByRole('combobox', { name: 'Person' }), search);
  await user.click(await screen.findByRole('option', { name: new RegExp(`^${name}`) }, { timeout: 3000 }));
}

describe('LeadForm', () => {
  it('sends nothing on an empty submit and focuses the error summary', async () => {
    const { posts, user } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveProperty('textContent', expect.stringContaining('There is a problem'));
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('textbox', { name: 'Title' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: 'Person' }).getAttribute('aria-describedby')).toContain(
      'lead-person-error',
    );
    expect(posts()).toHaveLength(0);
  });

  it('creates the lead with one POST even when Create lead is pressed twice', async () => {
    const { onCreated, posts, user } = renderForm();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Engines for Ada');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    const submit = screen.getByRole('button', { name: 'Create lead' });
    await user.dblClick(submit);

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    const [lead, values] = onCreated.mock.calls[0] ?? [];
    expect(lead).toMatchObject({ title: 'Engines for Ada', source_name: 'API' });
    expect(values).toMatchObject({ person: { name: 'Ada Lovelace' }, organization: null });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toEqual({ title: 'Engines for Ada', person_id: lead.person_id });
  });

  it('keeps everything typed and picked when the session has ended', async () => {
    const { onCreated, user } = renderForm({ tokenForPosts: 'revoked-token' });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Do not lose me');
    await pickPerson(user, 'Lovelace', 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    expect(await screen.findByText(/session has ended/)).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveProperty('value', 'Do not lose me');
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveProperty('value', 'Ada Lovelace');
  });
});
