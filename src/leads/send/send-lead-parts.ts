import { type Activity, addActivity, listLeadActivities } from '@/pipedrive/add-activity.ts';
import type { Lead } from '@/pipedrive/add-lead.ts';
import { addNote, listLeadNotes, type Note } from '@/pipedrive/add-note.ts';
import { noteHtmlToText } from '@/pipedrive/note-html.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import { PART_RECOVERY_PAGE_SIZE, pipedriveTimeMs } from './find-sent-part.ts';
import type { LeadToSend } from './send-lead-once.ts';
import { type PartDeps, type PartOutcome, sendPartOnce } from './send-part-once.ts';

/** A lead as it ended up in Pipedrive with the parts sent after it: each saved, or missing and why. */
export interface SentLead {
  lead: Lead;
  note?: PartOutcome<Note>;
  followUp?: PartOutcome<Activity>;
}

/** Compared as text, with whitespace as one space: Pipedrive's sanitizing may rewrite the markup. */
const comparableText = (html: string) => noteHtmlToText(html).replace(/\s+/g, ' ').trim();

/** HH:MM of "HH:MM" or "HH:MM:SS", as v2 writes activity times. */
const clockOf = (time: string | null | undefined) => (time ? time.slice(0, 5) : undefined);

/**
 * The note and the follow-up of a lead that now exists, each sent at most once and in parallel:
 * neither waits for the other, and one failing leaves the other saved. What was saved before
 * (another tab, an earlier page, an earlier try) is not sent again.
 */
export async function sendLeadParts(
  transport: Transport,
  lead: Lead,
  create: LeadToSend,
  deps: PartDeps,
): Promise<SentLead> {
  const forced = (part: 'note' | 'followUp') => create.forceParts?.includes(part) ?? false;
  const { note, followUp } = create;
  const [noteOutcome, followUpOutcome] = await Promise.all([
    note
      ? sendPartOnce<Note>(
          {
            draftId: create.draftId,
            part: 'note',
            what: 'the note',
            force: forced('note'),
            send: () => addNote(transport, { content: note.content, lead_id: lead.id }),
            idOf: (saved) => saved.id,
            known: (id) => ({ id, content: note.content, lead_id: lead.id, user_id: null, add_time: '' }),
            read: () => listLeadNotes(transport, lead.id, PART_RECOVERY_PAGE_SIZE),
            isTheSentPart: (found) => comparableText(found.content) === comparableText(note.content),
            addedAt: (found) => pipedriveTimeMs(found.add_time),
          },
          deps,
        )
      : undefined,
    followUp
      ? sendPartOnce<Activity>(
          {
            draftId: create.draftId,
            part: 'followUp',
            what: 'the follow-up',
            force: forced('followUp'),
            send: () => addActivity(transport, { ...followUp, lead_id: lead.id }),
            idOf: (saved) => saved.id,
            known: (id) => ({ id, ...followUp, lead_id: lead.id, add_time: '' }),
            read: () => listLeadActivities(transport, lead.id, PART_RECOVERY_PAGE_SIZE),
            isTheSentPart: (found) =>
              found.subject.trim() === followUp.subject.trim() &&
              found.type === followUp.type &&
              (found.due_date ?? undefined) === followUp.due_date &&
              clockOf(found.due_time) === clockOf(followUp.due_time),
            addedAt: (found) => pipedriveTimeMs(found.add_time),
          },
          deps,
        )
      : undefined,
  ]);
  return {
    lead,
    ...(noteOutcome ? { note: noteOutcome } : {}),
    ...(followUpOutcome ? { followUp: followUpOutcome } : {}),
  };
}

/** The parts of a sent lead that are missing, for the card's Retry. */
export function missingParts(sent: SentLead): Array<'note' | 'followUp'> {
  return (['note', 'followUp'] as const).filter((part) => {
    const outcome = sent[part];
    return outcome !== undefined && 'missing' in outcome;
  });
}
