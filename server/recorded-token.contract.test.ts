import { describe, expect, it } from 'vitest';
import { RefreshError } from '../common/oauth/refresh-outcome.ts';
import { RECORDED_AVAILABLE, RECORDED_DIR, recordedFor } from '../sandbox/testing/recorded-responses.ts';
import { ConfidentialClient } from './oauth-client.ts';
import { readServerConfig } from './server-config.ts';
import type { Session } from './sessions/session-cookie.ts';
import { randomSessionSecret } from './testing/harness.ts';

if (!RECORDED_AVAILABLE) {
  console.warn(`Skipping the recorded token-response tests: no recordings in ${RECORDED_DIR}`);
}

const config = readServerConfig({
  QUICKLEAD_PROVIDER: 'pipedrive',
  QUICKLEAD_CLIENT_ID: 'pd-client-id',
  QUICKLEAD_CLIENT_SECRET: 'pd-client-secret-value',
  QUICKLEAD_PUBLIC_URL: 'https://leads.example.com',
  QUICKLEAD_SESSION_SECRET: randomSessionSecret(),
});

const session: Session = {
  accessToken: 'old-access',
  refreshToken: 'old-refresh',
  expiresAt: 0,
  refreshAt: 0,
  apiDomain: 'https://rajesh-sandbox.pipedrive.com',
  scopes: ['base'],
  sid: 'recorded',
  startedAt: 0,
};

/** The app server's OAuth client, whose token endpoint answers with one recorded body. */
function clientAnswering(status: number, body: unknown): ConfidentialClient {
  const fetchImpl: typeof fetch = async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return new ConfidentialClient(config, fetchImpl, () => 1_000_000);
}

describe.skipIf(!RECORDED_AVAILABLE)(
  'the app server reads the token responses recorded from Pipedrive',
  () => {
    it('a live token response (v1u: access token of 722 characters, comma-separated scopes, api_domain)', async () => {
      const [stored] = recordedFor('oauth-token').filter((response) => !response.handWritten);
      if (!stored) throw new Error('the recorded token response is missing');
      // cal.com stored the response with keys of its own (expiryDate, accountServer, last_updated_on);
      // Pipedrive's own keys are what is left.
      const { expiryDate, accountServer, last_updated_on, ...pipedrive } = stored.body as Record<
        string,
        unknown
      >;
      const refreshed = await clientAnswering(200, pipedrive).refresh(session);
      expect(refreshed.accessToken).toMatch(/^v1u:/);
      expect(refreshed.accessToken).toHaveLength(722);
      expect(refreshed.refreshToken).toBe(pipedrive.refresh_token);
      expect(refreshed.apiDomain).toBe('https://rajesh-sandbox.pipedrive.com');
      expect(refreshed.scopes).toEqual(
        expect.arrayContaining(['base', 'leads:full', 'contacts:full', 'users:read']),
      );
      expect(refreshed.expiresAt).toBe(1_000_000 + 3599 * 1000);
    });

    it('Pipedrive’s own mock of a refused refresh (400 invalid_grant) ends the grant', async () => {
      const [refused] = recordedFor('oauth-token').filter((response) => response.handWritten);
      if (!refused) throw new Error('the recorded invalid_grant body is missing');
      const error = await clientAnswering(400, refused.body)
        .refresh(session)
        .then(
          () => undefined,
          (thrown: unknown) => thrown,
        );
      expect(error).toBeInstanceOf(RefreshError);
      expect((error as RefreshError).kind).toBe('grant');
    });
  },
);
