import { expect, test } from './fixtures.ts';

// The check every test ends with can fail: a script the page's CSP refuses is caught twice, as the
// console error Chromium prints and as the issue it files for DevTools.
test('the console check catches what the browser refuses', async ({ page, consoleIssues }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: /Sign in with/ })).toBeVisible();
  await page.evaluate(() => {
    const inline = document.createElement('script');
    inline.textContent = 'window.inlineRan = true';
    document.body.append(inline);
  });
  await expect
    .poll(() => consoleIssues.unexpected())
    .toEqual([
      expect.stringMatching(/^console error: .*violates the following Content Security Policy directive/),
      expect.stringMatching(/^Chromium issue ContentSecurityPolicyIssue: .*kInlineViolation/),
    ]);
  expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
  consoleIssues.expect(/Content Security Policy|ContentSecurityPolicyIssue/, 'caused above, on purpose');
});
