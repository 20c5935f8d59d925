import { describe, expect, it } from 'vitest';
import { formFieldFor, toAddLeadRequest } from './to-add-lead-request.ts';

describe('toAddLeadRequest', () => {
  it('sends the ids of the picked contacts', () => {
    expect(
      toAddLeadRequest({
        title: 'Globex renewal',
        person: { id: 12, name: 'Ada Lovelace' },
        organization: { id: 3, name: 'Globex Corporation' },
      }),
    ).toEqual({ title: 'Globex renewal', person_id: 12, organization_id: 3 });
  });

  it('omits an unpicked contact instead of sending null', () => {
    const body = toAddLeadRequest({ title: 'Solo', person: null, organization: { id: 3, name: 'Globex' } });
    expect(body).toEqual({ title: 'Solo', organization_id: 3 });
    expect(Object.values(body)).not.toContain(null);
    expect('person_id' in body).toBe(false);
  });

  it('trims the title', () => {
    expect(
      toAddLeadRequest({ title: '  Spaced  ', person: { id: 1, name: 'A' }, organization: null }).title,
    ).toBe('Spaced');
  });
});

describe('formFieldFor', () => {
  it('maps request keys named by Pipedrive errors to form fields', () => {
    expect(formFieldFor('person_id')).toBe('person');
    expect(formFieldFor('organization_id')).toBe('organization');
    expect(formFieldFor('title')).toBe('title');
    expect(formFieldFor('visible_to')).toBeUndefined();
    expect(formFieldFor(undefined)).toBeUndefined();
  });
});
