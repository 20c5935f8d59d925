import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApiList } from './call-api.ts';
import type { Transport } from './transport.ts';

const currencySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  decimal_points: z.number().int().min(0),
  symbol: z.string().catch(''),
  // A listed currency whose flag cannot be read is taken as usable.
  active_flag: z.boolean().catch(true),
  is_custom_flag: z.boolean().optional().catch(undefined),
});

export type Currency = z.infer<typeof currencySchema>;

export function getCurrencies(transport: Transport, signal?: AbortSignal): Promise<Currency[]> {
  return callApiList(
    transport,
    { method: 'GET', path: '/api/v1/currencies', signal },
    'currencies',
    currencySchema,
  );
}

export const currencyQueries = {
  list: (transport: Transport) =>
    queryOptions({
      queryKey: ['currencies', 'list'] as const,
      queryFn: ({ signal }) => getCurrencies(transport, signal),
      staleTime: Number.POSITIVE_INFINITY,
      select: (currencies) => currencies.filter((currency) => currency.active_flag),
    }),
};
