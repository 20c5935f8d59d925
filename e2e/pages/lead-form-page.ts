import { expect, type Locator, type Page } from '@playwright/test';
import { SANDBOX_FIXTURES } from '../sandbox-accounts.ts';

/** QuickLead's lead form and the card it shows after a create. */
export class LeadFormPage {
  constructor(readonly page: Page) {}

  get heading() {
    return this.page.getByRole('heading', { level: 1, name: 'New lead' });
  }
  get title() {
    return this.page.getByRole('textbox', { name: 'Title' });
  }
  get person() {
    return this.page.getByRole('combobox', { name: 'Person' });
  }
  get organization() {
    return this.page.getByRole('combobox', { name: 'Organization' });
  }
  /** The sandbox account's one mandatory custom field. */
  get customerType() {
    return this.page.getByRole('combobox', { name: 'Customer type' });
  }
  get submit() {
    return this.page.getByRole('button', { name: /Create lead|Creating lead|Waiting for the network/ });
  }
  get errorSummary() {
    return this.page.getByRole('alert').filter({ hasText: 'There is a problem' });
  }
  /** The open leads of the picked person or organization, above Create lead. */
  get openLeadWarning() {
    return this.page.getByRole('region', { name: /^Open leads? in Pipedrive$/ });
  }
  get createAnyway() {
    return this.page.getByRole('button', { name: 'Create lead anyway' });
  }
  get recentLeads() {
    return this.page.getByRole('region', { name: 'Your recent leads' });
  }
  get card() {
    return this.page.getByRole('region', { name: /./ }).filter({ hasText: 'Lead created in Pipedrive' });
  }

  /** Fills what every lead needs besides a title and a contact: the mandatory custom field. */
  async fillMandatory() {
    await this.customerType.selectOption({ label: 'Company' });
  }

  /**
   * Creates the lead for a contact that already has an open lead, as every contact the tests pick
   * from the seed does (sandbox/seed/seed-leads.ts): the first press is stopped by the warning,
   * which takes focus; the second, "Create lead anyway", creates.
   */
  async submitPastOpenLead() {
    await this.submit.click();
    await this.pressAnywayAfterWarning();
  }

  /**
   * The open-lead warning is up and has named the lead's owner: every read it needed is done, so a
   * test may now end the session or spend the budget without one of them failing on the way.
   */
  async openLeadWarningSettled() {
    await expect(this.openLeadWarning).toContainText(/, owner [^.]+\./);
  }

  /** The press just made was stopped by the open-lead warning: press again to create anyway. */
  async pressAnywayAfterWarning() {
    await expect(this.openLeadWarning).toBeFocused();
    await this.createAnyway.click();
  }

  /**
   * Creates a lead titled `title` for the sandbox's fixture person, past the open lead the seed
   * gives her; answers the lead's id once the card shows.
   */
  async createForFixturePerson(title: string): Promise<string> {
    await this.fillForFixturePerson(title);
    const created = this.page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/v1/leads'),
    );
    await this.submitPastOpenLead();
    const { data } = (await (await created).json()) as { data: { id: string } };
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    return data.id;
  }

  /** Fills in a lead titled `title` for the sandbox's fixture person, ready to create. */
  async fillForFixturePerson(title: string) {
    const { person } = SANDBOX_FIXTURES;
    await this.title.fill(title);
    await this.pick(this.person, person.search, person.name);
    await this.fillMandatory();
  }

  /** Types into a picker and chooses the option whose name matches. */
  async pick(picker: Locator, search: string, optionName: string) {
    await picker.fill(search);
    const option = this.page
      .getByRole('option', { name: new RegExp(`^${escapeRegExp(optionName)}`) })
      .first();
    await expect(option).toBeVisible();
    await option.click();
    await expect(picker).toHaveValue(optionName);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
