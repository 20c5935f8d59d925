import type { RefObject } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { TextField } from '@/ui/text-field.tsx';
import type { LeadFormInput } from './lead-form-schema.ts';
import { useLeadField } from './use-lead-field.ts';

/**
 * The lead's title. It watches its own value (to say when the title is still the suggestion), so a
 * keystroke re-renders this field only, never the whole form.
 */
export function TitleField({ lastSuggestion }: { lastSuggestion: RefObject<string | undefined> }) {
  const { control } = useFormContext<LeadFormInput>();
  const title = useWatch({ control, name: 'title' });
  const field = useLeadField();
  const suggested = title !== '' && title === lastSuggestion.current;
  return (
    <TextField
      label="Title"
      autoComplete="off"
      hint={suggested ? 'Suggested from who it is for. Change it if you like.' : undefined}
      {...field('title')}
    />
  );
}
