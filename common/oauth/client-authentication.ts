import * as oauth from 'oauth4webapi';

/**
 * How the client proves who it is at the token and revocation endpoints. This is all that tells
 * the browser's client (`spa` mode) from the app server's (`bff` mode).
 */
export type ClientAuthentication =
  /**
   * A public client: it has no secret, so PKCE is what ties the code to the client that asked,
   * and it is always on.
   */
  | { kind: 'public' }
  /**
   * A confidential client: HTTP Basic with its secret (`client_secret_basic`, as Pipedrive
   * documents). PKCE is a setting, since Pipedrive documents none.
   */
  | { kind: 'confidential'; clientSecret: string; pkce: boolean };

export function usesPkce(authentication: ClientAuthentication): boolean {
  return authentication.kind === 'public' || authentication.pkce;
}

export function clientAuthOf(authentication: ClientAuthentication): oauth.ClientAuth {
  return authentication.kind === 'public'
    ? oauth.None()
    : oauth.ClientSecretBasic(authentication.clientSecret);
}
