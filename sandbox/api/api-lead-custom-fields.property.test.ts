import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCIES } from '../company/currencies.ts';
import {
  CUSTOM_FIELD_OPTION_IDS,
  type CustomFieldType,
  CUSTOM_FIELD_KEYS as K,
} from '../company/custom-field-keys.ts';
import { FIXTURES, ORGANIZATION_COUNT, PERSON_COUNT } from '../seed/seed.ts';
import { accessToken, apiGet, apiPostJson, createClock, createTestSandbox } from '../testing/test-support.ts';

// Hundreds of generated leads at one frozen instant: this is about validation, not pace, so the
// rate limits only count here (they have tests of their own in sandbox/store/rate-limits.test.ts).
const sandbox = createTestSandbox(createClock(), undefined, { enforceRateLimits: false });
const token = accessToken(sandbox);
const base = { title: 'Property lead', organization_id: FIXTURES.globex.organizationId };

/** A body fragment for one field and what GET must return for it. */
interface Generated {
  body: Record<string, unknown>;
  expected: Record<string, unknown>;
}

const same = (body: Record<string, unknown>): Generated => ({ body, expected: body });

const text = (max: number) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }).filter((value) => value.length <= max);
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const two = (value: number) => String(value).padStart(2, '0');
/** A time as sent ("HH:MM" or "HH:MM:SS") and as stored ("HH:MM:SS"). */
const clock = fc
  .tuple(
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
    fc.option(fc.integer({ min: 0, max: 59 })),
  )
  .map(([hours, minutes, seconds]) => {
    const short = `${two(hours)}:${two(minutes)}`;
    return {
      sent: seconds === null ? short : `${short}:${two(seconds)}`,
      stored: `${short}:${two(seconds ?? 0)}`,
    };
  });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const activeCodes = CURRENCIES.filter((entry) => entry.active_flag).map((entry) => entry.code);
const activeUsers = sandbox.store.crm.users.filter((user) => user.activeFlag).map((user) => user.id);
const setOptions = Object.values(CUSTOM_FIELD_OPTION_IDS.set);

const VALID: Record<CustomFieldType, fc.Arbitrary<Generated>> = {
  varchar: text(255).map((value) => same({ [K.varchar]: value })),
  varchar_auto: text(255).map((value) => same({ [K.varchar_auto]: value })),
  text: text(2000).map((value) => same({ [K.text]: value })),
  phone: text(255).map((value) => same({ [K.phone]: value })),
  address: text(255).map((value) => same({ [K.address]: value })),
  double: finite.map((value) => same({ [K.double]: value })),
  int: fc.maxSafeInteger().map((value) => same({ [K.int]: value })),
  monetary: fc
    .tuple(finite, fc.constantFrom(...activeCodes))
    .map(([amount, code]) => same({ [K.monetary]: amount, [`${K.monetary}_currency`]: code })),
  date: isoDate.map((value) => same({ [K.date]: value })),
  daterange: fc
    .tuple(isoDate, isoDate)
    .map(([a, b]) => (a <= b ? [a, b] : [b, a]))
    .map(([from, until]) => same({ [K.daterange]: from, [`${K.daterange}_until`]: until })),
  time: clock.map((time) => ({ body: { [K.time]: time.sent }, expected: { [K.time]: time.stored } })),
  // Any order: a time range may run past midnight.
  timerange: fc.tuple(clock, clock).map(([from, until]) => ({
    body: { [K.timerange]: from.sent, [`${K.timerange}_until`]: until.sent },
    expected: { [K.timerange]: from.stored, [`${K.timerange}_until`]: until.stored },
  })),
  enum: fc.constantFrom(...Object.values(CUSTOM_FIELD_OPTION_IDS.enum)).map((id) => same({ [K.enum]: id })),
  set: fc
    .uniqueArray(fc.constantFrom(...setOptions), { minLength: 1 })
    .map((ids) => same({ [K.set]: ids.join(',') })),
  user: fc.constantFrom(...activeUsers).map((id) => same({ [K.user]: id })),
  org: fc.integer({ min: 1, max: ORGANIZATION_COUNT }).map((id) => same({ [K.org]: id })),
  people: fc.integer({ min: 1, max: PERSON_COUNT }).map((id) => same({ [K.people]: id })),
};

/** What the JSON wire does to a value (e.g. -0 becomes 0). */
const overTheWire = (value: Record<string, unknown>) => JSON.parse(JSON.stringify(value));

describe('custom field round trip (property)', () => {
  it('any set of valid custom values comes back from GET exactly, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record(VALID, { requiredKeys: [] }), async (fields) => {
        const parts = Object.values(fields) as Generated[];
        const body = Object.assign({ ...base }, ...parts.map((part) => part.body));
        const expected = overTheWire(Object.assign({}, ...parts.map((part) => part.expected)));
        const created = await apiPostJson(sandbox, '/api/v1/leads', token, body);
        const createdBody = await created.json();
        expect(created.status, JSON.stringify(createdBody)).toBe(201);
        const got = (await (await apiGet(sandbox, `/api/v1/leads/${createdBody.data.id}`, token)).json())
          .data;
        const custom = Object.fromEntries(Object.entries(got).filter(([key]) => /^[0-9a-f]{40}/.test(key)));
        expect(custom).toEqual(expected);
        expect(got).toEqual(createdBody.data);
      }),
      { numRuns: 150 },
    );
  });

  it('any date range that ends before it starts is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(isoDate, isoDate, async (a, b) => {
        fc.pre(a !== b);
        const [from, until] = a > b ? [a, b] : [b, a];
        const response = await apiPostJson(sandbox, '/api/v1/leads', token, {
          ...base,
          [K.daterange]: from,
          [`${K.daterange}_until`]: until,
        });
        expect(response.status).toBe(400);
        expect((await response.json()).error_info).toBe(
          `"${K.daterange}_until" must be greater than or equal to "ref:${K.daterange}"`,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('any non-integer number for the int field is rejected', async () => {
    await fc.assert(
      fc.asyncProperty(
        finite.filter((value) => !Number.isInteger(value)),
        async (value) => {
          const response = await apiPostJson(sandbox, '/api/v1/leads', token, { ...base, [K.int]: value });
          expect((await response.json()).error_info).toBe(`"${K.int}" must be an integer`);
        },
      ),
      { numRuns: 100 },
    );
  });
});
