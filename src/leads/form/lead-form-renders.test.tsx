import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderLeadScreen } from '@/testing/render-lead-screen.tsx';
import { renderCountOf, resetRenderCounts } from '@/ui/render-probe.tsx';
import { FIELD_RENDER_PROBES, FORM_RENDER_PROBE } from './render-probes.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const TEN_LETTERS = 'Bench lead';
const TEN_DIGITS = '1234567890';

const selectOptionCount = (name: RegExp | string, inside: HTMLElement = document.body) =>
  (within(inside).getByRole('combobox', { name }) as HTMLSelectElement).options.length;

const valueGroup = () => screen.getByRole('group', { name: /^Value/ });
const amount = () => within(valueGroup()).getByRole('textbox', { name: 'Amount' });
/** Moving into the value reads the currencies: their arrival renders what shows them, once. */
const currenciesArrived = () =>
  waitFor(() => expect(selectOptionCount('Currency', valueGroup())).toBeGreaterThan(1));

/** Opening "Schedule a follow-up" reads the activity types: their arrival renders the type, once. */
async function openFollowUp(user: Awaited<ReturnType<typeof renderLeadScreen>>['user']) {
  await user.click(screen.getByText('Schedule a follow-up'));
  await waitFor(() => expect(selectOptionCount('Activity type')).toBeGreaterThan(1));
}

/** Opening "More about this lead" reads the colleagues and currencies its fields offer. */
async function openMoreAboutThisLead(user: Awaited<ReturnType<typeof renderLeadScreen>>['user']) {
  await user.click(screen.getByText('More about this lead'));
  await waitFor(() => expect(selectOptionCount(/^Sales engineer/)).toBeGreaterThan(1));
}

interface TextField {
  name: string;
  find: () => HTMLElement;
  text: string;
  /** What moving into the field sets off, which is not typing, to wait for before counting. */
  before?: (user: Awaited<ReturnType<typeof renderLeadScreen>>['user']) => Promise<unknown>;
  /** What the typing sets off later (a search's answer), to wait for before the count is read. */
  after?: () => Promise<unknown>;
}

/** Every field of the form the rep types text into, found as the rep finds it. */
const TEXT_FIELDS: readonly TextField[] = [
  { name: 'title', find: () => screen.getByRole('textbox', { name: 'Title' }), text: TEN_LETTERS },
  {
    name: 'amount',
    find: amount,
    text: TEN_DIGITS,
    before: async (user) => {
      await user.click(amount());
      await currenciesArrived();
    },
  },
  {
    name: 'person search',
    find: () => screen.getByRole('combobox', { name: 'Person' }),
    text: 'Ada Lovela',
    after: () => screen.findByRole('option', { name: /^Ada Lovelace/ }, { timeout: 3000 }),
  },
  {
    name: 'organization search',
    find: () => screen.getByRole('combobox', { name: 'Organization' }),
    text: 'Analytical',
    after: () => screen.findByRole('option', { name: /^Analytical Engines/ }, { timeout: 3000 }),
  },
  {
    name: 'source channel ID',
    find: () => screen.getByRole('textbox', { name: /^Source channel ID/ }),
    text: TEN_LETTERS,
    before: (user) => user.click(screen.getByText('Visibility and source')),
  },
  {
    name: 'source origin ID',
    find: () => screen.getByRole('textbox', { name: /^Source origin ID/ }),
    text: TEN_LETTERS,
    before: (user) => user.click(screen.getByText('Visibility and source')),
  },
  {
    name: 'note',
    find: () => screen.getByRole('textbox', { name: /^Note/ }),
    text: 'Call back\nsoon',
  },
  {
    name: 'title, with the follow-up open (its subject follows the title)',
    find: () => screen.getByRole('textbox', { name: 'Title' }),
    text: TEN_LETTERS,
    before: openFollowUp,
    after: () =>
      waitFor(() =>
        expect(screen.getByRole('textbox', { name: /^Subject/ })).toHaveProperty(
          'value',
          `Follow up: ${TEN_LETTERS}`,
        ),
      ),
  },
  {
    name: 'follow-up subject',
    find: () => screen.getByRole('textbox', { name: /^Subject/ }),
    text: TEN_LETTERS,
    before: openFollowUp,
  },
  {
    name: 'custom text field',
    find: () => screen.getByRole('textbox', { name: /^Lead source detail/ }),
    text: TEN_LETTERS,
    before: openMoreAboutThisLead,
  },
  {
    name: 'custom long text field',
    find: () => screen.getByRole('textbox', { name: /^Qualification notes/ }),
    text: TEN_LETTERS,
    before: openMoreAboutThisLead,
  },
  {
    name: 'custom number field',
    find: () => screen.getByRole('textbox', { name: /^Number of seats/ }),
    text: TEN_DIGITS,
    before: openMoreAboutThisLead,
  },
];

describe('typing re-renders the field typed in, never the whole form', () => {
  it.each(TEXT_FIELDS)('10 characters in the $name: 0 renders of the form', async (field) => {
    const { user } = await renderLeadScreen();
    await field.before?.(user);
    await user.click(field.find());
    resetRenderCounts();
    await user.keyboard(field.text);
    await field.after?.();

    expect(field.find()).toHaveProperty('value', field.text);
    expect(renderCountOf(FORM_RENDER_PROBE)).toBe(0);
  });

  it('the probes see it when they should: each keystroke in the title and the amount, and a form that does render', async () => {
    const { user } = await renderLeadScreen();
    await user.click(screen.getByRole('textbox', { name: 'Title' }));
    resetRenderCounts();
    await user.keyboard(TEN_LETTERS);
    expect(renderCountOf(FIELD_RENDER_PROBES.title)).toBeGreaterThanOrEqual(TEN_LETTERS.length);
    expect(renderCountOf(FIELD_RENDER_PROBES.value)).toBe(0);

    await user.click(amount());
    await currenciesArrived();
    resetRenderCounts();
    await user.keyboard(TEN_DIGITS);
    expect(renderCountOf(FIELD_RENDER_PROBES.value)).toBeGreaterThanOrEqual(TEN_DIGITS.length);
    expect(renderCountOf(FIELD_RENDER_PROBES.title)).toBe(0);

    // A submit with a person missing shows the error summary: the form itself renders.
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    await screen.findByRole('alert');
    expect(renderCountOf(FORM_RENDER_PROBE)).toBeGreaterThan(0);
  });
});
