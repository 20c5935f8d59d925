import { z } from 'zod';
import { activitySchema } from '@/pipedrive/add-activity.ts';
import { noteSchema } from '@/pipedrive/add-note.ts';
import type { LeadToSend } from '../send/send-lead-once.ts';
import type { SentLeadOutcome } from '../send/use-lead-submission.ts';

/**
 * The note's and the follow-up's outcome as the card keeps them beside its lead: each saved, or
 * missing and why, and the create a Retry sends again (the lead is in the ledger by then, so a
 * Retry reads it and sends only the missing part).
 */
export type KeptParts = Pick<SentLeadOutcome, 'note' | 'followUp' | 'create'>;

const problemSchema = z.object({ why: z.string().max(1_000), absent: z.boolean() });

const outcomeOf = <Saved extends z.ZodType>(saved: Saved) =>
  z
    .union([z.object({ saved }), z.object({ missing: problemSchema })])
    .optional()
    .catch(undefined);

/**
 * Read back from this tab's own storage, which only QuickLead writes: checked for the shape a Retry
 * needs, then taken as the create it was. One that does not fit is dropped with the parts.
 */
const createSchema = z.object({
  draftId: z.string().min(1).max(200),
  body: z.record(z.string(), z.unknown()),
  note: z.object({ content: z.string() }).optional(),
  followUp: z.record(z.string(), z.unknown()).optional(),
});

const keptPartsSchema = z.object({
  note: outcomeOf(noteSchema),
  followUp: outcomeOf(activitySchema),
  create: createSchema,
});

/** What to keep of a lead's parts; nothing when it had none. */
export function partsToKeep(sent: SentLeadOutcome | undefined): KeptParts | undefined {
  if (!sent || (!sent.note && !sent.followUp)) return undefined;
  // A retry's one-off choices are not kept: a Retry after the reload decides afresh.
  const { force: _force, forceParts: _forceParts, ...create } = sent.create;
  return { note: sent.note, followUp: sent.followUp, create };
}

/** The kept parts, or nothing when what is stored is not kept parts. */
export function readKeptParts(stored: unknown): KeptParts | undefined {
  const parsed = keptPartsSchema.safeParse(stored);
  if (!parsed.success) return undefined;
  const { note, followUp, create } = parsed.data;
  if (!note && !followUp) return undefined;
  return { note, followUp, create: create as LeadToSend };
}
