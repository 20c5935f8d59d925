import {
  BFF_PATHS,
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  PROVIDER_BUSY,
  PROVIDER_UNAVAILABLE,
  SESSION_STORE_UNAVAILABLE,
} from '@common/bff-contract.ts';
import { tabRecorder } from '@common/inspector/recorder-slot.ts';
import { retryAfterSecondsOf } from '@common/retry-after.ts';
import {
  ProviderBusyError,
  ProviderUnavailableError,
  SESSION_STORE_UNAVAILABLE_MESSAGE,
} from '@/pipedrive/provider-unavailable.ts';
import { bffTransport, type Transport } from '@/pipedrive/transport.ts';

/** A busy answer without `Retry-After` waits as long as refresh-outcome.ts waits in `spa` mode. */
const DEFAULT_RETRY_AFTER_S = 30;

/**
 * `bff` mode's calls, through the app server's proxy. The server answers 401 only when its session
 * is over (it refreshes tokens itself). When its refresh failed because Pipedrive is down or busy,
 * the call was never sent: that becomes the same error the `spa` token store throws, so the app
 * reads it the same way in both modes (and never mistakes it for a lost create). Each answer also
 * tells an open inspector that the server's timeline has grown.
 */
export function bffSessionTransport(
  onSessionEnded: () => void,
  transport: Transport = bffTransport(BFF_PATHS.apiPrefix, { header: CSRF_HEADER, value: CSRF_HEADER_VALUE }),
): Transport {
  return async (request) => {
    const response = await transport(request).finally(() => tabRecorder()?.log.noteActivity());
    if (response.status === 401) onSessionEnded();
    if (!response.ok) await throwIfRefreshFailed(response);
    return response;
  };
}

async function throwIfRefreshFailed(response: Response): Promise<void> {
  if (!response.headers.get('content-type')?.includes('application/json')) return;
  // A copy is read: any other error answer goes on to the caller unread.
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => undefined);
  const code = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (code === PROVIDER_UNAVAILABLE) throw new ProviderUnavailableError();
  // The app server could not read the session: nothing was sent, and the session is not over.
  if (code === SESSION_STORE_UNAVAILABLE) {
    throw new ProviderUnavailableError({ message: SESSION_STORE_UNAVAILABLE_MESSAGE });
  }
  if (code === PROVIDER_BUSY) {
    const seconds = retryAfterSecondsOf(response.headers.get('retry-after'));
    throw new ProviderBusyError(seconds ?? DEFAULT_RETRY_AFTER_S);
  }
}
