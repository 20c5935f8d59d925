import type { BrowserContext, ConsoleMessage, Page } from '@playwright/test';

interface ExpectedIssue {
  pattern: RegExp;
  why: string;
}

function describeConsoleMessage(message: ConsoleMessage): string {
  const where = message.location().url;
  return `console ${message.type()}: ${message.text()}${where ? ` (${where})` : ''}`;
}

/**
 * What the browser itself complained about while a test ran: console errors and warnings, uncaught
 * exceptions, and the issues Chromium files for its DevTools Issues panel (the ones Lighthouse's
 * best-practices score counts: CSP, cookies, deprecated features, form fields it cannot label…).
 *
 * A test that provokes a failing answer on purpose (a 429, a dropped connection) says so with
 * `expect`, naming the message and why; anything else the browser logs fails the test.
 */
export class ConsoleIssues {
  private readonly seen: string[] = [];
  private readonly expected: ExpectedIssue[] = [];

  async watchContext(context: BrowserContext): Promise<void> {
    for (const page of context.pages()) await this.watch(page);
    context.on('page', (page) => void this.watch(page));
  }

  private async watch(page: Page): Promise<void> {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        this.seen.push(describeConsoleMessage(message));
    });
    page.on('pageerror', (error) => this.seen.push(`uncaught ${error.name}: ${error.message}`));
    const devtools = await page.context().newCDPSession(page);
    devtools.on('Audits.issueAdded', ({ issue }) => {
      this.seen.push(`Chromium issue ${issue.code}: ${JSON.stringify(issue.details)}`);
    });
    await devtools.send('Audits.enable');
  }

  /** A message this test causes on purpose; `why` is for the reader. */
  expect(pattern: RegExp, why: string): void {
    this.expected.push({ pattern, why });
  }

  /**
   * Chromium logs every request that fails, whether the page handles it or not. A test that makes
   * one fail on purpose names the status (or a broken connection) and the path it provokes it on.
   */
  expectFailedLoad(failure: number | 'broken connection', path: string, why: string): void {
    const what =
      failure === 'broken connection'
        ? 'net::ERR_[A-Z_]+'
        : `the server responded with a status of ${failure} `;
    const where = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    this.expect(
      new RegExp(`^console error: Failed to load resource: ${what}.*\\(http[^)]*${where}[^)]*\\)$`),
      why,
    );
  }

  /** Everything logged that no `expect` accounts for. */
  unexpected(): string[] {
    return this.seen.filter((line) => !this.expected.some(({ pattern }) => pattern.test(line)));
  }
}
