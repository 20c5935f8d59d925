import { documentedCostOf } from '../documented-costs.ts';
import { readTokenAnswer, shownBody, type TokenAnswer, UNREADABLE_BODY } from './body.ts';
import { type Fact, type FlowStep, plain, type SecretText, stepId } from './model.ts';
import type { Exchange } from './recording-fetch.ts';
import {
  type KnownSecret,
  markSecrets,
  secretsInAuthorization,
  secretsInJson,
  secretsInParams,
} from './redact.ts';
import { PARAM_NOTES, type StepContext } from './sign-in-steps.ts';

/** Headers that say how much room is left and when to come back (Pipedrive's, and common ones). */
const USAGE_HEADER = /^(x-token-cost|retry-after|x-ratelimit-.*|x-daily-ratelimit-.*|ratelimit.*)$/i;

/** What a call takes from the company's daily budget: Pipedrive documents it, it sends no header. */
function documentedCostFact(exchange: Exchange): Fact[] {
  const url = new URL(exchange.url);
  const cost = documentedCostOf(exchange.method, url.pathname);
  if (cost === undefined) return [];
  return [
    {
      label: 'documented cost',
      value: plain(String(cost)),
      note: 'Tokens this call takes from the company’s daily Pipedrive budget, from Pipedrive’s API documents.',
    },
  ];
}

const bodyChars = (chars: number | undefined) => (chars === undefined ? {} : { chars });

const sameEndpoint = (url: string, endpoint: string | undefined) =>
  endpoint !== undefined && url.split('?')[0] === endpoint.split('?')[0];

/** Every secret the exchange carries, wherever it appears. */
function secretsOf(exchange: Exchange, tokenAnswer: TokenAnswer | undefined): KnownSecret[] {
  const header = exchange.requestHeaders.find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const query = new URL(exchange.url).searchParams;
  return [
    ...secretsInAuthorization(header),
    ...secretsInParams(query),
    ...(exchange.requestBody ? secretsInParams(new URLSearchParams(exchange.requestBody)) : []),
    ...secretsInJson(tokenAnswer ? JSON.stringify(tokenAnswer.fields) : (exchange.responseBody ?? '')),
  ];
}

function tokenFacts(
  exchange: Exchange,
  answer: TokenAnswer | undefined,
  mark: (text: string) => SecretText,
): Fact[] {
  if (!answer) return [];
  const { fields } = answer;
  const facts: Fact[] = [];
  const add = (label: string, note: string, extra: Partial<Fact> = {}) => {
    const value = fields[label];
    if (value === undefined) return;
    facts.push({ label, value: mark(String(value)), note, ...extra });
  };
  add('error', 'Why the provider refused.');
  add('error_description', 'The provider’s explanation.');
  add('access_token', 'Goes with every API call as a Bearer token. Whoever has it can act as you.');
  add('token_type', 'How to present the access token.');
  const expiresIn = Number(fields.expires_in);
  add('expires_in', 'Seconds the access token lives; it is renewed with the refresh token before then.', {
    ...(Number.isFinite(expiresIn)
      ? { expiresAt: exchange.startedAt + exchange.durationMs + expiresIn * 1000 }
      : {}),
  });
  add('refresh_token', 'Buys new access tokens; the most valuable secret of the session.');
  add('scope', 'The permissions granted, which may be fewer than asked for.');
  add('api_domain', 'The company’s API origin: every API call goes there.');
  if (answer.left > 0) {
    facts.push({
      label: 'other fields',
      value: plain(`${answer.left} not shown`),
      note: 'Only the fields OAuth defines are kept, so a secret in a field of the provider’s own cannot slip through.',
    });
  }
  return facts;
}

function formFacts(exchange: Exchange, show: (text: string) => SecretText): Fact[] {
  if (!exchange.requestBody) return [];
  return [...new URLSearchParams(exchange.requestBody)].map(([name, value]) => ({
    label: name,
    value: show(value),
    ...(PARAM_NOTES[name] ? { note: PARAM_NOTES[name] } : {}),
  }));
}

/** Status and duration, then `afterTiming`, then the usage headers and any network error. */
function usageFacts(exchange: Exchange, afterTiming: Fact[] = []): Fact[] {
  const facts: Fact[] = [
    { label: 'status', value: plain(exchange.status === undefined ? 'no answer' : String(exchange.status)) },
    { label: 'duration', value: plain(`${exchange.durationMs} ms`) },
    ...afterTiming,
  ];
  for (const [name, value] of exchange.responseHeaders) {
    if (!USAGE_HEADER.test(name)) continue;
    // Only the sandbox sends a cost header; the documented cost is what counts at Pipedrive.
    const note = /^x-token-cost$/i.test(name)
      ? 'Sent by the sandbox only; Pipedrive sends no cost header.'
      : undefined;
    facts.push({ label: name, value: plain(value), ...(note ? { note } : {}) });
  }
  if (exchange.error) facts.push({ label: 'error', value: plain(exchange.error) });
  return facts;
}

/** How much of a body a step shows when the context does not say. */
export const SHOWN_BODY_CHARS = 4000;

/**
 * Turns a recorded exchange into the inspector's step(s), secrets marked per the context. Bodies
 * are masked first and cut after; a token endpoint's answer is rebuilt from the fields OAuth
 * defines, and not shown at all when it cannot be read whole.
 */
export function stepsFromExchange(exchange: Exchange, context: StepContext): FlowStep[] {
  const maxChars = context.maxBodyChars ?? SHOWN_BODY_CHARS;
  const toTokenEndpoint = sameEndpoint(exchange.url, context.tokenEndpoint);
  const tokenAnswer = toTokenEndpoint
    ? readTokenAnswer(
        exchange.responseBody === undefined
          ? undefined
          : { text: exchange.responseBody, ...bodyChars(exchange.responseBodyChars) },
      )
    : undefined;
  const secrets = secretsOf(exchange, tokenAnswer);
  const mark = (text: string): SecretText => markSecrets(text, secrets, context.redactor);
  const show = (text: string, chars?: number): SecretText =>
    shownBody({ text, ...bodyChars(chars) }, secrets, context.redactor, maxChars);
  const headers = (list: Array<[string, string]>): Array<[string, SecretText]> =>
    list.map(([name, value]) => [name, mark(value)]);
  const request = {
    method: exchange.method,
    url: mark(exchange.url),
    headers: headers(exchange.requestHeaders),
    ...(exchange.requestBody === undefined
      ? {}
      : { body: show(exchange.requestBody, exchange.requestBodyChars) }),
  };
  const responseBody = (): SecretText | undefined => {
    if (exchange.responseBody === undefined) return undefined;
    if (!toTokenEndpoint) return show(exchange.responseBody, exchange.responseBodyChars);
    return tokenAnswer ? show(JSON.stringify(tokenAnswer.fields)) : plain(UNREADABLE_BODY);
  };
  const body = responseBody();
  const response =
    exchange.status === undefined
      ? undefined
      : {
          status: exchange.status,
          headers: headers(exchange.responseHeaders),
          ...(body === undefined ? {} : { body }),
        };
  const failed = exchange.status === undefined || exchange.status >= 400;
  const common = {
    at: exchange.startedAt,
    by: context.by,
    durationMs: exchange.durationMs,
    ...(failed ? { failed } : {}),
  };
  const grant = new URLSearchParams(exchange.requestBody ?? '').get('grant_type');

  if (toTokenEndpoint && grant === 'authorization_code') {
    const viaBasic = secrets.some((secret) => secret.kind === 'client credentials');
    const withVerifier = new URLSearchParams(exchange.requestBody ?? '').has('code_verifier');
    return [
      {
        ...common,
        id: stepId('token-request'),
        kind: 'token-request',
        title: 'Token request',
        why: !viaBasic
          ? 'This tab trades the code for tokens in a direct call; the PKCE verifier proves it is the client that started the sign-in.'
          : withVerifier
            ? 'The server trades the code for tokens in a direct call, with the PKCE verifier and its client secret (HTTP Basic), which never leaves the server.'
            : 'The server trades the code for tokens in a direct call with its client secret (HTTP Basic), which never leaves the server; no PKCE verifier, as none was sent at the start.',
        facts: formFacts(exchange, show),
        request,
      },
      {
        ...common,
        id: stepId('token-response'),
        kind: 'token-response',
        title: 'Token response',
        why: 'The provider answers with an access token for API calls, a refresh token to renew it, and where the API is.',
        facts: tokenFacts(exchange, tokenAnswer, mark),
        ...(response ? { response } : {}),
      },
    ];
  }
  if (toTokenEndpoint && grant === 'refresh_token') {
    return [
      {
        ...common,
        id: stepId('refresh'),
        kind: 'refresh',
        title: 'Token refresh',
        why: 'The access token was about to run out or was refused, so the refresh token buys a new one without a new sign-in.',
        facts: [...usageFacts(exchange).slice(0, 2), ...tokenFacts(exchange, tokenAnswer, mark)],
        request,
        ...(response ? { response } : {}),
      },
    ];
  }
  if (sameEndpoint(exchange.url, context.revocationEndpoint)) {
    return [
      {
        ...common,
        id: stepId('revocation'),
        kind: 'revocation',
        title: 'Token revoked',
        why: 'The provider is told to cancel the token (RFC 7009), so a copy left anywhere stops working; at Pipedrive, revoking the refresh token also uninstalls the app for this user.',
        facts: [...usageFacts(exchange).slice(0, 2), ...formFacts(exchange, show)],
        request,
        ...(response ? { response } : {}),
      },
    ];
  }
  const url = new URL(exchange.url);
  return [
    {
      ...common,
      id: stepId('api'),
      kind: 'api-call',
      title: `${exchange.method} ${url.pathname}`,
      why: 'An API call with the access token. Its documented cost is what it takes from the company’s daily budget; the answer’s headers say how much of the rate limit is left.',
      facts: usageFacts(exchange, documentedCostFact(exchange)),
      request,
      ...(response ? { response } : {}),
    },
  ];
}
