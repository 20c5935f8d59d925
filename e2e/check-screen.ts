import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The Content Security Policy violations this page has had since it loaded, as the browser
 * reported them (buffered reports included, so none that happened before the check is missed).
 */
async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const observer = new ReportingObserver(
          (reports) => resolve(reports.map((report) => JSON.stringify(report.body))),
          { types: ['csp-violation'], buffered: true },
        );
        observer.observe();
        // Buffered reports arrive in the next tasks; none by then means there were none.
        setTimeout(() => resolve([]), 250);
      }),
  );
}

/**
 * Runs axe on the page as it is now, checks the page is no wider than the screen (WCAG 1.4.10
 * reflow) and has broken no rule of its Content Security Policy, and keeps a screenshot in
 * `screenshots/` for a person to look at.
 */
export async function checkScreen(page: Page, name: string) {
  expect(await cspViolations(page), `${name} broke the Content Security Policy`).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} is wider than the screen`).toBeLessThanOrEqual(0);
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: `screenshots/${name}-${width}.png`, fullPage: true });
}

const PHONE_WIDTH = { width: 375, height: 740 };
const DESKTOP_WIDTH = { width: 1280, height: 800 };

/** `checkScreen` at 1280 px, then at 375 px; the page is left at 1280 px for what follows. */
export async function checkScreenAtBothWidths(page: Page, name: string) {
  await page.setViewportSize(DESKTOP_WIDTH);
  await checkScreen(page, name);
  await page.setViewportSize(PHONE_WIDTH);
  await checkScreen(page, name);
  await page.setViewportSize(DESKTOP_WIDTH);
}
