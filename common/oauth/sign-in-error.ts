import * as oauth from 'oauth4webapi';

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

/** Turns whatever the OAuth steps threw into a SignInError the callback screen can explain. */
export function toSignInError(error: unknown): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof oauth.AuthorizationResponseError) {
    if (error.error === 'access_denied') return new SignInError('denied', undefined, { cause: error });
    return new SignInError('exchange', error.error_description ?? error.error, { cause: error });
  }
  if (error instanceof oauth.ResponseBodyError) {
    return new SignInError('exchange', error.error_description ?? error.error, { cause: error });
  }
  if (
    error instanceof oauth.OperationProcessingError &&
    error.code === oauth.INVALID_RESPONSE &&
    /"(state|iss)"/.test(error.message)
  ) {
    return new SignInError('state', undefined, { cause: error });
  }
  if (error instanceof TypeError) return new SignInError('network', undefined, { cause: error });
  const detail = error instanceof Error ? error.message : undefined;
  return new SignInError('exchange', detail, { cause: error });
}
