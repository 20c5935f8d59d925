import { z } from 'zod';

/**
 * `GET /api/v1/users/me`: who is signed in. Read by the app, and by the app server once at a
 * `bff` sign-in to name the session's user, so it lives apart from the app's queries and imports
 * nothing but zod.
 */
export const currentUserSchema = z.object({
  id: z.number(),
  name: z.string(),
  email: z.string().catch(''),
  default_currency: z.string().optional().catch(undefined),
  locale: z.string().optional().catch(undefined),
  company_id: z.number().optional().catch(undefined),
  company_name: z.string().optional().catch(undefined),
  company_domain: z.string().optional().catch(undefined),
});

export type CurrentUser = z.infer<typeof currentUserSchema>;
