import { z } from 'zod';
import { contactSearch } from './contact-search.ts';

const organizationItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string().nullable().optional().catch(undefined),
});

export type OrganizationSearchItem = z.infer<typeof organizationItemSchema>;

/**
 * The organization fields a look-up searches. The v2 document's `fields` enum for organizations is
 * `address`, `custom_fields`, `notes` and `name`: an organization's website (or domain) is not
 * among them, so a look-up cannot ask for it; only the name is looked up.
 */
export type OrganizationLookupField = 'name';

const organizations = contactSearch('organizations', organizationItemSchema, ['name'] as const);
export const searchOrganizations = organizations.search;
export const organizationQueries = organizations.queries;
