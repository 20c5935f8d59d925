import { zodResolver } from '@hookform/resolvers/zod';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, type UseFormReturn, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CustomField } from '@/pipedrive/deal-fields.ts';
import { TransportProvider } from '@/pipedrive/transport-context.tsx';
import { isShown } from '@/testing/is-shown.ts';
import { createSandboxTransport } from '@/testing/sandbox-transport.ts';
import {
  FIXTURE_CURRENCIES,
  FIXTURE_FIELDS,
  FIXTURE_USERS,
  fixtureField,
  FIXTURE_KEYS as K,
} from '../../testing/custom-field-fixtures.ts';
import { CustomFieldInputs, customFieldControlId } from './custom-field-inputs.tsx';
import { customFieldsSchema } from './custom-field-schema.ts';
import {
  type CustomFieldFormValues,
  type CustomFieldValues,
  emptyCustomFieldValues,
} from './custom-field-values.ts';
import { toCustomFieldPayload } from './to-custom-field-payload.ts';

afterEach(cleanup);

type FormInput = { custom: CustomFieldFormValues };
type FormOutput = { custom: CustomFieldValues };

/** The inputs inside a form like the lead form: zod resolver, validated on submit, the sandbox behind the pickers. */
function renderInputs(fields: CustomField[] = FIXTURE_FIELDS) {
  const schema = z.object({
    custom: customFieldsSchema(fields, { currencies: FIXTURE_CURRENCIES, users: FIXTURE_USERS }),
  });
  const { transport } = createSandboxTransport();
  const onSubmit = vi.fn<(values: FormOutput) => void>();
  const form: { current?: UseFormReturn<FormInput, unknown, FormOutput> } = {};
  function Harness() {
    const methods = useForm<FormInput, unknown, FormOutput>({
      resolver: zodResolver(schema),
      defaultValues: { custom: emptyCustomFieldValues(fields, { defaultCurrency: 'EUR' }) },
      mode: 'onSubmit',
      reValidateMode: 'onChange',
      shouldFocusError: false,
    });
    form.current = methods;
    return (
      <FormProvider {...methods}>
        <form noValidate onSubmit={methods.handleSubmit(onSubmit)}>
          <CustomFieldInputs fields={fields} currencies={FIXTURE_CURRENCIES} users={FIXTURE_USERS} />
          <button type="submit">Create lead</button>
        </form>
      </FormProvider>
    );
  }
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  render(
    <QueryClientProvider client={client}>
      <TransportProvider transport={transport}>
        <Harness />
      </TransportProvider>
    </QueryClientProvider>,
  );
  const formValue = (key: string) => form.current?.getValues(`custom.${key}`);
  return { user: userEvent.setup(), onSubmit, formValue };
}

/** The accessible name of an optional field; jsdom drops the space before the label suffix. */
const optionalName = (label: string) => new RegExp(`^${label}\\s*\\(optional\\)$`);

const controlOf = (key: string) => {
  const control = document.getElementById(customFieldControlId(key));
  if (!control) throw new Error(`no control for ${key}`);
  return control;
};

describe('CustomFieldInputs', () => {
  it('labels every field, marks the optional ones, and gives each first control the field id', () => {
    renderInputs();
    const single: Array<[string, string]> = [
      [K.campaignCode, 'Campaign code'],
      [K.industry, 'Industry (optional)'],
      [K.background, 'Background (optional)'],
      [K.switchboard, 'Switchboard (optional)'],
      [K.siteAddress, 'Site address (optional)'],
      [K.dealSize, 'Deal size (optional)'],
      [K.probability, 'Probability (optional)'],
      [K.renewalDate, 'Renewal date (optional)'],
      [K.bestTimeToCall, 'Best time to call (optional)'],
      [K.customerType, 'Customer type'],
      [K.accountManager, 'Account manager (optional)'],
      [K.partnerOrganization, 'Partner organization (optional)'],
      [K.referrer, 'Referrer (optional)'],
    ];
    for (const [key, label] of single) expect(screen.getByLabelText(label)).toBe(controlOf(key));

    const groups: Array<[string, string, string]> = [
      [K.contractValue, 'Contract value', 'Amount'],
      [K.contractPeriod, 'Contract period', 'Start'],
      [K.openingHours, 'Opening hours', 'Start'],
      [K.interests, 'Interests', 'Hardware'],
    ];
    for (const [key, legend, first] of groups) {
      const group = screen.getByRole('group', { name: optionalName(legend) });
      expect(within(group).getByLabelText(first)).toBe(controlOf(key));
    }
    expect(screen.getByRole('combobox', { name: 'Currency' })).toHaveProperty('value', 'EUR');
    expect(screen.getAllByLabelText('End').map((end) => end.id)).toEqual([
      `${customFieldControlId(K.contractPeriod)}-until`,
      `${customFieldControlId(K.openingHours)}-until`,
    ]);
  });

  it('fits each control to its type', () => {
    renderInputs();
    expect(controlOf(K.background).tagName).toBe('TEXTAREA');
    expect(controlOf(K.switchboard).getAttribute('type')).toBe('tel');
    expect(controlOf(K.switchboard).getAttribute('autocomplete')).toBe('off');
    expect(controlOf(K.dealSize).getAttribute('inputmode')).toBe('decimal');
    expect(controlOf(K.probability).getAttribute('inputmode')).toBe('numeric');
    expect(controlOf(K.contractValue).getAttribute('inputmode')).toBe('decimal');
    expect(controlOf(K.renewalDate).getAttribute('type')).toBe('date');
    expect(controlOf(K.contractPeriod).getAttribute('type')).toBe('date');
    expect(controlOf(K.bestTimeToCall).getAttribute('type')).toBe('time');
    expect(controlOf(K.openingHours).getAttribute('type')).toBe('time');
    const enumOptions = within(controlOf(K.customerType))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(enumOptions).toEqual(['Select an option', 'Private person', 'Company', 'Government']);
    // Only users who can be assigned are offered.
    const users = within(controlOf(K.accountManager))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(users).toEqual(['Not set', 'Maria Lopez', 'Ken Adams']);
  });

  it('keeps what is typed, picked and ticked at custom.<key>', async () => {
    const { user, formValue } = renderInputs();
    await user.type(controlOf(K.industry), 'Retail');
    await user.type(controlOf(K.background), 'Met at the fair.');
    await user.type(controlOf(K.dealSize), '1 234.5');
    await user.type(controlOf(K.contractValue), '99.90');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'JPY');
    await user.type(controlOf(K.renewalDate), '2026-12-31');
    await user.type(controlOf(K.contractPeriod), '2026-01-01');
    await user.type(
      screen.getByLabelText('End', { selector: `#${customFieldControlId(K.contractPeriod)}-until` }),
      '2026-06-30',
    );
    await user.type(controlOf(K.bestTimeToCall), '09:30');
    await user.selectOptions(controlOf(K.customerType), 'Company');
    await user.click(screen.getByRole('checkbox', { name: 'Support' }));
    await user.click(screen.getByRole('checkbox', { name: 'Hardware' }));
    await user.selectOptions(controlOf(K.accountManager), 'Ken Adams');

    expect(formValue(K.industry)).toBe('Retail');
    expect(formValue(K.background)).toBe('Met at the fair.');
    expect(formValue(K.dealSize)).toBe('1 234.5');
    expect(formValue(K.contractValue)).toEqual({ amount: '99.90', currency: 'JPY' });
    expect(formValue(K.renewalDate)).toBe('2026-12-31');
    expect(formValue(K.contractPeriod)).toEqual({ from: '2026-01-01', until: '2026-06-30' });
    expect(formValue(K.bestTimeToCall)).toBe('09:30');
    expect(formValue(K.customerType)).toBe('191');
    expect(formValue(K.interests)).toEqual(['31', '33']);
    expect(formValue(K.accountManager)).toBe('2');

    await user.click(screen.getByRole('checkbox', { name: 'Support' }));
    expect(formValue(K.interests)).toEqual(['31']);
  });

  it('picks a person for a people field by search', async () => {
    const { user, formValue } = renderInputs();
    await user.type(screen.getByRole('combobox', { name: optionalName('Referrer') }), 'Lovelace');
    await user.click(await screen.findByRole('option', { name: /^Ada Lovelace/ }, { timeout: 3000 }));
    expect(formValue(K.referrer)).toEqual({ id: 1, name: 'Ada Lovelace' });
  });

  it('shows the message at a mandatory field left empty, and submits nothing', async () => {
    const { user, onSubmit } = renderInputs();
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const campaign = controlOf(K.campaignCode);
    await waitFor(() => expect(campaign.getAttribute('aria-invalid')).toBe('true'));
    const errorId = `${customFieldControlId(K.campaignCode)}-error`;
    expect(campaign.getAttribute('aria-describedby')).toContain(errorId);
    expect(document.getElementById(errorId)?.textContent).toBe('Error: Enter Campaign code');
    expect(controlOf(K.customerType).getAttribute('aria-invalid')).toBe('true');
    expect(isShown(screen.getByText('Select Customer type'))).toBe(true);
    expect(controlOf(K.industry).getAttribute('aria-invalid')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows a pair’s message on its fieldset and marks its controls', async () => {
    const { user } = renderInputs();
    await user.type(controlOf(K.contractValue), '1.999');
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    const group = screen.getByRole('group', { name: /^Contract value/ });
    await waitFor(() => expect(controlOf(K.contractValue).getAttribute('aria-invalid')).toBe('true'));
    expect(isShown(within(group).getByText('Contract value can have at most 2 decimal places'))).toBe(true);
    expect(group.getAttribute('aria-describedby')).toBe(`${customFieldControlId(K.contractValue)}-error`);
    expect(screen.getByRole('combobox', { name: 'Currency' }).getAttribute('aria-invalid')).toBe('true');

    // After a failed submit the field re-checks as it changes, so fixing either control clears it.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'BHD');
    await waitFor(() => expect(controlOf(K.contractValue).getAttribute('aria-invalid')).toBeNull());
    expect(within(group).queryByText(/decimal places/)).toBeNull();
  });

  it('clears a set’s message once an option is ticked', async () => {
    const { user } = renderInputs([{ ...fixtureField(K.interests), mandatory_flag: true }]);
    await user.click(screen.getByRole('button', { name: 'Create lead' }));
    expect(
      (await screen.findByText('Select at least one option for Interests')).closest(
        '[hidden], [aria-hidden="true"]',
      ),
    ).toBeNull();
    expect(isShown(screen.getByRole('group', { name: 'Interests' }))).toBe(true);
    expect(screen.getByRole('checkbox', { name: 'Hardware' }).getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('checkbox', { name: 'Software' }));
    await waitFor(() => expect(screen.queryByText('Select at least one option for Interests')).toBeNull());
  });

  it('submits the parsed values, which map to the v1 payload', async () => {
    const { user, onSubmit } = renderInputs();
    await user.type(controlOf(K.campaignCode), ' SPRING-26 ');
    await user.selectOptions(controlOf(K.customerType), 'Government');
    await user.type(controlOf(K.contractValue), '1 500');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Currency' }), 'JPY');
    await user.type(controlOf(K.openingHours), '08:00');
    await user.type(
      screen.getByLabelText('End', { selector: `#${customFieldControlId(K.openingHours)}-until` }),
      '17:30',
    );
    await user.click(screen.getByRole('button', { name: 'Create lead' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const values = onSubmit.mock.calls[0]?.[0];
    expect(toCustomFieldPayload(FIXTURE_FIELDS, values?.custom ?? {})).toEqual({
      [K.campaignCode]: 'SPRING-26',
      [K.contractValue]: 1500,
      [`${K.contractValue}_currency`]: 'JPY',
      [K.openingHours]: '08:00:00',
      [`${K.openingHours}_until`]: '17:30:00',
      [K.customerType]: 192,
    });
  });
});
