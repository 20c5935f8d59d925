import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { callApi } from './call-api.ts';
import type { Transport } from './transport.ts';

const currencySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  decimal_points: z.number().int().min(0),
  symbol: z.string(),
  active_flag: z.boolean(),
  is_custom_flag: z.boolean().optional(),
});

export type Currency = z.infer<typeof currencySchema>;

export function getCurrencies(transport: Transport, signal?: AbortSignal): Promise<Currency[]> {
  return callApi(transport, { method: 'GET', path: '/api/v1/currencies', signal }, z.array(currencySchema));
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
