import { useMemo, useState } from 'react';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { builtInOptions, customFieldsOf } from '@/pipedrive/deal-fields.ts';
import type { ReferenceData } from '@/pipedrive/reference-data.ts';
import { assignableUsers, meAsUser } from '@/pipedrive/users.ts';
import { CreatedLeadCard } from './card/created-lead-card.tsx';
import { forgetLeadCard, keepLeadCard, loadKeptLeadCard } from './card/kept-lead-card.ts';
import { clearLeadDraft, loadLeadDraft, withDraft } from './form/lead-draft.ts';
import { LeadForm, type LeadFormSetup } from './form/lead-form.tsx';
import { emptyLeadForm, type LeadFormInput } from './form/lead-form-schema.ts';

interface LeadScreenProps {
  reference: ReferenceData;
  webUrlOf: (leadId: string) => string;
  dealUrlOf: (dealId: number) => string;
  locale: string | undefined;
}

interface Created {
  lead: Lead;
  held: LeadFormInput;
}

/**
 * The form, then the card of what it created, then a fresh form that keeps owner, labels and
 * visibility. The card is kept in the tab until "Create another", so a reload shows it again.
 */
export function LeadScreen({ reference, webUrlOf, dealUrlOf, locale }: LeadScreenProps) {
  const [created, setCreated] = useState(() => keptCardOf(reference));
  const [next, setNext] = useState<{ key: number; labels: string[]; visibleTo: string; ownerId: number }>({
    key: 0,
    labels: [],
    visibleTo: '',
    ownerId: reference.me.id,
  });

  const [initialDraft] = useState(loadLeadDraft);
  const { users, currencies } = reference;
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
      },
      lists: { users, currencies },
      meId: reference.me.id,
    }),
    [reference, users, currencies],
  );
  // Until the currencies are read, the rep's default currency is taken as Pipedrive names it.
  const defaultCurrency = currencies.items
    ? (currencies.items.find((currency) => currency.code === reference.me.default_currency)?.code ??
      currencies.items[0]?.code ??
      '')
    : (reference.me.default_currency ?? '');

  if (created) {
    return (
      <CreatedLeadCard
        lead={created.lead}
        picks={created.held}
        reference={reference}
        webUrl={webUrlOf(created.lead.id)}
        dealUrlOf={dealUrlOf}
        locale={locale}
        onCreateAnother={() => {
          forgetLeadCard();
          setNext((previous) => ({
            key: previous.key + 1,
            labels: created.held.labels,
            visibleTo: created.held.visibleTo,
            ownerId: Number(created.held.owner),
          }));
          setCreated(undefined);
        }}
      />
    );
  }
  const blank = emptyLeadForm({
    ownerId: next.ownerId,
    currency: defaultCurrency,
    customFields: setup.context.customFields,
    labels: next.labels,
    visibleTo: next.visibleTo,
  });
  // The first form of the page picks up a draft a reload or a new sign-in interrupted.
  const defaults = next.key === 0 ? withDraft(blank, initialDraft) : blank;
  const restored = next.key === 0 && JSON.stringify(defaults) !== JSON.stringify(blank);
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
              setNext((previous) => ({ ...previous, key: previous.key + 1 }));
            }}
          >
            Discard it
          </button>
        </div>
      )}
      <LeadForm
        key={next.key}
        setup={setup}
        defaults={defaults}
        focusTitle={next.key > 0}
        onCreated={(lead, held) => {
          keepLeadCard(lead, held);
          setCreated({ lead, held });
        }}
      />
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
  return { lead: kept.lead, held: withDraft(blank, kept.picks) };
}
