import { defineConfig, devices } from '@playwright/test';

/**
 * Three copies of `npm start`, on ports of their own so the tests can run while `npm start` is up:
 * the production build (every spec; strict CSP as deployed), the dev server (the sign-in, create
 * and convert specs, where React StrictMode runs effects twice, as a newcomer's `npm start` does), and
 * the production build with sessions in Redis (the session specs, once per session store).
 */
// The three copies take nine consecutive ports. `QUICKLEAD_E2E_PORT_OFFSET` moves all of them, so
// checkouts whose offsets differ by 10 or more run their suites side by side without sharing one
// (a port already answering would otherwise be taken for this checkout's server).
const offset = Number(process.env.QUICKLEAD_E2E_PORT_OFFSET ?? 0);
const portsFrom = (first: number) => ({
  app: first + offset,
  oauth: first + 1 + offset,
  api: first + 2 + offset,
});
const servers = {
  build: { ...portsFrom(4173), serve: 'preview', script: 'start' },
  dev: { ...portsFrom(4176), serve: 'dev', script: 'start' },
  // The production build again, with sessions in a Redis of its own.
  redis: { ...portsFrom(4179), serve: 'preview', script: 'start-with-redis' },
} as const;
const origin = (port: number) => `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Two servers and two browsers share 2 cores here: give a busy moment room before calling it a failure.
  expect: { timeout: 10_000 },
  workers: Number(process.env.QUICKLEAD_E2E_WORKERS ?? 2),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
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
    { name: 'build', use: { baseURL: origin(servers.build.app) }, testIgnore: ['daily-budget.spec.ts'] },
    // Spends the company's daily budget, which every test on that sandbox shares: after all of them.
    {
      name: 'budget',
      use: { baseURL: origin(servers.build.app) },
      testMatch: ['daily-budget.spec.ts'],
      dependencies: ['build'],
    },
    {
      name: 'redis',
      use: { baseURL: origin(servers.redis.app) },
      testMatch: ['session-replay.spec.ts'],
    },
    {
      name: 'dev-server',
      use: { baseURL: origin(servers.dev.app) },
      // Converting is asked for once however often StrictMode runs the card's effects.
      testMatch: ['sign-in.spec.ts', 'create-lead.spec.ts', 'convert-to-deal.spec.ts'],
    },
  ],
  webServer: Object.values(servers).map((server) => ({
    command: `node --import tsx scripts/${server.script}.ts`,
    env: {
      QUICKLEAD_SERVE: server.serve,
      QUICKLEAD_APP_PORT: String(server.app),
      SANDBOX_OAUTH_PORT: String(server.oauth),
      SANDBOX_API_PORT: String(server.api),
    },
    url: `${origin(server.app)}/app-config.json`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'pipe' as const,
  })),
});
