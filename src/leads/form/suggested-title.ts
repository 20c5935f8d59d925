import type { ContactRef } from '@/contacts/contact-ref.ts';

/** "<Organization or person> lead": the organization names the deal better when there is one. */
export function suggestedTitle(
  person: ContactRef | null,
  organization: ContactRef | null,
): string | undefined {
  const name = organization?.name ?? person?.name;
  return name ? `${name} lead` : undefined;
}
