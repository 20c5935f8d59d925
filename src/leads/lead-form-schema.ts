import { z } from 'zod';
import { contactRefSchema } from '@/contacts/contact-ref.ts';

export const PERSON_OR_ORGANIZATION = 'Choose a person or an organization';

export const leadFormSchema = z
  .object({
    title: z.string().trim().min(1, 'Enter a title for the lead'),
    person: contactRefSchema.nullable(),
    organization: contactRefSchema.nullable(),
  })
  .superRefine((lead, ctx) => {
    // Pipedrive needs one of the two; the message goes on both pickers so either can fix it.
    if (!lead.person && !lead.organization) {
      ctx.addIssue({ code: 'custom', path: ['person'], message: PERSON_OR_ORGANIZATION });
      ctx.addIssue({ code: 'custom', path: ['organization'], message: PERSON_OR_ORGANIZATION });
    }
  });

export type LeadFormInput = z.input<typeof leadFormSchema>;
export type LeadFormValues = z.output<typeof leadFormSchema>;

export const emptyLeadForm: LeadFormInput = { title: '', person: null, organization: null };

/** The form's fields, in page order, with the id of the control each one focuses. */
export const LEAD_FIELD_IDS = {
  title: 'lead-title',
  person: 'lead-person',
  organization: 'lead-organization',
} as const satisfies Record<keyof LeadFormValues, string>;

export type LeadFieldName = keyof typeof LEAD_FIELD_IDS;
