import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { addLeadLabel } from '@/pipedrive/add-lead-label.ts';
import { ApiError } from '@/pipedrive/api-error.ts';
import { LABEL_COLORS, type LabelColor, type LeadLabel, leadLabelQueries } from '@/pipedrive/lead-labels.ts';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import { useTransport } from '@/pipedrive/transport-context.tsx';
import { FieldsetShell } from '@/ui/field-shell.tsx';
import { TextField } from '@/ui/text-field.tsx';
import {
  LABEL_COLOR_NAMES,
  MAX_LABEL_NAME_LENGTH,
  type NewLabelInput,
  type NewLabelProblems,
  newLabelProblems,
} from './new-label.ts';

export const NEW_LABEL_IDS = { form: 'new-label', name: 'new-label-name', color: 'new-label-color' } as const;

interface NewLabelFormProps {
  /** The company's labels as the form knows them: a new one may not repeat a name. */
  labels: readonly LeadLabel[];
  onCreated: (label: LeadLabel) => void;
  onCancel: () => void;
}

/** A refused create as messages on the fields it names, or for the whole form. */
function refusalOf(error: unknown, name: string): { problems: NewLabelProblems; message?: string } {
  if (!(error instanceof ApiError)) {
    return {
      problems: {},
      message: 'QuickLead could not reach Pipedrive. Check your connection and try again.',
    };
  }
  if (error.field === 'name' && /unique|exists/i.test(error.reason)) {
    return {
      problems: {
        name: `There is a label called “${name.trim()}” in Pipedrive already: it is now in the labels above`,
      },
    };
  }
  if (error.field === 'name') return { problems: { name: `Pipedrive refused the name: ${error.reason}` } };
  if (error.field === 'color')
    return { problems: { color: `Pipedrive refused the colour: ${error.reason}` } };
  return {
    problems: {},
    message: readFailureMessage(error, `Pipedrive did not create the label: ${error.reason}`),
  };
}

/**
 * "New label", inline under the label chips: a name and one of Pipedrive's label colours, each
 * swatch named in words. It is not a form of its own (it sits inside the lead's form), so Enter
 * in it creates the label rather than the lead, and Escape closes it. Its errors stay on its own
 * fields, never in the lead's error summary.
 */
export function NewLabelForm({ labels, onCreated, onCancel }: NewLabelFormProps) {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const [input, setInput] = useState<NewLabelInput>({ name: '', color: '' });
  const [problems, setProblems] = useState<NewLabelProblems>({});
  const [message, setMessage] = useState<string>();
  const [pending, setPending] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const colorRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  const showProblems = (found: NewLabelProblems) => {
    setProblems(found);
    if (found.name) nameRef.current?.focus();
    else if (found.color) colorRef.current?.focus();
  };

  const create = async () => {
    if (pending) return;
    setMessage(undefined);
    const found = newLabelProblems(input, labels);
    if (found.name || found.color) return showProblems(found);
    setProblems({});
    setPending(true);
    try {
      const label = await addLeadLabel(transport, {
        name: input.name.trim(),
        color: input.color as LabelColor,
      });
      queryClient.setQueryData(leadLabelQueries.list(transport).queryKey, (known) => [
        ...(known ?? []),
        label,
      ]);
      onCreated(label);
    } catch (error) {
      setPending(false);
      const refusal = refusalOf(error, input.name);
      // Someone added it since the labels were read: show it, so the rep can pick it.
      if (refusal.problems.name?.includes('already')) {
        void queryClient.invalidateQueries({ queryKey: leadLabelQueries.list(transport).queryKey });
      }
      setMessage(refusal.message);
      showProblems(refusal.problems);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
      // The lead's form would take a plain Enter as "Create lead".
      event.preventDefault();
      if (event.target instanceof HTMLInputElement) void create();
    }
  };

  return (
    <fieldset id={NEW_LABEL_IDS.form} className="new-label" onKeyDown={onKeyDown}>
      <legend className="new-label__title">New label</legend>
      {message && (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      )}
      <TextField
        ref={nameRef}
        id={NEW_LABEL_IDS.name}
        label="Name"
        hint={`Up to ${MAX_LABEL_NAME_LENGTH} characters.`}
        autoComplete="off"
        value={input.name}
        error={problems.name}
        onChange={(event) => setInput((current) => ({ ...current, name: event.target.value }))}
      />
      <FieldsetShell id={NEW_LABEL_IDS.color} label="Colour" error={problems.color}>
        <div className="swatches">
          {LABEL_COLORS.map((color, index) => (
            <label key={color} className={`swatch chip--${color}`}>
              <input
                ref={index === 0 ? colorRef : undefined}
                id={index === 0 ? NEW_LABEL_IDS.color : undefined}
                type="radio"
                name={NEW_LABEL_IDS.color}
                className="swatch__input"
                value={color}
                checked={input.color === color}
                onChange={() => setInput((current) => ({ ...current, color }))}
              />
              <span className="swatch__sample" aria-hidden="true" />
              <span>{LABEL_COLOR_NAMES[color]}</span>
            </label>
          ))}
        </div>
      </FieldsetShell>
      <div className="new-label__actions">
        <button
          type="button"
          className="button button--primary button--small"
          aria-disabled={pending || undefined}
          onClick={() => void create()}
        >
          {pending ? (
            <>
              <span className="spinner" aria-hidden="true" /> Creating label…
            </>
          ) : (
            'Create label'
          )}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  );
}
