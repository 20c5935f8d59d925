import type { Currency } from '@/pipedrive/currencies.ts';
import type { CustomField, EditableFieldType } from '@/pipedrive/deal-fields.ts';
import type { User } from '@/pipedrive/users.ts';

/** Test-only: an account's custom deal fields, one of every type the lead form edits. */

let nextId = 9000;

/** A custom field as `GET /v1/dealFields` describes it; optional unless `mandatory_flag` is set. */
export function customField(
  fieldType: EditableFieldType,
  overrides: Partial<Omit<CustomField, 'field_type'>> & { key: string; name: string },
): CustomField {
  nextId += 1;
  return {
    id: nextId,
    edit_flag: true,
    active_flag: true,
    add_visible_flag: true,
    mandatory_flag: false,
    options: null,
    ...overrides,
    field_type: fieldType,
  };
}

export const FIXTURE_KEYS = {
  campaignCode: 'e66b20c8ad2a474554bbf52752f9fa4a475c8f7c',
  industry: 'be653354436c287c90bb09b8e5ec476b37ac49f3',
  background: '00bf8be03dfa7cc08c4b13f3792b977f723e6c46',
  switchboard: 'bd51693112605ddc38e0af3c2fa803c7c369d41e',
  siteAddress: '75bce223d2dc1ab40bba0bf2a1f9ba384d819313',
  dealSize: 'd4caf43ac89f97a6702f9b72ec3f6c8ba854ed31',
  probability: '94b74a8b993cf01925089e2beb61f105ececdaac',
  contractValue: '5927325c854a4640c99e25fa8b5dca9f6124147f',
  renewalDate: '45074dfa5678c81193740b54318e864704c8d377',
  contractPeriod: '12633b90b7d13fe8544a987ec9fbcaf54165ec71',
  bestTimeToCall: '1cc6d7e72e38e77063658250a0a939a0edb38231',
  openingHours: '518c708d5748ab36d83001477866a838adfb610d',
  customerType: '9dc80c50d78a15643bfc4ca79d76156a73a1ca0e',
  interests: 'ee4acf057583466adcb36b0d2b154ad654cca6db',
  accountManager: 'f5da8cfeaee026a08587358f4daa4dadc4373725',
  partnerOrganization: 'a8172ed13c48bdc179d1d3f0faf395b79bcb7ef5',
  referrer: 'db72487b88be93aa4a36c42081dc5f929f6c810e',
} as const;

const K = FIXTURE_KEYS;

/** In Pipedrive's order; Campaign code and Customer type are mandatory, the rest optional. */
export const FIXTURE_FIELDS: CustomField[] = [
  customField('varchar', { key: K.campaignCode, name: 'Campaign code', mandatory_flag: true }),
  customField('varchar_auto', { key: K.industry, name: 'Industry' }),
  customField('text', { key: K.background, name: 'Background' }),
  customField('phone', { key: K.switchboard, name: 'Switchboard' }),
  customField('address', { key: K.siteAddress, name: 'Site address' }),
  customField('double', { key: K.dealSize, name: 'Deal size' }),
  customField('int', { key: K.probability, name: 'Probability' }),
  customField('monetary', { key: K.contractValue, name: 'Contract value' }),
  customField('date', { key: K.renewalDate, name: 'Renewal date' }),
  customField('daterange', { key: K.contractPeriod, name: 'Contract period' }),
  customField('time', { key: K.bestTimeToCall, name: 'Best time to call' }),
  customField('timerange', { key: K.openingHours, name: 'Opening hours' }),
  customField('enum', {
    key: K.customerType,
    name: 'Customer type',
    mandatory_flag: true,
    options: [
      { id: 190, label: 'Private person' },
      { id: 191, label: 'Company' },
      { id: 192, label: 'Government' },
    ],
  }),
  customField('set', {
    key: K.interests,
    name: 'Interests',
    options: [
      { id: 31, label: 'Hardware' },
      { id: 32, label: 'Software' },
      { id: 33, label: 'Support' },
    ],
  }),
  customField('user', { key: K.accountManager, name: 'Account manager' }),
  customField('org', { key: K.partnerOrganization, name: 'Partner organization' }),
  customField('people', { key: K.referrer, name: 'Referrer' }),
];

export function fixtureField(key: string): CustomField {
  const field = FIXTURE_FIELDS.find((candidate) => candidate.key === key);
  if (!field) throw new Error(`no fixture field ${key}`);
  return field;
}

function currency(code: string, name: string, decimalPoints: number, id: number): Currency {
  return {
    id,
    code,
    name,
    decimal_points: decimalPoints,
    symbol: code,
    active_flag: true,
    is_custom_flag: false,
  };
}

/** Decimal places differ: JPY has none, EUR two, BHD three. */
export const FIXTURE_CURRENCIES: Currency[] = [
  currency('EUR', 'Euro', 2, 1),
  currency('USD', 'US Dollar', 2, 2),
  currency('JPY', 'Japanese Yen', 0, 3),
  currency('BHD', 'Bahraini Dinar', 3, 4),
];

export const FIXTURE_USERS: User[] = [
  {
    id: 1,
    name: 'Maria Lopez',
    email: 'maria.lopez@northwind.example',
    active_flag: true,
    is_deleted: false,
  },
  { id: 2, name: 'Ken Adams', email: 'ken.adams@northwind.example', active_flag: true, is_deleted: false },
  { id: 3, name: 'Old Timer', email: 'old.timer@northwind.example', active_flag: false, is_deleted: false },
  { id: 4, name: 'Gone Away', email: 'gone.away@northwind.example', active_flag: true, is_deleted: true },
];
