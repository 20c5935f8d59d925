import { SIGN_IN_ERROR_PARAM } from '@common/bff-contract.ts';
import { SignInError, type SignInErrorKind } from '@common/oauth/sign-in-error.ts';
import { useEffect, useState } from 'react';
import type { SessionMode } from '@/config/app-config.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { useSession } from './session-context.tsx';
import { SignInButton } from './sign-in-button.tsx';

/** `spa` mode: finishes the redirect back from the provider, exchanges the code, cleans the address bar. */
export function CallbackScreen({ onDone }: { onDone: () => void }) {
  const { config, signedIn } = useSession();
  const [error, setError] = useState<SignInError>();
  // Read once: StrictMode runs the effect twice, and the first run has already cleaned the address bar.
  const [callbackUrl] = useState(() => new URL(window.location.href));
  useDocumentTitle(error ? 'Error: Sign-in failed – QuickLead' : 'Signing in… – QuickLead');

  useEffect(() => {
    // The code and state must not linger in history, bookmarks or a Referer.
    window.history.replaceState(null, '', '/');
    if (!config.spa) {
      setError(new SignInError('state'));
      return;
    }
    let active = true;
    const provider = config.spa;
    // The public client's OAuth code is fetched only here and when a spa sign-in starts.
    import('./spa-sign-in.ts')
      .then(({ completeSignInOnce }) => completeSignInOnce(provider, callbackUrl))
      .then(
        async (session) => {
          if (!active) return;
          await signedIn(session);
          onDone();
        },
        (failure: unknown) => {
          // A SignInError already; anything else is the sign-in code not arriving (the network).
          if (active) setError(failure instanceof SignInError ? failure : new SignInError('network'));
        },
      );
    return () => {
      active = false;
    };
  }, [callbackUrl, config.spa, signedIn, onDone]);

  if (!error) {
    return (
      <section className="panel panel--center" aria-labelledby="callback-heading" aria-busy="true">
        <h1 id="callback-heading">Signing you in…</h1>
        <p role="status">Checking the answer from {config.provider.name}.</p>
      </section>
    );
  }
  return <SignInFailed error={error} mode="spa" onDone={onDone} />;
}

const BFF_ERROR_KINDS: readonly SignInErrorKind[] = [
  'denied',
  'state',
  'exchange',
  'api-domain',
  'network',
  'unavailable',
  'session-store',
];

/** `bff` mode: the app server's callback sends failures back as `?signin_error=<kind>`. */
export function bffSignInErrorOf(url: URL): SignInError | undefined {
  const kind = url.searchParams.get(SIGN_IN_ERROR_PARAM);
  if (!kind) return undefined;
  return new SignInError(
    BFF_ERROR_KINDS.includes(kind as SignInErrorKind) ? (kind as SignInErrorKind) : 'exchange',
  );
}

export function SignInFailed({
  error,
  mode,
  onDone,
}: {
  error: SignInError;
  mode: SessionMode;
  onDone: () => void;
}) {
  useDocumentTitle('Error: Sign-in failed – QuickLead');
  return (
    <section className="panel panel--center" aria-labelledby="callback-heading">
      <h1 id="callback-heading">Sign-in did not complete</h1>
      <div className="notice notice--error" role="alert">
        <p>{error.message}</p>
        {error.detail && <p className="notice__detail">{error.detail}</p>}
      </div>
      <SignInButton mode={mode} label="Try signing in again" />
      <p>
        <a
          href="/"
          onClick={(event) => {
            event.preventDefault();
            onDone();
          }}
        >
          Back to the start
        </a>
      </p>
    </section>
  );
}
