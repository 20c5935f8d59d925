import { z } from 'zod';
import { contactSearch } from './contact-search.ts';

const personItemSchema = z.object({
  id: z.number(),
  name: z.string(),
  emails: z.array(z.string()).catch([]),
  phones: z.array(z.string()).catch([]),
  organization: z.object({ id: z.number(), name: z.string() }).nullable().optional().catch(undefined),
});

export type PersonSearchItem = z.infer<typeof personItemSchema>;

/** The person fields a look-up searches, from the v2 document's `fields` enum for persons. */
export type PersonLookupField = 'email' | 'phone' | 'name';

const persons = contactSearch('persons', personItemSchema, ['email', 'phone', 'name'] as const);
export const searchPersons = persons.search;
export const personQueries = persons.queries;
