import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLead } from '@/pipedrive/add-lead.ts';
import { getCurrencies } from '@/pipedrive/currencies.ts';
import { type CustomField, customFieldsOf, getDealFields } from '@/pipedrive/deal-fields.ts';
import { getLeadLabels } from '@/pipedrive/lead-labels.ts';
import { assignableUsers, getUsers } from '@/pipedrive/users.ts';
import { createSandboxTransport } from '@/testing/sandbox-transport.ts';
import {
  OPENAPI_AVAILABLE,
  OPENAPI_DIR,
  requestSchema,
  schemaErrors,
} from '../../../sandbox/testing/openapi-contract.ts';
import { toCustomFieldPayload } from '../custom-fields/to-custom-field-payload.ts';
import {
  buildLeadFormSchema,
  emptyLeadForm,
  type LeadFormContext,
  type LeadFormInput,
} from './lead-form-schema.ts';
import { toAddLeadRequest } from './to-add-lead-request.ts';

if (!OPENAPI_AVAILABLE) {
  console.warn(`Skipping the addLeadRequest contract test: no Pipedrive OpenAPI documents in ${OPENAPI_DIR}`);
}

/** A valid form entry for each custom field type, as a person would type or pick it. */
function exampleInput(field: CustomField): unknown {
  const firstOption = String(field.options?.[0]?.id ?? '');
  switch (field.field_type) {
    case 'double':
      return '12.5';
    case 'int':
      return '40';
    case 'monetary':
      return { amount: '1500', currency: 'EUR' };
    case 'date':
      return '2027-01-15';
    case 'daterange':
      return { from: '2027-01-01', until: '2027-06-30' };
    case 'time':
      return '09:30';
    case 'timerange':
      return { from: '09:00', until: '17:00' };
    case 'enum':
      return firstOption;
    case 'set':
      return [firstOption];
    case 'user':
      return '21000002';
    case 'org':
      return { id: 2, name: 'Globex Corporation' };
    case 'people':
      return { id: 1, name: 'Ada Lovelace' };
    default:
      return `Example ${field.name}`;
  }
}

describe.skipIf(!OPENAPI_AVAILABLE)(`request bodies conform to addLeadRequest in ${OPENAPI_DIR}`, () => {
  it('every body the form can produce validates against the spec, and the sandbox accepts it', async () => {
    const { transport } = createSandboxTransport();
    const [dealFields, currencies, users, labels] = await Promise.all([
      getDealFields(transport),
      getCurrencies(transport),
      getUsers(transport),
      getLeadLabels(transport),
    ]);
    const customFields = customFieldsOf(dealFields);
    const context: LeadFormContext = {
      currencies,
      currenciesState: 'read',
      owners: assignableUsers(users),
      labels,
      channelOptions: dealFields.find((field) => field.key === 'channel')?.options ?? [],
      visibilityOptions: dealFields.find((field) => field.key === 'visible_to')?.options ?? [],
      customFields,
      users,
    };
    const schema = buildLeadFormSchema(context);
    const addLeadRequest = requestSchema('v1', 'addLead');
    const owners = context.owners.map((owner) => String(owner.id));
    const mandatory = customFields.filter((field) => field.mandatory_flag === true);

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          title: fc.string({ minLength: 1, maxLength: 40 }).filter((title) => title.trim() !== ''),
          contact: fc.constantFrom('person', 'organization', 'both'),
          owner: fc.constantFrom(...owners),
          labels: fc.subarray(labels.map((label) => label.id)),
          amount: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 1_000_000 }).map(String)),
          currency: fc.constantFrom(...currencies.map((currency) => currency.code)),
          date: fc.constantFrom('', '2026-12-31'),
          visibleTo: fc.constantFrom('', ...context.visibilityOptions.map((option) => String(option.id))),
          channel: fc.constantFrom('', ...context.channelOptions.map((option) => String(option.id))),
          channelId: fc.string({ maxLength: 10 }),
          originId: fc.string({ maxLength: 10 }),
          wasSeen: fc.boolean(),
          filled: fc.subarray(customFields),
        }),
        async (r) => {
          const input: LeadFormInput = {
            ...emptyLeadForm({ ownerId: Number(r.owner), currency: 'EUR', customFields }),
            title: r.title,
            person: r.contact === 'organization' ? null : { id: 1, name: 'Ada Lovelace' },
            organization: r.contact === 'person' ? null : { id: 2, name: 'Globex Corporation' },
            labels: r.labels,
            value: { amount: r.amount, currency: r.currency },
            expectedCloseDate: r.date,
            visibleTo: r.visibleTo,
            channel: r.channel,
            channelId: r.channelId,
            originId: r.originId,
            wasSeen: r.wasSeen,
          };
          for (const field of new Set([...r.filled, ...mandatory])) {
            (input.custom as Record<string, unknown>)[field.key] = exampleInput(field);
          }
          const values = schema.parse(input);
          const body = toAddLeadRequest(values, toCustomFieldPayload(customFields, values.custom));

          expect(schemaErrors(addLeadRequest, body)).toEqual([]);
          const lead = await addLead(transport, body);
          expect(lead.title).toBe(body.title);
        },
      ),
      { numRuns: 60 },
    );
  });
});
