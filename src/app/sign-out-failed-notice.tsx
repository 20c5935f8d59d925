import { useState } from 'react';

interface SignOutFailedNoticeProps {
  /** Tries the sign-out again; resolves either way (the notice stays while it keeps failing). */
  onRetry: () => Promise<void>;
}

/**
 * Shown when the server did not confirm a sign-out: the rep is still signed in (a reload would show
 * it), so the page says so and keeps everything as it was, with a way to try again.
 */
export function SignOutFailedNotice({ onRetry }: SignOutFailedNoticeProps) {
  const [retrying, setRetrying] = useState(false);
  return (
    <div className="notice notice--error" role="alert">
      <p>
        <strong>Sign-out did not complete.</strong> QuickLead’s server did not confirm it, so you are still
        signed in, and the lead you are typing is kept.
      </p>
      <p>
        <button
          type="button"
          className="button"
          aria-disabled={retrying || undefined}
          onClick={() => {
            if (retrying) return;
            setRetrying(true);
            void onRetry().finally(() => setRetrying(false));
          }}
        >
          {retrying ? 'Signing out…' : 'Retry sign-out'}
        </button>
      </p>
    </div>
  );
}
