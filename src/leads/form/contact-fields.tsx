import { useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { ContactOption, ContactRef } from '@/contacts/contact-ref.ts';
import { OrganizationPicker } from '@/contacts/organization-picker.tsx';
import { PersonPicker } from '@/contacts/person-picker.tsx';
import { LEAD_FIELD_IDS, type LeadFormInput } from './lead-form-schema.ts';

interface ContactFieldsProps {
  /** Called after every pick, so the title can be suggested from it. */
  onPicked: () => void;
}

/**
 * Person and organization. Picking a person who belongs to an organization offers to fill the
 * organization too (an offer, not an automatic change, so nothing the rep chose is overwritten).
 */
export function ContactFields({ onPicked }: ContactFieldsProps) {
  const { control, getValues, setValue, trigger, formState } = useFormContext<LeadFormInput>();
  const [offer, setOffer] = useState<{ person: string; organization: ContactRef }>();
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

  return (
    <fieldset className="form-section">
      <legend className="form-section__title">Who is it for?</legend>
      <p className="field-hint">Choose a person, an organization, or both.</p>
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
