import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../common/bff-contract.ts';
import { CSRF, createHarness, signIn } from '../testing/harness.ts';

describe('the CSRF header', () => {
  it.each([
    ['POST', '/auth/login'],
    ['POST', '/auth/logout'],
    ['POST', '/auth/disconnect'],
    ['GET', '/auth/inspector'],
    ['GET', '/api/pipedrive/api/v1/users/me'],
    ['POST', '/api/pipedrive/api/v1/leads'],
  ])('%s %s without it: 403 forbidden, saying which header was missing', async (method, path) => {
    const h = createHarness();
    await signIn(h);
    const response = await h.request(path, { method, headers: { [CSRF_HEADER]: '0' } });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      success: false,
      error: 'forbidden',
      error_info: expect.stringContaining(`the ${CSRF_HEADER} header`),
    });
  });

  it('lets the app’s own requests through', async () => {
    const h = createHarness();
    await signIn(h);
    expect((await h.request('/auth/inspector', { headers: CSRF })).status).toBe(200);
    expect((await h.request('/api/pipedrive/api/v1/users/me', { headers: CSRF })).status).toBe(200);
  });
});
