import { expect, type Locator, type Page } from '@playwright/test';

/** The OAuth inspector: the header's toggle, the panel and its timeline of steps. */
export class InspectorPanelPage {
  constructor(readonly page: Page) {}

  get toggle() {
    return this.page.getByRole('button', { name: 'OAuth inspector' });
  }
  get panel() {
    return this.page.getByRole('complementary', { name: 'OAuth inspector' });
  }
  get steps() {
    return this.panel.getByRole('article');
  }

  /** The panel's way to revoke the tokens: Disconnect, behind the same confirmation as the header's. */
  get disconnectButton() {
    return this.panel.getByRole('button', { name: 'Revoke tokens and disconnect…' });
  }

  step(title: RegExp): Locator {
    return this.panel.getByRole('article', { name: title });
  }

  async open() {
    await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(this.panel.getByRole('heading', { name: 'OAuth inspector' })).toBeFocused();
  }

  /** The value shown for a fact (`code_verifier`, `state`, …) of a step, as text. */
  fact(step: Locator, label: string): Locator {
    return step
      .locator('.fact')
      .filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) })
      .locator('.fact__code');
  }

  factRow(step: Locator, label: string): Locator {
    return step
      .locator('.fact')
      .filter({ has: this.page.getByRole('term').getByText(label, { exact: true }) });
  }

  async showSecrets(step: Locator) {
    const button = step.getByRole('button', { name: 'Show secrets' });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  /** Opens a step's "HTTP request and response" and returns the curl command shown there. */
  async curlOf(step: Locator): Promise<string> {
    await step.getByText('HTTP request and response').click();
    const curl = step.locator('pre').filter({ hasText: /^curl / });
    await expect(curl).toBeVisible();
    return curl.innerText();
  }

  /** Opens a step's "HTTP request and response" and returns all it shows, as text. */
  async httpOf(step: Locator): Promise<string> {
    await step.getByText('HTTP request and response').click();
    const shown = step.locator('pre').first();
    await expect(shown).toBeVisible();
    return (await step.locator('pre').allInnerTexts()).join('\n');
  }
}
