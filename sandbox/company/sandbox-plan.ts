/**
 * Pipedrive plans differ in the visibility levels they offer, their rate limits and their daily
 * token budget; leads and contacts validate against the plan, and the deal fields offer its
 * visibility options. A file of its own, so the stores, validation and the deal fields read it
 * without importing one another.
 */
export type SandboxPlan = 'premium' | 'growth';

export const SANDBOX_PLANS: readonly SandboxPlan[] = ['premium', 'growth'];

/**
 * The plan from a setting such as the `SANDBOX_PLAN` environment variable: unset or empty means
 * the default ('premium'); anything but 'premium' or 'growth' is an error, not a silent default.
 */
export function sandboxPlanFrom(raw: string | undefined): SandboxPlan {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '') return 'premium';
  const plan = SANDBOX_PLANS.find((candidate) => candidate === value);
  if (!plan) throw new Error(`SANDBOX_PLAN must be one of ${SANDBOX_PLANS.join(', ')}, got "${raw}"`);
  return plan;
}
