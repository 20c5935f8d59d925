import * as oauth from 'oauth4webapi';
import { SignInError } from './sign-in-error.ts';

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
