import { isGuid } from './lead-validation.ts';
import { isBlankNote, sanitizeNoteHtml } from './note-html.ts';
import { isPlainObject } from './value-checks.ts';

export interface NoteInput {
  /** Sanitized, as Pipedrive stores it. */
  content: string;
  leadId: string;
  /** The author an admin chose (`user_id`); otherwise the caller. */
  userId?: number;
  /** The creation time the caller gave (`add_time`, UTC), in milliseconds; otherwise now. */
  addTime?: number;
}

export interface NoteRefs {
  hasLead(id: string): boolean;
  isActiveUser(id: number): boolean;
}

/** A refusal: the status and Pipedrive-like error text (the texts are guesses; see README "unverified"). */
export type NoteValidation = { ok: true; input: NoteInput } | { ok: false; status: 400 | 404; error: string };

/** The other things a note can be attached to; the sandbox has no deals, projects or tasks, and keeps notes on leads. */
const OTHER_TARGETS = ['deal_id', 'person_id', 'org_id', 'project_id', 'task_id'];

const PINNED_FLAGS = [
  'pinned_to_lead_flag',
  'pinned_to_deal_flag',
  'pinned_to_organization_flag',
  'pinned_to_person_flag',
  'pinned_to_project_flag',
  'pinned_to_task_flag',
];

/** "YYYY-MM-DD HH:MM:SS" in UTC, as v1 writes times, in milliseconds; undefined if it is not one. */
function v1TimeToMs(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

const refuse = (error: string, status: 400 | 404 = 400): NoteValidation => ({ ok: false, status, error });

/**
 * `POST /v1/notes` [spec v1 `addNote`]: `content` (HTML, sanitized) is required, and so is what the
 * note is attached to; here that is `lead_id`, an existing lead. The spec allows other properties.
 */
export function validateNoteBody(raw: unknown, refs: NoteRefs, callerIsAdmin: boolean): NoteValidation {
  if (!isPlainObject(raw)) return refuse('Request body must be a JSON object');
  const { content, lead_id: leadId, user_id: userId, add_time: addTime } = raw;
  if (typeof content !== 'string') return refuse('Content is required');
  const kept = sanitizeNoteHtml(content);
  if (isBlankNote(kept)) return refuse('Content is required');
  if (leadId === undefined) {
    const other = OTHER_TARGETS.find((key) => raw[key] !== undefined);
    return refuse(
      other
        ? `Sandbox: notes are kept on leads only, not by "${other}"`
        : 'One of lead_id, deal_id, person_id, org_id, project_id or task_id is required',
    );
  }
  if (typeof leadId !== 'string' || !isGuid(leadId)) return refuse('"lead_id" must be a valid GUID');
  if (!refs.hasLead(leadId.toLowerCase())) return refuse('Lead not found', 404);
  if (userId !== undefined && (typeof userId !== 'number' || !refs.isActiveUser(userId))) {
    return refuse('"user_id" must refer to an existing active user');
  }
  const givenTime = typeof addTime === 'string' ? v1TimeToMs(addTime) : undefined;
  if (addTime !== undefined && givenTime === undefined) {
    return refuse('"add_time" must be in format YYYY-MM-DD HH:MM:SS');
  }
  const badFlag = PINNED_FLAGS.find((key) => raw[key] !== undefined && raw[key] !== 0 && raw[key] !== 1);
  if (badFlag) return refuse(`"${badFlag}" must be one of [0, 1]`);
  return {
    ok: true,
    input: {
      content: kept,
      leadId: leadId.toLowerCase(),
      // "Only an admin can change the author."
      ...(callerIsAdmin && typeof userId === 'number' ? { userId } : {}),
      ...(givenTime === undefined ? {} : { addTime: givenTime }),
    },
  };
}
