import { expect, test } from './fixtures.ts';

/** Counts the creates the page sends, in either session mode. */
function countCreates(page: import('@playwright/test').Page): () => number {
  let creates = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/v1/leads')) creates += 1;
  });
  return () => creates;
}

test('a double click on Create lead sends one lead', async ({ leadForm, page }) => {
  const creates = countCreates(page);
  await leadForm.title.fill(`Double click ${Date.now()}`);
  await leadForm.pick(leadForm.person, 'Lovelace', 'Ada Lovelace');
  await leadForm.fillMandatory();
  await leadForm.submit.dblclick();
  await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(creates()).toBe(1);
});

test('Enter held down in the title sends one lead', async ({ leadForm, page }) => {
  const creates = countCreates(page);
  await leadForm.pick(leadForm.person, 'Lovelace', 'Ada Lovelace');
  await leadForm.fillMandatory();
  await leadForm.title.fill(`Enter held down ${Date.now()}`);
  await leadForm.title.focus();
  // A held key repeats: several keydowns before the first answer comes back.
  for (let i = 0; i < 8; i++) await page.keyboard.down('Enter');
  await page.keyboard.up('Enter');
  await expect(page.getByText('Lead created in Pipedrive')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(creates()).toBe(1);
});

test('offline, the lead waits; back online, it is sent once', async ({ leadForm, page, context }) => {
  const creates = countCreates(page);
  const title = `Sent when back online ${Date.now()}`;
  await leadForm.title.fill(title);
  await leadForm.pick(leadForm.person, 'Lovelace', 'Ada Lovelace');
  await leadForm.fillMandatory();

  await context.setOffline(true);
  await leadForm.submit.click();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
  await leadForm.submit.click();
  expect(creates()).toBe(0);
  await expect(leadForm.title).toHaveValue(title);

  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(creates()).toBe(1);
});
