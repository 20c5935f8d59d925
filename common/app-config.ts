import { z } from 'zod';

/**
 * What the browser needs to know about its deployment: the app server builds it from its own
 * configuration and serves it at run time (`/app-config.json`), so one build serves every
 * deployment. Never holds a secret.
 */

/** The public OAuth client the browser itself uses in `spa` mode. */
export const providerConfigSchema = z.object({
  kind: z.enum(['sandbox', 'pipedrive', 'custom']),
  /** Shown on the sign-in button: "Sign in with {name}". */
  name: z.string().min(1),
  issuer: z.url(),
  /** The provider advertises RFC 9207: a callback without `iss` is refused (a present one is always checked). */
  requireIss: z.boolean(),
  authorizationEndpoint: z.url(),
  tokenEndpoint: z.url(),
  revocationEndpoint: z.url().optional(),
  clientId: z.string().min(1),
  /**
   * Origins the token response's `api_domain` may name. The access token is only ever sent to one
   * of these, so a forged `api_domain` cannot make the app leak it. `*` stands for one DNS label.
   */
  apiOrigins: z.array(z.string().min(1)).min(1),
});

export const SESSION_MODES = ['bff', 'spa'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const appConfigSchema = z
  .object({
    /** The session modes this deployment offers; the first is the default. */
    modes: z.array(z.enum(SESSION_MODES)).min(1),
    provider: z.object({ kind: z.enum(['sandbox', 'pipedrive', 'custom']), name: z.string().min(1) }),
    /** The public client, present exactly when `spa` mode is offered. */
    spa: providerConfigSchema.optional(),
    /** The OAuth flow inspector (a demo aid): offered, and its steps recorded, only when true. */
    inspector: z.boolean().default(false),
  })
  .refine((config) => !config.modes.includes('spa') || config.spa !== undefined, {
    message: 'spa mode needs the spa client settings',
    path: ['spa'],
  });

export type ProviderConfig = z.infer<typeof providerConfigSchema>;
export type AppConfig = z.infer<typeof appConfigSchema>;

export const APP_CONFIG_PATH = '/app-config.json';
