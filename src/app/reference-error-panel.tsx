import { useSyncExternalStore } from 'react';
import { SignInButton } from '@/auth/sign-in-button.tsx';
import type { SessionMode } from '@/config/app-config.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import type { PermissionRefusals } from '@/pipedrive/permission-refusals.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';

interface ReferenceErrorPanelProps {
  error: Error;
  retry: () => void;
  refusals: PermissionRefusals;
  mode: SessionMode;
}

/**
 * The account's settings could not be read. A 403 names the permission that is missing (each
 * refused call once) rather than Pipedrive's bare "Scope and URL mismatch".
 */
export function ReferenceErrorPanel({ error, retry, refusals, mode }: ReferenceErrorPanelProps) {
  useDocumentTitle('Error: Pipedrive settings not loaded – QuickLead');
  const problems = useSyncExternalStore(refusals.subscribe, refusals.current);
  const refused = error instanceof ApiError && error.status === 403 && problems.length > 0;
  const messages = refused ? problems.map((problem) => problem.message) : [error.message];
  // A missing scope is fixed by a new sign-in (after the admin's change); a permission set is not.
  const scopeMissing = refused && problems.some((problem) => problem.kind === 'scope');

  return (
    <section className="panel" aria-labelledby="reference-error-heading">
      <h1 id="reference-error-heading">QuickLead could not load your Pipedrive settings</h1>
      <div className="notice notice--error" role="alert">
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      <div className="form-actions">
        <button type="button" className="button button--primary" onClick={retry}>
          Try again
        </button>
        {scopeMissing && <SignInButton mode={mode} label="Sign in again" />}
      </div>
    </section>
  );
}
