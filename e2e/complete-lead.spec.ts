import type { Page } from '@playwright/test';
import { CUSTOM_FIELD_OPTION_IDS, CUSTOM_FIELD_KEYS as K } from '../sandbox/company/custom-field-keys.ts';
import { expect, type SessionApi, signInWithApi, test } from './fixtures.ts';
import type { LeadFormPage } from './pages/lead-form-page.ts';

/** `pastOpenLead`: the picked contact has an open lead, so the create takes a second press. */
async function submitAndReadBack(page: Page, api: SessionApi, form: LeadFormPage, pastOpenLead = false) {
  const created = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().endsWith('/v1/leads'),
  );
  if (pastOpenLead) await form.submitPastOpenLead();
  else await form.submit.click();
  const response = await created;
  expect(response.status()).toBe(201);
  const { data } = (await response.json()) as { data: { id: string } };
  await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
  return (await api.get(`/api/v1/leads/${data.id}`)) as Record<string, unknown>;
}

test('a lead with every field set arrives in Pipedrive field by field', async ({ page }) => {
  const { leadForm: form, api } = await signInWithApi(page);
  const users = (await api.get('/api/v1/users')) as Array<{ id: number; name: string }>;
  const labels = (await api.get('/api/v1/leadLabels')) as Array<{ id: string; name: string }>;
  const idOfUser = (name: string) => users.find((user) => user.name === name)?.id;
  const idOfLabel = (name: string) => labels.find((label) => label.name === name)?.id;

  await form.pick(form.person, 'Lovelace', 'Ada Lovelace');
  await page.getByRole('button', { name: 'Use Analytical Engines Ltd as the organization' }).click();
  await expect(form.title).toHaveValue('Analytical Engines Ltd lead');
  await form.title.fill('Every field, end to end');

  const value = page.getByRole('group', { name: /^Value/ });
  await value.getByLabel('Amount').fill('2500.50');
  await value.getByLabel('Currency').selectOption('USD');
  await page.getByLabel('Expected close date').fill('2026-12-31');
  // The colleagues are read when the rep asks to change the owner.
  await page.getByRole('button', { name: 'Change owner' }).click();
  await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'James Carter' });
  await page.getByRole('checkbox', { name: 'Hot' }).check();
  await page.getByRole('checkbox', { name: 'Warm' }).check();
  await form.customerType.selectOption({ label: 'Company' });

  await page.getByText('Visibility and source').click();
  await page.getByRole('combobox', { name: 'Visible to' }).selectOption({ label: 'All users' });
  await page.getByRole('combobox', { name: /^Source channel/ }).selectOption({ label: 'Web forms' });
  await page.getByRole('textbox', { name: /^Source channel ID/ }).fill('Spring fair');
  await page.getByRole('textbox', { name: /^Source origin ID/ }).fill('crm-import-7');
  await page.getByRole('checkbox', { name: 'Mark as seen' }).check();

  await page.getByText('More about this lead').click();
  await page.getByRole('textbox', { name: /^Lead source detail/ }).fill('Trade show booth');
  await page.getByRole('textbox', { name: /^Competitor/ }).fill('Initech');
  await page
    .getByRole('textbox', { name: /^Qualification notes/ })
    .fill('Needs single sign-on.\nBudget approved.');
  await page.getByRole('textbox', { name: /^Discount rate/ }).fill('12.5');
  await page.getByRole('textbox', { name: /^Number of seats/ }).fill('40');
  const budget = page.getByRole('group', { name: /^Annual budget/ });
  await budget.getByLabel('Amount').fill('10000');
  await budget.getByLabel('Currency').selectOption('EUR');
  await page.getByLabel(/^Demo date/).fill('2027-01-15');
  const period = page.getByRole('group', { name: /^Contract period/ });
  await period.getByLabel('Start').fill('2027-01-01');
  await period.getByLabel('End').fill('2027-12-31');
  await page.getByLabel(/^Best time to call/).fill('09:30');
  const hours = page.getByRole('group', { name: /^Office hours/ });
  await hours.getByLabel('Start').fill('09:00');
  await hours.getByLabel('End').fill('17:00');
  const products = page.getByRole('group', { name: /^Products of interest/ });
  await products.getByRole('checkbox', { name: 'CRM suite' }).check();
  await products.getByRole('checkbox', { name: 'Integrations' }).check();
  await page.getByRole('textbox', { name: /^Direct line/ }).fill('+44 20 7946 0000');
  await page.getByRole('textbox', { name: /^Delivery address/ }).fill('1 Market Street, London');
  await page.getByRole('combobox', { name: /^Sales engineer/ }).selectOption({ label: 'Aiko Tanaka' });
  await form.pick(page.getByRole('combobox', { name: /^Referral partner/ }), 'Globex', 'Globex Corporation');
  await form.pick(page.getByRole('combobox', { name: /^Decision maker/ }), 'Scorpio', 'Hank Scorpio');

  const lead = await submitAndReadBack(page, api, form, true);
  expect(lead).toMatchObject({
    title: 'Every field, end to end',
    person_id: 1,
    organization_id: 1,
    owner_id: idOfUser('James Carter'),
    value: { amount: 2500.5, currency: 'USD' },
    expected_close_date: '2026-12-31',
    visible_to: '7',
    channel: 66,
    channel_id: 'Spring fair',
    origin_id: 'crm-import-7',
    was_seen: true,
    source_name: 'API',
    [K.varchar]: 'Trade show booth',
    [K.varchar_auto]: 'Initech',
    [K.text]: 'Needs single sign-on.\nBudget approved.',
    [K.double]: 12.5,
    [K.int]: 40,
    [K.monetary]: 10000,
    [`${K.monetary}_currency`]: 'EUR',
    [K.date]: '2027-01-15',
    [K.daterange]: '2027-01-01',
    [`${K.daterange}_until`]: '2027-12-31',
    [K.time]: '09:30:00',
    [K.timerange]: '09:00:00',
    [`${K.timerange}_until`]: '17:00:00',
    [K.enum]: CUSTOM_FIELD_OPTION_IDS.enum.company,
    [K.set]: `${CUSTOM_FIELD_OPTION_IDS.set.crmSuite},${CUSTOM_FIELD_OPTION_IDS.set.integrations}`,
    [K.phone]: '+44 20 7946 0000',
    [K.address]: '1 Market Street, London',
    [K.user]: idOfUser('Aiko Tanaka'),
    [K.org]: 2,
    [K.people]: 2,
  });
  expect([...(lead.label_ids as string[])].sort()).toEqual([idOfLabel('Hot'), idOfLabel('Warm')].sort());

  // The card shows names, not ids.
  const card = page.getByRole('region', { name: 'Every field, end to end' });
  for (const text of [
    'Web forms',
    'All users',
    'James Carter',
    'Company',
    'CRM suite, Integrations',
    'Hank Scorpio',
  ]) {
    await expect(card.getByText(text, { exact: true })).toBeVisible();
  }
  await expect(card.getByText('$2,500.50')).toBeVisible();
  await expect(card.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveText(['Hot', 'Warm']);
  await page.screenshot({ path: 'screenshots/created-lead-card-every-field-1280.png', fullPage: true });
});

test('inline create: a person, with an organization, then the lead for them', async ({ page }) => {
  const { leadForm: form, api } = await signInWithApi(page);
  const stamp = Date.now();
  const name = `Zelda Quimby ${stamp}`;
  // Her own email and phone: a Zelda of an earlier run on a reused sandbox is not offered instead.
  const email = `zelda.${stamp}@globex.example`;
  const phone = `+1 202 ${String(stamp).slice(-7)}`;
  await form.person.fill(name);
  await page.getByRole('option', { name: `Create person “${name}”` }).click();

  const dialog = page.getByRole('dialog', { name: 'Create person' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  await dialog.getByRole('textbox', { name: /^Email/ }).fill('not an email');
  await dialog.getByRole('button', { name: 'Create person' }).click();
  await expect(dialog.getByText('Enter an email address in the right format')).toBeVisible();
  await expect(form.title).toHaveValue('');

  await dialog.getByRole('textbox', { name: /^Email/ }).fill(email);
  await dialog.getByRole('textbox', { name: /^Phone/ }).fill(phone);
  await form.pick(dialog.getByRole('combobox', { name: /^Organization/ }), 'Globex', 'Globex Corporation');
  await dialog.getByRole('button', { name: 'Create person' }).click();
  await expect(dialog).toBeHidden();
  await expect(form.person).toHaveValue(name);
  await expect(form.person).toBeFocused();
  await expect(
    page.getByRole('button', { name: 'Use Globex Corporation as the organization' }),
  ).toBeVisible();

  await form.fillMandatory();
  const lead = await submitAndReadBack(page, api, form);
  type Found = {
    items: Array<{
      item: { id: number; name: string; emails: string[]; organization: { name: string } | null };
    }>;
  };
  const search = async () =>
    ((await api.get(`/api/v2/persons/search?term=${encodeURIComponent(name)}`)) as Found).items.find(
      (entry) => entry.item.name === name,
    )?.item;
  // The search index trails writes by a few seconds, as Pipedrive's does.
  await expect.poll(async () => (await search())?.name, { timeout: 10_000 }).toBe(name);
  const person = await search();
  expect(person).toMatchObject({
    emails: [email],
    organization: { name: 'Globex Corporation' },
  });
  expect(lead.person_id).toBe(person?.id);
});

test('inline create: an organization with an address', async ({ page }) => {
  const { leadForm: form, api } = await signInWithApi(page);
  const name = `Quokka Robotics ${Date.now()}`;
  await form.organization.fill(name);
  await page.getByRole('option', { name: `Create organization “${name}”` }).click();
  const dialog = page.getByRole('dialog', { name: 'Create organization' });
  await dialog.getByRole('textbox', { name: /^Address/ }).fill('42 Harbour Road, Sydney');
  await dialog.getByRole('button', { name: 'Create organization' }).click();
  await expect(dialog).toBeHidden();
  await expect(form.organization).toHaveValue(name);
  await expect(form.title).toHaveValue(`${name} lead`);

  await form.fillMandatory();
  const lead = await submitAndReadBack(page, api, form);
  const searchId = async () =>
    (
      (await api.get(`/api/v2/organizations/search?term=${encodeURIComponent(name)}`)) as {
        items: Array<{ item: { id: number; name: string } }>;
      }
    ).items.find((entry) => entry.item.name === name)?.item.id;
  // The search index trails writes by a few seconds, as Pipedrive's does.
  await expect.poll(searchId, { timeout: 10_000 }).toBe(lead.organization_id);
});

test('a Pipedrive 400 lands on the field it names, and nothing typed is lost', async ({
  page,
  consoleIssues,
}) => {
  consoleIssues.expectFailedLoad(400, '/api/v1/leads', 'Pipedrive refuses the inactive owner');
  const { leadForm: form, api } = await signInWithApi(page);
  const users = (await api.get('/api/v1/users')) as Array<{ id: number; name: string }>;
  const lena = users.find((user) => user.name === 'Lena Fischer');
  if (!lena) throw new Error('the sandbox has no Lena Fischer');
  const setActive = (active: boolean) => api.admin(`/users/${lena.id}/active`, { active });

  // The form read the owner list when the rep chose to change the owner; Lena is switched off
  // afterwards, as an admin might.
  await form.title.fill('Stale owner');
  await form.pick(form.person, 'Lovelace', 'Ada Lovelace');
  await form.fillMandatory();
  await page.getByRole('button', { name: 'Change owner' }).click();
  await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Lena Fischer' });
  expect((await setActive(false)).status()).toBe(200);
  try {
    await form.submitPastOpenLead();
    const message = 'Pipedrive did not accept this owner: "owner_id" must refer to an existing active user';
    await expect(form.errorSummary).toBeFocused();
    await expect(form.errorSummary.getByRole('link')).toHaveText([message]);
    await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#lead-owner-error')).toContainText(message);
    await expect(form.title).toHaveValue('Stale owner');
    await expect(form.person).toHaveValue('Ada Lovelace');

    await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Maria Lopez (you)' });
    await form.submit.click();
    await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
  } finally {
    await setActive(true);
  }
});
