import type { CurrentUser } from '@common/pipedrive/current-user-schema.ts';
import {
  type QueryKey,
  type UseQueryOptions,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type Currency, currencyQueries } from './currencies.ts';
import { currentUserQueries } from './current-user.ts';
import { type DealField, dealFieldQueries } from './deal-fields.ts';
import { type LeadLabel, leadLabelQueries } from './lead-labels.ts';
import type { Transport } from './transport.ts';
import { type User, userQueries } from './users.ts';

/**
 * A list of the account read only once something asks for it. The company's colleagues and its
 * currencies cost 40 of the 72 documented tokens the settings would take, and most leads need
 * neither: the owner is the rep and no value is entered.
 */
export interface ListOnDemand<T> {
  /** The list once read; `undefined` until something asked for it and it arrived. */
  items: readonly T[] | undefined;
  state: 'not-asked' | 'reading' | 'failed' | 'read';
  /** Why the last read failed, while `state` is `failed`. */
  error: Error | undefined;
  /** Read the list now, or again after a failure. Does nothing while it is read or being read. */
  request: () => void;
}

export type ListState = ListOnDemand<unknown>['state'];

/** What the form and the card need from the account, read once per session. */
export interface ReferenceData {
  me: CurrentUser;
  labels: LeadLabel[];
  dealFields: DealField[];
  /** Every user of the company: other owners and custom user fields. */
  users: ListOnDemand<User>;
  currencies: ListOnDemand<Currency>;
}

/** What is always read after sign-in. */
export type CoreReferenceData = Pick<ReferenceData, 'me' | 'labels' | 'dealFields'>;

/** Which on-demand lists the first screen needs before it can be shown. */
export interface ListsNeeded {
  users: boolean;
  currencies: boolean;
}

export type ReferenceDataState =
  | { status: 'pending' }
  | { status: 'error'; errors: Error[]; retry: () => void }
  | { status: 'success'; data: ReferenceData };

/**
 * The current user, labels and deal fields start together right after sign-in; colleagues and
 * currencies only when `neededAtStart` says the first screen shows them (e.g. a restored draft
 * with another owner) or when the rep reaches for them. All are cached for the session
 * (`staleTime: Infinity`), so opening the form again costs no request.
 */
export function useReferenceData(
  transport: Transport,
  neededAtStart: (core: CoreReferenceData) => ListsNeeded,
): ReferenceDataState {
  const core = useQueries({
    queries: [
      currentUserQueries.me(transport),
      leadLabelQueries.list(transport),
      dealFieldQueries.list(transport),
    ],
    combine: (results) => {
      const [me, labels, dealFields] = results;
      const data: CoreReferenceData | undefined =
        me?.data && labels?.data && dealFields?.data
          ? { me: me.data, labels: labels.data, dealFields: dealFields.data }
          : undefined;
      return { data, failed: results.filter((result) => result.isError) };
    },
  });
  const needed = core.data ? neededAtStart(core.data) : { users: false, currencies: false };
  const users = useListOnDemand(userQueries.list(transport), needed.users);
  const currencies = useListOnDemand(currencyQueries.list(transport), needed.currencies);

  const errors = [
    ...core.failed.flatMap((result) => (result.error ? [result.error] : [])),
    ...(needed.users && users.error ? [users.error] : []),
    ...(needed.currencies && currencies.error ? [currencies.error] : []),
  ];
  if (errors.length > 0) {
    return {
      status: 'error',
      errors,
      retry: () => {
        for (const result of core.failed) void result.refetch();
        if (needed.users) users.list.request();
        if (needed.currencies) currencies.list.request();
      },
    };
  }
  const waiting = (needed.users && !users.list.items) || (needed.currencies && !currencies.list.items);
  if (!core.data || waiting) return { status: 'pending' };
  return { status: 'success', data: { ...core.data, users: users.list, currencies: currencies.list } };
}

/**
 * One list behind a query that runs only when enabled or asked for. Asking goes through the
 * query client, so every screen watching the list sees it arrive, fail or be retried.
 */
export function useListOnDemand<TQueryFnData, T, TKey extends QueryKey>(
  options: UseQueryOptions<TQueryFnData, Error, T[], TKey>,
  enabled: boolean,
): { list: ListOnDemand<T>; error: Error | null } {
  const client = useQueryClient();
  const query = useQuery({ ...options, enabled });
  const state: ListOnDemand<T>['state'] =
    query.data !== undefined
      ? 'read'
      : query.fetchStatus === 'fetching'
        ? 'reading'
        : query.isError
          ? 'failed'
          : 'not-asked';
  return {
    error: query.error,
    list: {
      items: query.data,
      state,
      error: state === 'failed' ? (query.error ?? undefined) : undefined,
      request: () => {
        if (state === 'read' || state === 'reading') return;
        void client.prefetchQuery(options);
      },
    },
  };
}
