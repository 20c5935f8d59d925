import { currentUserSchema } from '@common/pipedrive/current-user-schema.ts';
import { getCurrencies } from '@/pipedrive/currencies.ts';
import { getDealFields } from '@/pipedrive/deal-fields.ts';
import { getLeadLabels } from '@/pipedrive/lead-labels.ts';
import type { ListOnDemand, ReferenceData } from '@/pipedrive/reference-data.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { getUsers } from '@/pipedrive/users.ts';
import { type RecordedResponse, recordedFor } from '../../sandbox/testing/recorded-responses.ts';

/** Test-only: a transport that answers every request with one recorded Pipedrive response. */
export function recordedTransport(response: Pick<RecordedResponse, 'status' | 'body'>): Transport {
  return async () =>
    new Response(JSON.stringify(response.body), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
}

function only(folder: string): RecordedResponse {
  const [response] = recordedFor(folder);
  if (!response) throw new Error(`no recorded ${folder}`);
  return response;
}

/** Test-only: an on-demand list as it is once read. */
export function alreadyRead<T>(items: readonly T[]): ListOnDemand<T> {
  return { items, state: 'read', error: undefined, request: () => {} };
}

/**
 * Test-only: an account's reference data as live Pipedrive accounts returned it, read by the app's
 * own parsers: users, labels and currencies of one recorded account, and the deal fields given.
 */
export async function recordedReferenceData(dealFields: RecordedResponse): Promise<ReferenceData> {
  const users = await getUsers(recordedTransport(only('get-v1-users')));
  const you = (only('get-v1-users').body as { data: Array<{ is_you?: boolean }> }).data.find(
    (user) => user.is_you,
  );
  return {
    me: currentUserSchema.parse(you),
    users: alreadyRead(users),
    labels: await getLeadLabels(recordedTransport(only('get-v1-leadLabels'))),
    currencies: alreadyRead(await getCurrencies(recordedTransport(only('get-v1-currencies')))),
    dealFields: await getDealFields(recordedTransport(dealFields)),
  };
}
