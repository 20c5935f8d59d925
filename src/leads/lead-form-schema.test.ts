import { describe, expect, it } from 'vitest';
import { leadFormSchema, PERSON_OR_ORGANIZATION } from './lead-form-schema.ts';

const person = { id: 7, name: 'Ada Lovelace' };
const organization = { id: 3, name: 'Globex Corporation' };

function issuesOf(input: unknown) {
  const result = leadFormSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('leadFormSchema', () => {
  it('accepts a title with a person, an organization, or both', () => {
    expect(issuesOf({ title: 'Deal', person, organization: null })).toEqual([]);
    expect(issuesOf({ title: 'Deal', person: null, organization })).toEqual([]);
    expect(issuesOf({ title: 'Deal', person, organization })).toEqual([]);
  });

  it('requires a title and trims it', () => {
    expect(issuesOf({ title: '   ', person, organization: null })).toEqual([
      ['title', 'Enter a title for the lead'],
    ]);
    expect(leadFormSchema.parse({ title: '  Deal  ', person, organization: null }).title).toBe('Deal');
  });

  it('puts the person-or-organization message on both pickers', () => {
    expect(issuesOf({ title: 'Deal', person: null, organization: null })).toEqual([
      ['person', PERSON_OR_ORGANIZATION],
      ['organization', PERSON_OR_ORGANIZATION],
    ]);
  });

  it('reports every problem of an empty form at once', () => {
    expect(issuesOf({ title: '', person: null, organization: null }).map(([path]) => path)).toEqual([
      'title',
      'person',
      'organization',
    ]);
  });

  it('rejects a picked contact without a usable id', () => {
    expect(issuesOf({ title: 'Deal', person: { id: 0, name: 'x' }, organization: null })[0]?.[0]).toBe(
      'person.id',
    );
  });
});
