import { z } from 'zod';
import { type ContactRef, contactRefSchema } from '@/contacts/contact-ref.ts';
import type { ActivityType } from '@/pipedrive/activity-types.ts';
import type { Currency } from '@/pipedrive/currencies.ts';
import type { CustomField, FieldOption } from '@/pipedrive/deal-fields.ts';
import type { LeadLabel } from '@/pipedrive/lead-labels.ts';
import type { ListState } from '@/pipedrive/reference-data.ts';
import type { User } from '@/pipedrive/users.ts';
import { customFieldsSchema } from '../custom-fields/custom-field-schema.ts';
import { type CustomFieldFormValues, emptyCustomFieldValues } from '../custom-fields/custom-field-values.ts';
import { emptyFollowUp, followUpSchema } from '../follow-up/follow-up-schema.ts';
import { noteSchema } from '../note/note-schema.ts';
import { MAX_DIGITS, readDate, readNumber } from './parse-field-text.ts';

export const PERSON_OR_ORGANIZATION = 'Choose a person or an organization';

/** What the account allows, from the reference data fetched after sign-in. */
export interface LeadFormContext {
  /** The account's active currencies; empty until read (`currenciesState`). */
  currencies: readonly Currency[];
  /** Currencies are read once the rep reaches for a value (`ListOnDemand`). */
  currenciesState: ListState;
  /** Who may own the lead: the assignable users, or only the rep until the users are read. */
  owners: readonly User[];
  labels: readonly LeadLabel[];
  channelOptions: readonly FieldOption[];
  visibilityOptions: readonly FieldOption[];
  /** The account's custom deal fields the form offers (`customFieldsOf`). */
  customFields: readonly CustomField[];
  /** All users, once read: custom user fields accept the assignable ones. */
  users: readonly User[];
  /** The account's active activity types, for a follow-up; read when the rep opens that section. */
  activityTypes?: readonly ActivityType[];
  activityTypesState?: ListState;
}

const optionalText = (label: string, max = 255) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((text) => (text === '' ? undefined : text));

/**
 * A picked contact, or `null`. Pickers only ever hold `{ id, name }` from Pipedrive, but a draft
 * restored from storage can hold anything of that shape: it gets one message at the picker rather
 * than zod's own wording on `person.id`, which the picker would not show.
 */
const pickedContact = (message: string) =>
  z
    .custom<ContactRef | null>(
      (value) => value === null || contactRefSchema.safeParse(value).success,
      message,
    )
    .transform((contact): ContactRef | null => (contact ? { id: contact.id, name: contact.name } : null));

/** One of `allowed` as a string, or '' for "not set". */
const optionalChoice = (allowed: readonly string[], message: string) =>
  z
    .string()
    .refine((choice) => choice === '' || allowed.includes(choice), message)
    .transform((choice) => (choice === '' ? undefined : choice));

function valueSchema(currencies: readonly Currency[], state: ListState) {
  return z.object({ amount: z.string(), currency: z.string() }).transform((value, ctx) => {
    if (value.amount.trim() === '') return undefined;
    const number = readNumber(value.amount.trim());
    const currency = currencies.find((candidate) => candidate.code === value.currency);
    if (number.kind === 'not-a-number') {
      ctx.addIssue({ code: 'custom', message: 'Enter the value as a number, like 1500' });
      return z.NEVER;
    }
    if (number.kind === 'too-many-digits') {
      ctx.addIssue({ code: 'custom', message: `Enter a value of at most ${MAX_DIGITS} digits` });
      return z.NEVER;
    }
    const amount = number.value;
    if (amount < 0) {
      ctx.addIssue({ code: 'custom', message: 'Value must be 0 or more' });
      return z.NEVER;
    }
    if (!currency) {
      ctx.addIssue({ code: 'custom', message: missingCurrencyMessage(state) });
      return z.NEVER;
    }
    if (number.decimals > currency.decimal_points) {
      ctx.addIssue({
        code: 'custom',
        message:
          currency.decimal_points === 0
            ? `Value in ${currency.code} must be a whole number`
            : `Value in ${currency.code} can have at most ${currency.decimal_points} decimal places`,
      });
      return z.NEVER;
    }
    return { amount, currency: currency.code };
  });
}

/** Why a value has no currency QuickLead can check its decimals against. */
function missingCurrencyMessage(state: ListState): string {
  if (state === 'failed') return 'QuickLead could not read your currencies from Pipedrive: press Try again';
  if (state !== 'read') return 'Your currencies are still loading from Pipedrive: try again in a moment';
  return 'Select the currency of the value';
}

export function buildLeadFormSchema(context: LeadFormContext) {
  const ownerIds = context.owners.map((owner) => String(owner.id));
  const labelIds = context.labels.map((label) => label.id);
  return z
    .object({
      title: z
        .string()
        .trim()
        .min(1, 'Enter a title for the lead')
        .max(255, 'Title must be 255 characters or fewer'),
      person: pickedContact('Select a person from the list'),
      organization: pickedContact('Select an organization from the list'),
      owner: z
        .string()
        .refine((id) => ownerIds.includes(id), 'Select an owner')
        .transform(Number),
      labels: z
        .array(z.string())
        .refine((ids) => ids.every((id) => labelIds.includes(id)), 'Select labels from the list'),
      value: valueSchema(context.currencies, context.currenciesState),
      expectedCloseDate: z
        .string()
        .trim()
        .refine(
          (date) => date === '' || readDate(date) === date,
          'Expected close date must be a real date, like 2026-12-31',
        )
        .transform((date) => (date === '' ? undefined : date)),
      visibleTo: optionalChoice(
        context.visibilityOptions.map((option) => String(option.id)),
        'Select a visibility from the list',
      ),
      wasSeen: z.boolean(),
      channel: optionalChoice(
        context.channelOptions.map((option) => String(option.id)),
        'Select a source channel from the list',
      ).transform((id) => (id === undefined ? undefined : Number(id))),
      channelId: optionalText('Source channel ID'),
      originId: optionalText('Source origin ID'),
      custom: customFieldsSchema(context.customFields, {
        currencies: context.currencies,
        users: context.users,
      }),
      note: noteSchema,
      followUp: followUpSchema({
        types: context.activityTypes ?? [],
        typesState: context.activityTypesState ?? 'not-asked',
        assignees: ownerIds,
      }),
    })
    .superRefine(
      (lead, ctx) => {
        // Pipedrive needs one of the two; the message goes on both pickers so either can fix it.
        if (!lead.person && !lead.organization) {
          ctx.addIssue({ code: 'custom', path: ['person'], message: PERSON_OR_ORGANIZATION });
          ctx.addIssue({ code: 'custom', path: ['organization'], message: PERSON_OR_ORGANIZATION });
        }
      },
      // Run even when another field failed, so a failed submit lists every problem at once.
      { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
    );
}

export type LeadFormSchema = ReturnType<typeof buildLeadFormSchema>;
export type LeadFormInput = z.input<LeadFormSchema>;
export type LeadFormValues = z.output<LeadFormSchema>;

/** A blank form; owner, labels and visibility can be carried over from the previous lead. */
export function emptyLeadForm(defaults: {
  ownerId: number;
  currency: string;
  customFields: readonly CustomField[];
  labels?: string[];
  visibleTo?: string;
}): LeadFormInput {
  return {
    title: '',
    person: null,
    organization: null,
    owner: String(defaults.ownerId),
    labels: defaults.labels ?? [],
    value: { amount: '', currency: defaults.currency },
    expectedCloseDate: '',
    visibleTo: defaults.visibleTo ?? '',
    wasSeen: false,
    channel: '',
    channelId: '',
    originId: '',
    custom: emptyCustomFieldValues(defaults.customFields, {
      defaultCurrency: defaults.currency,
    }) satisfies CustomFieldFormValues,
    note: '',
    followUp: emptyFollowUp(),
  };
}

/** The form's fields, in page order, with the id of the control each one focuses. */
export const LEAD_FIELD_IDS = {
  title: 'lead-title',
  person: 'lead-person',
  organization: 'lead-organization',
  value: 'lead-value-amount',
  expectedCloseDate: 'lead-expected-close-date',
  owner: 'lead-owner',
  labels: 'lead-labels',
  note: 'lead-note',
  visibleTo: 'lead-visible-to',
  channel: 'lead-channel',
  channelId: 'lead-channel-id',
  originId: 'lead-origin-id',
  wasSeen: 'lead-was-seen',
} as const satisfies Record<Exclude<keyof LeadFormValues, 'custom' | 'followUp'>, string>;

export type LeadFieldName = keyof typeof LEAD_FIELD_IDS;
