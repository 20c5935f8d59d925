import type { LeadFormContext, LeadFormInput } from '@/leads/form/lead-form-schema.ts';
import { emptyLeadForm } from '@/leads/form/lead-form-schema.ts';

/** Test-only: an account's reference data, small but with each case the rules care about. */
export const TEST_CONTEXT: LeadFormContext = {
  currencies: [
    {
      id: 1,
      code: 'EUR',
      name: 'Euro',
      decimal_points: 2,
      symbol: '€',
      active_flag: true,
      is_custom_flag: false,
    },
    {
      id: 2,
      code: 'JPY',
      name: 'Japanese yen',
      decimal_points: 0,
      symbol: '¥',
      active_flag: true,
      is_custom_flag: false,
    },
    {
      id: 3,
      code: 'BHD',
      name: 'Bahraini dinar',
      decimal_points: 3,
      symbol: 'BD',
      active_flag: true,
      is_custom_flag: false,
    },
  ],
  currenciesState: 'read',
  owners: [
    { id: 21000001, name: 'Maria Lopez', email: 'maria.lopez@northwind.example', active_flag: true },
    { id: 21000002, name: 'James Carter', email: 'james.carter@northwind.example', active_flag: true },
  ],
  labels: [
    { id: 'f08b42a0-4e75-11ea-9643-03698ef1cfd6', name: 'Hot', color: 'red' },
    { id: 'f08b42a1-4e75-11ea-9643-03698ef1cfd6', name: 'Cold', color: 'blue' },
  ],
  channelOptions: [
    { id: 64, label: 'Prospector' },
    { id: 66, label: 'Web forms' },
  ],
  visibilityOptions: [
    { id: 1, label: 'Item owner' },
    { id: 3, label: 'Item owner’s visibility group' },
    { id: 5, label: 'Item owner’s visibility group and sub-groups' },
    { id: 7, label: 'All users' },
  ],
  customFields: [],
  users: [
    { id: 21000001, name: 'Maria Lopez', email: 'maria.lopez@northwind.example', active_flag: true },
    { id: 21000002, name: 'James Carter', email: 'james.carter@northwind.example', active_flag: true },
  ],
};

export function formInput(overrides: Partial<LeadFormInput> = {}): LeadFormInput {
  return {
    ...emptyLeadForm({ ownerId: 21000001, currency: 'EUR', customFields: [] }),
    title: 'Deal',
    person: { id: 7, name: 'Ada Lovelace' },
    ...overrides,
  };
}
