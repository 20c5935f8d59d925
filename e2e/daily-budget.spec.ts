import { SANDBOX_ADMIN_HEADERS } from '../sandbox/admin/admin-guard.ts';
import { checkScreen } from './check-screen.ts';
import { expect, sandboxApiOrigin, signInWithApi, test } from './fixtures.ts';

/**
 * The company's daily token budget is shared by everything on one sandbox, so this spec runs in a
 * project of its own, after every other test on that sandbox (playwright.config.ts).
 */
test('a spent daily budget: the lead is queued with a plain explanation, kept, and sent once when topped up', async ({
  page,
  consoleIssues,
}) => {
  consoleIssues.expectFailedLoad(429, '/api/v1/leads', 'the spent budget under test');
  const { leadForm: form, api } = await signInWithApi(page, 'bff');
  const title = `Spent budget ${Date.now()}`;
  await form.title.fill(title);
  await form.pick(form.person, 'Lovelace', 'Ada Lovelace');
  await form.fillMandatory();
  // Her open leads (and their owner's name) are read as she is picked: before the budget is spent.
  await form.openLeadWarningSettled();

  const budget = `${await sandboxApiOrigin(page)}/__sandbox/usage/budget`;
  const setBudget = (remaining: number) =>
    page.request.post(budget, { data: { remaining }, headers: SANDBOX_ADMIN_HEADERS });
  expect((await setBudget(0)).ok()).toBe(true);
  try {
    // Ada Lovelace's open leads were read when she was picked: the warning needs no budget.
    await form.submitPastOpenLead();
    await expect(page.getByText(/Pipedrive API budget for today is used up\. It resets at/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Queued until / })).toBeVisible();
    // No hour-long countdown, and nothing typed is lost.
    await expect(page.getByText(/Sending again in/)).toHaveCount(0);
    await expect(form.title).toHaveValue(title);
    await checkScreen(page, 'lead-queued-for-budget');
    expect(await api.leadPostsReceived(title)).toBe(1);
  } finally {
    // Topped up (as an admin buying more would), whatever happened above.
    expect((await setBudget(1_000_000)).ok()).toBe(true);
  }

  await page.getByRole('button', { name: 'Try now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  // The refused create was not processed (a 429); the one sent after the top-up is the only lead.
  expect(await api.leadPostsReceived(title)).toBe(2);
  const leads = (await api.get('/api/v1/leads?sort=add_time%20DESC&limit=100')) as Array<{ title: string }>;
  expect(leads.filter((lead) => lead.title === title)).toHaveLength(1);
});
