import type { Page } from '@playwright/test';
import { DEFAULT_ENV_SEARCH_LAG_MS } from '../sandbox/env-settings.ts';
import { checkScreen } from './check-screen.ts';
import { expect, reloadSignedIn, type SessionApi, signInWithApi, test } from './fixtures.ts';

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** The rows in which something is wrong, by 1-based row number, and what. */
const BAD_ROWS: Record<number, Partial<Record<'value' | 'email' | 'type', string>>> = {
  5: { value: 'lots' },
  17: { email: 'not-an-email' },
  33: { type: 'Alien' },
};

/**
 * A spreadsheet of `count` leads for eight new people (each named on several rows) at three new
 * organizations, as a spreadsheet copies it: tab-separated, with a header row.
 */
function spreadsheet(tag: string, count: number) {
  const people = Array.from({ length: 8 }, (_, n) => ({
    name: `Batch Person ${n + 1} ${tag}`,
    email: `batch.person${n + 1}.${tag}@example.com`,
  }));
  const rows = Array.from({ length: count }, (_, i) => {
    const number = i + 1;
    const person = people[i % people.length] ?? people[0];
    const bad = BAD_ROWS[number] ?? {};
    return [
      `Batch lead ${number} ${tag}`,
      person?.name ?? '',
      bad.email ?? person?.email ?? '',
      `Batch Org ${(i % 3) + 1} ${tag}`,
      bad.type ?? 'Company',
      bad.value ?? String(100 * number),
    ];
  });
  const header = ['Title', 'Name', 'Email', 'Organization', 'Customer type', 'Value'];
  return {
    text: [header, ...rows].map((row) => row.join('\t')).join('\n'),
    titles: rows.map((row) => row[0] ?? ''),
    people,
  };
}

async function openBatch(page: Page) {
  await page
    .getByRole('navigation', { name: 'Add leads' })
    .getByRole('link', { name: 'Many at once' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Many leads at once' })).toBeVisible();
  await expect(page).toHaveURL(/\/batch$/);
}

async function pasteRows(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Rows from a spreadsheet' }).fill(text);
  await page.getByRole('button', { name: 'Read rows' }).click();
}

/** The leads stored for these people, read where leads are stored (not the search index). */
async function storedLeads(api: SessionApi, people: ReadonlyArray<{ email: string }>) {
  const titles: string[] = [];
  const personIds: number[] = [];
  for (const person of people) {
    const found = (await api.get(
      `/api/v2/persons/search?term=${encodeURIComponent(person.email)}&fields=email&exact_match=true`,
    )) as { items: Array<{ item: { id: number } }> };
    // Exactly one person per email: none created twice.
    expect(found.items, person.email).toHaveLength(1);
    const id = found.items[0]?.item.id ?? 0;
    personIds.push(id);
    const leads = (await api.get(`/api/v1/leads?person_id=${id}&limit=100`)) as Array<{ title: string }>;
    titles.push(...leads.map((lead) => lead.title));
  }
  return { titles, personIds };
}

test.describe('bff mode', () => {
  test('a 50-row batch with 3 bad rows ends with 47 leads and 3 explained failures, with a reload in the middle', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const { api } = await signInWithApi(page, 'bff');
    const tag = `${Date.now()}`;
    const sheet = spreadsheet(tag, 50);
    await openBatch(page);
    await checkScreen(page, 'batch-paste');
    await pasteRows(page, sheet.text);

    const attention = page.getByRole('region', { name: '3 rows need attention' });
    await expect(attention).toBeVisible();
    await expect(attention.getByRole('link')).toHaveText([
      'Row 5: Value: Enter the value as a number, like 1500',
      'Row 17: Email: Enter an email address in the right format, like name@example.com',
      'Row 33: Customer type: Select Customer type from the list',
    ]);
    const badEmail = page.getByRole('textbox', { name: 'Row 17, Email' });
    await expect(badEmail).toHaveAttribute('aria-invalid', 'true');
    await expect(badEmail).toHaveAccessibleDescription(
      'Enter an email address in the right format, like name@example.com',
    );
    // The summary's link takes the rep to the cell.
    await attention.getByRole('link', { name: /^Row 17/ }).click();
    await expect(badEmail).toBeFocused();
    await checkScreen(page, 'batch-table-with-errors');
    await page.setViewportSize(PHONE);
    await checkScreen(page, 'batch-table-with-errors');
    // The table scrolls sideways in a region the keyboard reaches.
    await expect(page.getByRole('region', { name: 'Pasted rows (scrolls sideways)' })).toHaveAttribute(
      'tabindex',
      '0',
    );
    await page.setViewportSize(DESKTOP);

    // Fixing a cell in place clears its problem; the rep then leaves another row out.
    await page.getByRole('textbox', { name: 'Row 5, Value' }).fill('500');
    await expect(page.getByRole('region', { name: '2 rows need attention' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Row 5, Value' }).fill('lots');
    await expect(attention).toBeVisible();

    await page.getByRole('button', { name: 'Look up contacts' }).click();
    const create = page.getByRole('button', { name: 'Create 47 leads' });
    await expect(create).toBeVisible();
    // The documented cost before starting: 47 leads, 8 new people and 3 new organizations.
    await expect(create).toHaveAccessibleDescription(
      'Creating uses 525 of your company’s daily Pipedrive API tokens, as Pipedrive documents them: 47 leads × 10, 8 new people × 5, 3 new organizations × 5.',
    );
    await expect(page.getByRole('row').filter({ hasText: `Batch lead 1 ${tag}` })).toContainText(
      `Batch Person 1 ${tag}: new person, to be created`,
    );
    await create.click();

    const status = page.getByRole('status').filter({ hasText: /of 47 done/ });
    await expect(status).toContainText(/^(1\d|[2-4]\d) of 47 done/, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('heading', { name: 'Paused' })).toBeVisible();
    await checkScreen(page, 'batch-progress-paused');
    await page.setViewportSize(PHONE);
    await checkScreen(page, 'batch-progress-paused');
    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByRole('heading', { name: 'Creating leads…' })).toBeVisible();

    // A reload in the middle: the batch goes on by itself where it was.
    await expect(status).toContainText(/^(2\d|3\d) of 47 done/, { timeout: 60_000 });
    await reloadSignedIn(page, 'bff');
    await expect(page.getByRole('heading', { name: 'Batch finished' })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText('47 leads were created in Pipedrive; 3 rows were not.')).toBeVisible();
    const notCreated = page.locator('.batch-summary__not-sent').getByRole('listitem');
    await expect(notCreated).toHaveText([
      'Row 5: Value: Enter the value as a number, like 1500',
      'Row 17: Email: Enter an email address in the right format, like name@example.com',
      'Row 33: Customer type: Select Customer type from the list',
    ]);
    await expect(page.locator('.batch-summary__created').getByRole('link')).toHaveCount(47);
    await checkScreen(page, 'batch-summary');
    await page.setViewportSize(PHONE);
    await checkScreen(page, 'batch-summary');
    await page.setViewportSize(DESKTOP);

    // The download holds the three rows with why.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the rows not created (CSV)' }).click();
    const csv = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of csv) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('Title,Name,Email,Organization,Customer type,Value,Why not created');
    expect(lines[2]).toContain('not-an-email');
    expect(lines[2]).toContain('Enter an email address in the right format');

    // Pipedrive (the sandbox, over HTTP) holds exactly the 47 leads, each once, and each person once.
    const { titles } = await storedLeads(api, sheet.people);
    const good = sheet.titles.filter((_, i) => BAD_ROWS[i + 1] === undefined);
    expect(titles.filter((title) => title.endsWith(tag)).sort()).toEqual([...good].sort());
    for (const title of sheet.titles.slice(0, 3)) {
      expect(await api.leadPostsReceived(title), title).toBe(1);
    }
  });
});

test.describe('spa mode', () => {
  test('a short batch: contacts found in Pipedrive are used, each row is created once across a sign-in again', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { api } = await signInWithApi(page, 'spa');
    const tag = `${Date.now()}`;
    const text = [
      'Title\tName\tEmail\tCustomer type',
      `Spa batch 1 ${tag}\tAda Lovelace\tada.lovelace@analytical-engines.example\tCompany`,
      `Spa batch 2 ${tag}\tSpa Person ${tag}\tspa.${tag}@example.com\tCompany`,
      `Spa batch 3 ${tag}\tSpa Person ${tag}\tspa.${tag}@example.com\tCompany`,
    ].join('\n');
    await openBatch(page);
    await pasteRows(page, text);
    await page.getByRole('button', { name: 'Look up contacts' }).click();
    await expect(page.getByRole('row').filter({ hasText: `Spa batch 1 ${tag}` })).toContainText(
      'Ada Lovelace: in Pipedrive (same email and same name)',
    );
    await page.getByRole('button', { name: 'Create 3 leads' }).click();
    await expect(page.getByRole('heading', { name: 'Batch finished' })).toBeVisible({ timeout: 60_000 });
    // A reload signs a browser-only session out; signed in again (on the form), the batch is still done.
    await reloadSignedIn(page, 'spa');
    await openBatch(page);
    await expect(page.getByRole('heading', { name: 'Batch finished' })).toBeVisible();
    await page.waitForTimeout(DEFAULT_ENV_SEARCH_LAG_MS + 500);
    await expect(page.getByText('3 leads were created in Pipedrive.')).toBeVisible();
    for (const n of [1, 2, 3]) expect(await api.leadPostsReceived(`Spa batch ${n} ${tag}`)).toBe(1);
    const found = (await api.get(
      `/api/v2/persons/search?term=${encodeURIComponent(`spa.${tag}@example.com`)}&fields=email&exact_match=true`,
    )) as { items: unknown[] };
    expect(found.items).toHaveLength(1);
  });
});
