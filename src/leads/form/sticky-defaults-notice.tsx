import { useEffect, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import type { LeadFormInput } from './lead-form-schema.ts';
import type { AccountDefaults, StickyField } from './sticky-defaults.ts';

const FIELD_NAMES: Record<StickyField, string> = {
  currency: 'currency',
  owner: 'owner',
  labels: 'labels',
  visibility: 'visibility',
};

/** "Currency, owner and labels", capitalised as the start of a sentence. */
function listed(fields: readonly StickyField[]): string {
  const names = fields.map((field) => FIELD_NAMES[field]);
  const text = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface StickyDefaultsNoticeProps {
  /** The choices this form started with that are not the account's own. */
  differences: readonly StickyField[];
  account: AccountDefaults;
  /** Forgets the kept choices, so the next lead starts from the account's defaults too. */
  onReset: () => void;
}

/**
 * Says which choices start as on the rep's last lead and offers "Reset to account defaults", which
 * puts them back in this form and forgets them for the next. Shown after the details it speaks
 * of; the outcome is said in a status message that takes the focus the button had.
 */
export function StickyDefaultsNotice({ differences, account, onReset }: StickyDefaultsNoticeProps) {
  const { setValue, getValues, formState } = useFormContext<LeadFormInput>();
  const [reset, setReset] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (reset) status.current?.focus();
  }, [reset]);

  if (differences.length === 0 && !reset) return null;
  const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
  return (
    <div className="sticky-defaults">
      {!reset && (
        <>
          <p className="sticky-defaults__text">
            {listed(differences)} {differences.length > 1 ? 'are' : 'is'} as on your last lead.
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setValue('owner', String(account.ownerId), options);
              setValue('labels', [], options);
              setValue('visibleTo', '', options);
              setValue('value', { ...getValues('value'), currency: account.currency }, options);
              onReset();
              setReset(true);
            }}
          >
            Reset to account defaults
          </button>
        </>
      )}
      <p ref={status} className="sticky-defaults__status" role="status" tabIndex={-1}>
        {reset
          ? 'Owner, labels, visibility and currency are back to your account’s defaults, for this lead and the next.'
          : ''}
      </p>
    </div>
  );
}
