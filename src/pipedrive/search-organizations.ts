import { z } from 'zod';
import { contactSearch } from './contact-search.ts';

const organizationItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  address: z.string().nullable().optional().catch(undefined),
});

export type OrganizationSearchItem = z.infer<typeof organizationItemSchema>;

const organizations = contactSearch('organizations', organizationItemSchema);
export const searchOrganizations = organizations.search;
export const organizationQueries = organizations.queries;
