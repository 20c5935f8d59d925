import type { AppConfig } from '@/config/app-config.ts';
import { missingScopes, type ScopeNeed } from '@/pipedrive/required-scopes.ts';

/**
 * What the signed-in token lacks of the scopes QuickLead needs. Checked only where the scope
 * names are Pipedrive's (Pipedrive and its sandbox): another provider names its own. A grant that
 * names no scope at all cannot be judged, so it is let through and any refused call explains itself.
 */
export function unmetScopeNeeds(
  providerKind: AppConfig['provider']['kind'],
  granted: readonly string[],
): ScopeNeed[] {
  if (providerKind === 'custom' || granted.length === 0) return [];
  return missingScopes(granted);
}
