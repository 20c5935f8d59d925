import { SignInButton } from '@/auth/sign-in-button.tsx';
import type { SessionMode } from '@/config/app-config.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { type PermissionProblem, permissionProblemOf } from '@/pipedrive/permission-problem.ts';
import { budgetSpentMessage, budgetSpentUntil } from '@/pipedrive/rate-limit.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';

interface ReferenceErrorPanelProps {
  /** Every settings read that failed. */
  errors: readonly Error[];
  retry: () => void;
  mode: SessionMode;
}

function problemOf(error: Error): PermissionProblem | undefined {
  return error instanceof ApiError && error.call ? permissionProblemOf(error, error.call) : undefined;
}

/** A spent daily budget says when it resets; the draft lives in the tab, so nothing typed is lost. */
function messageOf(error: Error): string {
  const spentUntil = budgetSpentUntil(error);
  return spentUntil === undefined
    ? error.message
    : `${budgetSpentMessage(spentUntil)} QuickLead cannot load your settings until then; anything you typed is kept.`;
}

/**
 * The account's settings could not be read. A 403 names the permission that is missing rather
 * than Pipedrive's bare "Scope and URL mismatch"; each distinct message is said once.
 */
export function ReferenceErrorPanel({ errors, retry, mode }: ReferenceErrorPanelProps) {
  useDocumentTitle('Error: Pipedrive settings not loaded – QuickLead');
  const problems = errors.map(problemOf);
  const messages = [...new Set(errors.map((error, index) => problems[index]?.message ?? messageOf(error)))];
  // A missing scope is fixed by a new sign-in (after the admin's change); a permission set is not.
  const scopeMissing = problems.some((problem) => problem?.kind === 'scope');

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
