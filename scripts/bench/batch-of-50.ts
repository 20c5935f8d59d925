/**
 * The batch of 50: a rep pastes 50 spreadsheet rows (eight new people at three new organizations),
 * has the contacts looked up, then presses "Create 50 leads", in `bff` mode against the
 * production build and a fresh sandbox. Three runs, each with rows and contacts of its own.
 * Figures: the time from the press to "Batch finished" (median of the runs), and for the look-up
 * and the create each, the requests by endpoint and the tokens the sandbox charged for them (its
 * own ledger, which charges each endpoint's documented cost), beside the cost the screen showed
 * before starting. The 429s are the sandbox's own refusals (burst, search, daily budget): the
 * batch must meet none.
 */
import type { Browser, Page } from '@playwright/test';
import { median } from '../measuring.ts';
import { API, signIn } from './app-under-test.ts';

const ROWS = 50;
const RUNS = 3;
const PEOPLE = 8;
const ORGANIZATIONS = 3;

interface UsageReport {
  totalTokenCost: number;
  requests: Array<{ endpoint: string; count: number; tokenCost: number }>;
  refused: Record<'burst' | 'search' | 'daily', number>;
}

/** What the sandbox counted between two reports of its ledger. */
interface Spent {
  tokens: number;
  byEndpoint: Map<string, number>;
  refused: number;
}

interface BatchRun {
  createMs: number;
  /** The documented cost "Create 50 leads" showed before the press. */
  shownTokens: number;
  lookUp: Spent;
  create: Spent;
  /** Answers of 429 the page itself saw, from anywhere. */
  tooManySeen: number;
}

async function usage(): Promise<UsageReport> {
  return (await (await fetch(`${API}/__sandbox/usage`)).json()) as UsageReport;
}

function spentBetween(before: UsageReport, after: UsageReport): Spent {
  const counted = new Map(before.requests.map((entry) => [entry.endpoint, entry.count]));
  const byEndpoint = new Map<string, number>();
  for (const entry of after.requests) {
    const count = entry.count - (counted.get(entry.endpoint) ?? 0);
    if (count > 0) byEndpoint.set(entry.endpoint, count);
  }
  const refused = (report: UsageReport) => Object.values(report.refused).reduce((sum, n) => sum + n, 0);
  return {
    tokens: after.totalTokenCost - before.totalTokenCost,
    byEndpoint,
    refused: refused(after) - refused(before),
  };
}

/** Fifty rows as a spreadsheet copies them: tab-separated, a header row, contacts named on several rows. */
function spreadsheet(tag: string): string {
  const header = ['Title', 'Name', 'Email', 'Organization', 'Customer type', 'Value'];
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const person = (i % PEOPLE) + 1;
    return [
      `Bench batch lead ${i + 1} ${tag}`,
      `Bench Person ${person} ${tag}`,
      `bench.person${person}.${tag}@example.com`,
      `Bench Org ${(i % ORGANIZATIONS) + 1} ${tag}`,
      'Company',
      String(100 * (i + 1)),
    ];
  });
  return [header, ...rows].map((row) => row.join('\t')).join('\n');
}

async function batchRun(page: Page, run: number): Promise<BatchRun> {
  let tooManySeen = 0;
  page.on('response', (response) => {
    if (response.status() === 429) tooManySeen += 1;
  });
  await signIn(page, 'bff');
  await page
    .getByRole('navigation', { name: 'Add leads' })
    .getByRole('link', { name: 'Many at once' })
    .click();
  await page
    .getByRole('textbox', { name: 'Rows from a spreadsheet' })
    .fill(spreadsheet(`${Date.now()}r${run}`));
  await page.getByRole('button', { name: 'Read rows' }).click();

  const beforeLookUp = await usage();
  await page.getByRole('button', { name: 'Look up contacts' }).click();
  const create = page.getByRole('button', { name: `Create ${ROWS} leads` });
  await create.waitFor({ timeout: 60_000 });
  const afterLookUp = await usage();
  const cost = (await page.locator('#batch-cost').textContent()) ?? '';
  const shownTokens = Number(/Creating uses (\d+)/.exec(cost)?.[1] ?? Number.NaN);

  const start = performance.now();
  await create.click();
  await page.getByRole('heading', { name: 'Batch finished' }).waitFor({ timeout: 180_000 });
  const createMs = performance.now() - start;
  await page.getByText(`${ROWS} leads were created in Pipedrive.`).waitFor();
  const afterCreate = await usage();
  return {
    createMs,
    shownTokens,
    lookUp: spentBetween(beforeLookUp, afterLookUp),
    create: spentBetween(afterLookUp, afterCreate),
    tooManySeen,
  };
}

export async function measureBatch(browser: Browser): Promise<BatchRun[]> {
  const runs: BatchRun[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const context = await browser.newContext();
    try {
      runs.push(await batchRun(await context.newPage(), run));
    } finally {
      await context.close();
    }
  }
  return runs;
}

/** Prints the section; returns what failed it (any 429). */
export function printBatch(runs: readonly BatchRun[]): string[] {
  console.log(
    `\nQuickLead bench, batch of ${ROWS}: paste ${ROWS} rows (${PEOPLE} new people, ${ORGANIZATIONS} new organizations), look the contacts up, create (bff mode, production build, ${runs.length} runs)\n`,
  );
  const runColumns = runs.map((_, i) => `run ${i + 1}`.padStart(7)).join(' ');
  for (const phase of ['lookUp', 'create'] as const) {
    console.log(
      `${(phase === 'lookUp' ? 'look-up: endpoint' : 'create: endpoint').padEnd(40)} ${runColumns}`,
    );
    const endpoints = [...new Set(runs.flatMap((run) => [...run[phase].byEndpoint.keys()]))].sort();
    for (const endpoint of endpoints) {
      const counts = runs
        .map((run) => String(run[phase].byEndpoint.get(endpoint) ?? 0).padStart(7))
        .join(' ');
      console.log(`${endpoint.padEnd(40)} ${counts}`);
    }
    const requests = runs.map((run) => [...run[phase].byEndpoint.values()].reduce((sum, n) => sum + n, 0));
    console.log(`${'requests'.padEnd(40)} ${requests.map((n) => String(n).padStart(7)).join(' ')}`);
    console.log(
      `${'tokens the sandbox charged'.padEnd(40)} ${runs.map((run) => String(run[phase].tokens).padStart(7)).join(' ')}`,
    );
    if (phase === 'create') {
      console.log(
        `${'tokens the screen showed before'.padEnd(40)} ${runs.map((run) => String(run.shownTokens).padStart(7)).join(' ')}`,
      );
    }
    console.log('');
  }
  const createMs = runs.map((run) => run.createMs);
  console.log(
    `"Create ${ROWS} leads" to "Batch finished": median ${median(createMs).toFixed(0)} ms (runs: ${createMs.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );
  const perRun = runs.map((run) => run.lookUp.tokens + run.create.tokens);
  console.log(
    `documented tokens per batch, look-up + create: median ${median(perRun)} (${(median(perRun) / ROWS).toFixed(1)} per lead)`,
  );
  const refused = runs.reduce((sum, run) => sum + run.lookUp.refused + run.create.refused, 0);
  const seen = runs.reduce((sum, run) => sum + run.tooManySeen, 0);
  console.log(
    `429s from the sandbox's limits (burst, search, daily): ${refused}; 429 answers the page saw: ${seen}`,
  );
  const failures: string[] = [];
  if (refused > 0 || seen > 0) failures.push(`${Math.max(refused, seen)} requests refused with 429`);
  return failures;
}
