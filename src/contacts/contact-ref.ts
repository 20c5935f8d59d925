import { z } from 'zod';

/** A picked person or organization: its id for the API, its name for the form and the card. */
export const contactRefSchema = z.object({ id: z.number().int().positive(), name: z.string() });

export type ContactRef = z.infer<typeof contactRefSchema>;

/** One row of a picker's results. */
export interface ContactOption extends ContactRef {
  /** A second line that tells namesakes apart: organization, email, address. */
  description?: string;
  /** A person's organization, so the form can offer to fill it. */
  organization?: ContactRef;
  /** The last row, "Create person “…”", which opens the inline create dialog. */
  create?: true;
}
