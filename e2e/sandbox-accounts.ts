/** The sandbox's seeded demo account and fixtures (sandbox/ seeds them the same on every start). */
export const DEMO_USER = { email: 'maria.lopez@northwind.example', password: 'sandbox', name: 'Maria Lopez' };
export const SANDBOX_FIXTURES = {
  person: { search: 'Lovelace', name: 'Ada Lovelace', organization: 'Analytical Engines Ltd' },
  organization: { search: 'Globex', name: 'Globex Corporation' },
};
