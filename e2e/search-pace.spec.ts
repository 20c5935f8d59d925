import { expect, signIn, test } from './fixtures.ts';

/**
 * Pipedrive allows 10 searches per 2 s per token, and the sandbox refuses the 11th with a 429. A rep
 * typing fast or slowly in a picker never meets that limit.
 */
for (const { pace, delay } of [
  { pace: 'fast (40 ms a key)', delay: 40 },
  { pace: 'slowly (400 ms a key)', delay: 400 },
]) {
  test(`typing a person's name ${pace} draws no 429 from the search limit`, async ({ page }) => {
    test.setTimeout(60_000);
    const form = await signIn(page);
    const searches: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('/persons/search')) searches.push(response.status());
    });

    for (const name of ['Lovelace', 'Scorpio', 'Ada Lovelace']) {
      await form.person.fill('');
      await form.person.pressSequentially(name, { delay });
      await expect(page.getByRole('option').first()).toBeVisible();
    }

    expect(searches.length).toBeGreaterThan(0);
    expect(searches.filter((status) => status === 429)).toEqual([]);
  });
}
