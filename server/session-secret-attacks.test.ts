import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAppServer } from './app-server.ts';
import { readServerConfig } from './server-config.ts';
import type { SessionStore } from './sessions/session-store.ts';
import {
  type CookieJar,
  configErrorOf,
  createHarness,
  randomSessionSecret,
  signIn,
  testConfig,
} from './testing/harness.ts';

/** A Pipedrive deployment, complete but for the session secret. */
const PIPEDRIVE = {
  QUICKLEAD_PROVIDER: 'pipedrive',
  QUICKLEAD_CLIENT_ID: 'pd-client-id',
  QUICKLEAD_CLIENT_SECRET: 'pd-client-secret-value',
  QUICKLEAD_PUBLIC_URL: 'https://leads.example.com',
};
const CUSTOM = {
  QUICKLEAD_PROVIDER: 'custom',
  QUICKLEAD_CLIENT_ID: 'custom-client',
  QUICKLEAD_CLIENT_SECRET: 'custom-secret-value',
  QUICKLEAD_PUBLIC_URL: 'https://leads.example.com',
  QUICKLEAD_AUTHORIZATION_ENDPOINT: 'https://auth.example.net/authorize',
  QUICKLEAD_TOKEN_ENDPOINT: 'https://auth.example.net/token',
  QUICKLEAD_ISSUER: 'https://auth.example.net',
  QUICKLEAD_API_ORIGINS: 'https://api.example.net',
};

/** The sandbox's public default: anyone who has read the repository can open a cookie sealed with it. */
const SANDBOX_DEFAULT = 'quicklead-sandbox-session-secret-not-for-production';

describe('weak or public session secrets (forged and decrypted cookies)', () => {
  it.each([
    ['pipedrive', PIPEDRIVE],
    ['custom', CUSTOM],
  ])(
    'a %s deployment refuses the sandbox’s public default secret, naming QUICKLEAD_SESSION_SECRET',
    (_, env) => {
      const message = configErrorOf({ ...env, QUICKLEAD_SESSION_SECRET: SANDBOX_DEFAULT });
      expect(message).toMatch(/QUICKLEAD_SESSION_SECRET .*public/);
      // The refusal names the variable, never the value.
      expect(message).not.toContain(SANDBOX_DEFAULT);
    },
  );

  it.each([
    'test-session-secret-0123456789-abcdefghij',
    'a-session-secret-of-at-least-32-characters',
    'placeholder-session-secret-0123456789abcdef',
    'Vq3k9Zr7Lw2Xp8Ns4Ty6Bm1Hd5Jf0GcR2eW',
    'cookie-test-secret-0123456789-abcdefghijkl',
    'another-secret-0123456789-abcdefghijklmn',
    'known-test-secret-4f1c9e7a2b-session-secret-long-enough',
  ])('a pipedrive deployment refuses %s, a value written in the repository', (secret) => {
    expect(configErrorOf({ ...PIPEDRIVE, QUICKLEAD_SESSION_SECRET: secret })).toMatch(
      /QUICKLEAD_SESSION_SECRET .*public/,
    );
  });

  it.each([
    ['a × 32', 'a'.repeat(32)],
    ['two letters', 'ab'.repeat(20)],
    ['a short pattern', 'abcdefgh'.repeat(5)],
  ])(
    'a pipedrive deployment refuses a low-entropy secret (%s), naming QUICKLEAD_SESSION_SECRET',
    (_, secret) => {
      const message = configErrorOf({ ...PIPEDRIVE, QUICKLEAD_SESSION_SECRET: secret });
      expect(message).toMatch(/QUICKLEAD_SESSION_SECRET .*too predictable/);
      expect(message).not.toContain(secret);
    },
  );

  it('a pipedrive deployment refuses a weak secret anywhere in the rotation list: it would still open cookies', () => {
    const message = configErrorOf({
      ...PIPEDRIVE,
      QUICKLEAD_SESSION_SECRET: `${randomSessionSecret()},${'a'.repeat(32)}`,
    });
    expect(message).toMatch(/QUICKLEAD_SESSION_SECRET .*too predictable/);
  });

  it('a pipedrive deployment accepts a strong secret (32 random bytes), and a list of them', () => {
    const [newest, older] = [randomSessionSecret(), randomSessionSecret()];
    expect(readServerConfig({ ...PIPEDRIVE, QUICKLEAD_SESSION_SECRET: newest }).sessionSecrets).toEqual([
      newest,
    ]);
    expect(
      readServerConfig({ ...PIPEDRIVE, QUICKLEAD_SESSION_SECRET: ` ${newest} , ${older} ` }).sessionSecrets,
    ).toEqual([newest, older]);
  });
});

describe('generated session secrets', () => {
  it.each(['base64', 'base64url', 'hex'] as const)(
    'a pipedrive deployment accepts every one of 500 secrets of 32 random bytes in %s',
    (encoding) => {
      const refused = Array.from({ length: 500 }, () => randomBytes(32).toString(encoding)).filter(
        (secret) => {
          try {
            readServerConfig({ ...PIPEDRIVE, QUICKLEAD_SESSION_SECRET: secret });
            return false;
          } catch {
            return true;
          }
        },
      );
      expect(refused).toEqual([]);
    },
  );
});

describe('rotating the session secret', () => {
  /** The same browser, now talking to an app server restarted with another secret list. */
  async function sessionAfterRestart(
    jar: CookieJar,
    secrets: string,
    now: () => number,
    store: SessionStore,
  ) {
    // The sessions outlive the restart, as they do in Redis.
    const app = createAppServer({
      config: testConfig({ QUICKLEAD_SESSION_SECRET: secrets }),
      now,
      sessionStore: store,
    });
    const response = await app.request('http://127.0.0.1:5173/auth/session', {
      headers: { cookie: jar.header() },
    });
    jar.take(response);
    return (await response.json()) as { signedIn: boolean };
  }

  it('a cookie sealed with the old secret still opens once the list is "new,old", and comes back sealed with the new one', async () => {
    const [oldSecret, newSecret] = [randomSessionSecret(), randomSessionSecret()];
    const h = createHarness({ env: { QUICKLEAD_SESSION_SECRET: oldSecret } });
    await signIn(h);
    const sealedWithOld = h.jar.cookies.get('quicklead-session');

    expect(await sessionAfterRestart(h.jar, `${newSecret},${oldSecret}`, h.clock.now, h.store)).toMatchObject(
      {
        signedIn: true,
      },
    );
    expect(h.jar.cookies.get('quicklead-session')).not.toBe(sealedWithOld);
    // Re-sealed with the new secret: a server that knows only the new one opens it.
    expect(await sessionAfterRestart(h.jar, newSecret, h.clock.now, h.store)).toMatchObject({
      signedIn: true,
    });
  });

  it('a cookie sealed with a secret no longer listed is refused', async () => {
    const [oldSecret, newSecret] = [randomSessionSecret(), randomSessionSecret()];
    const h = createHarness({ env: { QUICKLEAD_SESSION_SECRET: oldSecret } });
    await signIn(h);

    expect(await sessionAfterRestart(h.jar, newSecret, h.clock.now, h.store)).toEqual({ signedIn: false });
    expect(h.jar.cookies.has('quicklead-session')).toBe(false);
  });
});
