import { describe, expect, it } from 'vitest';
import {
  CUSTOM_FIELD_KEYS,
  CUSTOM_FIELD_NAMES,
  type CustomFieldType,
  INACTIVE_CUSTOM_FIELD_KEY,
  MANDATORY_CUSTOM_FIELD_KEY,
} from './custom-field-keys.ts';
import { accessToken, apiGet, createClock, createTestSandbox } from './test-support.ts';

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
  mandatory_flag: boolean;
  is_subfield: boolean;
  options: Array<{ id: number | string; label: string; alt_id?: string }> | null;
  parent_id?: number;
  id_suffix?: string;
}

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
  it('returns the fixed list of REFERENCE §2.7 for 2 tokens', async () => {
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
      title: 'varchar',
      value: 'monetary',
      owner_id: 'user',
      person_id: 'people',
      org_id: 'org',
      expected_close_date: 'date',
      visible_to: 'visible_to',
      channel: 'enum',
      channel_id: 'varchar',
      origin: 'enum',
      origin_id: 'varchar',
    });
    expect(types).toHaveProperty('currency');
    expect(types).toHaveProperty('label');
    const channel = fields.find((field) => field.key === 'channel');
    expect(channel?.options?.map((option) => option.id)).toEqual([64, 65, 66, 67, 68, 69, 70, 71, 72]);
    expect(channel?.options?.[0]).toEqual({ id: 64, label: 'Prospector', alt_id: 'prospector' });
    const origin = fields.find((field) => field.key === 'origin');
    expect(origin?.options?.every((option) => typeof option.id === 'string')).toBe(true);
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
        is_subfield: false,
      });
      expect(key).toMatch(/^[0-9a-f]{40}$/);
    }
    const enumField = fields.find((field) => field.key === CUSTOM_FIELD_KEYS.enum);
    expect(enumField?.options?.map((option) => option.label)).toEqual([
      'Private person',
      'Company',
      'Government',
    ]);
    expect(fields.find((field) => field.key === CUSTOM_FIELD_KEYS.set)?.options?.length).toBeGreaterThan(1);
  });

  it('marks exactly one custom field mandatory, and has one inactive custom field', async () => {
    const custom = ((await get('/api/v1/dealFields')).body.data as FieldItem[]).filter((f) => f.edit_flag);
    expect(custom.filter((field) => field.mandatory_flag).map((field) => field.key)).toEqual([
      MANDATORY_CUSTOM_FIELD_KEY,
    ]);
    expect(custom.filter((field) => !field.active_flag).map((field) => field.key)).toEqual([
      INACTIVE_CUSTOM_FIELD_KEY,
    ]);
  });

  it('follows the monetary custom field with its currency subfield', async () => {
    const fields = (await get('/api/v1/dealFields')).body.data as FieldItem[];
    const index = fields.findIndex((field) => field.key === CUSTOM_FIELD_KEYS.monetary);
    expect(fields[index + 1]).toMatchObject({
      id: null,
      key: `${CUSTOM_FIELD_KEYS.monetary}_currency`,
      is_subfield: true,
      parent_id: fields[index]?.id,
      id_suffix: 'currency',
    });
    expect(fields.filter((field) => field.is_subfield)).toHaveLength(1);
  });

  it('offers the visibility options of the plan', async () => {
    const visibleTo = async (plan: 'growth' | 'premium') => {
      const own = createTestSandbox(createClock(), plan);
      const fields = (await (await apiGet(own, '/api/v1/dealFields', accessToken(own))).json()).data;
      return (fields as FieldItem[]).find((field) => field.key === 'visible_to')?.options;
    };
    expect(await visibleTo('growth')).toEqual([
      { id: 1, label: 'Owner & followers' },
      { id: 3, label: 'Entire company' },
    ]);
    expect(await visibleTo('premium')).toEqual([
      { id: 1, label: 'Owner only' },
      { id: 3, label: "Owner's visibility group" },
      { id: 5, label: "Owner's visibility group and sub-groups" },
      { id: 7, label: 'Entire company' },
    ]);
  });

  it('accepts any of the deal scopes and refuses a token without one', async () => {
    for (const scope of ['deals:read', 'deals:full', 'deal-fields:full', 'admin']) {
      expect((await get('/api/v1/dealFields', accessToken(sandbox, [scope]))).status, scope).toBe(200);
    }
    expect((await get('/api/v1/dealFields', accessToken(sandbox, ['base', 'leads:full']))).status).toBe(403);
  });
});
