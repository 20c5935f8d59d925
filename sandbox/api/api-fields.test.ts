import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FIELD_KEYS,
  CUSTOM_FIELD_NAMES,
  type CustomFieldType,
  INACTIVE_CUSTOM_FIELD_KEY,
  MANDATORY_CUSTOM_FIELD_KEY,
  NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY,
  WON_ONLY_CUSTOM_FIELD_KEY,
} from '../company/custom-field-keys.ts';
import { accessToken, apiGet, createClock, createTestSandbox } from '../testing/test-support.ts';

const sandbox = createTestSandbox();
const token = accessToken(sandbox);

async function get(path: string, withToken = token) {
  const response = await apiGet(sandbox, path, withToken);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

interface FieldItem {
  id: number | null;
  key: string;
  name: string;
  field_type: string;
  edit_flag: boolean;
  active_flag: boolean;
  add_visible_flag?: boolean;
  mandatory_flag: boolean | Record<string, string>;
  description?: string | null;
  add_time?: string;
  update_time?: string | null;
  is_subfield?: boolean;
  options?: Array<{ id: number | string | boolean; label: string; alt_id?: string; color?: string }>;
  parent_id?: number;
  id_suffix?: string;
}

/** The properties of every full item of the recorded production dump, whatever the field. */
const FULL_ITEM_KEYS = [
  'id',
  'key',
  'name',
  'group_id',
  'order_nr',
  'field_type',
  'json_column_flag',
  'add_time',
  'update_time',
  'last_updated_by_user_id',
  'edit_flag',
  'details_visible_flag',
  'add_visible_flag',
  'important_flag',
  'bulk_edit_allowed',
  'filtering_allowed',
  'sortable_flag',
  'mandatory_flag',
  'searchable_flag',
  'restriction_settings',
  'user_restrictions',
  'description',
  'created_by_user_id',
  'active_flag',
  'projects_detail_visible_flag',
  'show_in_pipelines',
];

/** The ten properties of a recorded subfield item. */
const SUBFIELD_KEYS = [
  'id',
  'key',
  'name',
  'field_type',
  'edit_flag',
  'active_flag',
  'is_subfield',
  'mandatory_flag',
  'parent_id',
  'id_suffix',
];

describe('GET /api/v1/currencies', () => {
  it('lists currencies with the documented fields, costing 20 tokens', async () => {
    const { status, headers, body } = await get('/api/v1/currencies');
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('20');
    expect(body.success).toBe(true);
    expect(body.data.length).toBeGreaterThanOrEqual(10);
    for (const currency of body.data) {
      expect(Object.keys(currency).sort()).toEqual(
        ['active_flag', 'code', 'decimal_points', 'id', 'is_custom_flag', 'name', 'symbol'].sort(),
      );
    }
    expect(body.data[0]).toEqual({
      id: 1,
      code: 'EUR',
      name: 'Euro',
      decimal_points: 2,
      symbol: '€',
      active_flag: true,
      is_custom_flag: false,
    });
  });

  it('has currencies with 0 and 3 decimals and exactly one inactive currency', async () => {
    const { body } = await get('/api/v1/currencies');
    const byCode = new Map(body.data.map((currency: { code: string }) => [currency.code, currency]));
    expect(byCode.get('JPY')).toMatchObject({ decimal_points: 0 });
    expect(byCode.get('BHD')).toMatchObject({ decimal_points: 3 });
    for (const code of ['EUR', 'USD', 'GBP', 'SEK', 'CHF', 'INR', 'BRL']) expect(byCode.has(code)).toBe(true);
    const inactive = body.data.filter((currency: { active_flag: boolean }) => !currency.active_flag);
    expect(inactive).toHaveLength(1);
  });

  it('filters by term on code or name, case-insensitively', async () => {
    expect((await get('/api/v1/currencies?term=usd')).body.data.map((c: { code: string }) => c.code)).toEqual(
      ['USD'],
    );
    const dollars = (await get('/api/v1/currencies?term=Dollar')).body.data.map(
      (c: { code: string }) => c.code,
    );
    expect(dollars).toEqual(['USD', 'CAD', 'AUD']);
    expect((await get('/api/v1/currencies?term=nothing-like-this')).body.data).toEqual([]);
  });

  it('needs only the base scope', async () => {
    expect((await get('/api/v1/currencies', accessToken(sandbox, ['base']))).status).toBe(200);
    expect((await get('/api/v1/currencies', accessToken(sandbox, ['leads:full']))).status).toBe(403);
  });
});

describe('GET /api/v1/leadSources', () => {
  it('returns the fixed list Pipedrive documents for 2 tokens', async () => {
    const { status, headers, body } = await get('/api/v1/leadSources');
    expect(status).toBe(200);
    expect(headers.get('x-token-cost')).toBe('2');
    expect(body).toEqual({
      success: true,
      data: [
        'Manually created',
        'Deal',
        'Web forms',
        'Prospector',
        'Leadbooster',
        'Live chat',
        'Import',
        'Website visitors',
        'Workflow automation',
        'API',
      ].map((name) => ({ name })),
    });
  });

  it('needs a leads scope', async () => {
    expect((await get('/api/v1/leadSources', accessToken(sandbox, ['base']))).status).toBe(403);
  });
});

async function allFields(limit: number, target = sandbox): Promise<{ pages: FieldItem[][]; cost: number }> {
  const pages: FieldItem[][] = [];
  let start: number | undefined = 0;
  let cost = 0;
  while (start !== undefined) {
    const response = await apiGet(
      target,
      `/api/v1/dealFields?start=${start}&limit=${limit}`,
      accessToken(target),
    );
    cost += Number(response.headers.get('x-token-cost'));
    const body = await response.json();
    const { pagination } = body.additional_data;
    expect(pagination).toMatchObject({ start, limit });
    expect(body.data.length).toBeLessThanOrEqual(limit);
    pages.push(body.data);
    if (pagination.more_items_in_collection) {
      expect(pagination.next_start).toBe(start + limit);
      start = pagination.next_start;
    } else {
      expect(pagination.next_start).toBeUndefined();
      start = undefined;
    }
  }
  return { pages, cost };
}

describe('GET /api/v1/dealFields', () => {
  it('pages with start/limit: several pages of 5, no overlap, same list as one page', async () => {
    const { pages, cost } = await allFields(5);
    expect(pages.length).toBeGreaterThan(3);
    const paged = pages.flat();
    const whole = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    expect(paged).toEqual(whole);
    const keys = paged.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(cost).toBe(20 * pages.length);
  });

  it('defaults to 100 a page and caps the limit at 500', async () => {
    expect((await get('/api/v1/dealFields')).body.additional_data.pagination.limit).toBe(100);
    expect((await get('/api/v1/dealFields?limit=5000')).body.additional_data.pagination.limit).toBe(500);
    expect((await get('/api/v1/dealFields?limit=abc')).status).toBe(400);
    expect((await get('/api/v1/dealFields?start=-1')).status).toBe(400);
  });

  it("has Pipedrive's built-in fields, not editable", async () => {
    const fields = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    const types = Object.fromEntries(fields.filter((f) => !f.edit_flag).map((f) => [f.key, f.field_type]));
    expect(types).toMatchObject({
      id: 'int',
      title: 'varchar',
      value: 'monetary',
      currency: 'varchar',
      weighted_value: 'monetary',
      weighted_value_currency: 'varchar',
      stage_id: 'stage',
      status: 'status',
      won_time: 'date',
      lost_reason: 'varchar_options',
      owner_id: 'user',
      person_id: 'people',
      org_id: 'org',
      expected_close_date: 'date',
      label: 'set',
      visible_to: 'visible_to',
      channel: 'enum',
      channel_id: 'varchar',
      origin: 'enum',
      origin_id: 'varchar',
      is_archived: 'enum',
      archive_time: 'date',
      score: 'double',
      sequence_enrollment: 'boolean',
    });
    const channel = fields.find((field) => field.key === 'channel');
    expect(channel?.options?.map((option) => option.id)).toEqual([64, 65, 66, 67, 68, 69, 70, 71, 72]);
    expect(channel?.options?.[0]).toEqual({ id: 64, label: 'Prospector', alt_id: 'prospector' });
    const origin = fields.find((field) => field.key === 'origin');
    expect(origin?.options?.every((option) => typeof option.id === 'string')).toBe(true);
    expect(origin?.options).toContainEqual({ id: 'API', label: 'API' });
  });

  it('mixes number, string and boolean option ids, as recorded', async () => {
    const fields = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    const byKey = new Map(fields.map((field) => [field.key, field]));
    expect(byKey.get('is_archived')).toMatchObject({
      name: 'Archive status',
      options: [
        { id: false, label: 'Not archived' },
        { id: true, label: 'Archived' },
      ],
    });
    expect(byKey.get('status')?.options?.map((option) => option.id)).toEqual([
      'open',
      'lost',
      'won',
      'deleted',
    ]);
    const labels = byKey.get('label')?.options ?? [];
    expect(labels.length).toBeGreaterThan(1);
    for (const option of labels) {
      expect(option).toEqual({
        id: expect.any(Number),
        label: expect.any(String),
        color: expect.any(String),
      });
    }
  });

  it('has conditional mandatory flags as objects, as recorded', async () => {
    const fields = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    const flags = Object.fromEntries(fields.map((field) => [field.key, field.mandatory_flag]));
    expect(flags).toMatchObject({
      title: true,
      value: false,
      won_time: { status: '=won' },
      lost_reason: { status: '=lost' },
      org_id: { person_id: '<=0' },
      person_id: { org_id: '<=0' },
    });
  });

  it('sends every full item with the recorded properties, and times as "YYYY-MM-DD HH:MM:SS"', async () => {
    const fields = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    const optional = new Set(['options', 'use_field', 'link']);
    for (const field of fields.filter((item) => item.id !== null)) {
      expect(
        Object.keys(field).filter((key) => !optional.has(key)),
        field.key,
      ).toEqual(FULL_ITEM_KEYS);
      expect(field.add_time, field.key).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      if (field.update_time !== null)
        expect(field.update_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(fields.find((field) => field.key === 'title')).toMatchObject({ use_field: 'id', link: '/deal/' });
    expect(fields.some((field) => field.update_time === null)).toBe(true);
  });

  it('has an active custom field of every type, with the exported keys and names', async () => {
    const fields = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    for (const [type, key] of Object.entries(CUSTOM_FIELD_KEYS)) {
      const field = fields.find((candidate) => candidate.key === key);
      expect(field, type).toMatchObject({
        field_type: type,
        name: CUSTOM_FIELD_NAMES[type as CustomFieldType],
        edit_flag: true,
        active_flag: true,
        add_visible_flag: true,
      });
      expect(field).not.toHaveProperty('is_subfield');
      expect(key).toMatch(/^[0-9a-f]{40}$/);
    }
    const enumField = fields.find((field) => field.key === CUSTOM_FIELD_KEYS.enum);
    expect(enumField?.options?.map((option) => option.label)).toEqual([
      'Private person',
      'Company',
      'Government',
    ]);
    expect(fields.find((field) => field.key === CUSTOM_FIELD_KEYS.set)?.options?.length).toBeGreaterThan(1);
    expect(fields.find((field) => field.key === CUSTOM_FIELD_KEYS.varchar)).not.toHaveProperty('options');
  });

  it('marks exactly one custom field mandatory, and has one inactive custom field', async () => {
    const custom = ((await get('/api/v1/dealFields')).body.data as FieldItem[]).filter((f) => f.edit_flag);
    expect(custom.filter((field) => field.mandatory_flag === true).map((field) => field.key)).toEqual([
      MANDATORY_CUSTOM_FIELD_KEY,
    ]);
    expect(custom.filter((field) => !field.active_flag).map((field) => field.key)).toEqual([
      INACTIVE_CUSTOM_FIELD_KEY,
    ]);
  });

  it('varies the custom fields: one not in the add dialog, one required only for won deals', async () => {
    const custom = ((await get('/api/v1/dealFields')).body.data as FieldItem[]).filter(
      (field) => field.edit_flag && field.active_flag && field.id !== null,
    );
    expect(custom.filter((field) => field.add_visible_flag === false).map((field) => field.key)).toEqual([
      NOT_IN_ADD_DIALOG_CUSTOM_FIELD_KEY,
    ]);
    const conditional = custom.filter((field) => typeof field.mandatory_flag === 'object');
    expect(conditional).toEqual([
      expect.objectContaining({
        key: WON_ONLY_CUSTOM_FIELD_KEY,
        field_type: 'date',
        mandatory_flag: { status: '=won' },
        description: expect.any(String),
      }),
    ]);
  });

  it('follows each monetary field with its currency as a cut-down subfield item', async () => {
    const fields = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    const monetary = fields.filter((field) => field.field_type === 'monetary');
    expect(monetary.map((field) => field.key)).toEqual([
      'weighted_value',
      'value',
      CUSTOM_FIELD_KEYS.monetary,
    ]);
    for (const parent of monetary) {
      const subfield = fields[fields.indexOf(parent) + 1];
      expect(Object.keys(subfield ?? {})).toEqual(SUBFIELD_KEYS);
      expect(subfield).toMatchObject({
        id: null,
        field_type: 'varchar',
        edit_flag: parent.edit_flag,
        is_subfield: true,
        mandatory_flag: parent.mandatory_flag,
        parent_id: parent.id,
        id_suffix: 'currency',
      });
    }
    const keyAfter = (key: string) => fields[fields.findIndex((field) => field.key === key) + 1]?.key;
    expect(keyAfter('value')).toBe('currency');
    expect(keyAfter('weighted_value')).toBe('weighted_value_currency');
    expect(keyAfter(CUSTOM_FIELD_KEYS.monetary)).toBe(`${CUSTOM_FIELD_KEYS.monetary}_currency`);
    expect(fields.filter((field) => field.is_subfield)).toHaveLength(3);
  });

  it('offers the visibility options of the plan', async () => {
    const visibleTo = async (plan: 'growth' | 'premium') => {
      const own = createTestSandbox(createClock(), plan);
      const fields = (await (await apiGet(own, '/api/v1/dealFields', accessToken(own))).json()).data;
      return (fields as FieldItem[]).find((field) => field.key === 'visible_to')?.options;
    };
    expect(await visibleTo('growth')).toEqual([
      { id: 1, label: 'Item owner' },
      { id: 3, label: 'All users' },
    ]);
    // As recorded, with a typographic apostrophe (U+2019).
    expect(await visibleTo('premium')).toEqual([
      { id: 1, label: 'Item owner' },
      { id: 3, label: 'Item owner\u2019s visibility group' },
      { id: 5, label: 'Item owner\u2019s visibility group and sub-groups' },
      { id: 7, label: 'All users' },
    ]);
  });

  it('accepts any of the deal scopes and refuses a token without one', async () => {
    for (const scope of ['deals:read', 'deals:full', 'deal-fields:full', 'admin']) {
      expect((await get('/api/v1/dealFields', accessToken(sandbox, [scope]))).status, scope).toBe(200);
    }
    expect((await get('/api/v1/dealFields', accessToken(sandbox, ['base', 'leads:full']))).status).toBe(403);
  });
});
