import type { FlowStep } from './model.ts';
import type { Exchange } from './recording-fetch.ts';

/** What the tab's recorder keeps, raw: the inspector's panel turns records into explained steps. */

/** `spa` mode: steps 1–3, rebuilt after the redirect from what the tab kept for the callback. */
export interface SignInRecord {
  type: 'sign-in';
  /** When the authorization request was built, if known. */
  startedAt: number | undefined;
  codeVerifier: string;
  codeChallenge: string;
  authorizationUrl: string;
  callbackUrl: string;
  sentState: string;
  receivedAt: number;
  cleanedTo: string;
}

/** `spa` mode: a call this tab made (token endpoint, API, revocation). */
export interface ExchangeRecord {
  type: 'exchange';
  exchange: Exchange;
}

/** `bff` mode: the timeline the app server recorded for this session, already redacted. */
export interface ServerRecord {
  type: 'server';
  steps: FlowStep[];
}

export type FlowRecord = SignInRecord | ExchangeRecord | ServerRecord;
