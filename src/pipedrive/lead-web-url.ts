import type { ProviderConfig } from '@/config/app-config.ts';

/**
 * Where a lead opens in the provider's web app. Pipedrive serves it from the company domain; the
 * sandbox serves its stand-in page from its API origin.
 */
export function leadWebUrl(
  providerKind: ProviderConfig['kind'],
  place: { apiDomain: string; companyDomain: string | undefined },
  leadId: string,
): string {
  const id = encodeURIComponent(leadId);
  if (providerKind === 'pipedrive' && place.companyDomain) {
    return `https://${place.companyDomain}.pipedrive.com/leads/inbox/${id}`;
  }
  return `${place.apiDomain}/leads/inbox/${id}`;
}

/**
 * Where a deal opens in the provider's web app: the lead's conversion links there. Pipedrive
 * serves it from the company domain; the sandbox serves its stand-in page from its API origin.
 */
export function dealWebUrl(
  providerKind: ProviderConfig['kind'],
  place: { apiDomain: string; companyDomain: string | undefined },
  dealId: number,
): string {
  if (providerKind === 'pipedrive' && place.companyDomain) {
    return `https://${place.companyDomain}.pipedrive.com/deal/${dealId}`;
  }
  return `${place.apiDomain}/deal/${dealId}`;
}
