import { describe, expect, it } from 'vitest';
import type { ProposedItem } from './contact-proposal.ts';
import { destinationText, planFill, reviewedItemsOf } from './fill-plan.ts';

const item = (key: ProposedItem['key'], value: string, extra: Partial<ProposedItem> = {}): ProposedItem => ({
  key,
  value,
  from: value,
  ...extra,
});

describe('reviewedItemsOf', () => {
  it('ticks each value except those in doubt, and only the first of a one-value kind', () => {
    const reviewed = reviewedItemsOf([
      item('name', 'Sarah Connor', { doubt: 'two names' }),
      item('name', 'Kyle Reese', { doubt: 'two names' }),
      item('email', 'a@x.example'),
      item('email', 'b@x.example'),
      item('phone', '01 234', { doubt: 'no country' }),
      item('website', 'https://one.example'),
      item('website', 'https://two.example'),
    ]);
    expect(reviewed.map((one) => one.use)).toEqual([false, false, true, true, false, true, false]);
  });
});

describe('planFill', () => {
  it('sends name, first email and phone to the person, organization with its address and website, the rest to the note', () => {
    const reviewed = reviewedItemsOf([
      item('name', 'Anna Schmidt'),
      item('email', 'anna@globex.example'),
      item('email', 'sales@globex.example'),
      item('phone', '+49 30 1234567'),
      item('jobTitle', 'Head of Sales'),
      item('organization', 'Globex GmbH'),
      item('website', 'www.globex.example'),
      item('address', 'Friedrichstraße 123, 10117 Berlin'),
    ]);
    expect(planFill(reviewed)).toEqual({
      person: { name: 'Anna Schmidt', email: 'anna@globex.example', phone: '+49 30 1234567' },
      organization: {
        name: 'Globex GmbH',
        address: 'Friedrichstraße 123, 10117 Berlin',
        website: 'www.globex.example',
      },
      noteLines: ['Email: sales@globex.example', 'Job title: Head of Sales'],
    });
    expect(destinationText(reviewed[4] as never, reviewed)).toMatch(
      /^Goes to the lead’s note: Pipedrive people have no job title/,
    );
  });

  it('puts website and address in the note when no organization is used, and leaves out what is unticked or emptied', () => {
    const reviewed = reviewedItemsOf([
      item('name', 'Anna Schmidt'),
      item('organization', 'Globex GmbH'),
      item('website', 'www.globex.example'),
      item('address', 'Friedrichstraße 123'),
      item('phone', '+49 30 1234567'),
    ]).map((one) =>
      one.key === 'organization'
        ? { ...one, use: false }
        : one.key === 'phone'
          ? { ...one, value: '  ' }
          : one,
    );
    expect(planFill(reviewed)).toEqual({
      person: { name: 'Anna Schmidt', email: '', phone: '' },
      noteLines: ['Website: www.globex.example', 'Address: Friedrichstraße 123'],
    });
    expect(destinationText(reviewed[1] as never, reviewed)).toBe('Not used');
  });
});
