import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { customFieldsOf } from '@/pipedrive/deal-fields.ts';
import { TransportProvider } from '@/pipedrive/transport-context.tsx';
import { isShown } from '@/testing/is-shown.ts';
import { recordedReferenceData, recordedTransport } from '@/testing/recorded-reference.ts';
import {
  RECORDED_AVAILABLE,
  RECORDED_DIR,
  recordedFor,
} from '../../../sandbox/testing/recorded-responses.ts';
import { customFieldControlId } from '../custom-fields/custom-field-inputs.tsx';
import { LeadScreen } from '../lead-screen.tsx';

if (!RECORDED_AVAILABLE) {
  console.warn(`Skipping the recorded dealFields form tests: no recordings in ${RECORDED_DIR}`);
}

/** Built-in deal fields the form has a place of its own for, under its own label. */
const OWN_PLACES = new Set([
  'title',
  'value',
  'currency',
  'person_id',
  'org_id',
  'owner_id',
  'label',
  'visible_to',
  'channel',
  'channel_id',
  'origin_id',
  'expected_close_date',
]);

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const recordings = recordedFor('get-v1-dealFields');

describe.skipIf(!RECORDED_AVAILABLE)(
  'the lead form from each dealFields recorded from live Pipedrive',
  () => {
    it.each(recordings.map((response) => [response.file, response] as const))(
      '%s',
      async (_file, response) => {
        const reference = await recordedReferenceData(response);
        render(
          <QueryClientProvider client={new QueryClient()}>
            <TransportProvider transport={recordedTransport({ status: 500, body: {} })}>
              <LeadScreen
                reference={reference}
                locale="en-GB"
                webUrlOf={(id) => `https://example.test/${id}`}
                dealUrlOf={(id) => `https://example.test/deal/${id}`}
              />
            </TransportProvider>
          </QueryClientProvider>,
        );

        expect(isShown(screen.getByRole('heading', { level: 1, name: 'New lead' }))).toBe(true);
        expect(screen.getByRole('button', { name: 'Create lead' }).hasAttribute('disabled')).toBe(false);

        // Every usable custom field is there, each with a control of its own.
        const offered = customFieldsOf(reference.dealFields);
        for (const field of offered) {
          expect(document.getElementById(customFieldControlId(field.key)), field.name).not.toBeNull();
        }

        // No built-in without a place of its own becomes a field, whatever its type or flags.
        const form = screen.getByRole('form', { name: 'New lead' });
        const builtIns = reference.dealFields.filter(
          (field) => !field.edit_flag && !OWN_PLACES.has(field.key),
        );
        expect(builtIns.length).toBeGreaterThan(0);
        for (const field of builtIns) {
          expect(within(form).queryByLabelText(field.name, { exact: true }), field.name).toBeNull();
        }
      },
    );

    it('the production dump offers "Deadline" but not "PO no.", which is not in Pipedrive’s add dialog, and the recorded visibility and channel options', async () => {
      const [dump] = recordings.filter((response) => response.file.includes('gyptech'));
      if (!dump) throw new Error('the recorded production dealFields dump is missing');
      render(
        <QueryClientProvider client={new QueryClient()}>
          <TransportProvider transport={recordedTransport({ status: 500, body: {} })}>
            <LeadScreen
              reference={await recordedReferenceData(dump)}
              locale="en-GB"
              webUrlOf={(id) => `https://example.test/${id}`}
              dealUrlOf={(id) => `https://example.test/deal/${id}`}
            />
          </TransportProvider>
        </QueryClientProvider>,
      );
      expect(screen.getByLabelText(/^Deadline/).hasAttribute('disabled')).toBe(false);
      expect(screen.queryByLabelText(/^PO no\./)).toBeNull();
      const visibility = screen.getByRole('combobox', { name: /Visible to/ }) as HTMLSelectElement;
      expect([...visibility.options].map((option) => option.text)).toContain('Item owner’s visibility group');
      const channel = screen.getByRole('combobox', { name: /Source channel/ }) as HTMLSelectElement;
      expect([...channel.options].map((option) => option.text)).toContain('Web forms');
    });
  },
);
