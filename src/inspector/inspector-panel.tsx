import { useEffect, useRef, useState } from 'react';
import { DisconnectDialog } from '@/auth/disconnect-dialog.tsx';
import type { AppConfig, SessionMode } from '@/config/app-config.ts';
import { StepCard } from './step-card.tsx';
import './inspector.css';
import { useFlowSteps } from './use-flow-steps.ts';

interface InspectorPanelProps {
  id: string;
  config: AppConfig;
  /** The session's mode once signed in. */
  mode: SessionMode | undefined;
  onClose: () => void;
  /** Signed in: revokes the tokens (which uninstalls the app at Pipedrive), then signs out. */
  onDisconnect: (() => Promise<void>) | undefined;
}

/**
 * The OAuth flow inspector: the sign-in as a timeline, each step with its HTTP exchange and one
 * plain sentence of why. Lazily loaded: nothing of it is fetched until the panel is opened.
 */
export function InspectorPanel({ id, config, mode, onClose, onDisconnect }: InspectorPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const steps = useFlowSteps(config, mode);
  const heading = useRef<HTMLHeadingElement>(null);
  const provider = config.provider.name;
  // Only the newest tokens' expiry is live; earlier ones were replaced by a refresh.
  const newestTokens = steps.findLastIndex(
    (step) => (step.kind === 'token-response' || step.kind === 'refresh') && !step.failed,
  );

  // Opening the panel takes the reader to it: on a phone it sits below the page's own content.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <aside id={id} className="inspector" aria-labelledby={`${id}-heading`}>
      <div className="inspector__head">
        <h2 id={`${id}-heading`} className="inspector__title" tabIndex={-1} ref={heading}>
          OAuth inspector
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          Close inspector
        </button>
      </div>
      <p className="inspector__intro">
        Every step of the sign-in with {provider}, with its HTTP request and answer, then every API call and
        token refresh as it happens.
        {mode === 'bff' && ' Recorded by the QuickLead server, which makes these calls for this browser.'}
        {mode === 'spa' &&
          ' Recorded by this browser tab, which makes these calls itself; kept in memory only.'}
      </p>
      <div className="notice notice--warning inspector__warning">
        <p>
          <strong>Tokens are credentials.</strong> Anyone who has one can act as you in {provider}. Show or
          copy secrets only with a test account, and never paste them into chats, tickets or screenshots.
        </p>
        {mode === 'bff' && (
          <p>
            In a server session the access and refresh tokens stay on the QuickLead server: this page never
            receives them, so they appear only as a length and fingerprint. The PKCE verifier and the code can
            be shown because they are already spent.
          </p>
        )}
        {onDisconnect && (
          <p>
            <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
              Revoke tokens and disconnect…
            </button>{' '}
            Cancels the tokens at {provider}, which uninstalls QuickLead for you there: the next sign-in asks
            to install it again. Signing out revokes nothing.
          </p>
        )}
        {confirming && onDisconnect && (
          <DisconnectDialog onDisconnect={onDisconnect} onClose={() => setConfirming(false)} />
        )}
      </div>
      {steps.length === 0 ? (
        <p className="inspector__empty">
          Nothing yet. Sign in, and each step of the OAuth flow appears here. The first two happen before the
          page leaves for {provider}; they are shown once it comes back.
        </p>
      ) : (
        <ol className="timeline" aria-label="Steps, oldest first">
          {steps.map((step, index) => (
            <li key={step.id} className="timeline__item">
              <StepCard step={step} number={index + 1} replaced={index < newestTokens} />
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
