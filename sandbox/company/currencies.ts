/** One entry of `GET /v1/currencies`, already in the wire shape. */
export interface Currency {
  id: number;
  code: string;
  name: string;
  decimal_points: number;
  symbol: string;
  active_flag: boolean;
  is_custom_flag: boolean;
}

function currency(id: number, code: string, name: string, symbol: string, decimalPoints = 2): Currency {
  return { id, code, name, decimal_points: decimalPoints, symbol, active_flag: true, is_custom_flag: false };
}

/**
 * A small slice of Pipedrive's ISO 4217 list. JPY (0) and BHD (3) are there so the app cannot
 * assume two decimals; VEF, replaced by VES in 2018, is the inactive one a form must not offer.
 */
export const CURRENCIES: readonly Currency[] = [
  currency(1, 'EUR', 'Euro', '€'),
  currency(2, 'USD', 'US Dollar', '$'),
  currency(3, 'GBP', 'British Pound Sterling', '£'),
  currency(4, 'JPY', 'Japanese Yen', '¥', 0),
  currency(5, 'SEK', 'Swedish Krona', 'kr'),
  currency(6, 'CHF', 'Swiss Franc', 'CHF'),
  currency(7, 'INR', 'Indian Rupee', '₹'),
  currency(8, 'BRL', 'Brazilian Real', 'R$'),
  currency(9, 'BHD', 'Bahraini Dinar', 'BD', 3),
  currency(10, 'CAD', 'Canadian Dollar', 'CA$'),
  currency(11, 'AUD', 'Australian Dollar', 'A$'),
  currency(12, 'PLN', 'Polish Zloty', 'zł'),
  { ...currency(13, 'VEF', 'Venezuelan Bolívar Fuerte', 'Bs.F.'), active_flag: false },
];

export function isActiveCurrency(code: string): boolean {
  return CURRENCIES.some((entry) => entry.code === code && entry.active_flag);
}

/** The `term` filter: a case-insensitive match anywhere in the code or the name. */
export function filterCurrencies(term: string | undefined): Currency[] {
  const wanted = term?.trim().toLowerCase();
  if (!wanted) return [...CURRENCIES];
  return CURRENCIES.filter(
    (entry) => entry.code.toLowerCase().includes(wanted) || entry.name.toLowerCase().includes(wanted),
  );
}
