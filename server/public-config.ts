import { type AppConfig, readAppConfig } from '../common/app-config.ts';
import type { ServerConfig } from './server-config.ts';

/**
 * What the browser learns at `/app-config.json`: the modes on offer, the provider's name, and the
 * public `spa` client only when `spa` is offered. Built field by field, so the client secret, the
 * session secret and the confidential client id can never slip in.
 */
export function publicConfigOf(config: ServerConfig): AppConfig {
  const { provider } = config;
  const spa =
    config.sessionModes.includes('spa') && config.spaClientId
      ? {
          kind: provider.kind,
          name: provider.name,
          issuer: provider.issuer,
          requireIss: provider.requireIss,
          authorizationEndpoint: provider.authorizationEndpoint,
          tokenEndpoint: provider.tokenEndpoint,
          ...(provider.revocationEndpoint ? { revocationEndpoint: provider.revocationEndpoint } : {}),
          clientId: config.spaClientId,
          apiOrigins: [...provider.apiOrigins],
        }
      : undefined;
  // Checked as the browser will check it: a configuration the browser would refuse is never served.
  const read = readAppConfig({
    modes: [...config.sessionModes],
    provider: { kind: provider.kind, name: provider.name },
    ...(spa ? { spa } : {}),
    inspector: config.inspector,
  });
  if (!read.success) throw new Error(`The public configuration is not valid: ${read.problems.join('; ')}`);
  return read.data;
}
