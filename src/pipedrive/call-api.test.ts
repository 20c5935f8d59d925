import { describe, expect, it } from 'vitest';
import { recordedTransport } from '@/testing/recorded-reference.ts';
import { ApiError } from './api-error.ts';
import { getCurrencies } from './currencies.ts';
import { getLeadLabels } from './lead-labels.ts';
import { searchPersons } from './search-persons.ts';
import type { Transport } from './transport.ts';
import { getUsers } from './users.ts';

describe('lists read item by item', () => {
  it('skips a user it cannot read and keeps the others; an unreadable flag means "not active"', async () => {
    const users = await getUsers(
      recordedTransport({
        status: 200,
        body: {
          success: true,
          data: [
            { id: 1, name: 'Ada', email: 'ada@example.com', active_flag: true, is_admin: 1 },
            { name: 'No id' },
            { id: 3, name: 'Flagless', email: null, active_flag: 'yes' },
          ],
        },
      }),
    );
    expect(users).toEqual([
      { id: 1, name: 'Ada', email: 'ada@example.com', active_flag: true },
      { id: 3, name: 'Flagless', email: '', active_flag: false },
    ]);
  });

  it('reads a label of an unknown colour as gray, and a null list as empty', async () => {
    const labels = await getLeadLabels(
      recordedTransport({
        status: 200,
        body: { success: true, data: [{ id: 'u1', name: 'Hot', color: 42 }] },
      }),
    );
    expect(labels).toEqual([{ id: 'u1', name: 'Hot', color: 'gray' }]);
    expect(
      await getCurrencies(recordedTransport({ status: 200, body: { success: true, data: null } })),
    ).toEqual([]);
  });

  it('keeps every search hit it can read when one is odd', async () => {
    const hits = await searchPersons(
      recordedTransport({
        status: 200,
        body: {
          success: true,
          data: {
            items: [
              {
                result_score: 0.9,
                item: { id: 1, name: 'Ada', emails: ['ada@example.com'], custom_fields: [] },
              },
              { result_score: 0.5, item: { name: 'No id' } },
              { result_score: 0.4, item: { id: 2, name: 'Bob', phones: null, organization: 'odd' } },
            ],
          },
        },
      }),
      'ad',
    );
    expect(hits).toEqual([
      { id: 1, name: 'Ada', emails: ['ada@example.com'], phones: [] },
      { id: 2, name: 'Bob', emails: [], phones: [] },
    ]);
  });

  it('refuses, by name, an answer that is not a list at all', async () => {
    const read = getUsers(recordedTransport({ status: 200, body: { success: true, data: { id: 1 } } }));
    await expect(read).rejects.toBeInstanceOf(ApiError);
    await expect(read).rejects.toThrow('Pipedrive sent a response QuickLead does not understand');
  });
});

describe('an answer whose body cannot be used', () => {
  const answering =
    (status: number, body: BodyInit | null): Transport =>
    async () =>
      new Response(body, { status, headers: { 'content-type': 'application/json' } });

  it('a body cut off after the status arrived fails as the read failed, not as the status it came with', async () => {
    const cut = new ReadableStream<Uint8Array>({
      start: (controller) => controller.error(new TypeError('network error')),
    });
    const read = getUsers(answering(201, cut));
    await expect(read).rejects.toBeInstanceOf(TypeError);
    await expect(read).rejects.not.toBeInstanceOf(ApiError);
  });

  it('a body that is not JSON (a proxy’s page) is an ApiError with its status', async () => {
    const read = getUsers(answering(502, '<html>Bad gateway</html>'));
    await expect(read).rejects.toBeInstanceOf(ApiError);
    await expect(read).rejects.toMatchObject({ status: 502 });
  });
});
