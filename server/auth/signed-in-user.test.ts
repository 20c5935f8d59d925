import { describe, expect, it } from 'vitest';
import type { Session } from '../sessions/session-cookie.ts';
import { signedInUser } from './signed-in-user.ts';

const session = { apiDomain: 'https://acme.pipedrive.com', accessToken: 'access' } as Session;

function answering(status: number, body: string): typeof fetch {
  return async () => new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

describe('who signed in (users/me at the callback)', () => {
  it('takes the id, the name and the company', async () => {
    const body = JSON.stringify({
      success: true,
      data: { id: 7, name: 'Ada', email: 'ada@example.com', company_id: 3, company_name: 'Acme' },
    });
    expect(await signedInUser(session, answering(200, body), 1000)).toEqual({
      id: 7,
      name: 'Ada',
      companyId: 3,
      companyName: 'Acme',
    });
  });

  it('leaves out a company it cannot read, keeping the user', async () => {
    const body = JSON.stringify({ data: { id: 7, name: 'Ada', company_id: '3', company_name: null } });
    expect(await signedInUser(session, answering(200, body), 1000)).toEqual({ id: 7, name: 'Ada' });
  });

  it.each([
    ['a refusal (users:read missing)', 403, '{"success":false,"error":"Scope and URL mismatch"}'],
    ['a user without a name', 200, '{"data":{"id":7}}'],
    ['no data', 200, '{"success":true}'],
    ['null', 200, 'null'],
    ['HTML', 200, '<html>'],
  ])('costs only the name on %s', async (_what, status, body) => {
    expect(await signedInUser(session, answering(status, body), 1000)).toBeUndefined();
  });

  it('passes on no answer at all, so the sign-in stops there', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(signedInUser(session, down, 1000)).rejects.toThrow(TypeError);
  });
});
