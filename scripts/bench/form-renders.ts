/**
 * Renders of the lead form while a rep types, counted by React's Profiler in the profiling build
 * (`vite build --config vite.profiling.config.ts`, served like the production build): the form's
 * own probe renders only when the form does, each field's probe when anything in that field does
 * (src/leads/form/render-probes.ts). The budget: 0 renders of the form per keystroke.
 */
import type { Browser, Page } from '@playwright/test';
import { FIELD_RENDER_PROBES, FORM_RENDER_PROBE } from '../../src/leads/form/render-probes.ts';
import { RENDER_COUNTS_GLOBAL } from '../../src/ui/render-probe-global.ts';
import { signIn } from './app-under-test.ts';

const FORM_RENDERS_PER_KEYSTROKE_BUDGET = 0;

interface FieldTyping {
  field: string;
  keystrokes: number;
  formRenders: number;
  fieldRenders: number;
}

const renderCounts = (page: Page) =>
  page.evaluate(
    (name) => ({ ...((globalThis as Record<string, unknown>)[name] as Record<string, number> | undefined) }),
    RENDER_COUNTS_GLOBAL,
  );

const resetRenderCounts = (page: Page) =>
  page.evaluate((name) => {
    const counts = (globalThis as Record<string, unknown>)[name] as Record<string, number>;
    for (const id of Object.keys(counts)) delete counts[id];
  }, RENDER_COUNTS_GLOBAL);

/** Two frames: whatever a keystroke set off has been committed. */
const settled = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/**
 * Types `text` key by key (60 ms apart, like a person) into the field that has the focus, and reads
 * the renders of the whole form and of that field's probe meanwhile.
 */
async function countWhileTyping(
  page: Page,
  field: string,
  probe: string,
  text: string,
): Promise<FieldTyping> {
  await resetRenderCounts(page);
  await page.keyboard.type(text, { delay: 60 });
  await settled(page);
  const counts = await renderCounts(page);
  return {
    field,
    keystrokes: text.length,
    formRenders: counts[FORM_RENDER_PROBE] ?? 0,
    fieldRenders: counts[probe] ?? 0,
  };
}

export async function measureFormRenders(browser: Browser): Promise<FieldTyping[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, 'bff');
  const probed = await page.evaluate((name) => name in globalThis, RENDER_COUNTS_GLOBAL);
  if (!probed) throw new Error('the page counts no renders: is this the profiling build (dist-profiling)?');

  await page.getByRole('textbox', { name: 'Title' }).click();
  const title = await countWhileTyping(page, 'title', FIELD_RENDER_PROBES.title, 'Bench lead');

  // Moving into the value reads the currencies; their arrival is not a keystroke, so it is let
  // land before counting. Until then the currency select holds the rep's default code alone; the
  // account's list names each one ("EUR – Euro").
  const value = page.getByRole('group', { name: /^Value/ });
  await value.getByRole('textbox', { name: 'Amount' }).click();
  await value.getByRole('option', { name: / – / }).first().waitFor({ state: 'attached' });
  await settled(page);
  const amount = await countWhileTyping(page, 'amount', FIELD_RENDER_PROBES.value, '1234567890');
  await context.close();
  return [title, amount];
}

/** Prints the figures; returns what is over the budget. */
export function printFormRenders(typings: readonly FieldTyping[]): string[] {
  console.log(
    `\nRenders while typing in the lead form (profiling build, React Profiler; budget ${FORM_RENDERS_PER_KEYSTROKE_BUDGET} form-level renders per keystroke)\n`,
  );
  console.log(
    `${'field'.padEnd(8)} ${'keystrokes'.padStart(10)} ${'form-level renders'.padStart(18)} ${"field's own renders".padStart(19)}`,
  );
  for (const typing of typings) {
    console.log(
      `${typing.field.padEnd(8)} ${String(typing.keystrokes).padStart(10)} ${String(typing.formRenders).padStart(18)} ${String(typing.fieldRenders).padStart(19)}`,
    );
  }
  return typings
    .filter((typing) => typing.formRenders > FORM_RENDERS_PER_KEYSTROKE_BUDGET * typing.keystrokes)
    .map(
      (typing) =>
        `${typing.formRenders} renders of the whole form for ${typing.keystrokes} keystrokes in the ${typing.field} (budget ${FORM_RENDERS_PER_KEYSTROKE_BUDGET} per keystroke)`,
    );
}
