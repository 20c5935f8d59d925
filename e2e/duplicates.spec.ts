import type { Page } from '@playwright/test';
import { DEFAULT_ENV_SEARCH_LAG_MS } from '../sandbox/env-settings.ts';
import { checkScreen, checkScreenAtBothWidths } from './check-screen.ts';
import { expect, newColleague, type SessionApi, signInWithApi, test } from './fixtures.ts';
import { SANDBOX_FIXTURES } from './sandbox-accounts.ts';

const ADA_EMAIL = 'ada.lovelace@analytical-engines.example';
const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** Creates that reach the sandbox from this page, by path. */
function countPosts(page: Page, pathEnd: string): () => number {
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith(pathEnd)) posts += 1;
  });
  return () => posts;
}

/** People whose name is exactly `name`, from the sandbox's search once its index has caught up. */
async function peopleNamed(page: Page, api: SessionApi, name: string): Promise<unknown[]> {
  // A person created in the test would be searchable only after the search lag: wait it out, so
  // an empty answer means nobody was created.
  await page.waitForTimeout(DEFAULT_ENV_SEARCH_LAG_MS + 500);
  const found = (await api.get(
    `/api/v2/persons/search?term=${encodeURIComponent(name)}&fields=name&exact_match=true`,
  )) as { items: unknown[] };
  return found.items;
}

for (const mode of ['bff', 'spa'] as const) {
  test.describe(`${mode} mode`, () => {
    // Each test scans two or more screens with axe at two widths besides creating a lead: more than
    // the default 30 s when the machine is busy.
    test.describe.configure({ timeout: 60_000 });
    test('an inline person create finds Ada Lovelace by email, and "Use" picks her: nobody is created', async ({
      page,
    }) => {
      const { leadForm: form, api } = await signInWithApi(page, mode);
      const personPosts = countPosts(page, '/v2/persons');
      const typed = `Countess of Lovelace ${Date.now()}`;
      await form.person.fill(typed);
      await page.getByRole('option', { name: `Create person “${typed}”` }).click();
      const dialog = page.getByRole('dialog', { name: 'Create person' });
      await dialog.getByRole('textbox', { name: /^Email/ }).fill(ADA_EMAIL);
      await dialog.getByRole('button', { name: 'Create person' }).click();

      const offer = dialog.getByRole('region', { name: 'Already in Pipedrive?' });
      await expect(offer).toBeFocused();
      const use = offer.getByRole('button', { name: `Use Ada Lovelace (${ADA_EMAIL})` });
      await expect(use).toBeVisible();
      await expect(
        offer.getByRole('listitem').filter({ hasText: `Use Ada Lovelace (${ADA_EMAIL})` }),
      ).toContainText('same email');
      await expect(dialog.getByRole('button', { name: 'Create a new person anyway' })).toBeVisible();
      await checkScreenAtBothWidths(page, `duplicate-person-offer-${mode}`);

      await use.click();
      await expect(dialog).toBeHidden();
      await expect(form.person).toHaveValue('Ada Lovelace');
      // Picked like a search hit: her organization is offered.
      await expect(
        page.getByRole('button', { name: `Use ${SANDBOX_FIXTURES.person.organization} as the organization` }),
      ).toBeVisible();
      expect(personPosts()).toBe(0);
      expect(await peopleNamed(page, api, typed)).toEqual([]);
    });

    test('an open lead on the same person asks for a second press, which creates one lead; recent leads shows it at the top', async ({
      page,
    }) => {
      const { leadForm: form, api } = await signInWithApi(page, mode);
      const title = `Second engine (${mode}) ${Date.now()}`;
      await form.title.fill(title);
      await form.pick(form.person, SANDBOX_FIXTURES.person.search, SANDBOX_FIXTURES.person.name);
      await form.fillMandatory();
      // Ada Lovelace has at least the seeded open lead, and any other test's since.
      await expect(form.openLeadWarning).toContainText(
        /^Open leads? in PipedriveAda Lovelace already has (an open lead|\d+ (or more )?open leads\. The newest): ‘[^’]+’, added [^,]+, owner [^.]+\./,
      );
      const link = form.openLeadWarning.getByRole('link', { name: /^Open ‘.+’ in Pipedrive/ });
      await expect(link).toHaveAttribute('href', /\/leads\/inbox\/[0-9a-f-]{36}$/);
      await expect(link).toHaveAttribute('target', '_blank');

      await form.submit.click();
      await expect(form.openLeadWarning).toBeFocused();
      await expect(form.openLeadWarning).toContainText('If this is a new lead, press Create lead anyway.');
      await expect(form.createAnyway).toBeVisible();
      expect(await api.leadPostsReceived(title)).toBe(0);
      await checkScreenAtBothWidths(page, `open-lead-warning-stopped-press-${mode}`);

      await form.createAnyway.click();
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
      expect(await api.leadPostsReceived(title)).toBe(1);
      const stored = (await api.get(`/api/v1/leads?person_id=1&sort=add_time%20DESC&limit=500`)) as Array<{
        title: string;
      }>;
      expect(stored.filter((lead) => lead.title === title)).toHaveLength(1);

      // Under the card, the lead just created is the rep's most recent, named and dated.
      const first = form.recentLeads.getByRole('listitem').first();
      await expect(first.getByRole('link')).toHaveText(`${title} (opens in Pipedrive in a new tab)`);
      await expect(first).toContainText('Ada Lovelace');
      await expect(first.locator('time')).toHaveText('just now');
      await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
      await checkScreenAtBothWidths(page, `recent-leads-under-card-${mode}`);
    });
  });
}

test('recent leads from another device show on a phone as five rows and "Show all"', async ({ page }) => {
  // Two reloads and four screens scanned by axe: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  // A colleague of the test's own, so the rows are exactly the leads this test adds.
  const user = await newColleague(page, 'Phone Rep');
  const { leadForm: form, api } = await signInWithApi(page, 'bff', user);
  await expect(form.recentLeads).toContainText('No leads yet.');
  await page.setViewportSize(PHONE);
  await checkScreen(page, 'recent-leads-empty');

  // Six leads added elsewhere (another device, straight through the API).
  const titles = Array.from({ length: 6 }, (_, index) => `From the laptop ${index + 1}`);
  for (const title of titles) {
    expect((await api.post('/api/v1/leads', { title, organization_id: 2 })).status()).toBe(201);
  }
  await page.reload();
  // Every row, those a phone hides included, and those it shows.
  const rows = form.recentLeads.getByRole('listitem', { includeHidden: true });
  const shown = form.recentLeads.getByRole('listitem');
  await expect(rows).toHaveCount(6);
  await expect(rows.first().getByRole('link', { includeHidden: true })).toHaveText(/^From the laptop 6/);
  await expect(shown).toHaveCount(5);
  const showAll = form.recentLeads.getByRole('button', { name: 'Show all 6' });
  await expect(showAll).toHaveAttribute('aria-expanded', 'false');
  await checkScreen(page, 'recent-leads-phone-collapsed');
  await showAll.click();
  await expect(shown).toHaveCount(6);
  await expect(form.recentLeads.getByRole('button', { name: 'Show fewer' })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await checkScreen(page, 'recent-leads-phone-all');

  // A wider screen shows every row, with no button.
  await page.setViewportSize(DESKTOP);
  await page.reload();
  await expect(shown).toHaveCount(6);
  await expect(form.recentLeads.getByRole('button', { name: /^Show/ })).toBeHidden();
  await checkScreen(page, 'recent-leads');
});
