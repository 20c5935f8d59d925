/** The sandbox's seeded demo account and fixtures (sandbox/ seeds them the same on every start). */
export interface SandboxUser {
  id: number;
  email: string;
  password: string;
  name: string;
}
export const DEMO_USER: SandboxUser = {
  id: 21000001,
  email: 'maria.lopez@northwind.example',
  password: 'sandbox',
  name: 'Maria Lopez',
};
/**
 * Colleagues on the same sandbox account. A test that expires tokens or fails refreshes signs in as
 * one of these and aims the fault at that user only, so tests running alongside are not touched.
 */
export const COLLEAGUES = {
  james: { id: 21000002, email: 'james.carter@northwind.example', password: 'sandbox', name: 'James Carter' },
  aiko: { id: 21000003, email: 'aiko.tanaka@northwind.example', password: 'sandbox', name: 'Aiko Tanaka' },
  oluwaseun: {
    id: 21000004,
    email: 'oluwaseun.adeyemi@northwind.example',
    password: 'sandbox',
    name: 'Oluwaseun Adeyemi',
  },
} satisfies Record<string, SandboxUser>;
export const SANDBOX_FIXTURES = {
  person: { search: 'Lovelace', name: 'Ada Lovelace', organization: 'Analytical Engines Ltd' },
  organization: { search: 'Globex', name: 'Globex Corporation' },
};
