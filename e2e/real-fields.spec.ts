import { checkScreen } from './check-screen.ts';
import { expect, signIn, test } from './fixtures.ts';
import { SANDBOX_FIXTURES } from './sandbox-accounts.ts';

interface FieldJson {
  key: string;
  name: string;
  mandatory_flag: unknown;
  options?: Array<{ id: unknown }> | null;
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 375, height: 740 },
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('the form loads from deal fields shaped as a live account sends them, and the card reads as text', async ({
      page,
    }) => {
      const fieldsAnswer = page.waitForResponse((response) => response.url().includes('/api/v1/dealFields'));
      const leadForm = await signIn(page);
      const fields = ((await (await fieldsAnswer).json()) as { data: FieldJson[] }).data;
      const byKey = new Map(fields.map((field) => [field.key, field]));
      // The built-ins that kept the form from loading on a real account are all there.
      expect(byKey.get('is_archived')?.options?.map((option) => option.id)).toEqual([false, true]);
      expect(byKey.get('won_time')?.mandatory_flag).toEqual({ status: '=won' });

      await page.getByText('More about this lead').click();
      const signedOn = page.getByRole('textbox', { name: /^Contract signed on/ });
      await expect(signedOn).toBeVisible();
      await expect(
        page.getByText('Required for won deals in Pipedrive; a lead can be created without it.'),
      ).toBeVisible();
      // Not in Pipedrive's add dialog, and built-ins that are no lead's to set.
      for (const name of ['Purchase order no.', 'Archive status', 'Status', 'Won time', 'Stage', 'Score']) {
        await expect(page.getByLabel(name, { exact: true })).toHaveCount(0);
      }
      await checkScreen(page, 'lead-form-more-fields');

      const title = `Real fields ${viewport.width} ${Date.now()}`;
      await leadForm.title.fill(title);
      await leadForm.pick(
        leadForm.organization,
        SANDBOX_FIXTURES.organization.search,
        SANDBOX_FIXTURES.organization.name,
      );
      await leadForm.fillMandatory();
      await page.getByRole('textbox', { name: /^Delivery address/ }).fill('1 Market Street, London');
      await page.getByText('Visibility and source').click();
      await page
        .getByRole('combobox', { name: /Visible to/ })
        .selectOption({ label: 'Item owner’s visibility group' });
      await leadForm.submitPastOpenLead();

      const card = leadForm.card;
      await expect(card.getByRole('heading', { level: 1, name: title })).toBeVisible();
      await expect(
        card.getByRole('definition').filter({ hasText: 'Item owner’s visibility group' }),
      ).toBeVisible();
      await expect(card.getByRole('definition').filter({ hasText: '1 Market Street, London' })).toBeVisible();
      await expect(card).not.toContainText('[object');
      await expect(card).not.toContainText('undefined');
      await checkScreen(page, 'created-lead-card-real-fields');
    });
  });
}
