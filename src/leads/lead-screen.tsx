import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { peekSharedText } from '@/paste/shared-text.ts';
import { activeActivityTypes } from '@/pipedrive/activity-types.ts';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { builtInOptions, customFieldsOf } from '@/pipedrive/deal-fields.ts';
import { noteCreatedLead } from '@/pipedrive/lead-lists.ts';
import type { ReferenceData } from '@/pipedrive/reference-data.ts';
import { assignableUsers, meAsUser } from '@/pipedrive/users.ts';
import { CreatedLeadCard } from './card/created-lead-card.tsx';
import { CreatedLeadParts } from './card/created-lead-parts.tsx';
import { forgetLeadCard, keepLeadCard, loadKeptLeadCard } from './card/kept-lead-card.ts';
import { useActivityTypes } from './follow-up/use-activity-types.ts';
import { clearLeadDraft, loadLeadDraft, withDraft } from './form/lead-draft.ts';
import { LeadForm, type LeadFormSetup } from './form/lead-form.tsx';
import { emptyLeadForm, type LeadFormInput } from './form/lead-form-schema.ts';
import {
  applicableDefaults,
  clearStickyDefaults,
  loadStickyDefaults,
  saveStickyDefaults,
  stickyDifferences,
  stickyOf,
} from './form/sticky-defaults.ts';
import { StickyDefaultsNotice } from './form/sticky-defaults-notice.tsx';
import { rememberContacts } from './recent/known-contact-names.ts';
import { RecentLeads } from './recent/recent-leads.tsx';
import type { SentLeadOutcome } from './send/use-lead-submission.ts';

interface LeadScreenProps {
  reference: ReferenceData;
  webUrlOf: (leadId: string) => string;
  dealUrlOf: (dealId: number) => string;
  locale: string | undefined;
}

interface Created {
  lead: Lead;
  held: LeadFormInput;
  /** How the note and the follow-up went; not kept across a reload, which shows the lead alone. */
  sent?: SentLeadOutcome;
}

/**
 * The form, then the card of what it created, then a fresh form. Each form starts from the owner,
 * labels, visibility and currency of the rep's last lead (sticky-defaults.ts: kept across reloads),
 * unless the rep resets them. The card is kept in the tab until "Create another", so a reload shows
 * it again. The rep's recent leads are under either.
 */
export function LeadScreen({ reference, webUrlOf, dealUrlOf, locale }: LeadScreenProps) {
  const client = useQueryClient();
  const { me } = reference;
  // Text shared to QuickLead is for a new lead: the form shows, not the card kept from the last one.
  const [created, setCreated] = useState(() => (peekSharedText() ? undefined : keptCardOf(reference)));
  const [formKey, setFormKey] = useState(0);
  const [sticky, setSticky] = useState(() => loadStickyDefaults(me));

  const [initialDraft] = useState(loadLeadDraft);
  const restoredAtLoad = useRef<boolean>(undefined);
  const { users, currencies } = reference;
  const keptFollowUp = created?.sent?.followUp;
  const activityTypes = useActivityTypes(keptFollowUp !== undefined && 'saved' in keptFollowUp);
  const setup = useMemo<LeadFormSetup>(
    () => ({
      context: {
        currencies: currencies.items ?? [],
        currenciesState: currencies.state,
        owners: users.items ? assignableUsers(users.items) : [meAsUser(reference.me)],
        labels: reference.labels,
        channelOptions: builtInOptions(reference.dealFields, 'channel'),
        visibilityOptions: builtInOptions(reference.dealFields, 'visible_to'),
        customFields: customFieldsOf(reference.dealFields),
        users: users.items ?? [],
        activityTypes: activeActivityTypes(activityTypes.items ?? []),
        activityTypesState: activityTypes.state,
      },
      lists: { users, currencies, activityTypes },
      meId: reference.me.id,
      locale,
    }),
    [reference, users, currencies, activityTypes, locale],
  );
  // Until the currencies are read, the rep's default currency is taken as Pipedrive names it.
  const defaultCurrency = currencies.items
    ? (currencies.items.find((currency) => currency.code === me.default_currency)?.code ??
      currencies.items[0]?.code ??
      '')
    : (me.default_currency ?? '');

  // The kept choices that still name something the account has; what it no longer has is forgotten.
  const { defaults: kept, dropped } = useMemo(
    () =>
      applicableDefaults(sticky, {
        meId: me.id,
        labels: setup.context.labels,
        owners: users.items ? setup.context.owners : undefined,
        currencies: currencies.items,
        visibilityOptions: setup.context.visibilityOptions,
      }),
    [sticky, me.id, setup.context, users.items, currencies.items],
  );
  useEffect(() => {
    if (!dropped) return;
    saveStickyDefaults(me, kept);
    setSticky(kept);
  }, [dropped, kept, me]);
  const account = { ownerId: me.id, currency: defaultCurrency };

  const recentLeads = (
    <RecentLeads
      meId={reference.me.id}
      webUrlOf={webUrlOf}
      locale={locale}
      currencies={currencies.items ?? []}
    />
  );
  if (created) {
    return (
      <>
        <CreatedLeadCard
          lead={created.lead}
          picks={created.held}
          reference={reference}
          webUrl={webUrlOf(created.lead.id)}
          dealUrlOf={dealUrlOf}
          locale={locale}
          onCreateAnother={() => {
            forgetLeadCard();
            // What the card's lead was made with, even if storage lost it (blocked, or cleared elsewhere).
            const next = stickyOf(created.held, kept);
            saveStickyDefaults(me, next);
            setSticky(next);
            setFormKey((key) => key + 1);
            setCreated(undefined);
          }}
        >
          {created.sent && (created.sent.note || created.sent.followUp) && (
            <CreatedLeadParts
              sent={created.sent}
              activityTypes={setup.context.activityTypes ?? []}
              users={users.items ?? setup.context.owners}
              locale={locale}
            />
          )}
        </CreatedLeadCard>
        {recentLeads}
      </>
    );
  }
  const empty = emptyLeadForm({
    ownerId: kept.ownerId ?? me.id,
    currency: defaultCurrency,
    customFields: setup.context.customFields,
    labels: kept.labelIds ?? [],
    visibleTo: kept.visibleTo ?? '',
  });
  // The kept currency is the lead's value's; custom money fields keep the rep's own.
  const blank = kept.currency ? { ...empty, value: { ...empty.value, currency: kept.currency } } : empty;
  // The first form of the page picks up a draft a reload or a new sign-in interrupted.
  const defaults = formKey === 0 ? withDraft(blank, initialDraft) : blank;
  // Decided against the form the page first drew: a blank that changes later (the kept choices
  // reset, or dropped once a list arrives) does not turn the draft into one "typed".
  restoredAtLoad.current ??= JSON.stringify(defaults) !== JSON.stringify(blank);
  const restored = formKey === 0 && restoredAtLoad.current;
  return (
    <>
      {restored && (
        <div className="notice notice--info draft-notice" role="status">
          <p>The lead you were typing is back, as you left it.</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              clearLeadDraft();
              setFormKey((key) => key + 1);
            }}
          >
            Discard it
          </button>
        </div>
      )}
      <LeadForm
        key={formKey}
        setup={setup}
        defaults={defaults}
        focusTitle={formKey > 0}
        leadUrl={webUrlOf}
        afterDetails={
          <StickyDefaultsNotice
            key={formKey}
            // A restored draft holds what the rep typed, not the kept choices.
            differences={restored ? [] : stickyDifferences(kept, account)}
            account={account}
            onReset={() => {
              clearStickyDefaults(me);
              setSticky({});
            }}
          />
        }
        onCreated={(lead, held, sent) => {
          const next = stickyOf(held, kept);
          saveStickyDefaults(me, next);
          setSticky(next);
          keepLeadCard(lead, held, sent);
          // Into the lists already read (recent leads, the contacts' open leads), without a read.
          rememberContacts(client, held);
          noteCreatedLead(client, lead, reference.me.id);
          setCreated({ lead, held, sent });
        }}
      />
      {recentLeads}
    </>
  );
}

/** The card kept from before a reload, its picks checked against a blank form as a draft's are. */
function keptCardOf(reference: ReferenceData): Created | undefined {
  const kept = loadKeptLeadCard();
  if (!kept) return undefined;
  const blank = emptyLeadForm({
    ownerId: reference.me.id,
    currency: '',
    customFields: customFieldsOf(reference.dealFields),
  });
  return { lead: kept.lead, held: withDraft(blank, kept.picks), sent: kept.sent };
}
