/**
 * What every part of `npm run bench` drives: the app server serving a build, with the sandbox, on
 * fixed ports, and Chromium signed in through the sandbox's pages.
 */
import { spawn } from 'node:child_process';
import { type Browser, chromium, type Page } from '@playwright/test';
import { waitForServer } from '../measuring.ts';

export const PORTS = { app: 4473, oauth: 4481, api: 4482 };
export const APP = `http://127.0.0.1:${PORTS.app}`;
export const API = `http://127.0.0.1:${PORTS.api}`;

export type Mode = 'bff' | 'spa';

/**
 * `npm start` serving `buildDir` (as `npm run serve` serves `dist/`) with a fresh sandbox; resolves
 * once it answers, with the function that stops it.
 */
export async function startApp(buildDir: string): Promise<() => Promise<void>> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      QUICKLEAD_SERVE: 'preview',
      QUICKLEAD_BUILD_DIR: buildDir,
      QUICKLEAD_APP_PORT: String(PORTS.app),
      SANDBOX_OAUTH_PORT: String(PORTS.oauth),
      SANDBOX_API_PORT: String(PORTS.api),
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const stop = async () => {
    server.kill('SIGTERM');
    // The next server takes the same ports.
    await exited;
  };
  try {
    await waitForServer(`${APP}/app-config.json`, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** From the sign-in page to the lead form, through the sandbox's sign-in (and consent) pages. */
export async function signIn(page: Page, mode: Mode) {
  await page.goto(`${APP}/`);
  const button = page.getByRole('button', { name: /Sign in with/ });
  await button.waitFor();
  await page.getByRole('radio', { name: mode === 'bff' ? /^Server session/ : /^Browser only/ }).check();
  await button.click();
  await page.getByLabel('Email').fill('maria.lopez@northwind.example');
  await page.getByLabel('Password').fill('sandbox');
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The sandbox asks a user's consent once per client: a later sign-in comes straight back.
  const consent = page.getByRole('button', { name: 'Allow and install' });
  const form = page.getByRole('heading', { name: 'New lead' });
  await consent.or(form).waitFor();
  if (await consent.isVisible()) await consent.click();
  await form.waitFor();
}
