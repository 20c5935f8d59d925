import type { Page } from '@playwright/test';
import { checkScreen } from './check-screen.ts';
import { expect, reloadSignedIn, signInWithApi, test } from './fixtures.ts';

const NARROW = { width: 375, height: 740 };
const WIDE = { width: 1280, height: 800 };

const valueGroup = (page: Page) => page.getByRole('group', { name: /^Value/ });
const visibleTo = (page: Page) => page.getByRole('combobox', { name: /^Visible to/ });

for (const mode of ['bff', 'spa'] as const) {
  test.describe(`${mode} mode`, () => {
    test('a label created inline is chosen, and is on the lead created', async ({ page }) => {
      const { leadForm, api } = await signInWithApi(page, mode);
      // Label names are the company's, shared by every test on this sandbox: one of this test's own.
      const name = `Fair ${mode} ${Date.now() % 1_000_000}`;
      await page.getByRole('button', { name: 'New label' }).click();
      const form = page.getByRole('group', { name: 'New label' });
      await expect(form.getByRole('textbox', { name: /^Name/ })).toBeFocused();

      // A name the company has is refused on the name field, before anything is sent.
      await form.getByRole('textbox', { name: /^Name/ }).fill('hot');
      await form.getByRole('button', { name: 'Create label' }).click();
      await expect(form.getByText('There is a label called “Hot” already')).toBeVisible();
      await expect(form.getByText('Choose a colour for the label')).toBeVisible();
      await expect(form.getByRole('textbox', { name: /^Name/ })).toHaveAttribute('aria-invalid', 'true');
      await checkScreen(page, `inline-label-form-errors-${mode}`);

      await form.getByRole('textbox', { name: /^Name/ }).fill(name);
      await form.getByRole('radio', { name: 'Purple' }).check();
      await checkScreen(page, `inline-label-form-${mode}`);
      await page.setViewportSize(NARROW);
      await checkScreen(page, `inline-label-form-${mode}`);
      await page.setViewportSize(WIDE);
      const labelCreated = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith('/v1/leadLabels'),
      );
      await form.getByRole('button', { name: 'Create label' }).click();
      const { data: label } = (await (await labelCreated).json()) as { data: { id: string } };

      const chip = page.getByRole('checkbox', { name });
      await expect(chip).toBeChecked();
      await expect(chip).toBeFocused();
      await expect(page.getByRole('status').filter({ hasText: `Label “${name}” created` })).toBeVisible();

      const leadId = await leadForm.createForFixturePerson(`Met at the fair ${mode} ${Date.now()}`);
      await expect(page.getByRole('list', { name: 'Labels' })).toHaveText(name);
      expect(await api.get(`/api/v1/leads/${leadId}`)).toMatchObject({ label_ids: [label.id] });
      const labels = (await api.get('/api/v1/leadLabels')) as Array<{
        id: string;
        name: string;
        color: string;
      }>;
      expect(labels.filter((entry) => entry.name === name)).toEqual([
        expect.objectContaining({ id: label.id, color: 'purple' }),
      ]);
    });

    test('the last lead’s choices stick across a reload, and Reset to account defaults resets them', async ({
      page,
    }) => {
      const { leadForm } = await signInWithApi(page, mode);
      await page.getByRole('checkbox', { name: 'Warm' }).check();
      await valueGroup(page).getByLabel('Amount').click();
      await expect(
        valueGroup(page).getByRole('combobox', { name: 'Currency' }).locator('option'),
      ).not.toHaveCount(1);
      await valueGroup(page).getByRole('combobox', { name: 'Currency' }).selectOption('USD');
      await page.getByText('Visibility and source').click();
      await visibleTo(page).selectOption({ label: 'All users' });
      await leadForm.createForFixturePerson(`Sets the defaults ${mode} ${Date.now()}`);
      await page.getByRole('button', { name: 'Create another' }).click();
      await expect(leadForm.heading).toBeVisible();

      await reloadSignedIn(page, mode);
      await expect(leadForm.heading).toBeVisible();
      await expect(page.getByRole('checkbox', { name: 'Warm' })).toBeChecked();
      await expect(valueGroup(page).getByRole('combobox', { name: 'Currency' })).toHaveValue('USD');
      await page.getByText('Visibility and source').click();
      await expect(visibleTo(page)).not.toHaveValue('');
      await expect(page.getByText('Currency, labels and visibility are as on your last lead.')).toBeVisible();
      await checkScreen(page, `sticky-defaults-${mode}`);

      await page.getByRole('button', { name: 'Reset to account defaults' }).click();
      const status = page.getByRole('status').filter({ hasText: 'back to your account’s defaults' });
      await expect(status).toBeFocused();
      await expect(page.getByRole('checkbox', { name: 'Warm' })).not.toBeChecked();
      await expect(valueGroup(page).getByRole('combobox', { name: 'Currency' })).toHaveValue('EUR');
      await expect(visibleTo(page)).toHaveValue('');
      await expect(page.getByText('The lead you were typing is back')).toHaveCount(0);
      await checkScreen(page, `sticky-defaults-reset-${mode}`);

      await reloadSignedIn(page, mode);
      await expect(leadForm.heading).toBeVisible();
      await expect(page.getByRole('checkbox', { name: 'Warm' })).not.toBeChecked();
      await expect(page.getByRole('button', { name: 'Reset to account defaults' })).toHaveCount(0);
    });
  });
}
