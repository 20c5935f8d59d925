import { expect, test } from './fixtures.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the first paint already looks like QuickLead: its header and a loading line, styled', async ({
    page,
  }) => {
    await page.goto('/');
    const header = page.locator('header.app-header');
    await expect(header).toContainText('QuickLead');
    await expect(page.getByRole('status')).toHaveText('Loading QuickLead…');
    // The app's own CSS is there before any script: the header has its colour.
    expect(await header.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
      'rgba(0, 0, 0, 0)',
    );
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `screenshots/first-paint-${width}.png` });
    }
  });
});

test('loading the sign-in page moves nothing once drawn (cumulative layout shift 0)', async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  const shifts = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts);
  expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
});
