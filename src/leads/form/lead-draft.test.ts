import { describe, expect, it } from 'vitest';
import { withDraft } from './lead-draft.ts';
import { emptyLeadForm } from './lead-form-schema.ts';

const blank = emptyLeadForm({ ownerId: 1, currency: 'EUR', customFields: [] });

describe('withDraft', () => {
  it('brings back what was typed and picked', () => {
    const draft = {
      title: 'Half done',
      person: { id: 1, name: 'Ada Lovelace' },
      labels: ['f08b42a0-4e75-41ea-9643-03698ef1cfd6'],
      value: { amount: '1500', currency: 'USD' },
      wasSeen: true,
    };
    expect(withDraft(blank, draft)).toEqual({ ...blank, ...draft });
  });

  it('ignores fields of the wrong shape and fields the form no longer has', () => {
    const draft = { title: 42, person: 'Ada', value: { amount: 5 }, gone: 'x' } as never;
    expect(withDraft(blank, draft)).toEqual(blank);
  });

  it('keeps custom fields the account still has, and only those', () => {
    const withCustom = { ...blank, custom: { abc: '', def: null } };
    const draft = { custom: { abc: 'kept', def: { id: 2, name: 'Globex' }, removed: 'dropped' } } as never;
    expect(withDraft(withCustom, draft).custom).toEqual({ abc: 'kept', def: { id: 2, name: 'Globex' } });
  });
});
