import type { Company, LeadLabel, User } from '../company/crm-types.ts';

export const SANDBOX_PASSWORD = 'sandbox';

export const COMPANY: Company = {
  id: 13500001,
  name: 'Northwind Traders',
  domain: 'northwind-sandbox',
  country: 'DE',
  industry: 'Wholesale',
};

const CREATED = '2024-03-04 09:12:44';

function user(
  id: number,
  name: string,
  email: string,
  extra: Pick<User, 'defaultCurrency' | 'locale' | 'timezoneName' | 'timezoneOffset'> &
    Partial<Pick<User, 'isAdmin' | 'activeFlag' | 'phone' | 'permissions' | 'installedScopes'>>,
): User {
  return {
    id,
    name,
    email,
    password: SANDBOX_PASSWORD,
    phone: null,
    isAdmin: false,
    activeFlag: true,
    created: CREATED,
    permissions: { leads: true },
    installedScopes: null,
    ...extra,
  };
}

/**
 * The sales team. The first user is the demo account. The last one is deactivated: it cannot sign
 * in and cannot own leads, which lets tests check the owner_id rule. The seeded people and
 * organizations are owned by the active ones.
 */
export const SEED_USERS: readonly User[] = [
  user(21000001, 'Maria Lopez', 'maria.lopez@northwind.example', {
    defaultCurrency: 'EUR',
    locale: 'en_US',
    timezoneName: 'Europe/Madrid',
    timezoneOffset: '+01:00',
    isAdmin: true,
    phone: '+34 91 555 0142',
  }),
  user(21000002, 'James Carter', 'james.carter@northwind.example', {
    defaultCurrency: 'USD',
    locale: 'en_US',
    timezoneName: 'America/New_York',
    timezoneOffset: '-05:00',
  }),
  user(21000003, 'Aiko Tanaka', 'aiko.tanaka@northwind.example', {
    defaultCurrency: 'EUR',
    locale: 'en_GB',
    timezoneName: 'Europe/Amsterdam',
    timezoneOffset: '+01:00',
  }),
  user(21000004, 'Oluwaseun Adeyemi', 'oluwaseun.adeyemi@northwind.example', {
    defaultCurrency: 'GBP',
    locale: 'en_GB',
    timezoneName: 'Europe/London',
    timezoneOffset: '+00:00',
  }),
  user(21000005, 'Lena Fischer', 'lena.fischer@northwind.example', {
    defaultCurrency: 'EUR',
    locale: 'de_DE',
    timezoneName: 'Europe/Berlin',
    timezoneOffset: '+01:00',
  }),
  user(21000006, 'Rahul Mehta', 'rahul.mehta@northwind.example', {
    defaultCurrency: 'EUR',
    locale: 'en_US',
    timezoneName: 'Europe/Berlin',
    timezoneOffset: '+01:00',
    activeFlag: false,
  }),
];

/**
 * Two more colleagues whose access is short of what QuickLead needs, so the app's permission
 * screens can be tried and tested. Kept apart from SEED_USERS so the seeded contacts (and their
 * owners) stay exactly as they were.
 */
export const LIMITED_ACCESS_USERS: readonly User[] = [
  // Their permission set has leads switched off: every leads endpoint answers 403.
  user(21000007, 'Priya Nair', 'priya.nair@northwind.example', {
    defaultCurrency: 'EUR',
    locale: 'en_GB',
    timezoneName: 'Europe/Dublin',
    timezoneOffset: '+00:00',
    permissions: { leads: false },
  }),
  // Installed QuickLead before it asked for users:read; her tokens still lack it. Her install is
  // never updated here, so signing in again keeps the old scopes and the app's screen stays visible.
  user(21000008, 'Sofia Rossi', 'sofia.rossi@northwind.example', {
    defaultCurrency: 'EUR',
    locale: 'en_US',
    timezoneName: 'Europe/Rome',
    timezoneOffset: '+01:00',
    installedScopes: ['base', 'leads:full', 'contacts:full', 'deals:read'],
  }),
];

/** Pipedrive's default lead labels; fixed ids so the app and tests can refer to them. */
export const SEED_LEAD_LABELS: readonly LeadLabel[] = [
  {
    id: 'f08b42a0-4e75-41ea-9643-03698ef1cfd6',
    name: 'Hot',
    color: 'red',
    addTime: '2024-03-04T09:12:44.000Z',
  },
  {
    id: 'f08b42a1-4e75-41ea-9643-03698ef1cfd6',
    name: 'Warm',
    color: 'yellow',
    addTime: '2024-03-04T09:12:44.000Z',
  },
  {
    id: 'f08b42a2-4e75-41ea-9643-03698ef1cfd6',
    name: 'Cold',
    color: 'blue',
    addTime: '2024-03-04T09:12:44.000Z',
  },
];
