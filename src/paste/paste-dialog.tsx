import { type ClipboardEvent, useId, useMemo, useRef, useState } from 'react';
import { ModalDialog } from '@/ui/modal-dialog.tsx';
import { TextField } from '@/ui/text-field.tsx';
import type { ContactProposal, ProposalKey } from './contact-proposal.ts';
import {
  destinationText,
  type FillPlan,
  PROPOSAL_LABELS,
  planFill,
  type ReviewedItem,
  reviewedItemsOf,
} from './fill-plan.ts';
import { countryOfLocale } from './normalise-phone.ts';
import { parseContactText } from './parse-contact-text.ts';
import { boundedText, PASTE_MAX } from './paste-limits.ts';
import { countryName } from './read-signature.ts';
import './paste-dialog.css';

const LOOKS_FOR =
  'QuickLead looks for a person’s name, email addresses, phone numbers (with their country code, or after “Tel.”, “Mob.”, “T:” or “M:”), a job title, an organization (by its company form, like Ltd or GmbH, or after “at”), a website and a postal address, in an email signature, a vCard, a LinkedIn profile or “Name <email>”.';

export interface PasteDialogProps {
  /** Text shared to QuickLead from another app: read at once. */
  initialText?: string;
  /** The rep's locale: numbers written without a country code are read as numbers of its country. */
  locale: string | undefined;
  onAccept: (plan: FillPlan) => void;
  onClose: () => void;
}

interface Reading {
  proposal: ContactProposal;
  items: ReviewedItem[];
  /** The text as it was read: typing after that shows "Read again". */
  text: string;
  cut: boolean;
}

/**
 * Paste to fill: free text in, a proposal out, for the rep to correct and accept. The text is read
 * here in the browser (this dialog and its phone library are a chunk of their own, fetched when it
 * opens) and sent nowhere. Every value shows what it was read from and where it will go; text it
 * cannot read says so and proposes nothing.
 */
export default function PasteDialog({ initialText, locale, onAccept, onClose }: PasteDialogProps) {
  const id = useId().replace(/:/g, '');
  const defaultCountry = useMemo(() => countryOfLocale(locale), [locale]);
  const read = (raw: string): Reading => {
    const { text, cut } = boundedText(raw);
    const proposal = parseContactText(text, { defaultCountry });
    return { proposal, items: reviewedItemsOf(proposal.items), text, cut };
  };
  const [text, setText] = useState(() => boundedText(initialText ?? '').text);
  const [reading, setReading] = useState<Reading | undefined>(() =>
    initialText ? read(initialText) : undefined,
  );
  const [problem, setProblem] = useState<string>();
  const textArea = useRef<HTMLTextAreaElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const readNow = (raw: string) => {
    setProblem(undefined);
    setReading(read(raw));
    // The result is below the text: take the rep (and a screen reader) to it.
    requestAnimationFrame(() => resultHeading.current?.focus());
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (pasted === '' || text.trim() !== '') return;
    // A paste into an empty box is read at once; the browser still puts the text in the box.
    readNow(pasted);
  };
  const update = (itemId: string, change: Partial<ReviewedItem>) =>
    setReading((current) => {
      if (!current) return current;
      const target = current.items.find((item) => item.id === itemId);
      const items = current.items.map((item) => {
        if (item.id === itemId) return { ...item, ...change };
        // A person has one name, an organization one address: ticking one unticks the others of its kind.
        if (change.use && target && item.key === target.key && !['email', 'phone'].includes(item.key))
          return { ...item, use: false };
        return item;
      });
      return { ...current, items };
    });

  const items = reading?.items ?? [];
  const counters = new Map<ProposalKey, number>();
  const labelOf = (item: ReviewedItem) => {
    const count = (counters.get(item.key) ?? 0) + 1;
    counters.set(item.key, count);
    const many = items.filter((other) => other.key === item.key).length > 1;
    return many ? `${PROPOSAL_LABELS[item.key]} ${count}` : PROPOSAL_LABELS[item.key];
  };

  return (
    <ModalDialog id="paste-contact" title="Paste contact details" onClose={onClose} initialFocus={textArea}>
      <form
        noValidate
        className="paste-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          // The dialog is portalled, but React still bubbles its submit to the lead form.
          event.stopPropagation();
          if (!reading) {
            readNow(text);
            return;
          }
          const plan = planFill(reading.items);
          if (!plan.person && !plan.organization && plan.noteLines.length === 0) {
            setProblem('Tick at least one value to use, or Cancel.');
            return;
          }
          onAccept(plan);
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor={`${id}-text`}>
            Contact details
          </label>
          <p className="field-hint" id={`${id}-text-hint`}>
            Paste an email signature, a vCard, a LinkedIn profile or “Name &lt;email&gt;”. It is read here, in
            your browser, and sent nowhere.
          </p>
          <textarea
            ref={textArea}
            id={`${id}-text`}
            className="input input--area paste-dialog__text"
            rows={6}
            maxLength={PASTE_MAX}
            spellCheck={false}
            aria-describedby={`${id}-text-hint`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onPaste={onPaste}
          />
        </div>
        <div className="paste-dialog__read">
          <button type="button" className="button" onClick={() => readNow(text)}>
            {reading ? 'Read again' : 'Read the text'}
          </button>
          {reading && reading.text !== boundedText(text).text && (
            <span className="field-hint">The text has changed since it was read.</span>
          )}
        </div>

        {reading && (
          <section className="paste-dialog__result" aria-labelledby={`${id}-result`}>
            <h3 id={`${id}-result`} ref={resultHeading} tabIndex={-1} className="paste-dialog__heading">
              {reading.items.length === 0 ? 'Nothing recognised' : 'What QuickLead read'}
            </h3>
            {reading.cut && (
              <p className="notice notice--warning">
                Only the first {PASTE_MAX.toLocaleString('en')} characters were read.
              </p>
            )}
            {reading.proposal.notice && <p className="notice notice--warning">{reading.proposal.notice}</p>}
            {reading.items.length === 0 ? (
              <div className="notice notice--warning" role="status">
                <p>Nothing in this text looks like contact details, so nothing is filled in.</p>
                <p>{LOOKS_FOR}</p>
              </div>
            ) : (
              <>
                <p className="field-hint" role="status">
                  {`${reading.items.length} ${reading.items.length === 1 ? 'value' : 'values'} found. Check each one, correct it or untick it, then use them.`}
                  {defaultCountry
                    ? ` Numbers without a country code are read as ${countryName(defaultCountry)} numbers.`
                    : ''}
                </p>
                <ul className="paste-dialog__items">
                  {reading.items.map((item) => {
                    const label = labelOf(item);
                    const fieldId = `${id}-${item.id}`;
                    const hint = [
                      `Read from “${item.from}”.`,
                      item.note ? `${item.note}.` : '',
                      destinationText(item, reading.items),
                    ]
                      .filter(Boolean)
                      .join(' ');
                    return (
                      <li key={item.id} className={item.use ? 'paste-item' : 'paste-item paste-item--off'}>
                        {item.doubt && (
                          <p className="paste-item__doubt" id={`${fieldId}-doubt`}>
                            <strong>Check this:</strong> {item.doubt}.
                          </p>
                        )}
                        <div className="paste-item__row">
                          <div className="checkbox paste-item__use">
                            <input
                              type="checkbox"
                              id={`${fieldId}-use`}
                              className="checkbox__input"
                              checked={item.use}
                              aria-describedby={item.doubt ? `${fieldId}-doubt` : undefined}
                              onChange={(event) => update(item.id, { use: event.target.checked })}
                            />
                            <label className="checkbox__label" htmlFor={`${fieldId}-use`}>
                              Use <span className="visually-hidden">{label}</span>
                            </label>
                          </div>
                          <TextField
                            id={fieldId}
                            label={label}
                            hint={hint}
                            autoComplete="off"
                            spellCheck={false}
                            maxLength={255}
                            value={item.value}
                            onChange={(event) => update(item.id, { value: event.target.value })}
                          />
                        </div>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            {reading.proposal.unused.length > 0 && (
              <details className="paste-dialog__unused">
                <summary>
                  {reading.proposal.unused.length} {reading.proposal.unused.length === 1 ? 'line' : 'lines'}{' '}
                  not used
                </summary>
                <ul>
                  {reading.proposal.unused.slice(0, 30).map((line, index) => (
                    // Lines may repeat; their place is what tells them apart.
                    // biome-ignore lint/suspicious/noArrayIndexKey: a static list, never reordered
                    <li key={index}>{line}</li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        )}
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          {reading && reading.items.length > 0 && (
            <button type="submit" className="button button--primary">
              Use these details
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
