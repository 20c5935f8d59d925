/**
 * What the browser needs to know about its deployment: the app server builds it from its own
 * configuration and serves it at run time (`/app-config.json`), so one build serves every
 * deployment. Never holds a secret.
 *
 * Read by hand, not with zod: the sign-in page checks it before it can draw anything, and zod, even
 * its small build, would bring zod's whole core into the JavaScript that page loads first (the
 * signed-in screens share that core, so the bundler puts it where both can reach it: 20 kB gzip).
 * The app server checks what it serves with the same function.
 */

export const SESSION_MODES = ['bff', 'spa'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

const PROVIDER_KINDS = ['sandbox', 'pipedrive', 'custom'] as const;
type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** The public OAuth client the browser itself uses in `spa` mode. */
export interface ProviderConfig {
  kind: ProviderKind;
  /** Shown on the sign-in button: "Sign in with {name}". */
  name: string;
  issuer: string;
  /** The provider advertises RFC 9207: a callback without `iss` is refused (a present one is always checked). */
  requireIss: boolean;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint?: string | undefined;
  clientId: string;
  /**
   * Origins the token response's `api_domain` may name. The access token is only ever sent to one
   * of these, so a forged `api_domain` cannot make the app leak it. `*` stands for one DNS label.
   */
  apiOrigins: string[];
}

export interface AppConfig {
  /** The session modes this deployment offers; the first is the default. */
  modes: SessionMode[];
  provider: { kind: ProviderKind; name: string };
  /** The public client, present exactly when `spa` mode is offered. */
  spa?: ProviderConfig | undefined;
  /** The OAuth flow inspector (a demo aid): offered, and its steps recorded, only when true. */
  inspector: boolean;
}

export type AppConfigReading = { success: true; data: AppConfig } | { success: false; problems: string[] };

/** Reads one object's fields, each checked, noting every problem with its path. */
class FieldReader {
  constructor(
    private readonly record: Record<string, unknown>,
    private readonly path: string,
    private readonly problems: string[],
  ) {}

  private problem(key: string, message: string): undefined {
    this.problems.push(`${this.path}${key}: ${message}`);
    return undefined;
  }

  text(key: string): string {
    const value = this.record[key];
    if (typeof value !== 'string') return this.problem(key, 'must be a string') ?? '';
    if (value === '') return this.problem(key, 'must not be empty') ?? '';
    return value;
  }

  url(key: string): string {
    const value = this.text(key);
    if (value !== '' && !isHttpUrl(value)) this.problem(key, 'must be an http(s) URL');
    return value;
  }

  optionalUrl(key: string): string | undefined {
    return this.record[key] === undefined ? undefined : this.url(key);
  }

  boolean(key: string, fallback?: boolean): boolean {
    const value = this.record[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'boolean') return this.problem(key, 'must be true or false') ?? false;
    return value;
  }

  oneOf<T extends string>(key: string, options: readonly T[], value = this.record[key]): T {
    if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
    return this.problem(key, `must be one of ${options.join(', ')}`) ?? (options[0] as T);
  }

  list(key: string, atLeastOne: string): unknown[] {
    const value = this.record[key];
    if (!Array.isArray(value)) return this.problem(key, 'must be a list') ?? [];
    if (value.length === 0) this.problem(key, atLeastOne);
    return value;
  }

  texts(key: string, atLeastOne: string): string[] {
    return this.list(key, atLeastOne).map((item, index) => {
      if (typeof item === 'string' && item !== '') return item;
      return this.problem(`${key}[${index}]`, 'must be a non-empty string') ?? '';
    });
  }

  object(key: string): FieldReader | undefined {
    const value = this.record[key];
    if (!isRecord(value)) return this.problem(key, 'must be an object');
    return new FieldReader(value, `${this.path}${key}.`, this.problems);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

function readProvider(fields: FieldReader): ProviderConfig {
  const revocationEndpoint = fields.optionalUrl('revocationEndpoint');
  return {
    kind: fields.oneOf('kind', PROVIDER_KINDS),
    name: fields.text('name'),
    issuer: fields.url('issuer'),
    requireIss: fields.boolean('requireIss'),
    authorizationEndpoint: fields.url('authorizationEndpoint'),
    tokenEndpoint: fields.url('tokenEndpoint'),
    ...(revocationEndpoint === undefined ? {} : { revocationEndpoint }),
    clientId: fields.text('clientId'),
    apiOrigins: fields.texts('apiOrigins', 'must name at least one origin'),
  };
}

/**
 * The configuration in `value` (parsed JSON), with only the fields it defines, or every problem
 * found, each named by its path (`spa.tokenEndpoint: must be an http(s) URL`).
 */
export function readAppConfig(value: unknown): AppConfigReading {
  const problems: string[] = [];
  if (!isRecord(value)) return { success: false, problems: ['the configuration must be an object'] };
  const fields = new FieldReader(value, '', problems);
  const modes = fields
    .list('modes', 'must offer at least one mode')
    .map((mode, index) => fields.oneOf(`modes[${index}]`, SESSION_MODES, mode));
  const providerFields = fields.object('provider');
  const provider = {
    kind: providerFields?.oneOf('kind', PROVIDER_KINDS) ?? 'custom',
    name: providerFields?.text('name') ?? '',
  };
  const spaFields = value.spa === undefined ? undefined : fields.object('spa');
  const spa = spaFields ? readProvider(spaFields) : undefined;
  if (modes.includes('spa') && value.spa === undefined)
    problems.push('spa: spa mode needs the spa client settings');
  const inspector = fields.boolean('inspector', false);
  if (problems.length > 0) return { success: false, problems };
  return { success: true, data: { modes, provider, ...(spa ? { spa } : {}), inspector } };
}

export const APP_CONFIG_PATH = '/app-config.json';
