import { describe, expect, it } from 'vitest';
import { isAppConfig, isAppPageNavigation, type RouteRequest } from './service-worker-routes.ts';

const APP = 'https://leads.example.com';

function requestFor(address: string, mode: 'navigate' | 'cors' | 'same-origin' | 'no-cors'): RouteRequest {
  const url = new URL(address);
  return { url, request: { mode }, sameOrigin: url.origin === APP };
}

/** The rules as the service worker runs them: rebuilt from their source text alone, as workbox-build copies them. */
const copied = {
  isAppPageNavigation: new Function(
    `return ${isAppPageNavigation.toString()}`,
  )() as typeof isAppPageNavigation,
  isAppConfig: new Function(`return ${isAppConfig.toString()}`)() as typeof isAppConfig,
};

/** Requests whose answers are a session's or Pipedrive's: no rule may claim one, however it is made. */
const NEVER_ANSWERED = [
  `${APP}/auth/session`,
  `${APP}/auth/callback?code=abc&state=xyz`,
  `${APP}/auth/login?returnTo=%2F`,
  `${APP}/auth/inspector`,
  `${APP}/auth`,
  `${APP}/api/pipedrive/api/v1/users/me`,
  `${APP}/api/pipedrive/api/v1/leads`,
  `${APP}/api`,
  `${APP}/callback?code=abc&state=xyz`,
  'http://127.0.0.1:5181/oauth/authorize?client_id=quicklead-sandbox',
  'http://127.0.0.1:5181/oauth/token',
  'http://127.0.0.1:5182/api/v1/users/me',
  'https://oauth.pipedrive.com/oauth/authorize',
  'https://northwind.pipedrive.com/api/v1/leads',
];

describe('what the service worker answers besides its precache', () => {
  for (const [name, rules] of [
    ['as written', { isAppPageNavigation, isAppConfig }],
    ['as copied into the service worker', copied],
  ] as const) {
    describe(name, () => {
      it('never an API or sign-in request, the callback, or another origin, in any request mode', () => {
        for (const address of NEVER_ANSWERED) {
          for (const mode of ['navigate', 'cors', 'same-origin', 'no-cors'] as const) {
            const request = requestFor(address, mode);
            expect(`${mode} ${address}: ${rules.isAppPageNavigation(request)}`).toBe(
              `${mode} ${address}: false`,
            );
            expect(`${mode} ${address}: ${rules.isAppConfig(request)}`).toBe(`${mode} ${address}: false`);
          }
        }
      });

      it("opening one of the app's pages: network first, the precached page when offline", () => {
        for (const path of ['/', '/share?text=Ada', '/leads/new', '/authors', '/apis']) {
          expect(rules.isAppPageNavigation(requestFor(`${APP}${path}`, 'navigate'))).toBe(true);
          // The same address fetched by a script is not a page being opened.
          expect(rules.isAppPageNavigation(requestFor(`${APP}${path}`, 'cors'))).toBe(false);
        }
      });

      it("the deployment's configuration, and only from this origin", () => {
        expect(rules.isAppConfig(requestFor(`${APP}/app-config.json`, 'cors'))).toBe(true);
        expect(rules.isAppConfig(requestFor('https://elsewhere.example/app-config.json', 'cors'))).toBe(
          false,
        );
        expect(rules.isAppConfig(requestFor(`${APP}/api/app-config.json`, 'cors'))).toBe(false);
      });
    });
  }
});
