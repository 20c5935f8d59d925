import { Hono } from 'hono';
import { filterCurrencies } from '../company/currencies.ts';
import { type ApiEnv, endpoint } from './api-auth.ts';

/** `GET /v1/currencies`, narrowed by `term` when given. */
export function currencyRoutes(): Hono<ApiEnv> {
  const currencies = new Hono<ApiEnv>();
  currencies.get('/', endpoint({ scopes: ['base'], cost: 20 }), (c) =>
    c.json({ success: true, data: filterCurrencies(c.req.query('term')) }),
  );
  return currencies;
}
