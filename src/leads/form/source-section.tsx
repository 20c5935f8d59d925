import type { ReactNode } from 'react';
import { useFormContext, useFormState, useWatch } from 'react-hook-form';
import { DisclosureSection } from '@/ui/disclosure-section.tsx';
import type { LeadFormInput } from './lead-form-schema.ts';

const SOURCE_FIELDS = ['visibleTo', 'channel', 'channelId', 'originId', 'wasSeen'] as const;

/** "2 set" for a closed section, so the rep can see it holds choices. */
function countSet(values: ReadonlyArray<string | boolean>): string | undefined {
  const set = values.filter((value) => value !== '' && value !== false).length;
  return set > 0 ? `${set} set` : undefined;
}

/**
 * "Visibility and source", closed until wanted. It watches its own fields (to say how many are set),
 * so a keystroke in the channel ID re-renders this section's heading, never the whole form; the
 * fields come in as `children`, made by the form, so they do not re-render with it.
 */
export function SourceSection({ children }: { children: ReactNode }) {
  const { control } = useFormContext<LeadFormInput>();
  const values = useWatch({ control, name: SOURCE_FIELDS });
  const { errors } = useFormState({ control, name: SOURCE_FIELDS });
  return (
    <DisclosureSection
      title="Visibility and source"
      summary={countSet(values)}
      forceOpen={SOURCE_FIELDS.some((name) => errors[name])}
    >
      {children}
    </DisclosureSection>
  );
}
