import { APP_CONFIG_PATH, type AppConfig, readAppConfig } from '@common/app-config.ts';

// The configuration's shape is shared with the app server, which builds it (common/app-config.ts).
// The browser's many modules that read it keep naming it from here, beside its loader.
export type { AppConfig, ProviderConfig, SessionMode } from '@common/app-config.ts';
export { APP_CONFIG_PATH } from '@common/app-config.ts';

export class AppConfigError extends Error {
  override name = 'AppConfigError';
}

export async function loadAppConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  let response: Response;
  try {
    response = await fetchImpl(APP_CONFIG_PATH, { headers: { accept: 'application/json' } });
  } catch (cause) {
    throw new AppConfigError('The app server could not be reached to load its configuration.', { cause });
  }
  if (!response.ok) {
    throw new AppConfigError(`The app server answered ${response.status} for its configuration.`);
  }
  const read = readAppConfig(await response.json().catch(() => null));
  if (!read.success) {
    throw new AppConfigError(`The app configuration is not valid: ${read.problems.join('; ')}`);
  }
  return read.data;
}
