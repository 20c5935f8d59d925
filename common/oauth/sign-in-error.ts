export type SignInErrorKind =
  | 'denied'
  | 'state'
  | 'exchange'
  | 'api-domain'
  | 'network'
  | 'unavailable'
  | 'session-store';

const MESSAGES: Record<SignInErrorKind, string> = {
  denied: 'You cancelled the sign-in, so QuickLead has no access to your Pipedrive account.',
  state:
    'This sign-in could not be verified: it was already used, or it did not start in this tab. Start again to sign in safely.',
  exchange: 'Pipedrive did not accept the sign-in.',
  'api-domain': 'Pipedrive named an API address that QuickLead does not trust, so the sign-in was stopped.',
  network: 'QuickLead could not reach the sign-in server. Check your connection and try again.',
  unavailable: 'Pipedrive is not answering, so the sign-in could not finish. Try again in a moment.',
  'session-store':
    'QuickLead’s server cannot keep your session right now, so the sign-in could not finish. Try again in a moment.',
};

/** A sign-in failure with a plain-language message and, when there is one, the provider's own words. */
export class SignInError extends Error {
  override name = 'SignInError';
  constructor(
    readonly kind: SignInErrorKind,
    readonly detail?: string,
    options?: ErrorOptions,
  ) {
    super(MESSAGES[kind], options);
  }
}
