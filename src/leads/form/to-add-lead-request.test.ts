import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formInput, TEST_CONTEXT } from '@/testing/lead-form-fixtures.ts';
import { buildLeadFormSchema, type LeadFormInput } from './lead-form-schema.ts';
import { formFieldFor, toAddLeadRequest } from './to-add-lead-request.ts';

const schema = buildLeadFormSchema(TEST_CONTEXT);
const map = (input: LeadFormInput, custom?: Record<string, string | number>) =>
  toAddLeadRequest(schema.parse(input), custom);

describe('toAddLeadRequest', () => {
  it('sends every field that is set, in Pipedrive’s types', () => {
    expect(
      map(
        formInput({
          title: 'Globex renewal',
          person: { id: 12, name: 'Ada Lovelace' },
          organization: { id: 3, name: 'Globex Corporation' },
          owner: '21000002',
          labels: ['f08b42a0-4e75-11ea-9643-03698ef1cfd6'],
          value: { amount: '2500', currency: 'EUR' },
          expectedCloseDate: '2026-12-31',
          visibleTo: '3',
          wasSeen: true,
          channel: '66',
          channelId: 'Spring fair',
          originId: 'crm-import-7',
        }),
        { abc123: 'custom value' },
      ),
    ).toEqual({
      abc123: 'custom value',
      title: 'Globex renewal',
      person_id: 12,
      organization_id: 3,
      owner_id: 21000002,
      label_ids: ['f08b42a0-4e75-11ea-9643-03698ef1cfd6'],
      value: { amount: 2500, currency: 'EUR' },
      expected_close_date: '2026-12-31',
      visible_to: '3',
      was_seen: true,
      channel: 66,
      channel_id: 'Spring fair',
      origin_id: 'crm-import-7',
    });
  });

  it('omits what is not set instead of sending null or empty strings', () => {
    const body = map(formInput({ person: null, organization: { id: 3, name: 'Globex' } }));
    expect(body).toEqual({ title: 'Deal', owner_id: 21000001, organization_id: 3 });
  });

  it('never sends null, undefined or an empty string, whatever is filled in', () => {
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.record({
          title: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
          amount: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 10_000_000 }).map(String)),
          currency: fc.constantFrom('EUR', 'JPY', 'BHD'),
          date: fc.constantFrom('', '2026-01-31', '2027-02-28'),
          visibleTo: fc.constantFrom('', '1', '3', '5', '7'),
          channel: fc.constantFrom('', '64', '66'),
          channelId: text,
          originId: text,
          wasSeen: fc.boolean(),
          withPerson: fc.boolean(),
          labels: fc.subarray(TEST_CONTEXT.labels.map((label) => label.id)),
        }),
        (r) => {
          const body = map(
            formInput({
              title: r.title,
              person: r.withPerson ? { id: 1, name: 'A' } : null,
              organization: r.withPerson ? null : { id: 2, name: 'B' },
              value: { amount: r.amount, currency: r.currency },
              expectedCloseDate: r.date,
              visibleTo: r.visibleTo,
              channel: r.channel,
              channelId: r.channelId,
              originId: r.originId,
              wasSeen: r.wasSeen,
              labels: r.labels,
            }),
          );
          for (const value of Object.values(body)) {
            expect(value).not.toBeNull();
            expect(value).not.toBeUndefined();
            expect(value).not.toBe('');
          }
          expect('person_id' in body || 'organization_id' in body).toBe(true);
        },
      ),
    );
  });
});

describe('formFieldFor', () => {
  it('maps request keys named by Pipedrive errors to form fields', () => {
    expect(formFieldFor('owner_id')).toBe('owner');
    expect(formFieldFor('person_id')).toBe('person');
    expect(formFieldFor('label_ids')).toBe('labels');
    expect(formFieldFor('visible_to')).toBe('visibleTo');
    expect(formFieldFor('unknown')).toBeUndefined();
  });
});
