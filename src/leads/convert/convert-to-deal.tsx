import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '@/ui/confirm-dialog.tsx';
import { CopyLinkButton } from '@/ui/copy-link-button.tsx';
import type { ConversionView } from './conversion-view.ts';
import type { LeadConversionControls } from './use-lead-conversion.ts';

/** What the status line says while the conversion is under way; '' when there is nothing to say. */
function statusText(view: ConversionView): string {
  switch (view.step) {
    case 'requesting':
      return 'Asking Pipedrive to convert the lead to a deal…';
    case 'converting':
      return view.status === 'running'
        ? 'Converting to a deal…'
        : 'Converting to a deal… Pipedrive has queued the conversion.';
    case 'checking':
      return `The answer from Pipedrive was lost. Checking whether it converted the lead… (check ${view.check} of ${view.of})`;
    case 'slow':
      return 'Pipedrive is still converting the lead. A lead with many activities can take a while.';
    default:
      return '';
  }
}

const isUnderWay = (view: ConversionView) =>
  view.step === 'requesting' || view.step === 'converting' || view.step === 'checking';

/**
 * Where the conversion stands, between the facts and the actions: a status line read out as it
 * changes, the reason when it stopped with what the rep can do, and once converted what became of
 * the lead. The one live line keeps its place so each change is announced.
 */
export function ConversionNotice({ conversion }: { conversion: LeadConversionControls }) {
  const { view } = conversion;
  const action = useRef<HTMLButtonElement>(null);
  // The Convert button goes when a problem or a slow conversion shows: its focus moves to what replaces it.
  useEffect(() => {
    if ((view.step === 'problem' || view.step === 'slow') && document.activeElement === document.body) {
      action.current?.focus();
    }
  }, [view.step]);
  const text = statusText(view);
  return (
    <div className="conversion">
      <p className="conversion__status" role="status">
        {isUnderWay(view) && <span className="spinner" aria-hidden="true" />}
        {text}
      </p>
      {view.step === 'slow' && (
        <button ref={action} type="button" className="button button--small" onClick={conversion.checkAgain}>
          Check again
        </button>
      )}
      {view.step === 'problem' && (
        <div className="notice notice--error" role="alert">
          <p>{view.message}</p>
          {view.next === 'retry' && (
            <button
              ref={action}
              type="button"
              className="button button--small"
              onClick={() => void conversion.start()}
            >
              Try again
            </button>
          )}
          {view.next === 'check' && (
            <button
              ref={action}
              type="button"
              className="button button--small"
              onClick={conversion.checkAgain}
            >
              Check again
            </button>
          )}
        </div>
      )}
      {view.step === 'converted' && (
        <p className="conversion__done">
          {view.dealId === null
            ? 'It is a deal now and has left the Leads Inbox. Pipedrive did not say which deal, so look for it among your deals in Pipedrive.'
            : 'It is a deal now: its notes and activities moved with it, and it has left the Leads Inbox.'}
        </p>
      )}
    </div>
  );
}

/**
 * "Convert to deal", after a confirmation: the lead leaves the Leads Inbox for good. While a
 * conversion is under way it stays, disabled, saying so, so the focus it holds is not lost.
 */
export function ConvertButton({ conversion }: { conversion: LeadConversionControls }) {
  const [confirming, setConfirming] = useState(false);
  const { view } = conversion;
  if (view.step !== 'ready' && !isUnderWay(view)) return null;
  const busy = isUnderWay(view);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-disabled={busy || undefined}
        onClick={() => {
          if (busy) return;
          // Fetched while the rep reads the question, so the start does not wait for it.
          void conversion.prepare().catch(() => undefined);
          setConfirming(true);
        }}
      >
        {busy ? (
          <>
            <span className="spinner" aria-hidden="true" /> Converting…
          </>
        ) : (
          'Convert to deal'
        )}
      </button>
      {confirming && (
        <ConfirmDialog
          id="convert-dialog"
          title="Convert this lead to a deal?"
          confirmLabel="Convert to deal"
          busyLabel="Converting…"
          failureMessage="QuickLead could not load what converts the lead. Check your connection and try again."
          onConfirm={async () => {
            await conversion.start();
            setConfirming(false);
          }}
          onClose={() => setConfirming(false)}
        >
          <p>The lead becomes a deal in the first stage of your pipeline and leaves the Leads Inbox.</p>
          <ul className="dialog__list">
            <li>Its notes and activities move to the deal.</li>
            <li>It cannot be turned back into this lead from QuickLead.</li>
          </ul>
        </ConfirmDialog>
      )}
    </>
  );
}

/** The deal's links, in place of the lead's, once the lead has become one. */
export function DealLinks({ dealUrl }: { dealUrl: string | undefined }) {
  const link = useRef<HTMLAnchorElement>(null);
  // The Convert button that held the focus is gone: the deal's link takes it.
  useEffect(() => {
    if (document.activeElement === document.body) link.current?.focus();
  }, []);
  if (!dealUrl) return null;
  return (
    <>
      <a
        ref={link}
        className="button button--primary"
        href={dealUrl}
        target="_blank"
        rel="noopener noreferrer"
      >
        Open deal in Pipedrive<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
      <CopyLinkButton url={dealUrl} noun="deal" />
    </>
  );
}
