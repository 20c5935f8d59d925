import { describe, expect, it } from 'vitest';
import { customFieldsOf, type DealField, dealOnlyRequirement, parseDealFieldsPage } from './deal-fields.ts';
import { reportSkipped } from './parse-leniently.ts';

const HEX = (digit: string) => digit.repeat(40);

function field(overrides: Partial<DealField> & { key: string }): DealField {
  return {
    id: 1,
    name: overrides.key,
    field_type: 'varchar',
    edit_flag: true,
    active_flag: true,
    mandatory_flag: false,
    add_visible_flag: true,
    options: null,
    ...overrides,
  };
}

describe('parseDealFieldsPage', () => {
  it('skips, and names, a field or an option it cannot read; keeps the rest of the page', () => {
    const page = parseDealFieldsPage(200, {
      success: true,
      data: [
        {
          key: 'is_archived',
          name: 'Archive status',
          field_type: 'enum',
          edit_flag: false,
          options: [
            { id: false, label: 'Not archived' },
            { id: true, label: 'Archived' },
            { id: { nested: 1 }, label: 'Odd' },
          ],
        },
        { name: 'No key at all', field_type: 'varchar' },
        {
          key: HEX('a'),
          name: 'Deadline',
          field_type: 'date',
          edit_flag: true,
          mandatory_flag: { status: '=won' },
          brand_new_flag: 'x',
        },
      ],
      additional_data: { pagination: { more_items_in_collection: true, next_start: 2 } },
    });
    expect(page.fields.map((item) => item.key)).toEqual(['is_archived', HEX('a')]);
    expect(page.fields[0]?.options?.map((option) => option.id)).toEqual([false, true]);
    expect(page.fields[1]?.mandatory_flag).toEqual({ status: '=won' });
    expect(page.skipped.map((entry) => `${entry.list} ${entry.item}`)).toEqual([
      'dealFields No key at all',
      'options of dealFields is_archived Odd',
    ]);
    expect(page.nextStart).toBe(2);
  });

  it('reads a property of the wrong type as "not said" instead of dropping the field', () => {
    const page = parseDealFieldsPage(200, {
      success: true,
      data: [
        {
          key: HEX('b'),
          name: 'Region',
          field_type: 'varchar',
          edit_flag: 'yes',
          add_visible_flag: 1,
          options: 'none',
        },
      ],
    });
    expect(page.skipped).toEqual([]);
    expect(page.fields[0]).toMatchObject({
      key: HEX('b'),
      edit_flag: false,
      add_visible_flag: undefined,
      options: null,
    });
  });
});

describe('customFieldsOf', () => {
  it('offers the active custom fields of an editable type that Pipedrive’s add dialog shows', () => {
    const offered = customFieldsOf([
      field({ key: 'title', edit_flag: false }),
      field({ key: HEX('1'), name: 'Shown' }),
      field({ key: HEX('2'), name: 'Not in the add dialog', add_visible_flag: false }),
      field({
        key: HEX('3'),
        name: 'Required, so offered anyway',
        add_visible_flag: false,
        mandatory_flag: true,
      }),
      field({ key: HEX('4'), name: 'Inactive', active_flag: false }),
      field({ key: HEX('5'), name: 'A picture', field_type: 'picture' }),
      field({ key: HEX('6'), name: 'Restricted', restriction_settings: [{ permission_set_id: 'x' }] }),
      field({ key: HEX('7'), name: 'Restricted to users', user_restrictions: { edit: [1] } }),
      field({ key: HEX('8'), name: 'No restrictions', restriction_settings: [], user_restrictions: null }),
      field({ key: `${HEX('1')}_currency`, name: 'A subfield', is_subfield: true }),
    ]);
    expect(offered.map((item) => item.name)).toEqual([
      'Shown',
      'Required, so offered anyway',
      'No restrictions',
    ]);
  });

  it('drops option ids a custom field cannot send back (booleans)', () => {
    const [offered] = customFieldsOf([
      field({
        key: HEX('9'),
        field_type: 'enum',
        options: [
          { id: 1, label: 'One' },
          { id: true, label: 'Yes' },
          { id: 'b', label: 'Bee' },
        ],
      }),
    ]);
    expect(offered?.options?.map((option) => option.id)).toEqual([1, 'b']);
  });
});

describe('dealOnlyRequirement', () => {
  it('says a field required only on won or lost deals may stay empty on a lead', () => {
    expect(dealOnlyRequirement({ mandatory_flag: { status: '=won' } })).toBe(
      'Required for won deals in Pipedrive; a lead can be created without it.',
    );
    expect(dealOnlyRequirement({ mandatory_flag: { person_id: '<=0' } })).toBe(
      'Required for some deals in Pipedrive; a lead can be created without it.',
    );
    expect(dealOnlyRequirement({ mandatory_flag: true })).toBeUndefined();
    expect(dealOnlyRequirement({ mandatory_flag: false })).toBeUndefined();
  });
});

describe('reportSkipped', () => {
  it('lists each skipped item once, however often the list is read', () => {
    const lines: string[] = [];
    const skipped = [{ list: 'dealFields', item: 'x-once', reason: 'odd' }];
    reportSkipped(skipped, (line) => lines.push(line));
    reportSkipped(skipped, (line) => lines.push(line));
    expect(lines).toEqual(['QuickLead skipped dealFields item x-once: odd']);
  });
});
