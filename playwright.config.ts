import { defineConfig, devices } from '@playwright/test';

/** Ports of their own, so the tests can run while `npm start` is up. */
export const E2E_PORTS = { app: 4173, oauth: 4181, api: 4182 } as const;
const appOrigin = `http://127.0.0.1:${E2E_PORTS.app}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: appOrigin,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work on these machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], channel: undefined, viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    // The same start script as `npm start`, serving the production build.
    command: 'node --import tsx scripts/start.ts',
    env: {
      QUICKLEAD_SERVE: 'preview',
      QUICKLEAD_APP_PORT: String(E2E_PORTS.app),
      SANDBOX_OAUTH_PORT: String(E2E_PORTS.oauth),
      SANDBOX_API_PORT: String(E2E_PORTS.api),
    },
    url: `${appOrigin}/app-config.json`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
