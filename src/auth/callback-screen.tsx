import { useEffect, useState } from 'react';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { useSession } from './session-context.tsx';
import { SignInButton } from './sign-in-button.tsx';
import type { SignInError } from './sign-in-error.ts';
import { completeSignInOnce } from './spa-sign-in.ts';

/** Finishes the redirect back from the provider: checks it, exchanges the code, cleans the address bar. */
export function CallbackScreen({ onDone }: { onDone: () => void }) {
  const { provider, signedIn } = useSession();
  const [error, setError] = useState<SignInError>();
  // Read once: StrictMode runs the effect twice, and the first run has already cleaned the address bar.
  const [callbackUrl] = useState(() => new URL(window.location.href));
  useDocumentTitle(error ? 'Error: Sign-in failed – QuickLead' : 'Signing in… – QuickLead');

  useEffect(() => {
    // The code and state must not linger in history, bookmarks or a Referer.
    window.history.replaceState(null, '', '/');
    let active = true;
    completeSignInOnce(provider, callbackUrl).then(
      (session) => {
        if (!active) return;
        signedIn(session);
        onDone();
      },
      (failure: SignInError) => {
        if (active) setError(failure);
      },
    );
    return () => {
      active = false;
    };
  }, [callbackUrl, provider, signedIn, onDone]);

  if (!error) {
    return (
      <section className="panel panel--center" aria-labelledby="callback-heading" aria-busy="true">
        <h1 id="callback-heading">Signing you in…</h1>
        <p role="status">Checking the answer from {provider.name}.</p>
      </section>
    );
  }
  return (
    <section className="panel panel--center" aria-labelledby="callback-heading">
      <h1 id="callback-heading">Sign-in did not complete</h1>
      <div className="notice notice--error" role="alert">
        <p>{error.message}</p>
        {error.detail && <p className="notice__detail">{error.detail}</p>}
      </div>
      <SignInButton label="Try signing in again" />
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
