import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FIELD_NAMES,
  CUSTOM_FIELD_OPTION_IDS,
  type CustomFieldType,
  INACTIVE_CUSTOM_FIELD_KEY,
  CUSTOM_FIELD_KEYS as K,
  NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY,
  WON_ONLY_CUSTOM_FIELD_KEY,
} from '../company/custom-field-keys.ts';
import { FIXTURES } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

const sandbox = createTestSandbox();
const token = accessToken(sandbox);
const base = { title: 'Custom field lead', person_id: FIXTURES.adaLovelace.personId };
const [, activeUser] = sandbox.store.crm.users;
const inactiveUser = sandbox.store.crm.users.find((user) => !user.activeFlag);

async function create(body: Record<string, unknown>, target = sandbox, withToken = token) {
  const response = await apiPostJson(target, '/api/v1/leads', withToken, body);
  return { status: response.status, body: await response.json() };
}

async function expectInvalid(body: Record<string, unknown>, message: string) {
  const result = await create(body);
  expect(result.status).toBe(400);
  expect(result.body).toMatchObject({ success: false, error: 'provided dataset is not valid' });
  expect(result.body.error_info).toBe(message);
}

interface TypeCase {
  accepted: Record<string, unknown>;
  /** What the lead then carries at the top level; the same as `accepted` unless normalized. */
  stored?: Record<string, unknown>;
  rejected: Record<string, unknown>;
  message: string;
}

const q = (key: string) => `"${key}"`;

const CASES: Record<CustomFieldType, TypeCase> = {
  varchar: {
    accepted: { [K.varchar]: 'Trade fair Hanover, hall 4' },
    rejected: { [K.varchar]: 'x'.repeat(256) },
    message: `${q(K.varchar)} length must be less than or equal to 255 characters long`,
  },
  varchar_auto: {
    accepted: { [K.varchar_auto]: 'Initech' },
    rejected: { [K.varchar_auto]: 42 },
    message: `${q(K.varchar_auto)} must be a string`,
  },
  text: {
    accepted: { [K.text]: 'Budget approved.\nNeeds SSO.' },
    rejected: { [K.text]: '' },
    message: `${q(K.text)} is not allowed to be empty`,
  },
  double: {
    accepted: { [K.double]: 12.5 },
    rejected: { [K.double]: '12.5' },
    message: `${q(K.double)} must be a number`,
  },
  int: {
    accepted: { [K.int]: 25 },
    rejected: { [K.int]: 2.5 },
    message: `${q(K.int)} must be an integer`,
  },
  monetary: {
    accepted: { [K.monetary]: 50000, [`${K.monetary}_currency`]: 'EUR' },
    rejected: { [K.monetary]: 50000 },
    message: `"value" contains [${K.monetary}] without its required peers [${K.monetary}_currency]`,
  },
  date: {
    accepted: { [K.date]: '2026-12-01' },
    rejected: { [K.date]: '2026-02-30' },
    message: `${q(K.date)} must be in YYYY-MM-DD format`,
  },
  daterange: {
    accepted: { [K.daterange]: '2027-01-01', [`${K.daterange}_until`]: '2027-12-31' },
    rejected: { [K.daterange]: '2027-01-01', [`${K.daterange}_until`]: '2026-12-31' },
    message: `"${K.daterange}_until" must be greater than or equal to "ref:${K.daterange}"`,
  },
  time: {
    accepted: { [K.time]: '14:30' },
    stored: { [K.time]: '14:30:00' },
    rejected: { [K.time]: '25:00:00' },
    message: `${q(K.time)} must be in HH:MM:SS format`,
  },
  timerange: {
    accepted: { [K.timerange]: '09:00:00', [`${K.timerange}_until`]: '17:30' },
    stored: { [K.timerange]: '09:00:00', [`${K.timerange}_until`]: '17:30:00' },
    rejected: { [K.timerange]: '09:00:00' },
    message: `"value" contains [${K.timerange}] without its required peers [${K.timerange}_until]`,
  },
  enum: {
    accepted: { [K.enum]: CUSTOM_FIELD_OPTION_IDS.enum.company },
    rejected: { [K.enum]: 999 },
    message: `${q(K.enum)} must be one of [190, 191, 192]`,
  },
  set: {
    accepted: { [K.set]: '201,203' },
    rejected: { [K.set]: '201,999' },
    message: `"${K.set}[1]" must be one of [201, 202, 203, 204]`,
  },
  phone: {
    accepted: { [K.phone]: '+49 30 1234567' },
    rejected: { [K.phone]: null },
    message: `${q(K.phone)} must be a string`,
  },
  address: {
    accepted: { [K.address]: 'Unter den Linden 1, 10117 Berlin' },
    rejected: { [K.address]: ['Unter den Linden 1'] },
    message: `${q(K.address)} must be a string`,
  },
  user: {
    accepted: { [K.user]: activeUser?.id },
    rejected: { [K.user]: inactiveUser?.id },
    message: `${q(K.user)} must refer to an existing active user`,
  },
  org: {
    accepted: { [K.org]: FIXTURES.globex.organizationId },
    rejected: { [K.org]: 999_999 },
    message: `${q(K.org)} must refer to an existing organization`,
  },
  people: {
    accepted: { [K.people]: FIXTURES.hankScorpio.personId },
    rejected: { [K.people]: 999_999 },
    message: `${q(K.people)} must refer to an existing person`,
  },
};

describe('POST /api/v1/leads with custom fields', () => {
  describe.each(Object.entries(CASES))('%s', (_type, testCase) => {
    it('accepts a valid value and returns it at the top level', async () => {
      const { status, body } = await create({ ...base, ...testCase.accepted });
      expect(status).toBe(201);
      expect(body.data).toMatchObject(testCase.stored ?? testCase.accepted);
    });

    it('rejects an invalid value naming the key', () =>
      expectInvalid({ ...base, ...testCase.rejected }, testCase.message));
  });

  it('covers every custom field type', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(K).sort());
  });

  it('rejects a monetary currency without an amount, and an inactive currency', async () => {
    await expectInvalid(
      { ...base, [`${K.monetary}_currency`]: 'EUR' },
      `"value" contains [${K.monetary}_currency] without its required peers [${K.monetary}]`,
    );
    const inactive = await create({ ...base, [K.monetary]: 10, [`${K.monetary}_currency`]: 'VEF' });
    expect(inactive.body.error_info).toMatch(
      new RegExp(`^"${K.monetary}_currency" must be one of \\[EUR, USD`),
    );
  });

  it('takes a set only as a comma-separated string of option ids, each kept once', async () => {
    const { body } = await create({ ...base, [K.set]: '204,202,204' });
    expect(body.data[K.set]).toBe('204,202');
    await expectInvalid({ ...base, [K.set]: [201, 203] }, `"${K.set}" must be a string`);
    await expectInvalid({ ...base, [K.set]: 201 }, `"${K.set}" must be a string`);
    await expectInvalid({ ...base, [K.set]: '' }, `"${K.set}" is not allowed to be empty`);
    for (const malformed of ['202, 204', '202,', ',202', 'CRM suite', '202;204']) {
      await expectInvalid(
        { ...base, [K.set]: malformed },
        `"${K.set}" with value "${malformed}" fails to match the option ids pattern`,
      );
    }
  });

  it('rejects null for a custom key, as for built-in keys', () =>
    expectInvalid({ ...base, [K.double]: null }, `"${K.double}" must be a number`));

  it('takes the field missing from the add dialog and the one required only for won deals, neither required', async () => {
    const { status, body } = await create({
      ...base,
      [NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY]: 'PO-2026-0042',
      [WON_ONLY_CUSTOM_FIELD_KEY]: '2026-03-01',
    });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({
      [NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY]: 'PO-2026-0042',
      [WON_ONLY_CUSTOM_FIELD_KEY]: '2026-03-01',
    });
    expect((await create(base)).status).toBe(201);
    await expectInvalid(
      { ...base, [WON_ONLY_CUSTOM_FIELD_KEY]: '1 March' },
      `"${WON_ONLY_CUSTOM_FIELD_KEY}" must be in YYYY-MM-DD format`,
    );
  });

  it('rejects the key of an inactive custom field', () =>
    expectInvalid(
      { ...base, [INACTIVE_CUSTOM_FIELD_KEY]: '+1 555 0100' },
      `"${INACTIVE_CUSTOM_FIELD_KEY}" is not allowed`,
    ));

  it('rejects a 40-hex key that is no field, and a range suffix on a non-range field', async () => {
    const unknown = 'a'.repeat(40);
    await expectInvalid({ ...base, [unknown]: 'x' }, `"${unknown}" is not allowed`);
    await expectInvalid(
      { ...base, [K.date]: '2026-01-01', [`${K.date}_until`]: '2026-02-01' },
      `"${K.date}_until" is not allowed`,
    );
  });

  it('does not enforce the mandatory custom field (the app does)', async () => {
    expect((await create(base)).status).toBe(201);
  });
});

describe('POST /api/v1/leads references and options', () => {
  const [hot] = sandbox.store.crm.leadLabels;

  it('accepts existing label ids and rejects unknown or malformed ones', async () => {
    expect((await create({ ...base, label_ids: [hot?.id] })).body.data.label_ids).toEqual([hot?.id]);
    await expectInvalid(
      { ...base, label_ids: [hot?.id, 'adf21080-0e10-41eb-879b-05d71fb426ec'] },
      '"label_ids[1]" must refer to an existing lead label',
    );
    await expectInvalid({ ...base, label_ids: ['hot'] }, '"label_ids[0]" must be a valid GUID');
  });

  it('accepts a channel option id and rejects any other number', async () => {
    expect((await create({ ...base, channel: 72 })).body.data.channel).toBe(72);
    await expectInvalid(
      { ...base, channel: 52 },
      '"channel" must be one of [64, 65, 66, 67, 68, 69, 70, 71, 72]',
    );
  });

  it('checks visible_to against the plan', async () => {
    const growth = createTestSandbox(createClock(), 'growth');
    const growthToken = accessToken(growth);
    expect((await create({ ...base, visible_to: '3' }, growth, growthToken)).status).toBe(201);
    const five = await create({ ...base, visible_to: '5' }, growth, growthToken);
    expect(five.body.error_info).toBe('"visible_to" must be one of [1, 3]');
    expect((await create({ ...base, visible_to: '5' })).status).toBe(201);
  });

  it('accepts an active owner and rejects a deactivated one', async () => {
    expect((await create({ ...base, owner_id: activeUser?.id })).body.data.owner_id).toBe(activeUser?.id);
    await expectInvalid(
      { ...base, owner_id: inactiveUser?.id },
      '"owner_id" must refer to an existing active user',
    );
  });
});

describe('GET /api/v1/leads/:id with custom fields', () => {
  it('returns the custom fields that were set and omits the others', async () => {
    const set = {
      ...CASES.monetary.accepted,
      ...CASES.daterange.accepted,
      ...CASES.set.accepted,
      ...CASES.varchar.accepted,
    };
    const created = await create({ ...base, ...set });
    const lead = (await (await apiGet(sandbox, `/api/v1/leads/${created.body.data.id}`, token)).json()).data;
    const customKeys = Object.keys(lead).filter((key) => /^[0-9a-f]{40}/.test(key));
    expect(customKeys.sort()).toEqual(
      [K.monetary, `${K.monetary}_currency`, K.daterange, `${K.daterange}_until`, K.set, K.varchar].sort(),
    );
    expect(lead).toMatchObject({ ...set, [K.set]: '201,203' });
    expect(lead).toEqual(created.body.data);
  });

  it('has no custom keys for a lead without custom fields', async () => {
    const created = await create(base);
    const lead = (await (await apiGet(sandbox, `/api/v1/leads/${created.body.data.id}`, token)).json()).data;
    expect(Object.keys(lead).filter((key) => /^[0-9a-f]{40}/.test(key))).toEqual([]);
  });
});

describe('lead inbox page with custom fields', () => {
  it('lists the set custom fields by name, with readable values, escaped', async () => {
    const created = await create({
      ...base,
      [K.varchar]: '<b>Booth</b> & "partners"',
      [K.enum]: CUSTOM_FIELD_OPTION_IDS.enum.government,
      [K.set]: '201,202',
      [K.user]: activeUser?.id,
    });
    const page = await (await sandbox.apiApp.request(`/leads/inbox/${created.body.data.id}`)).text();
    expect(page).toContain(
      `<dt>${CUSTOM_FIELD_NAMES.varchar}</dt><dd>&lt;b&gt;Booth&lt;/b&gt; &amp; &quot;partners&quot;</dd>`,
    );
    expect(page).toContain(`<dt>${CUSTOM_FIELD_NAMES.enum}</dt><dd>Government</dd>`);
    expect(page).toContain(`<dt>${CUSTOM_FIELD_NAMES.set}</dt><dd>CRM suite, Analytics add-on</dd>`);
    expect(page).toContain(`<dt>${CUSTOM_FIELD_NAMES.user}</dt><dd>${activeUser?.name}</dd>`);
    expect(page).not.toContain(CUSTOM_FIELD_NAMES.monetary);
    expect(page).not.toContain('<b>');
  });
});
