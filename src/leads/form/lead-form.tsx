import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import type { ActivityType } from '@/pipedrive/activity-types.ts';
import type { Lead } from '@/pipedrive/add-lead.ts';
import type { Currency } from '@/pipedrive/currencies.ts';
import { isMandatory } from '@/pipedrive/deal-fields.ts';
import { noteTextToHtml } from '@/pipedrive/note-html.ts';
import type { ListOnDemand } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { DisclosureSection } from '@/ui/disclosure-section.tsx';
import { ErrorSummary } from '@/ui/error-summary.tsx';
import { RenderProbe } from '@/ui/render-probe.tsx';
import { useDocumentTitle } from '@/ui/use-document-title.ts';
import { CustomFieldInputs } from '../custom-fields/custom-field-inputs.tsx';
import { toCustomFieldPayload } from '../custom-fields/to-custom-field-payload.ts';
import { FollowUpFields } from '../follow-up/follow-up-fields.tsx';
import { toFollowUpRequest } from '../follow-up/follow-up-schema.ts';
import { FollowUpSection } from '../follow-up/follow-up-section.tsx';
import { NoteField } from '../note/note-field.tsx';
import { OpenLeadNotice } from '../open-leads/open-lead-notice.tsx';
import { useOpenLeadPress } from '../open-leads/use-open-lead-press.ts';
import { useLeadProgress } from '../send/lead-progress.ts';
import { QueuedForBudgetNotice, SubmissionStatusText, submitLabel } from '../send/submission-status.tsx';
import { type SentLeadOutcome, type SubmitOutcome, useLeadSubmission } from '../send/use-lead-submission.ts';
import { ContactFields } from './contact-fields.tsx';
import { DealFieldsSection } from './deal-fields-section.tsx';
import { clearLeadDraft, currentDraftId, saveLeadDraft } from './lead-draft.ts';
import {
  buildLeadFormSchema,
  type LeadFormContext,
  type LeadFormInput,
  type LeadFormValues,
} from './lead-form-schema.ts';
import { summaryErrors } from './lead-form-summary.ts';
import { listsReadBy } from './lists-needed.ts';
import { FIELD_RENDER_PROBES, FORM_RENDER_PROBE } from './render-probes.ts';
import { SourceFields } from './source-fields.tsx';
import { SourceSection } from './source-section.tsx';
import { fieldTargetFor } from './submit-field-targets.ts';
import { suggestedTitle } from './suggested-title.ts';
import { TitleField } from './title-field.tsx';
import { toAddLeadRequest } from './to-add-lead-request.ts';

const DRAFT_SAVE_DELAY_MS = 300;

export interface LeadFormSetup {
  context: LeadFormContext;
  /** The account's lists read on demand, for the fields that ask for them. */
  lists: {
    users: ListOnDemand<User>;
    currencies: ListOnDemand<Currency>;
    activityTypes?: ListOnDemand<ActivityType>;
  };
  meId: number;
  /** The rep's locale: the follow-up's day and time, the open-lead warning's dates. */
  locale?: string;
}

interface LeadFormProps {
  setup: LeadFormSetup;
  defaults: LeadFormInput;
  /**
   * With what the form holds (the card names the picked contacts, the next form keeps some
   * choices) and what was sent with the lead: its note and follow-up, saved or missing.
   */
  onCreated: (lead: Lead, held: LeadFormInput, sent: SentLeadOutcome) => void;
  /** Put the cursor in the title, e.g. after "Create another". */
  focusTitle?: boolean;
  /** Where a lead opens in Pipedrive: the open-lead warning links to the lead it names. */
  leadUrl: (leadId: string) => string;
  /** Shown after the details, inside the form: where the choices kept from the last lead are said. */
  afterDetails?: ReactNode;
}

export function LeadForm({
  setup,
  defaults,
  onCreated,
  focusTitle = false,
  leadUrl,
  afterDetails,
}: LeadFormProps) {
  const schema = useMemo(() => buildLeadFormSchema(setup.context), [setup.context]);
  const form = useForm<LeadFormInput, unknown, LeadFormValues>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const [draftId] = useState(currentDraftId);
  const progress = useLeadProgress(draftId);
  const submission = useLeadSubmission({
    fieldFor: (key) => fieldTargetFor(key, setup.context.customFields),
    onOutcome: (outcome) => showOutcome(outcome),
    onResend: () => setFormProblem(undefined),
  });
  const [summaryFocusKey, setSummaryFocusKey] = useState(0);
  const [formProblem, setFormProblem] = useState<string>();
  const lastSuggestion = useRef<string>(undefined);
  const { errors, isSubmitting } = form.formState;
  const [person, organization] = useWatch({ control: form.control, name: ['person', 'organization'] });
  const openLeads = useOpenLeadPress({
    person,
    organization,
    me: {
      id: setup.meId,
      name: setup.context.owners.find((owner) => owner.id === setup.meId)?.name ?? 'You',
    },
    users: setup.context.users,
    draftId,
    locale: setup.locale,
  });

  useEffect(() => {
    if (focusTitle) form.setFocus('title');
  }, [focusTitle, form.setFocus]);

  // Set once the lead exists: from then on nothing of this form is a draft any more.
  const created = useRef(false);

  // Keep the draft as it is typed (a subscription, so typing re-renders nothing extra).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A save still waiting when the lead is created would bring the sent lead back as a draft: the
    // form is only unmounted at React's next commit, which a busy phone can run after the timer.
    const saveNow = () => {
      if (!created.current) saveLeadDraft(form.getValues());
    };
    const subscription = form.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(saveNow, DRAFT_SAVE_DELAY_MS);
    });
    // Leaving for a sign-in must not lose the last keystrokes to the delay.
    window.addEventListener('pagehide', saveNow);
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
      window.removeEventListener('pagehide', saveNow);
    };
  }, [form]);

  const { customFields } = setup.context;
  const mandatoryFields = customFields.filter(isMandatory);
  const optionalFields = customFields.filter((field) => !isMandatory(field));
  const summary = summaryErrors(errors, formProblem, customFields);
  useDocumentTitle(summary.length > 0 ? 'Error: New lead – QuickLead' : 'New lead – QuickLead');

  // Suggest "<Organization or person> lead" while the title is empty or still the last suggestion.
  const suggestTitle = () => {
    const suggestion = suggestedTitle(form.getValues('person'), form.getValues('organization'));
    const title = form.getValues('title');
    if (suggestion && (title.trim() === '' || title === lastSuggestion.current)) {
      form.setValue('title', suggestion, { shouldValidate: form.formState.isSubmitted });
      lastSuggestion.current = suggestion;
    }
  };

  function showOutcome(outcome: SubmitOutcome) {
    if ('lead' in outcome) {
      created.current = true;
      clearLeadDraft();
      onCreated(outcome.lead, form.getValues(), outcome);
      return;
    }
    const { problem } = outcome;
    if (problem.field) {
      form.setError(problem.field.path as keyof LeadFormInput, { type: 'server', message: problem.message });
    } else setFormProblem(problem.message);
    setSummaryFocusKey((key) => key + 1);
  }

  const submitWith = (force: boolean) =>
    form.handleSubmit(
      async (values) => {
        setFormProblem(undefined);
        // The draft matches what is sent, whatever the save delay: a reload must not lose the last keystrokes.
        saveLeadDraft(form.getValues());
        // A contact with an open lead stops the first press: the rep reads the warning, then decides.
        if (!force && (await openLeads.stopsThisPress())) return;
        const body = toAddLeadRequest(values, toCustomFieldPayload(customFields, values.custom));
        const note = values.note === undefined ? {} : { note: { content: noteTextToHtml(values.note) } };
        const followUp =
          values.followUp === undefined ? {} : { followUp: toFollowUpRequest(values.followUp, values.owner) };
        showOutcome(await submission.submit({ draftId, body, force, ...note, ...followUp }));
      },
      () => setSummaryFocusKey((key) => key + 1),
    );
  const submit = submitWith(false);
  const busy = isSubmitting || submission.isPending;

  return (
    <FormProvider {...form}>
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
          // Dialogs are portalled outside the form's DOM but their key events still bubble here.
          if (!event.currentTarget.contains(event.target as Node)) return;
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.requestSubmit();
          }
        }}
      >
        {/* Renders only when the form does: typing in a field must not count here. */}
        <RenderProbe id={FORM_RENDER_PROBE} />
        <ErrorSummary errors={summary} focusKey={summaryFocusKey} />
        <h1 id="lead-form-title">New lead</h1>
        <RenderProbe id={FIELD_RENDER_PROBES.title}>
          <TitleField lastSuggestion={lastSuggestion} />
        </RenderProbe>
        <ContactFields onPicked={suggestTitle} locale={setup.locale} />
        <DealFieldsSection context={setup.context} lists={setup.lists} meId={setup.meId}>
          <CustomFieldInputs
            fields={mandatoryFields}
            currencies={setup.context.currencies}
            users={setup.context.users}
          />
        </DealFieldsSection>
        {afterDetails}
        <NoteField />
        {setup.lists.activityTypes && (
          <FollowUpSection
            types={setup.context.activityTypes ?? []}
            requestTypes={setup.lists.activityTypes.request}
            locale={setup.locale}
          >
            <FollowUpFields
              types={setup.lists.activityTypes}
              owners={setup.context.owners}
              users={setup.lists.users}
              meId={setup.meId}
              locale={setup.locale}
            />
          </FollowUpSection>
        )}
        <SourceSection>
          <SourceFields context={setup.context} />
        </SourceSection>
        {optionalFields.length > 0 && (
          <DisclosureSection
            title="More about this lead"
            summary={`${optionalFields.length} more fields`}
            forceOpen={optionalFields.some((field) => errors.custom?.[field.key])}
            onOpen={() => {
              const reads = listsReadBy(optionalFields);
              if (reads.users) setup.lists.users.request();
              if (reads.currencies) setup.lists.currencies.request();
            }}
          >
            <p className="field-hint">Fields your company added in Pipedrive.</p>
            <CustomFieldInputs
              fields={optionalFields}
              currencies={setup.context.currencies}
              users={setup.context.users}
            />
          </DisclosureSection>
        )}
        <OpenLeadNotice {...openLeads.notice} leadUrl={leadUrl} />
        {submission.canCreateAnyway && (
          <div className="notice notice--error">
            <p>The lead is not in Pipedrive yet.</p>
            <button type="button" className="button button--small" onClick={() => void submitWith(true)()}>
              Create anyway
            </button>
          </div>
        )}
        <QueuedForBudgetNotice progress={progress} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {submitLabel(progress, submission.waitingForNetwork) ??
              (busy ? (
                <>
                  <span className="spinner" aria-hidden="true" />{' '}
                  {openLeads.checking ? 'Checking for open leads…' : 'Creating lead…'}
                </>
              ) : openLeads.confirming ? (
                'Create lead anyway'
              ) : (
                'Create lead'
              ))}
          </button>
          <SubmissionStatusText
            progress={progress}
            retryIn={submission.retryIn}
            waitingForNetwork={submission.waitingForNetwork}
          />
          <span className="form-actions__tip">
            or press <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </span>
        </div>
      </form>
    </FormProvider>
  );
}
