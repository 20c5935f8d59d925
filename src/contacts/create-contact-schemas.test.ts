import { describe, expect, it } from 'vitest';
import {
  createFieldFor,
  createPersonSchema,
  toAddOrganizationRequest,
  toAddPersonRequest,
} from './create-contact-schemas.ts';

describe('inline create: person', () => {
  it('sends v2 lists of emails and phones, and the organization id', () => {
    const values = createPersonSchema.parse({
      name: ' Jane Roe ',
      email: 'jane@globex.example',
      phone: '+1 555 0100',
      organization: { id: 2, name: 'Globex Corporation' },
    });
    expect(toAddPersonRequest(values)).toEqual({
      name: 'Jane Roe',
      emails: [{ value: 'jane@globex.example', primary: true, label: 'work' }],
      phones: [{ value: '+1 555 0100', primary: true, label: 'work' }],
      org_id: 2,
    });
  });

  it('leaves out what was not given', () => {
    const values = createPersonSchema.parse({ name: 'Jane', email: '', phone: '', organization: null });
    expect(toAddPersonRequest(values)).toEqual({ name: 'Jane' });
  });

  it('asks for a name and an email in the right format', () => {
    const result = createPersonSchema.safeParse({
      name: ' ',
      email: 'jane at globex',
      phone: '',
      organization: null,
    });
    expect(result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'name',
      'email',
    ]);
  });
});

describe('inline create: organization', () => {
  it('sends the address as v2 does', () => {
    expect(toAddOrganizationRequest({ name: 'Quokka', address: '42 Harbour Road', website: '' })).toEqual({
      name: 'Quokka',
      address: { value: '42 Harbour Road' },
    });
    expect(toAddOrganizationRequest({ name: 'Quokka', address: '', website: '' })).toEqual({
      name: 'Quokka',
    });
  });
});

describe('createFieldFor', () => {
  it('places v2 validation messages on the dialog field they name', () => {
    expect(createFieldFor('Validation failed: emails[0].value: must be a valid email')).toBe('email');
    expect(createFieldFor('Validation failed: org_id: organization not found')).toBe('organization');
    expect(createFieldFor('Validation failed: name: must not be empty')).toBe('name');
    expect(createFieldFor('Something else went wrong')).toBeUndefined();
  });
});
