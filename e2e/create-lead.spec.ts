import { expect, signInWithApi, test } from './fixtures.ts';
import { SANDBOX_FIXTURES } from './sandbox-accounts.ts';

const { person, organization } = SANDBOX_FIXTURES;

test('creates a lead for a person and shows its card with a working link', async ({ leadForm, page }) => {
  const title = `Analytical engine upgrade ${Date.now()}`;
  await leadForm.title.fill(title);
  await leadForm.pick(leadForm.person, person.search, person.name);
  await leadForm.fillMandatory();

  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/v1/leads')) posts.push(request.url());
  });
  await leadForm.submitPastOpenLead();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: person.name })).toBeVisible();
  expect(posts).toHaveLength(1);

  const link = page.getByRole('link', { name: /Open in Pipedrive/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/leads\/inbox\/[0-9a-f-]{36}$/);
  const leadPage = await page.context().newPage();
  await leadPage.goto(href ?? '');
  await expect(leadPage.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(leadPage.getByText(person.name)).toBeVisible();
});

test('creates a lead for an organization, then starts another', async ({ leadForm, page }) => {
  const title = `Globex renewal ${Date.now()}`;
  await leadForm.title.fill(title);
  await leadForm.pick(leadForm.organization, organization.search, organization.name);
  await leadForm.fillMandatory();
  await leadForm.submitPastOpenLead();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: organization.name })).toBeVisible();

  await page.getByRole('button', { name: 'Create another' }).click();
  await expect(leadForm.heading).toBeVisible();
  await expect(leadForm.title).toHaveValue('');
  await expect(leadForm.title).toBeFocused();
});

test('the card survives a reload (a phone discarding the tab), until Create another', async ({
  leadForm,
  page,
}) => {
  const title = `Survives a reload ${Date.now()}`;
  await leadForm.title.fill(title);
  await leadForm.pick(leadForm.person, person.search, person.name);
  await leadForm.fillMandatory();
  await leadForm.submitPastOpenLead();
  const link = page.getByRole('link', { name: /Open in Pipedrive/ });
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\/leads\/inbox\/[0-9a-f-]{36}$/);

  await page.reload();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: person.name })).toBeVisible();
  await expect(link).toHaveAttribute('href', href ?? '');

  await page.getByRole('button', { name: 'Create another' }).click();
  await expect(leadForm.heading).toBeVisible();
  await expect(leadForm.title).toHaveValue('');
  await expect(leadForm.person).toHaveValue('');
  await page.reload();
  await expect(leadForm.heading).toBeVisible();
  await expect(page.getByText('Lead created in Pipedrive')).toHaveCount(0);
});

test('an empty submit shows every error, and nothing typed is lost', async ({ leadForm, page }) => {
  await leadForm.submit.click();
  await expect(leadForm.errorSummary).toBeFocused();
  await expect(leadForm.errorSummary.getByRole('link')).toHaveText([
    'Enter a title for the lead',
    'Choose a person or an organization',
    'Select Customer type',
  ]);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(leadForm.person).toHaveAttribute('aria-invalid', 'true');
  await expect(leadForm.organization).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Choose a person or an organization', { exact: false })).toHaveCount(3);

  await leadForm.title.fill('Keep what I typed');
  await leadForm.person.fill('zzzz-no-match');
  await leadForm.fillMandatory();
  await leadForm.submit.click();
  await expect(leadForm.errorSummary.getByRole('link')).toHaveText(['Choose a person or an organization']);
  await expect(leadForm.title).toHaveValue('Keep what I typed');
  await expect(leadForm.person).toHaveValue('zzzz-no-match');

  await leadForm.errorSummary.getByRole('link').click();
  await expect(leadForm.person).toBeFocused();
});

test('pickers work from the keyboard alone', async ({ leadForm, page }) => {
  await leadForm.title.fill('Keyboard only');
  await leadForm.person.fill(person.search);
  await expect(page.getByRole('option').first()).toBeVisible();
  await leadForm.person.press('ArrowDown');
  await expect(leadForm.person).toHaveAttribute('aria-activedescendant', /.+/);
  await leadForm.person.press('Enter');
  await expect(leadForm.person).toHaveValue(/\S/);
  await leadForm.customerType.focus();
  await leadForm.customerType.press('ArrowDown');
  await expect(leadForm.customerType).not.toHaveValue('');
  await leadForm.person.press('Control+Enter');
  // Ada Lovelace has an open lead: the warning takes focus, and Ctrl+Enter from there creates anyway.
  await expect(leadForm.openLeadWarning).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
});

for (const mode of ['bff', 'spa'] as const) {
  test(`${mode} mode: the created lead is in the sandbox, GET /api/v1/leads/{id} returns it`, async ({
    page,
  }) => {
    const { leadForm, api } = await signInWithApi(page, mode);

    const title = `Round trip ${Date.now()}`;
    await leadForm.title.fill(title);
    await leadForm.pick(leadForm.organization, organization.search, organization.name);
    await leadForm.fillMandatory();
    const created = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/v1/leads'),
    );
    await leadForm.submitPastOpenLead();
    const { data } = (await (await created).json()) as { data: { id: string } };
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    expect(await api.get(`/api/v1/leads/${data.id}`)).toMatchObject({
      id: data.id,
      title,
      organization_id: expect.any(Number),
      person_id: null,
      source_name: 'API',
    });
  });
}
