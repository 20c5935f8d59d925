import { useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { ContactOption, ContactRef } from '@/contacts/contact-ref.ts';
import { CreateOrganizationDialog } from '@/contacts/create-organization-dialog.tsx';
import { CreatePersonDialog } from '@/contacts/create-person-dialog.tsx';
import { OrganizationPicker } from '@/contacts/organization-picker.tsx';
import { PersonPicker } from '@/contacts/person-picker.tsx';
import type { FillPlan } from '@/paste/fill-plan.ts';
import { PasteToFill } from '@/paste/paste-to-fill.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';

interface ContactFieldsProps {
  /** Called after every pick, so the title can be suggested from it. */
  onPicked: () => void;
  /** The rep's locale: pasted phone numbers without a country code are read in its country. */
  locale: string | undefined;
}

/** Accepted pasted details on their way through the inline create dialogs: organization, then person. */
type Filling =
  | { step: 'organization'; plan: FillPlan }
  | { step: 'person'; plan: FillPlan; organization: ContactRef | undefined };

/**
 * Person and organization. Picking a person who belongs to an organization offers to fill the
 * organization too (an offer, not an automatic change, so nothing the rep chose is overwritten).
 */
export function ContactFields({ onPicked, locale }: ContactFieldsProps) {
  const { control, getValues, setValue, trigger, formState } = useFormContext<LeadFormInput>();
  const [offer, setOffer] = useState<{ person: string; organization: ContactRef }>();
  const [filling, setFilling] = useState<Filling>();
  const [noteAdded, setNoteAdded] = useState<string>();
  // "Choose a person or an organization" is about both pickers: once the form has been submitted,
  // a change to either one checks both, so the message goes (or comes back) everywhere at once.
  const recheckBoth = () => {
    if (formState.isSubmitted) void trigger(['person', 'organization']);
  };

  const pickPerson = (
    value: ContactRef | null,
    option: ContactOption | undefined,
    set: (v: ContactRef | null) => void,
  ) => {
    set(value);
    recheckBoth();
    const current = getValues('organization');
    setOffer(
      value && option?.organization && current?.id !== option.organization.id
        ? { person: value.name, organization: option.organization }
        : undefined,
    );
    onPicked();
  };

  const pickOrganization = (value: ContactRef) => {
    setValue('organization', value, { shouldDirty: true });
    recheckBoth();
    setOffer(undefined);
    onPicked();
  };

  // Pasted details: what has no field of its own goes to the note at once (the rep sees it there);
  // the organization and the person go through the same create dialogs, and duplicate look-ups, as typed ones.
  const acceptPasted = (plan: FillPlan) => {
    if (plan.noteLines.length > 0) {
      const note = getValues('note') ?? '';
      const lines = plan.noteLines.join('\n');
      setValue('note', note.trim() === '' ? lines : `${note.trimEnd()}\n${lines}`, { shouldDirty: true });
      setNoteAdded(
        `Added to the note: ${plan.noteLines.map((line) => line.slice(0, line.indexOf(':'))).join(', ')}.`,
      );
    } else setNoteAdded(undefined);
    if (plan.organization) setFilling({ step: 'organization', plan });
    else if (plan.person) setFilling({ step: 'person', plan, organization: undefined });
  };
  const toPerson = (plan: FillPlan, organization: ContactRef | undefined) =>
    setFilling(plan.person ? { step: 'person', plan, organization } : undefined);

  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Who is it for?</legend>
      <p className="field-hint">Choose a person, an organization, or both.</p>
      <PasteToFill locale={locale} onAccept={acceptPasted} />
      <p className="field-hint" role="status">
        {noteAdded}
      </p>
      {filling?.step === 'organization' && filling.plan.organization && (
        <CreateOrganizationDialog
          initialName={filling.plan.organization.name}
          prefill={filling.plan.organization}
          onCreated={(created) => {
            const organization = { id: created.id, name: created.name };
            pickOrganization(organization);
            toPerson(filling.plan, organization);
          }}
          onClose={() => toPerson(filling.plan, undefined)}
        />
      )}
      {filling?.step === 'person' && filling.plan.person && (
        <CreatePersonDialog
          initialName={filling.plan.person.name}
          prefill={{
            email: filling.plan.person.email,
            phone: filling.plan.person.phone,
            ...(filling.organization ? { organization: filling.organization } : {}),
          }}
          onCreated={(created) => {
            setFilling(undefined);
            pickPerson({ id: created.id, name: created.name }, created, (value) =>
              setValue('person', value, { shouldDirty: true }),
            );
          }}
          onClose={() => setFilling(undefined)}
        />
      )}
      <Controller
        control={control}
        name="person"
        render={({ field, fieldState }) => (
          <PersonPicker
            id={LEAD_FIELD_IDS.person}
            value={field.value}
            onChange={(value, option) => pickPerson(value, option, field.onChange)}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
      {offer && (
        <div className="offer" role="status">
          <p className="offer__text">
            {offer.person} works at {offer.organization.name}.
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setValue('organization', offer.organization, { shouldDirty: true, shouldValidate: true });
              setOffer(undefined);
              onPicked();
            }}
          >
            Use {offer.organization.name} as the organization
          </button>
        </div>
      )}
      <Controller
        control={control}
        name="organization"
        render={({ field, fieldState }) => (
          <OrganizationPicker
            id={LEAD_FIELD_IDS.organization}
            value={field.value}
            onChange={(value) => {
              field.onChange(value);
              recheckBoth();
              if (value) setOffer(undefined);
              onPicked();
            }}
            onBlur={field.onBlur}
            inputRef={field.ref}
            error={fieldState.error?.message}
          />
        )}
      />
    </fieldset>
  );
}
