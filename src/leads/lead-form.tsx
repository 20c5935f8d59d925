import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, type FieldErrors, useForm } from 'react-hook-form';
import { OrganizationPicker } from '@/contacts/organization-picker.tsx';
import { PersonPicker } from '@/contacts/person-picker.tsx';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { ErrorSummary, type SummaryError } from '@/ui/error-summary.tsx';
import { TextField } from '@/ui/text-field.tsx';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import {
  emptyLeadForm,
  LEAD_FIELD_IDS,
  type LeadFieldName,
  type LeadFormInput,
  type LeadFormValues,
  leadFormSchema,
} from './lead-form-schema.ts';
import { describeSubmitError } from './submit-errors.ts';
import { useCreateLead } from './use-create-lead.ts';

interface LeadFormProps {
  onCreated: (lead: Lead, values: LeadFormValues) => void;
  /** Put the cursor in the title, e.g. after "Create another". */
  focusTitle?: boolean;
}

export function LeadForm({ onCreated, focusTitle = false }: LeadFormProps) {
  const form = useForm<LeadFormInput, unknown, LeadFormValues>({
    resolver: zodResolver(leadFormSchema),
    defaultValues: emptyLeadForm,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const createLead = useCreateLead();
  const [summaryFocusKey, setSummaryFocusKey] = useState(0);
  const [formProblem, setFormProblem] = useState<string>();
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (focusTitle) form.setFocus('title');
  }, [focusTitle, form.setFocus]);

  const summary = summaryErrors(errors, formProblem);
  useDocumentTitle(summary.length > 0 ? 'Error: New lead – QuickLead' : 'New lead – QuickLead');

  const submit = form.handleSubmit(
    async (values) => {
      setFormProblem(undefined);
      try {
        const lead = await createLead.mutateAsync(values);
        onCreated(lead, values);
      } catch (error) {
        const problem = describeSubmitError(error);
        if (problem.field) form.setError(problem.field, { type: 'server', message: problem.message });
        else setFormProblem(problem.message);
        setSummaryFocusKey((key) => key + 1);
      }
    },
    () => setSummaryFocusKey((key) => key + 1),
  );
  const busy = isSubmitting || createLead.isPending;

  return (
    <form
      className="lead-form"
      noValidate
      aria-labelledby="lead-form-title"
      onSubmit={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        void submit(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <ErrorSummary errors={summary} focusKey={summaryFocusKey} />
      <h1 id="lead-form-title">New lead</h1>
      <TextField
        id={LEAD_FIELD_IDS.title}
        label="Title"
        autoComplete="off"
        error={errors.title?.message}
        {...form.register('title')}
      />
      <fieldset className="contact-fieldset">
        <legend>Who is it for?</legend>
        <p className="field-hint">Choose a person, an organization, or both.</p>
        <Controller
          control={form.control}
          name="person"
          render={({ field, fieldState }) => (
            <PersonPicker
              id={LEAD_FIELD_IDS.person}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="organization"
          render={({ field, fieldState }) => (
            <OrganizationPicker
              id={LEAD_FIELD_IDS.organization}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? (
            <>
              <span className="spinner" aria-hidden="true" /> Creating lead…
            </>
          ) : (
            'Create lead'
          )}
        </button>
        <span className="form-actions__tip">
          or press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
    </form>
  );
}

const FIELD_ORDER = Object.keys(LEAD_FIELD_IDS) as LeadFieldName[];

/** One entry per distinct message, in page order: the person-or-organization rule is listed once. */
function summaryErrors(errors: FieldErrors<LeadFormInput>, formProblem: string | undefined): SummaryError[] {
  const list: SummaryError[] = [];
  for (const name of FIELD_ORDER) {
    const message = errors[name]?.message;
    if (message && !list.some((entry) => entry.message === message)) {
      list.push({ fieldId: LEAD_FIELD_IDS[name], message });
    }
  }
  if (formProblem) list.push({ message: formProblem });
  return list;
}
