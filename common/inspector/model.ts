/**
 * The OAuth flow inspector's data: what each step of a sign-in looked like on the wire. DOM-free
 * and dependency-free, because the app server builds the same steps in `bff` mode and sends them
 * as JSON.
 */

/**
 * A secret inside a text. `value` is present only where it may be revealed (the browser's own
 * `spa` tokens, a verifier or code that has already been spent); otherwise `hint` says what it is
 * without giving it away (length and a short SHA-256 fingerprint), or nothing at all.
 */
export interface SecretPart {
  secret: string;
  value?: string;
  hint?: string;
}

/** Text with its secrets marked, so it can be shown masked or revealed. */
export type Segment = string | SecretPart;
export type SecretText = Segment[];

export interface HttpRequestRecord {
  method: string;
  url: SecretText;
  headers: Array<[string, SecretText]>;
  body?: SecretText;
}

export interface HttpResponseRecord {
  status: number;
  headers: Array<[string, SecretText]>;
  body?: SecretText;
}

export interface Fact {
  label: string;
  value: SecretText;
  /** One plain sentence: what this value is for. */
  note?: string;
  /** Epoch ms this value runs out at: shown as a live countdown. */
  expiresAt?: number;
  /** The result of a comparison the client made, e.g. the state sent against the state received. */
  verdict?: 'match' | 'mismatch';
}

export type StepKind =
  | 'pkce'
  | 'authorization-request'
  | 'callback'
  | 'token-request'
  | 'token-response'
  | 'api-call'
  | 'refresh'
  | 'revocation';

export interface FlowStep {
  id: string;
  kind: StepKind;
  /** Epoch ms. */
  at: number;
  /** Who made the call: this tab, or the app server on its behalf. */
  by: 'browser' | 'server';
  title: string;
  /** One plain sentence of why the step exists. */
  why: string;
  facts: Fact[];
  request?: HttpRequestRecord;
  response?: HttpResponseRecord;
  durationMs?: number;
  failed?: boolean;
}

export const MASK = '••••';

let counter = 0;

/** Unique within a page or a server process: enough to key list items. */
export function stepId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}`;
}

/** The text as shown or copied: secrets masked unless `reveal` and revealable. */
export function textOf(text: SecretText, reveal: boolean): string {
  return text
    .map((part) => (typeof part === 'string' ? part : reveal && part.value !== undefined ? part.value : MASK))
    .join('');
}

export function hasRevealable(text: SecretText | undefined): boolean {
  return (text ?? []).some((part) => typeof part !== 'string' && part.value !== undefined);
}

/** True when any part of the step holds a secret that may be revealed. */
export function stepHasRevealable(step: FlowStep): boolean {
  const texts: Array<SecretText | undefined> = [
    ...step.facts.map((fact) => fact.value),
    step.request?.url,
    step.request?.body,
    step.response?.body,
    ...(step.request?.headers ?? []).map(([, value]) => value),
    ...(step.response?.headers ?? []).map(([, value]) => value),
  ];
  return texts.some(hasRevealable);
}

export const plain = (value: string): SecretText => [value];
