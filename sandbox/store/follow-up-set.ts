import type { Activity, Note } from '../company/crm-types.ts';

export type NewNote = Omit<Note, 'id'>;
export type NewActivity = Omit<Activity, 'id'>;

/**
 * Notes and activities created through the API, in the order they were stored. Pipedrive numbers
 * both with integer ids; readable at once (the sandbox does not search them). Bounded so a long
 * demo cannot grow without end: the oldest go first.
 */
export class FollowUpSet {
  static readonly MAX_EACH = 20_000;
  private readonly notes: Note[] = [];
  private readonly activities: Activity[] = [];
  private lastNoteId = 0;
  private lastActivityId = 0;

  addNote(fields: NewNote): Note {
    this.lastNoteId += 1;
    const note: Note = { ...fields, id: this.lastNoteId };
    this.notes.push(note);
    if (this.notes.length > FollowUpSet.MAX_EACH) this.notes.shift();
    return note;
  }

  listNotes(): readonly Note[] {
    return this.notes;
  }

  addActivity(fields: NewActivity): Activity {
    this.lastActivityId += 1;
    const activity: Activity = { ...fields, id: this.lastActivityId };
    this.activities.push(activity);
    if (this.activities.length > FollowUpSet.MAX_EACH) this.activities.shift();
    return activity;
  }

  listActivities(): readonly Activity[] {
    return this.activities;
  }

  /** A converted lead's notes and activities go with it to its deal, as Pipedrive's conversion does. */
  moveToDeal(leadId: string, dealId: number): void {
    for (const record of [...this.notes, ...this.activities]) {
      if (record.leadId !== leadId) continue;
      record.leadId = null;
      record.dealId = dealId;
    }
  }
}
