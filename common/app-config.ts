import * as z from 'zod/mini';

/**
 * What the browser needs to know about its deployment: the app server builds it from its own
 * configuration and serves it at run time (`/app-config.json`), so one build serves every
 * deployment. Never holds a secret. Read with zod's small build: this is the one schema the
 * sign-in page needs, and the full build would double the JavaScript that page loads for it.
 */

const text = () => z.string().check(z.minLength(1, 'must not be empty'));
const providerKind = () => z.enum(['sandbox', 'pipedrive', 'custom']);

/** The public OAuth client the browser itself uses in `spa` mode. */
export const providerConfigSchema = z.object({
  kind: providerKind(),
  /** Shown on the sign-in button: "Sign in with {name}". */
  name: text(),
  issuer: z.url(),
  /** The provider advertises RFC 9207: a callback without `iss` is refused (a present one is always checked). */
  requireIss: z.boolean(),
  authorizationEndpoint: z.url(),
  tokenEndpoint: z.url(),
  revocationEndpoint: z.optional(z.url()),
  clientId: text(),
  /**
   * Origins the token response's `api_domain` may name. The access token is only ever sent to one
   * of these, so a forged `api_domain` cannot make the app leak it. `*` stands for one DNS label.
   */
  apiOrigins: z.array(text()).check(z.minLength(1, 'must name at least one origin')),
});

export const SESSION_MODES = ['bff', 'spa'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const appConfigSchema = z
  .object({
    /** The session modes this deployment offers; the first is the default. */
    modes: z.array(z.enum(SESSION_MODES)).check(z.minLength(1, 'must offer at least one mode')),
    provider: z.object({ kind: providerKind(), name: text() }),
    /** The public client, present exactly when `spa` mode is offered. */
    spa: z.optional(providerConfigSchema),
    /** The OAuth flow inspector (a demo aid): offered, and its steps recorded, only when true. */
    inspector: z._default(z.boolean(), false),
  })
  .check(
    z.refine((config) => !config.modes.includes('spa') || config.spa !== undefined, {
      message: 'spa mode needs the spa client settings',
      path: ['spa'],
    }),
  );

export type ProviderConfig = z.infer<typeof providerConfigSchema>;
export type AppConfig = z.infer<typeof appConfigSchema>;

export const APP_CONFIG_PATH = '/app-config.json';
