import { expect, test } from '@playwright/test';
import { signIn } from './fixtures.ts';

for (const mode of ['bff', 'spa'] as const) {
  test(`${mode} mode: the built app is served with a strict CSP and breaks none of it`, async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto('/');
    const headers = response?.headers() ?? {};
    const csp = headers['content-security-policy'] ?? '';

    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');

    const form = await signIn(page, mode);
    await form.person.fill('Lovelace');
    await expect(page.getByRole('option').first()).toBeVisible();
    expect(violations).toEqual([]);
  });
}

test('names are rendered as text, never as markup', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (dialog) => {
    dialogs += 1;
    await dialog.dismiss();
  });
  const form = await signIn(page);
  await form.title.fill('<img src=x onerror=alert(1)> lead');
  await form.pick(form.person, 'Bobby', 'Bobby <img src=x onerror=alert(1)> Tables');
  await form.fillMandatory();
  await form.submitPastOpenLead();

  await expect(
    page.getByRole('heading', { level: 1, name: '<img src=x onerror=alert(1)> lead' }),
  ).toBeVisible();
  // On the card, and in the recent leads under it.
  await expect(form.card.getByText('Bobby <img src=x onerror=alert(1)> Tables')).toBeVisible();
  await expect(form.recentLeads.getByText('Bobby <img src=x onerror=alert(1)> Tables')).toBeVisible();
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
