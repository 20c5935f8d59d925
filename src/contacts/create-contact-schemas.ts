import { z } from 'zod';
import type { AddOrganizationRequest } from '@/pipedrive/add-organization.ts';
import type { AddPersonRequest } from '@/pipedrive/add-person.ts';
import { contactRefSchema } from './contact-ref.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const createPersonSchema = z.object({
  name: z.string().trim().min(1, 'Enter the person’s name').max(255, 'Name must be 255 characters or fewer'),
  email: z
    .string()
    .trim()
    .refine(
      (email) => email === '' || EMAIL.test(email),
      'Enter an email address in the right format, like name@example.com',
    ),
  phone: z.string().trim().max(255, 'Phone must be 255 characters or fewer'),
  organization: contactRefSchema.nullable(),
});

export type CreatePersonInput = z.input<typeof createPersonSchema>;
export type CreatePersonValues = z.output<typeof createPersonSchema>;

export function toAddPersonRequest(values: CreatePersonValues): AddPersonRequest {
  return {
    name: values.name,
    ...(values.email ? { emails: [{ value: values.email, primary: true, label: 'work' }] } : {}),
    ...(values.phone ? { phones: [{ value: values.phone, primary: true, label: 'work' }] } : {}),
    ...(values.organization ? { org_id: values.organization.id } : {}),
  };
}

export const createOrganizationSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter the organization’s name')
    .max(255, 'Name must be 255 characters or fewer'),
  address: z.string().trim().max(255, 'Address must be 255 characters or fewer'),
  website: z.string().trim().max(255, 'Website must be 255 characters or fewer'),
});

export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
export type CreateOrganizationValues = z.output<typeof createOrganizationSchema>;

export function toAddOrganizationRequest(values: CreateOrganizationValues): AddOrganizationRequest {
  return {
    name: values.name,
    ...(values.address ? { address: { value: values.address } } : {}),
    ...(values.website ? { website: values.website } : {}),
  };
}

/** Which dialog field a Pipedrive v2 validation error names, if any. */
export function createFieldFor(
  message: string,
): 'name' | 'email' | 'phone' | 'organization' | 'address' | 'website' | undefined {
  if (/\bemails?\b/i.test(message)) return 'email';
  if (/\bphones?\b/i.test(message)) return 'phone';
  if (/\borg_id\b/i.test(message)) return 'organization';
  if (/\baddress\b/i.test(message)) return 'address';
  if (/\bwebsite\b/i.test(message)) return 'website';
  if (/\bname\b/i.test(message)) return 'name';
  return undefined;
}
