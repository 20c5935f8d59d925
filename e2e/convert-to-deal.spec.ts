import type { Locator, Page } from '@playwright/test';
import { checkScreen } from './check-screen.ts';
import { expect, reloadSignedIn, type SessionApi, signInWithApi, test } from './fixtures.ts';

const NARROW = { width: 375, height: 740 };
const WIDE = { width: 1280, height: 800 };

/** The ids of the person's newest leads in `GET /api/v1/leads`, where stored leads are listed. */
async function listedLeadIds(api: SessionApi, personId: number): Promise<string[]> {
  const leads = (await api.get(
    `/api/v1/leads?person_id=${personId}&sort=${encodeURIComponent('add_time DESC')}&limit=100`,
  )) as Array<{ id: string }> | null;
  return (leads ?? []).map((lead) => lead.id);
}

async function dealsTitled(page: Page, api: SessionApi, title: string) {
  const response = await page.request.get(
    `${api.apiDomain}/__sandbox/deals?title=${encodeURIComponent(title)}`,
  );
  expect(response.status(), 'GET /__sandbox/deals').toBe(200);
  return ((await response.json()) as { deals: Array<{ id: number; title: string; lead_id: string }> }).deals;
}

/** Presses Convert to deal on the card; the confirmation opens with the safe choice focused. */
async function askToConvert(page: Page) {
  await page.getByRole('button', { name: 'Convert to deal' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Convert this lead to a deal?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  return dialog;
}

async function confirmIn(dialog: Locator) {
  await dialog.getByRole('button', { name: 'Convert to deal' }).click();
  await expect(dialog).toBeHidden();
}

const confirmConversion = async (page: Page) => confirmIn(await askToConvert(page));

for (const mode of ['bff', 'spa'] as const) {
  test.describe(`${mode} mode`, () => {
    // Each test scans two or more screens with axe at two widths besides creating a lead: more than
    // the default 30 s when the machine is busy.
    test.describe.configure({ timeout: 60_000 });
    test('Convert to deal ends with a link to the deal; the sandbox has one deal of that title and the lead has left the list', async ({
      page,
    }) => {
      const { leadForm, api } = await signInWithApi(page, mode);
      const title = `Converted ${mode} ${Date.now()}`;
      const leadId = await leadForm.createForFixturePerson(title);
      expect(await listedLeadIds(api, 1)).toContain(leadId);
      // Status reads answered slowly, so the screen can be looked at while it converts.
      const slowed = await api.admin('/faults', {
        path: `/api/v2/leads/${leadId}/convert/status/*`,
        latencyMs: 2_500,
        times: 3,
      });
      expect(slowed.status(), 'POST /__sandbox/faults').toBe(200);
      const starts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/convert/deal'))
          starts.push(request.url());
      });

      const confirmation = await askToConvert(page);
      await checkScreen(page, `convert-confirmation-${mode}`);
      await confirmIn(confirmation);
      const status = page.getByRole('status').filter({ hasText: /^Converting to a deal…/ });
      await expect(status).toBeVisible();
      await expect(page.getByRole('button', { name: /Converting…/ })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      await checkScreen(page, `card-converting-${mode}`);
      await page.setViewportSize(NARROW);
      await checkScreen(page, `card-converting-${mode}`);
      await page.setViewportSize(WIDE);

      await expect(page.getByText('Converted to a deal in Pipedrive')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByText(/its notes and activities moved with it/)).toBeVisible();
      const dealLink = page.getByRole('link', { name: /Open deal in Pipedrive/ });
      const href = (await dealLink.getAttribute('href')) ?? '';
      expect(href).toMatch(/\/deal\/\d+$/);
      await expect(page.getByRole('link', { name: /^Open in Pipedrive/ })).toHaveCount(0);
      await checkScreen(page, `card-converted-${mode}`);
      await page.setViewportSize(NARROW);
      await checkScreen(page, `card-converted-${mode}`);

      const deals = await dealsTitled(page, api, title);
      expect(deals).toEqual([expect.objectContaining({ title, lead_id: leadId })]);
      expect(href.endsWith(`/deal/${deals[0]?.id}`)).toBe(true);
      expect(await listedLeadIds(api, 1)).not.toContain(leadId);
      expect(starts).toHaveLength(1);

      const dealPage = await page.context().newPage();
      await dealPage.goto(href);
      await expect(dealPage.getByRole('heading', { level: 1 })).toHaveText(title);

      // After a reload the card still shows the deal, and nothing is converted again.
      await reloadSignedIn(page, mode);
      await expect(page.getByText('Converted to a deal in Pipedrive')).toBeVisible();
      await expect(page.getByRole('link', { name: /Open deal in Pipedrive/ })).toHaveAttribute('href', href);
      expect(starts).toHaveLength(1);
    });

    test('a reload while converting follows the same conversion and starts no second one', async ({
      page,
    }) => {
      const { leadForm, api } = await signInWithApi(page, mode);
      const title = `Reloaded while converting ${mode} ${Date.now()}`;
      const leadId = await leadForm.createForFixturePerson(title);
      await api.admin('/faults', {
        path: `/api/v2/leads/${leadId}/convert/status/*`,
        latencyMs: 2_000,
        times: 1,
      });
      const starts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/convert/deal'))
          starts.push(request.url());
      });

      await confirmConversion(page);
      await expect(page.getByRole('status').filter({ hasText: /^Converting to a deal…/ })).toBeVisible();
      await reloadSignedIn(page, mode);

      await expect(page.getByText('Converted to a deal in Pipedrive')).toBeVisible({ timeout: 20_000 });
      expect(starts).toHaveLength(1);
      expect(await dealsTitled(page, api, title)).toHaveLength(1);
    });

    test('an injected failure is explained, and leaves the lead as it was with no deal; Try again converts it', async ({
      page,
    }) => {
      const { leadForm, api } = await signInWithApi(page, mode);
      const title = `Conversion fails ${mode} ${Date.now()}`;
      const leadId = await leadForm.createForFixturePerson(title);
      const injected = await api.admin('/conversions/fail', { leadId, ending: 'failed' });
      expect(injected.status(), 'POST /__sandbox/conversions/fail').toBe(200);

      await confirmConversion(page);
      const alert = page.getByRole('alert').filter({ hasText: 'Pipedrive could not convert the lead' });
      await expect(alert).toBeVisible({ timeout: 20_000 });
      await expect(alert).toContainText('It is still in the Leads Inbox, unchanged');
      await expect(alert.getByRole('button', { name: 'Try again' })).toBeFocused();
      await checkScreen(page, `card-conversion-failed-${mode}`);

      // Nothing half-done: the lead is where it was, as it was, and there is no deal.
      await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
      await expect(page.getByRole('link', { name: /^Open in Pipedrive/ })).toBeVisible();
      expect(await api.get(`/api/v1/leads/${leadId}`)).toMatchObject({ id: leadId, title });
      expect(await listedLeadIds(api, 1)).toContain(leadId);
      expect(await dealsTitled(page, api, title)).toEqual([]);

      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect(page.getByText('Converted to a deal in Pipedrive')).toBeVisible({ timeout: 20_000 });
      expect(await dealsTitled(page, api, title)).toHaveLength(1);
    });
  });
}
