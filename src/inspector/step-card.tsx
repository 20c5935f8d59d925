import {
  type Fact,
  type FlowStep,
  type HttpRequestRecord,
  type HttpResponseRecord,
  stepHasRevealable,
} from '@common/inspector/model.ts';
import { type ReactNode, useId, useState } from 'react';
import { Countdown } from './countdown.tsx';
import { toCurl } from './curl.ts';
import { SecretHints, SecretTextView } from './secret-text.tsx';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function FactRow({ fact, reveal, replaced }: { fact: Fact; reveal: boolean; replaced: boolean }) {
  return (
    <div className="fact">
      <dt className="fact__label">{fact.label}</dt>
      <dd className="fact__value">
        <code className="fact__code">
          <SecretTextView text={fact.value} reveal={reveal} />
        </code>
        {fact.verdict && (
          <span className={`verdict verdict--${fact.verdict}`}>
            {fact.verdict === 'match' ? '✓ matches' : '✗ does not match'}
          </span>
        )}
        {fact.expiresAt !== undefined &&
          (replaced ? (
            <span className="countdown">replaced by a later refresh</span>
          ) : (
            <Countdown until={fact.expiresAt} />
          ))}
        <SecretHints text={fact.value} />
        {fact.note && <span className="fact__note">{fact.note}</span>}
      </dd>
    </div>
  );
}

function RequestText({ request, reveal }: { request: HttpRequestRecord; reveal: boolean }) {
  return (
    <HttpMessageText
      firstLine={
        <>
          {request.method} <SecretTextView text={request.url} reveal={reveal} />
        </>
      }
      headers={request.headers}
      body={request.body}
      reveal={reveal}
    />
  );
}

function ResponseText({ response, reveal }: { response: HttpResponseRecord; reveal: boolean }) {
  return (
    <HttpMessageText
      firstLine={`HTTP ${response.status}`}
      headers={response.headers}
      body={response.body}
      reveal={reveal}
    />
  );
}

/** An HTTP message as it goes over the wire: first line, headers, a blank line, the body. */
function HttpMessageText(props: {
  firstLine: ReactNode;
  headers: HttpRequestRecord['headers'];
  body: HttpRequestRecord['body'];
  reveal: boolean;
}) {
  return (
    <pre className="http">
      {props.firstLine}
      {props.headers.map(([name, value], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a recorded message never changes, and header names may repeat
        <span key={index}>
          {'\n'}
          {name}: <SecretTextView text={value} reveal={props.reveal} />
        </span>
      ))}
      {props.body !== undefined && (
        <>
          {'\n\n'}
          <SecretTextView text={props.body} reveal={props.reveal} />
        </>
      )}
    </pre>
  );
}

interface StepCardProps {
  step: FlowStep;
  number: number;
  /** A later refresh brought new tokens: this step's expiry no longer counts. */
  replaced?: boolean;
}

/** One step of the timeline: what happened, why, the values that matter, and the HTTP behind it. */
export function StepCard({ step, number, replaced = false }: StepCardProps) {
  const titleId = useId();
  const [reveal, setReveal] = useState(false);
  const [copied, setCopied] = useState('');
  const revealable = stepHasRevealable(step);

  const copyCurl = async (request: HttpRequestRecord) => {
    const withSecrets = reveal && revealable;
    try {
      await navigator.clipboard.writeText(toCurl(request, reveal));
      setCopied(
        withSecrets ? 'Copied, secrets included: treat it like a password.' : 'Copied, with secrets masked.',
      );
    } catch {
      setCopied('Copying was refused by the browser: the command is under “HTTP request and response”.');
    }
  };

  return (
    <article className={step.failed ? 'step step--failed' : 'step'} aria-labelledby={titleId}>
      <h3 className="step__title" id={titleId}>
        <span className="step__number">{number}.</span> {step.title}
      </h3>
      <p className="step__meta">
        <time dateTime={new Date(step.at).toISOString()}>{timeFormat.format(step.at)}</time>
        {' · '}
        {step.by === 'server' ? 'QuickLead server' : 'this browser tab'}
        {step.durationMs !== undefined && ` · ${step.durationMs} ms`}
        {step.failed && ' · failed'}
      </p>
      <p className="step__why">{step.why}</p>
      {step.facts.length > 0 && (
        <dl className="facts">
          {step.facts.map((fact) => (
            <FactRow key={fact.label} fact={fact} reveal={reveal} replaced={replaced} />
          ))}
        </dl>
      )}
      {(step.request || step.response) && (
        <details className="step__http">
          <summary>HTTP request and response</summary>
          {step.request && (
            <>
              <h4 className="http__heading">Request</h4>
              <RequestText request={step.request} reveal={reveal} />
              <h4 className="http__heading">As curl</h4>
              <pre className="http">{toCurl(step.request, reveal)}</pre>
            </>
          )}
          {step.response && (
            <>
              <h4 className="http__heading">Response</h4>
              <ResponseText response={step.response} reveal={reveal} />
            </>
          )}
        </details>
      )}
      {(revealable || step.request) && (
        <div className="step__actions">
          {revealable && (
            <button
              type="button"
              className="button button--small"
              aria-pressed={reveal}
              onClick={() => setReveal(!reveal)}
            >
              Show secrets
            </button>
          )}
          {step.request && (
            <button
              type="button"
              className="button button--small"
              onClick={() => step.request && copyCurl(step.request)}
            >
              Copy as curl
            </button>
          )}
          <span className="copy-status" role="status">
            {copied}
          </span>
        </div>
      )}
      {reveal && <p className="step__warning">Secrets shown: anyone who sees them can use them.</p>}
    </article>
  );
}
