import type { Page } from '@playwright/test';
import { checkScreen } from './check-screen.ts';
import { expect, type SessionMode, signInWithApi, test } from './fixtures.ts';
import { LeadFormPage } from './pages/lead-form-page.ts';
import { PasteDialogPage } from './pages/paste-dialog-page.ts';
import { SandboxSignInPage } from './pages/sandbox-sign-in-page.ts';
import { DEMO_USER } from './sandbox-accounts.ts';

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1280, height: 800 };

/** Letters only, so the made-up surname still reads as a name: a different one each run. */
function uniqueSurname(): string {
  const letters = 'bcdfghjklmnprstvwz';
  const vowels = 'aeiou';
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  let name = '';
  while (n > 0) {
    name += letters[n % letters.length];
    n = Math.floor(n / letters.length);
    name += vowels[n % vowels.length];
    n = Math.floor(n / vowels.length);
  }
  return `${name[0]?.toUpperCase()}${name.slice(1)}`;
}

/** A Berlin number of seven digits, different each run, so the phone look-up finds nobody else. */
const uniqueBerlinNumber = () => `+49 30 ${String(2_000_000 + Math.floor(Math.random() * 7_000_000))}`;

function signature(name: string, email: string, phone: string, organization: string) {
  return `Mit freundlichen Grüßen

${name}
Head of Sales | ${organization}
Tel. ${phone} | Fax +49 30 9999999
${email}
www.${organization.split(' ')[0]?.toLowerCase()}-werkzeuge.example
Friedrichstraße 123, 10117 Berlin`;
}

const MODES: SessionMode[] = ['bff', 'spa'];

for (const mode of MODES) {
  test.describe(`${mode} mode`, () => {
    test('a pasted signature is proposed, accepted, looked up like any inline create, and the lead is created with that person', async ({
      page,
    }) => {
      const { leadForm: form, api } = await signInWithApi(page, mode);
      const surname = uniqueSurname();
      const name = `Ines ${surname}`;
      const email = `ines.${surname.toLowerCase()}@${surname.toLowerCase()}-werkzeuge.example`;
      const phone = uniqueBerlinNumber();
      const organization = `${surname} Werkzeuge GmbH`;
      const paste = new PasteDialogPage(page);
      await paste.open();
      await paste.read(signature(name, email, phone, organization));

      await expect(paste.dialog.getByRole('heading', { name: 'What QuickLead read' })).toBeFocused();
      await expect(paste.field('Name')).toHaveValue(name);
      await expect(paste.field('Email')).toHaveValue(email);
      await expect(paste.field('Phone')).toHaveValue(phone);
      await expect(paste.field('Job title')).toHaveValue('Head of Sales');
      await expect(paste.field('Organization')).toHaveValue(organization);
      await expect(paste.field('Address')).toHaveValue('Friedrichstraße 123, 10117 Berlin');
      // Each value says what it was read from and where it goes; the fax is listed as not used.
      await expect(paste.dialog.getByText(`Read from “Tel. ${phone}”.`)).toBeVisible();
      await expect(
        paste.dialog.getByText(/Goes to the lead’s note: Pipedrive people have no job title field/),
      ).toBeVisible();
      await expect(paste.dialog.getByText('1 line not used')).toBeVisible();
      if (mode === 'bff') {
        // Tall screens, so the screenshot shows the whole proposal (on a real one the dialog scrolls).
        await page.setViewportSize({ ...DESKTOP, height: 1800 });
        await checkScreen(page, 'paste-dialog-proposal');
        await page.setViewportSize({ ...PHONE, height: 2600 });
        await checkScreen(page, 'paste-dialog-proposal');
        await page.setViewportSize(DESKTOP);
      }
      // The rep corrects a value before accepting it.
      await paste.field('Job title').fill('Head of Sales, DACH');

      await paste.accept.click();
      await expect(paste.dialog).toBeHidden();

      // The organization first, with what was read for it; its look-up by name runs, finds nobody.
      const orgDialog = page.getByRole('dialog', { name: 'Create organization' });
      await expect(orgDialog.getByRole('textbox', { name: 'Name' })).toHaveValue(organization);
      await expect(orgDialog.getByRole('textbox', { name: /^Address/ })).toHaveValue(
        'Friedrichstraße 123, 10117 Berlin',
      );
      const orgCreated = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith('/v2/organizations'),
      );
      await orgDialog.getByRole('button', { name: 'Create organization' }).click();
      const orgData = ((await (await orgCreated).json()) as { data: { id: number; website: string | null } })
        .data;
      expect(orgData.website).toBe(`www.${surname.toLowerCase()}-werkzeuge.example`);

      // Then the person, in that organization: the duplicate look-up searches the email and phone.
      const personDialog = page.getByRole('dialog', { name: 'Create person' });
      await expect(personDialog.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
      await expect(personDialog.getByRole('textbox', { name: /^Email/ })).toHaveValue(email);
      await expect(personDialog.getByRole('textbox', { name: /^Phone/ })).toHaveValue(phone);
      await expect(personDialog.getByRole('combobox', { name: /^Organization/ })).toHaveValue(organization);
      const emailLookup = page.waitForRequest((request) => {
        const url = new URL(request.url());
        return (
          url.pathname.endsWith('/v2/persons/search') &&
          url.searchParams.get('fields') === 'email' &&
          url.searchParams.get('term') === email
        );
      });
      const personCreated = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith('/v2/persons'),
      );
      await personDialog.getByRole('button', { name: 'Create person' }).click();
      await emailLookup;
      const person = (
        (await (await personCreated).json()) as {
          data: { id: number; org_id: number; emails: { value: string }[]; phones: { value: string }[] };
        }
      ).data;
      expect(person.emails.map((item) => item.value)).toEqual([email]);
      expect(person.phones.map((item) => item.value)).toEqual([phone]);
      expect(person.org_id).toBe(orgData.id);
      await expect(personDialog).toBeHidden();

      await expect(form.person).toHaveValue(name);
      await expect(form.organization).toHaveValue(organization);
      await expect(page.getByText('Added to the note: Job title.')).toBeVisible();
      await expect(page.getByRole('textbox', { name: /^Note/ })).toHaveValue(
        'Job title: Head of Sales, DACH',
      );
      await expect(form.title).toHaveValue(`${organization} lead`);
      await form.fillMandatory();
      const leadCreated = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().endsWith('/v1/leads'),
      );
      await form.submit.click();
      const lead = ((await (await leadCreated).json()) as { data: { id: string } }).data;
      await expect(page.getByRole('heading', { level: 1, name: `${organization} lead` })).toBeVisible();
      const stored = (await api.get(`/api/v1/leads/${lead.id}`)) as {
        person_id: number;
        organization_id: number;
      };
      expect(stored.person_id).toBe(person.id);
      expect(stored.organization_id).toBe(orgData.id);
    });

    test('text shared to QuickLead while signed out survives the sign-in and opens Paste to fill', async ({
      page,
    }) => {
      const shared = 'Ada Lovelace <ada@analytical-engines.example>';
      await page.goto(`/share?title=${encodeURIComponent('Contact')}&text=${encodeURIComponent(shared)}`);
      await expect(page).toHaveURL(/\/$/);
      await expect(
        page.getByRole('status').filter({ hasText: 'Paste to fill with what you shared' }),
      ).toBeVisible();
      await signInFromHere(page, mode);
      const paste = new PasteDialogPage(page);
      await expect(paste.dialog).toBeVisible();
      await expect(paste.text).toHaveValue(`Contact\n${shared}`);
      await expect(paste.field('Name')).toHaveValue('Ada Lovelace');
      await expect(paste.field('Email')).toHaveValue('ada@analytical-engines.example');
      await expect(page).toHaveURL(/\/$/);
      // Used once: it is not kept for the next form.
      expect(await page.evaluate(() => sessionStorage.getItem('quicklead.shared-text.v1'))).toBeNull();
    });
  });
}

test('text shared while signed in opens Paste to fill at once, the link after the text', async ({ page }) => {
  await signInWithApi(page, 'bff');
  await page.goto(
    `/share?text=${encodeURIComponent('Grace Hopper, COBOL Systems Ltd')}&url=${encodeURIComponent('https://cobol-systems.example')}`,
  );
  const paste = new PasteDialogPage(page);
  await expect(paste.dialog).toBeVisible();
  await expect(paste.text).toHaveValue('Grace Hopper, COBOL Systems Ltd\nhttps://cobol-systems.example');
  await expect(paste.field('Website')).toHaveValue('https://cobol-systems.example');
  await expect(page).toHaveURL(/\/$/);
});

test('text with no contact details says "Nothing recognised" and what it looks for, and fills nothing', async ({
  page,
}) => {
  const form = await signInWithApi(page, 'bff').then((signedIn) => signedIn.leadForm);
  const paste = new PasteDialogPage(page);
  await paste.open();
  await paste.read('The meeting is moved to Thursday. Bring the slides <b>and</b> the budget.');
  await expect(paste.dialog.getByRole('heading', { name: 'Nothing recognised' })).toBeVisible();
  await expect(
    paste.dialog.getByText(/QuickLead looks for a person’s name, email addresses, phone numbers/),
  ).toBeVisible();
  await expect(paste.accept).toBeHidden();
  await checkScreen(page, 'paste-dialog-nothing');
  await page.setViewportSize(PHONE);
  await checkScreen(page, 'paste-dialog-nothing');
  await page.setViewportSize(DESKTOP);
  await paste.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(paste.dialog).toBeHidden();
  await expect(form.person).toHaveValue('');
  await expect(paste.openButton).toBeFocused();
});

/** On the sign-in screen the page is on: choose the mode, sign in at the sandbox, wait for the form. */
async function signInFromHere(page: Page, mode: SessionMode) {
  const signInButton = page.getByRole('button', { name: /Sign in with/ });
  await expect(signInButton).toBeVisible();
  await page.getByRole('radio', { name: mode === 'bff' ? /^Server session/ : /^Browser only/ }).check();
  await signInButton.click();
  await new SandboxSignInPage(page).signInAllowingIfAsked(DEMO_USER);
  await expect(new LeadFormPage(page).heading).toBeVisible();
}
