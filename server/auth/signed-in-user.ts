import { z } from 'zod';
import { currentUserSchema } from '../../common/pipedrive/current-user-schema.ts';
import { isNoAnswer, providerDeadline } from '../provider-timeouts.ts';
import type { Session } from '../sessions/session-cookie.ts';

/** Pipedrive's answer around the user: only `data` is read, as the app reads it. */
const usersMeAnswer = z.object({ data: currentUserSchema });

/**
 * Who the new session belongs to. An answer QuickLead cannot use (a 403 for a missing `users:read`,
 * an odd body) costs only the name, never the sign-in: the app then explains what is missing. No
 * answer at all (given up on after `timeoutMs`, or a network failure) is rethrown: Pipedrive's API
 * is not answering, so the sign-in stops with that, rather than hang or start a session that can
 * be tied to no user (an uninstall notice could not end it).
 */
export async function signedInUser(
  session: Session,
  fetchImpl: typeof fetch,
  timeoutMs: number,
): Promise<Session['user']> {
  try {
    const response = await fetchImpl(`${session.apiDomain}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${session.accessToken}`, accept: 'application/json' },
      signal: providerDeadline(timeoutMs),
    });
    const answer = usersMeAnswer.safeParse(await response.json());
    if (!response.ok || !answer.success) return undefined;
    const { id, name, company_name: companyName, company_id: companyId } = answer.data.data;
    return {
      id,
      name,
      ...(companyName !== undefined ? { companyName } : {}),
      // Without it, Pipedrive's uninstall notice (user and company) cannot be tied to this session.
      ...(companyId !== undefined ? { companyId } : {}),
    };
  } catch (error) {
    if (isNoAnswer(error)) throw error;
    return undefined;
  }
}
