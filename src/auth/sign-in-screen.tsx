import { useState } from 'react';
import type { SessionMode } from '@/config/app-config.ts';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { useSession } from './session-context.tsx';
import { SignInButton } from './sign-in-button.tsx';

const MODE_TEXT: Record<SessionMode, { label: string; hint: string }> = {
  bff: {
    label: 'Server session (recommended)',
    hint: 'The QuickLead server is the OAuth client and keeps the tokens; this page never sees them.',
  },
  spa: {
    label: 'Browser only (demo)',
    hint: 'This tab is the OAuth client (PKCE); tokens stay in memory, so reloading signs you out.',
  },
};

export function SignInScreen() {
  useDocumentTitle('Sign in – QuickLead');
  const { config } = useSession();
  const [mode, setMode] = useState<SessionMode>(config.modes[0] ?? 'bff');
  return (
    <section className="panel panel--center" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Add leads to Pipedrive in seconds</h1>
      <p className="lede">
        Sign in with your Pipedrive account, fill one short form, and the lead is in your inbox.
      </p>
      {config.modes.length > 1 && (
        <fieldset className="field field--group mode-choice">
          <legend className="field-label">How to sign in</legend>
          {config.modes.map((candidate) => (
            <div className="radio" key={candidate}>
              <input
                type="radio"
                id={`session-mode-${candidate}`}
                name="session-mode"
                value={candidate}
                className="radio__input"
                checked={mode === candidate}
                onChange={() => setMode(candidate)}
                aria-describedby={`session-mode-${candidate}-hint`}
              />
              <label className="radio__label" htmlFor={`session-mode-${candidate}`}>
                {MODE_TEXT[candidate].label}
              </label>
              <p className="field-hint radio__hint" id={`session-mode-${candidate}-hint`}>
                {MODE_TEXT[candidate].hint}
              </p>
            </div>
          ))}
        </fieldset>
      )}
      <SignInButton mode={mode} />
      {config.modes.length === 1 && <p className="mode-note">{MODE_TEXT[mode].hint}</p>}
    </section>
  );
}
