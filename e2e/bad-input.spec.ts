import { expect, signInWithApi, test } from './fixtures.ts';
import { InspectorPanelPage } from './pages/inspector-panel-page.ts';

/**
 * Names and titles come from people and from Pipedrive: markup, emoji and right-to-left text must
 * be stored as typed and shown as text in the form, the pickers, the dialogs and the card.
 */
test('markup, emoji and right-to-left names are stored as typed and shown as text everywhere', async ({
  page,
}) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const { leadForm: form, api } = await signInWithApi(page);
  const stamp = Date.now();
  const organization = `<svg onload=alert(1)> مؤسسة النخيل 🌴 ${stamp}`;
  const title = `<img src=x onerror=alert(2)> עסקה חדשה 🎉 ${stamp}`;

  // The picker offers to create exactly what was typed, as text.
  await form.organization.fill(organization);
  await page.getByRole('option', { name: `Create organization “${organization}”` }).click();
  const create = page.getByRole('dialog', { name: 'Create organization' });
  await expect(create.getByRole('textbox', { name: 'Name' })).toHaveValue(organization);
  await create.getByRole('button', { name: 'Create organization' }).click();
  await expect(create).toBeHidden();
  await expect(form.organization).toHaveValue(organization);

  // A person whose name in Pipedrive holds markup, found by search.
  await form.person.fill('Bobby');
  const option = page.getByRole('option', { name: /^Bobby <img src=x onerror=alert\(1\)> Tables/ });
  await expect(option).toBeVisible();
  await expect(option).toContainText('Bobby <img src=x onerror=alert(1)> Tables');
  await option.click();

  await form.title.fill(title);
  await form.fillMandatory();
  await expect(page.locator('[onerror], [onload]')).toHaveCount(0);
  await form.submitPastOpenLead();

  const card = form.card;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(card.getByText(organization, { exact: true })).toBeVisible();
  await expect(card.getByText('Bobby <img src=x onerror=alert(1)> Tables', { exact: true })).toBeVisible();
  await expect(page.locator('[onerror], [onload]')).toHaveCount(0);
  await page.screenshot({ path: 'screenshots/created-lead-card-awkward-names-1280.png', fullPage: true });

  type Found = {
    items: Array<{
      item: { title: string; organization: { name: string } | null; person: { name: string } | null };
    }>;
  };
  const search = async () =>
    (await api.get(`/api/v2/leads/search?term=${encodeURIComponent(title)}&exact_match=true`)) as Found;
  // The search index trails writes by a few seconds, as Pipedrive's does.
  await expect.poll(async () => (await search()).items.length, { timeout: 10_000 }).toBe(1);
  const found = await search();
  expect(found.items.map((entry) => entry.item)).toEqual([
    expect.objectContaining({
      title,
      organization: expect.objectContaining({ name: organization }),
      person: expect.objectContaining({ name: 'Bobby <img src=x onerror=alert(1)> Tables' }),
    }),
  ]);
  expect(dialogs).toBe(0);
});

test('a name of only spaces, or one too long, gets a clear message and keeps what was typed', async ({
  page,
}) => {
  const { leadForm: form } = await signInWithApi(page);
  await form.organization.fill('   Quiet Co   ');
  await page.getByRole('option', { name: /^Create organization/ }).click();
  const create = page.getByRole('dialog', { name: 'Create organization' });
  const name = create.getByRole('textbox', { name: 'Name' });

  await name.fill('     ');
  await create.getByRole('button', { name: 'Create organization' }).click();
  await expect(create.getByText('Enter the organization’s name')).toBeVisible();

  const tooLong = 'Ω'.repeat(10_000);
  await name.fill(tooLong);
  await create.getByRole('button', { name: 'Create organization' }).click();
  await expect(create.getByText('Name must be 255 characters or fewer')).toBeVisible();
  await expect(name).toHaveValue(tooLong);
});

test('markup typed into a picker and a title stays text in the OAuth inspector', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const { leadForm: form } = await signInWithApi(page, 'spa');
  const inspector = new InspectorPanelPage(page);
  await inspector.open();

  await form.person.fill('<img src=x onerror=alert(3)>');
  await expect(page.getByText('No people match')).toBeVisible();
  const search = inspector.step(/persons\/search/).last();
  await expect(search).toBeVisible();
  const http = await inspector.httpOf(search);
  expect(http).toContain('onerror');

  const title = `<script>alert(4)</script> ${Date.now()}`;
  await form.title.fill(title);
  await form.pick(form.person, 'Lovelace', 'Ada Lovelace');
  await form.fillMandatory();
  await form.submitPastOpenLead();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const create = inspector.step(/POST .*\/v1\/leads/).last();
  await expect(create).toBeVisible();
  expect(await inspector.httpOf(create)).toContain('<script>alert(4)</script>');

  await expect(page.locator('[onerror], [onload]')).toHaveCount(0);
  await expect(page.locator('main script, aside script')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
