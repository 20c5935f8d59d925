import type { OAuthClient } from './oauth-clients.ts';
import { secretsMatch } from './oauth-clients.ts';
import type { TokenErrorKey } from './oauth-errors.ts';

export type ClientAuthResult =
  | { ok: true; client: OAuthClient }
  | { ok: false; error: TokenErrorKey; basicAttempted: boolean };

function decodeBasic(header: string): { id: string; secret: string } | null {
  const decoded = Buffer.from(header.slice('basic '.length).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  // RFC 6749 §2.3.1 form-encodes both parts; Pipedrive's SDK does not. Decoding covers both.
  const decode = (part: string) => {
    try {
      return decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return part;
    }
  };
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

/**
 * Confidential clients authenticate with HTTP Basic only, as Pipedrive documents; a secret in the
 * body is not accepted. The sandbox-only public client names itself with `client_id` in the body.
 */
export function authenticateClient(
  authorization: string | undefined,
  body: URLSearchParams,
  clients: readonly OAuthClient[],
): ClientAuthResult {
  const bodyClientId = body.get('client_id');
  if (authorization && /^basic /i.test(authorization)) {
    const credentials = decodeBasic(authorization);
    const client = credentials && clients.find((candidate) => candidate.clientId === credentials.id);
    const valid =
      credentials !== null &&
      client?.clientSecret != null &&
      secretsMatch(client.clientSecret, credentials.secret) &&
      (bodyClientId === null || bodyClientId === client.clientId);
    return valid && client
      ? { ok: true, client }
      : { ok: false, error: 'clientInvalid', basicAttempted: true };
  }
  if (authorization || bodyClientId === null) {
    return { ok: false, error: 'noClientCredentials', basicAttempted: false };
  }
  const client = clients.find((candidate) => candidate.clientId === bodyClientId);
  if (!client || body.has('client_secret'))
    return { ok: false, error: 'clientInvalid', basicAttempted: false };
  if (client.clientSecret !== null) return { ok: false, error: 'noClientCredentials', basicAttempted: false };
  return { ok: true, client };
}
