import { expect, type Page } from '@playwright/test';

/** The note and "Schedule a follow-up" on the lead form, and what the card shows of them. */
export class LeadPartsPage {
  constructor(readonly page: Page) {}

  get note() {
    return this.page.getByRole('textbox', { name: /^Note/ });
  }
  get followUpTitle() {
    return this.page.getByText('Schedule a follow-up', { exact: true });
  }
  get type() {
    return this.page.getByRole('combobox', { name: 'Activity type', exact: true });
  }
  get subject() {
    return this.page.getByRole('textbox', { name: /^Subject/ });
  }
  get day() {
    return this.page.getByLabel('Day', { exact: true });
  }
  get time() {
    return this.page.getByLabel(/^Time/);
  }
  quickPick(name: 'Tomorrow 9:00' | 'In 3 days' | 'Next Monday') {
    return this.page.getByRole('button', { name });
  }

  /** Opens "Schedule a follow-up" and waits for the account's activity types. */
  async openFollowUp() {
    await this.followUpTitle.click();
    await expect(this.type).toHaveValue('call');
  }

  /** The lead's id, from the card's link into Pipedrive. */
  async createdLeadId(): Promise<string> {
    const href = await this.page.getByRole('link', { name: /Open in Pipedrive/ }).getAttribute('href');
    const id = /\/leads\/inbox\/([0-9a-f-]{36})$/.exec(href ?? '')?.[1];
    if (!id) throw new Error(`no lead id in the card's link ${href}`);
    return id;
  }
}
