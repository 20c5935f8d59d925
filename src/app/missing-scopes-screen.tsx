import { useEffect, useRef, useState } from 'react';
import { SignInButton } from '@/auth/sign-in-button.tsx';
import type { SessionMode } from '@/config/app-config.ts';
import { loadLeadDraft } from '@/leads/form/lead-draft.ts';
import type { ScopeNeed } from '@/pipedrive/required-scopes.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';

interface MissingScopesScreenProps {
  missing: readonly ScopeNeed[];
  mode: SessionMode;
  onSignOut: () => void;
}

/**
 * Shown instead of the form when the token lacks scopes QuickLead needs: the form would only fail
 * call by call. Pipedrive fixes scopes per app and old tokens keep old ones, so the way out is an
 * admin's change in Developer Hub followed by a new sign-in.
 */
export function MissingScopesScreen({ missing, mode, onSignOut }: MissingScopesScreenProps) {
  useDocumentTitle('Error: Pipedrive access missing – QuickLead');
  const heading = useRef<HTMLHeadingElement>(null);
  // The screen replaces the loading state: moving focus makes screen readers read it out.
  useEffect(() => heading.current?.focus(), []);
  const [draftKept] = useState(() => loadLeadDraft() !== undefined);
  const several = missing.length > 1;

  return (
    <section className="panel access-problem" aria-labelledby="missing-scopes-heading">
      <h1 id="missing-scopes-heading" ref={heading} tabIndex={-1}>
        QuickLead needs more access to Pipedrive
      </h1>
      <div className="notice notice--error">
        <p>
          Your Pipedrive sign-in does not give QuickLead everything it needs, so the lead form cannot open. It
          is missing:
        </p>
        <ul className="access-problem__list">
          {missing.map((need) => (
            <li key={need.scope}>
              <strong>{need.title}</strong> (<code>{need.scope}</code>): needed {need.purpose}.
            </li>
          ))}
        </ul>
      </div>
      <h2>How a Pipedrive admin fixes it</h2>
      <ol className="access-problem__steps">
        <li>
          In Pipedrive’s Developer Hub, open the QuickLead app and add{' '}
          {several ? 'these scopes' : 'this scope'} to it.
        </li>
        <li>
          Then each user signs in to QuickLead again (sign out, then sign in), or reinstalls the app: a
          sign-in made before the change keeps the old scopes.
        </li>
      </ol>
      {draftKept && (
        <p className="notice notice--info">
          The lead you were typing is kept in this tab: it comes back when you sign in again. Signing out
          discards it.
        </p>
      )}
      <div className="form-actions">
        <SignInButton mode={mode} label="Sign in again" />
        <button type="button" className="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </section>
  );
}
