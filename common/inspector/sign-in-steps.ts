import { type Fact, type FlowStep, plain, type SecretText, stepId } from './model.ts';
import { markSecrets, type Redactor, secretPart, secretsInParams } from './redact.ts';

/**
 * The first three steps of a sign-in: they are browser navigations, not fetches, so they are
 * described from what the client generated and received rather than recorded off the wire.
 */

export interface StepContext {
  by: 'browser' | 'server';
  redactor: Redactor;
  /** Used to tell token and revocation calls from API calls. */
  tokenEndpoint: string;
  revocationEndpoint?: string;
  now?: () => number;
  /** How much of each body a step shows, counted once its secrets are masked (default 4,000). */
  maxBodyChars?: number;
}

export const PARAM_NOTES: Record<string, string> = {
  client_id: 'Which registered app is asking.',
  redirect_uri: 'Where the provider sends the browser back; it must match the registered callback exactly.',
  response_type: '"code": the authorization code flow, so no token ever travels in the address bar.',
  state:
    'A random value the client keeps and checks on the way back, so nobody can slip it an answer to a sign-in it never started.',
  code_challenge:
    'BASE64URL(SHA-256(code_verifier)): the verifier’s hash; the verifier itself stays with the client until the token request.',
  code_challenge_method: 'S256: the challenge is a SHA-256 hash, never the verifier in plain.',
  scope: 'The permissions asked for.',
  grant_type: 'What is being traded for tokens.',
  code: 'The one-time authorization code from the callback; it is spent by this request.',
  code_verifier: 'The PKCE secret from step 1; the provider hashes it and compares with the challenge.',
  refresh_token: 'The long-lived token that buys a new access token without a new sign-in.',
  token: 'The token to cancel.',
  token_type_hint: 'Which kind of token it is, so the provider looks in the right place.',
};

export interface PkceInput {
  codeVerifier: string;
  codeChallenge: string;
  at: number;
}

export function pkceStep(input: PkceInput, context: StepContext): FlowStep {
  return {
    id: stepId('pkce'),
    kind: 'pkce',
    at: input.at,
    by: context.by,
    title: 'PKCE: a secret for this sign-in',
    why: 'Only whoever holds the code_verifier can exchange the code, so a code caught on its way back is useless to anyone else.',
    facts: [
      {
        label: 'code_verifier',
        value: [secretPart({ kind: 'code verifier', value: input.codeVerifier }, context.redactor)],
        note: '43 or more random characters, made fresh for this sign-in and kept by the client.',
      },
      { label: 'code_challenge', value: plain(input.codeChallenge), note: PARAM_NOTES.code_challenge },
      { label: 'code_challenge_method', value: plain('S256'), note: PARAM_NOTES.code_challenge_method },
    ],
  };
}

/**
 * Step 1 when the client sends no PKCE (`bff` with `QUICKLEAD_PKCE=off`, Pipedrive's default): it
 * says so and why, and what protects the callback instead, so the timeline has no silent gap.
 */
export function pkceOffStep(
  input: { state: string; reason: string; at: number },
  context: StepContext,
): FlowStep {
  return {
    id: stepId('pkce'),
    kind: 'pkce',
    at: input.at,
    by: context.by,
    title: 'PKCE off: state protects this sign-in',
    why: `${input.reason} The state, bound to this browser by the sealed sign-in cookie, protects the callback instead: an answer to a sign-in this browser did not start is refused.`,
    facts: [
      {
        label: 'code_challenge',
        value: plain('not sent'),
        note: 'No code_challenge or code_challenge_method in the authorization request, and no code_verifier in the token request.',
      },
      {
        label: 'state',
        value: plain(input.state),
        note: 'Kept in an encrypted, HttpOnly cookie of this browser for 10 minutes; the callback must bring it back unchanged, once.',
      },
    ],
  };
}

export function authorizationRequestStep(url: URL, at: number, context: StepContext): FlowStep {
  const secrets = secretsInParams(url.searchParams);
  return {
    id: stepId('authorize'),
    kind: 'authorization-request',
    at,
    by: context.by,
    title: 'Authorization request',
    why: 'The browser goes to the provider’s own sign-in page; the password is typed there, never in QuickLead.',
    facts: [...url.searchParams].map(([name, value]) => ({
      label: name,
      value: markSecrets(value, secrets, context.redactor),
      ...(PARAM_NOTES[name] ? { note: PARAM_NOTES[name] } : {}),
    })),
    request: { method: 'GET', url: markSecrets(url.href, secrets, context.redactor), headers: [] },
  };
}

export interface CallbackInput {
  callbackUrl: URL;
  /** The state sent in the authorization request. */
  sentState: string;
  at: number;
  /** What the address bar shows once the code and state are gone. */
  cleanedTo: string;
}

export function callbackStep(input: CallbackInput, context: StepContext): FlowStep {
  const params = input.callbackUrl.searchParams;
  const secrets = secretsInParams(params);
  const mark = (text: string): SecretText => markSecrets(text, secrets, context.redactor);
  const received = params.get('state');
  const facts: Fact[] = [];
  const code = params.get('code');
  if (code !== null) facts.push({ label: 'code', value: mark(code), note: 'Single-use, short-lived.' });
  const error = params.get('error');
  if (error !== null) {
    facts.push({ label: 'error', value: plain(error), note: 'The provider says why there is no code.' });
  }
  facts.push({
    label: 'state',
    value: plain(received ?? '(missing)'),
    verdict: received === input.sentState ? 'match' : 'mismatch',
    note:
      received === input.sentState
        ? 'Equal to the state sent in the authorization request: this answer belongs to this sign-in.'
        : `Differs from the state sent (${input.sentState}): the answer is refused.`,
  });
  const iss = params.get('iss');
  if (iss !== null) {
    facts.push({
      label: 'iss',
      value: plain(iss),
      note: 'Which authorization server answered (RFC 9207); checked against the configured issuer.',
    });
  }
  facts.push({
    label: 'address bar afterwards',
    value: plain(input.cleanedTo),
    note: 'The code and state are removed at once, so they stay out of history, bookmarks and Referer headers.',
  });
  return {
    id: stepId('callback'),
    kind: 'callback',
    at: input.at,
    by: context.by,
    title: error === null ? 'Callback with the authorization code' : 'Callback with an error, no code',
    why:
      error === null
        ? 'The provider sends the browser back with a one-time code; the state must equal the one sent, which proves the answer belongs to this sign-in.'
        : 'The provider sends the browser back without a code, saying why (the person cancelled, or the provider refused); the sign-in ends here.',
    facts,
    request: { method: 'GET', url: mark(input.callbackUrl.href), headers: [] },
    ...(received === input.sentState && error === null ? {} : { failed: true }),
  };
}
