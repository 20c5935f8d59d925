import { useQueries } from '@tanstack/react-query';
import { type Currency, currencyQueries } from './currencies.ts';
import { type CurrentUser, currentUserQueries } from './current-user.ts';
import { type DealField, dealFieldQueries } from './deal-fields.ts';
import { type LeadLabel, leadLabelQueries } from './lead-labels.ts';
import type { Transport } from './transport.ts';
import { type User, userQueries } from './users.ts';

/** What the form and the card need from the account, fetched once per session. */
export interface ReferenceData {
  me: CurrentUser;
  users: User[];
  labels: LeadLabel[];
  currencies: Currency[];
  dealFields: DealField[];
}

export type ReferenceDataState =
  | { status: 'pending' }
  | { status: 'error'; errors: Error[]; retry: () => void }
  | { status: 'success'; data: ReferenceData };

/**
 * All five requests start together right after sign-in and are cached for the session
 * (`staleTime: Infinity`), so opening the form again costs no request.
 */
export function useReferenceData(transport: Transport): ReferenceDataState {
  return useQueries({
    queries: [
      currentUserQueries.me(transport),
      userQueries.list(transport),
      leadLabelQueries.list(transport),
      currencyQueries.list(transport),
      dealFieldQueries.list(transport),
    ],
    combine: (results): ReferenceDataState => {
      const errors = results.flatMap((result) => (result.error ? [result.error] : []));
      if (errors.length > 0) {
        return {
          status: 'error',
          errors,
          retry: () => {
            for (const result of results) if (result.isError) void result.refetch();
          },
        };
      }
      const [me, users, labels, currencies, dealFields] = results;
      if (!me?.data || !users?.data || !labels?.data || !currencies?.data || !dealFields?.data) {
        return { status: 'pending' };
      }
      return {
        status: 'success',
        data: {
          me: me.data,
          users: users.data,
          labels: labels.data,
          currencies: currencies.data,
          dealFields: dealFields.data,
        },
      };
    },
  });
}
