import { describe, expect, it } from 'vitest';
import { apiErrorFrom, fieldNamedIn } from './api-error.ts';

describe('fieldNamedIn', () => {
  it('reads the field a Joi-style message starts with', () => {
    expect(fieldNamedIn('"owner_id" must be a number')).toBe('owner_id');
    expect(fieldNamedIn('"value.currency" is required')).toBe('value');
    expect(fieldNamedIn('"label_ids[0]" must be a valid GUID')).toBe('label_ids');
  });

  it('finds no field in rules about the whole body, which Joi calls "value"', () => {
    expect(fieldNamedIn('"value" must contain at least one of [person_id, organization_id]')).toBeUndefined();
    expect(fieldNamedIn('"value" contains [x_currency] without its required peers [x]')).toBeUndefined();
    expect(fieldNamedIn('"value" must be of type object')).toBe('value');
  });

  it('finds no field in generic texts', () => {
    expect(fieldNamedIn('Please check developers.pipedrive.com')).toBeUndefined();
    expect(fieldNamedIn('Object was not found.')).toBeUndefined();
    expect(fieldNamedIn(undefined)).toBeUndefined();
  });
});

describe('apiErrorFrom', () => {
  it("keeps Pipedrive's texts and the named field", () => {
    const error = apiErrorFrom(400, {
      success: false,
      error: 'provided dataset is not valid',
      error_info: '"person_id" must refer to an existing person',
    });
    expect(error.status).toBe(400);
    expect(error.message).toBe('provided dataset is not valid');
    expect(error.field).toBe('person_id');
    expect(error.reason).toBe('"person_id" must refer to an existing person');
  });

  it('survives a body that is not JSON', () => {
    const error = apiErrorFrom(502, undefined);
    expect(error.message).toBe('Pipedrive answered 502');
    expect(error.field).toBeUndefined();
  });
});
