import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activeActivityTypes, getActivityTypes } from '@/pipedrive/activity-types.ts';
import { addActivity } from '@/pipedrive/add-activity.ts';
import { addLead } from '@/pipedrive/add-lead.ts';
import { addNote } from '@/pipedrive/add-note.ts';
import { noteHtmlToText, noteTextToHtml } from '@/pipedrive/note-html.ts';
import { createSandboxTransport } from '@/testing/sandbox-transport.ts';
import {
  OPENAPI_AVAILABLE,
  OPENAPI_DIR,
  requestSchema,
  schemaErrors,
} from '../../../sandbox/testing/openapi-contract.ts';
import { noteSchema } from '../note/note-schema.ts';
import { type FollowUpInput, followUpSchema, toFollowUpRequest } from './follow-up-schema.ts';
import { localDateText } from './follow-up-time.ts';

if (!OPENAPI_AVAILABLE) {
  console.warn(
    `Skipping the note and follow-up request contract test: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}`,
  );
}

const OWNERS = ['21000001', '21000002', '21000003'];

describe.skipIf(!OPENAPI_AVAILABLE)(
  `note and follow-up bodies conform to the OpenAPI documents in ${OPENAPI_DIR}`,
  () => {
    it('every note the form can send validates against addNote, and the sandbox keeps it as the same text', async () => {
      const { transport } = createSandboxTransport();
      const lead = await addLead(transport, { title: 'Note contract', person_id: 1 });
      const addNoteRequest = requestSchema('v1', 'addNote');
      await fc.assert(
        fc.asyncProperty(
          fc.string({ minLength: 1, maxLength: 200 }).filter((text) => text.trim() !== ''),
          async (typed) => {
            const text = noteSchema.parse(typed);
            if (text === undefined) return;
            const body = { content: noteTextToHtml(text), lead_id: lead.id };
            expect(schemaErrors(addNoteRequest, body)).toEqual([]);
            const note = await addNote(transport, body);
            expect(noteHtmlToText(note.content)).toBe(text);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('every follow-up the form can schedule validates against addActivity, and the sandbox takes it', async () => {
      const { transport } = createSandboxTransport();
      const lead = await addLead(transport, { title: 'Follow-up contract', organization_id: 2 });
      const types = activeActivityTypes(await getActivityTypes(transport));
      const schema = followUpSchema({ types, typesState: 'read', assignees: OWNERS });
      const addActivityRequest = requestSchema('v2', 'addActivity');
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            type: fc.constantFrom(...types.map((type) => type.key_string)),
            subject: fc.string({ minLength: 1, maxLength: 60 }).filter((text) => text.trim() !== ''),
            day: fc.date({ min: new Date(2020, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true }),
            time: fc.oneof(
              fc.constant(''),
              fc
                .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
                .map(
                  ([hours, minutes]) =>
                    `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`,
                ),
            ),
            assignee: fc.constantFrom('', ...OWNERS),
            owner: fc.constantFrom(...OWNERS),
          }),
          async (typed) => {
            const input: FollowUpInput = {
              schedule: true,
              type: typed.type,
              subject: typed.subject,
              dueDate: localDateText(typed.day),
              dueTime: typed.time,
              assignee: typed.assignee,
            };
            const values = schema.parse(input);
            if (!values) throw new Error('a scheduled follow-up parses to one');
            const body = { ...toFollowUpRequest(values, Number(typed.owner)), lead_id: lead.id };
            expect(schemaErrors(addActivityRequest, body)).toEqual([]);
            const activity = await addActivity(transport, body);
            expect(activity).toMatchObject({
              type: body.type,
              subject: body.subject,
              lead_id: lead.id,
              owner_id: body.owner_id,
            });
          },
        ),
        { numRuns: 60 },
      );
    });
  },
);
