import { useState } from 'react';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { CreatedLeadCard } from './created-lead-card.tsx';
import { LeadForm } from './lead-form.tsx';
import type { LeadFormValues } from './lead-form-schema.ts';

interface LeadScreenProps {
  webUrlOf: (leadId: string) => string;
  locale: string | undefined;
}

/** The form, then the card of what it created, then a fresh form. */
export function LeadScreen({ webUrlOf, locale }: LeadScreenProps) {
  const [created, setCreated] = useState<{ lead: Lead; values: LeadFormValues }>();
  const [formKey, setFormKey] = useState(0);

  if (created) {
    return (
      <CreatedLeadCard
        lead={created.lead}
        values={created.values}
        webUrl={webUrlOf(created.lead.id)}
        locale={locale}
        onCreateAnother={() => {
          setCreated(undefined);
          setFormKey((key) => key + 1);
        }}
      />
    );
  }
  return (
    <LeadForm
      key={formKey}
      focusTitle={formKey > 0}
      onCreated={(lead, values) => setCreated({ lead, values })}
    />
  );
}
