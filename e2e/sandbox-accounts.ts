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
/**
 * Colleagues whose access is short of what QuickLead needs. Priya's permission set has no leads
 * (every leads endpoint answers 403 "You do not have permissions to do this."); Sofia installed the
 * app before it asked for users:read, so her tokens lack that scope.
 */
export const LIMITED_ACCESS_USERS = {
  noLeads: { id: 21000007, email: 'priya.nair@northwind.example', password: 'sandbox', name: 'Priya Nair' },
  noUsersRead: {
    id: 21000008,
    email: 'sofia.rossi@northwind.example',
    password: 'sandbox',
    name: 'Sofia Rossi',
  },
} satisfies Record<string, SandboxUser>;
export const SANDBOX_FIXTURES = {
  person: { search: 'Lovelace', name: 'Ada Lovelace', organization: 'Analytical Engines Ltd' },
  organization: { search: 'Globex', name: 'Globex Corporation' },
};
