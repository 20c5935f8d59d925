import { expect, type Page } from '@playwright/test';

/** Paste to fill: the "Paste contact details" dialog of the lead form. */
export class PasteDialogPage {
  constructor(readonly page: Page) {}

  get openButton() {
    return this.page.getByRole('button', { name: 'Paste contact details' });
  }
  get dialog() {
    return this.page.getByRole('dialog', { name: 'Paste contact details' });
  }
  get text() {
    return this.dialog.getByRole('textbox', { name: 'Contact details' });
  }
  get readButton() {
    return this.dialog.getByRole('button', { name: /^Read (the text|again)$/ }).first();
  }
  get accept() {
    return this.dialog.getByRole('button', { name: 'Use these details' });
  }
  /** A proposed value's text box, by its label ("Name", "Email", "Phone 2"). */
  field(label: string) {
    return this.dialog.getByRole('textbox', { name: label, exact: true });
  }
  use(label: string) {
    return this.dialog.getByRole('checkbox', { name: `Use ${label}`, exact: true });
  }

  async open() {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.text).toBeFocused();
  }

  async read(text: string) {
    await this.text.fill(text);
    await this.readButton.click();
  }
}
