/**
 * `npm run bench`: a scripted session in Chromium against the production build and the sandbox.
 * In each session mode it signs in and creates 10 leads, each with a person search typed key by
 * key, then prints the requests by endpoint with their documented token cost (from
 * common/documented-costs.ts, which its contract test checks against Pipedrive's OpenAPI
 * documents: real Pipedrive sends no cost header), the cost per lead, the search 429s seen, the
 * reads spent looking for lost creates, and median timings. It fails on reference data fetched
 * more than once per session, anything but one `POST /v1/leads` per lead, any search 429, or a
 * documented token cost per lead above the budget of 35 for settings, searches and creates. The
 * open-lead check (20 tokens per contact checked, each read once per session), the owners its
 * warnings name and the recent leads are priced on lines of their own beside that budget.
 *
 * Then the bytes over the wire for the sign-in page and the signed-in form page, cold and warm
 * (figures only, scripts/bench/page-bytes.ts), and, against the profiling build, the renders of
 * the whole lead form while typing 10 characters in the title and in the amount: it fails on any
 * (scripts/bench/form-renders.ts).
 *
 * Then the batch of 50 (scripts/bench/batch-of-50.ts): the time to create 50 leads from pasted
 * rows, the requests by endpoint and the tokens the sandbox charged; it fails on any 429.
 */

import type { Page, Request } from '@playwright/test';
import { documentedCostOf } from '../common/documented-costs.ts';
import { leadListReadOf } from '../common/lead-list-reads.ts';
import { SANDBOX_ADMIN_HEADERS } from '../sandbox/admin/admin-guard.ts';
import { API, APP, launchChromium, type Mode, signIn, startApp } from './bench/app-under-test.ts';
import { measureBatch, printBatch } from './bench/batch-of-50.ts';
import { measureFormRenders, printFormRenders } from './bench/form-renders.ts';
import { measurePageBytes, printPageBytes } from './bench/page-bytes.ts';
import { median } from './measuring.ts';

const LEADS = 10;
/**
 * `BENCH_LOSE_ANSWER=1`: the answer to one create (the fifth) is lost after the lead was stored,
 * so the bench shows what finding it costs. Off by default: the figures are for a good network.
 */
const LOSE_ONE_ANSWER = process.env.BENCH_LOSE_ANSWER === '1';
const PROXY_PREFIX = '/api/pipedrive';
const SEARCHES = [
  'Lovelace',
  'Scorpio',
  'Garcia',
  'Smith',
  'Tanaka',
  'Fischer', // ASCII only: Playwright's key-by-key typing drops letters like ü
  'Kowalski',
  'Silva',
  'Patel',
  'Nguyen',
];
/** Settings read once, right after sign-in. */
const AT_SIGN_IN = ['GET /api/v1/users/me', 'GET /api/v1/leadLabels', 'GET /api/v1/dealFields'];
/**
 * Settings read only when the rep reaches for them (changing the owner, entering a value, opening
 * the custom fields), at most once a session. These leads touch none of them.
 */
const ON_DEMAND = ['GET /api/v1/users', 'GET /api/v1/currencies'];
const ONCE_PER_SESSION = [...AT_SIGN_IN, ...ON_DEMAND];
/**
 * Documented tokens per lead, the session's settings included, for what the budget has always
 * measured: settings, searches and creates. What came after it (the open-lead check, the owners it
 * names, the recent leads) is priced on lines of its own beside it, neither in it nor hidden.
 */
const TOKENS_PER_LEAD_BUDGET = 35;
const OPEN_LEAD_CHECK = 'GET /api/v1/leads (open-lead check)';
const OWNER_NAMES = 'GET /api/v1/users/{id}';
const RECENT_LEADS = 'GET /api/v1/leads (recent leads)';
const BESIDE_THE_BUDGET = [OPEN_LEAD_CHECK, OWNER_NAMES, RECENT_LEADS];
/** Documented cost of one open-lead check (one contact's `GET /v1/leads`). */
const CHECK_TOKENS = documentedCostOf('GET', '/api/v1/leads') ?? 0;

interface Observed {
  count: number;
  /** Documented cost of the answered calls; undefined once a call has none in the table. */
  tokenCost: number | undefined;
  /** 429 answers among them. */
  tooMany: number;
}

/** The reads that look for a create whose answer was lost (nothing else reads them). */
const RECOVERY_READS = ['GET /api/v1/leads (lost-create look-up)', 'GET /api/v1/leads/{id}'];

/** `GET /v1/leads` serves three reads, told apart by their query (common/lead-list-reads.ts). */
function endpointOf(method: string, url: URL): string {
  const path = url.pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}$/i, '/{id}').replace(/\/\d+$/, '/{id}');
  const read = method === 'GET' && path === '/api/v1/leads' ? ` (${leadListReadOf(url.searchParams)})` : '';
  return `${method} ${path}${read}`;
}

/**
 * What a call costs as Pipedrive documents it. A 429 was refused before it was processed, so it
 * is counted apart and priced at nothing (Pipedrive documents no cost for refusals).
 */
function documentedCost(method: string, url: URL, status: number | undefined): number | undefined {
  return status === 429 ? 0 : documentedCostOf(method, url.pathname);
}

/** The tokens the sandbox has charged so far, from its own ledger. */
async function tokenLedger(): Promise<number> {
  const ledger = (await (await fetch(`${API}/__sandbox/usage`)).json()) as { totalTokenCost?: number };
  return ledger.totalTokenCost ?? 0;
}

/** The sandbox stores the next create, then drops the connection: its answer is lost. */
async function loseNextCreateAnswer() {
  const response = await fetch(`${API}/__sandbox/faults`, {
    method: 'POST',
    headers: { ...SANDBOX_ADMIN_HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify([{ method: 'POST', path: '/api/v1/leads', times: 1, dropAfterStore: true }]),
  });
  if (!response.ok) throw new Error(`the sandbox refused the fault: ${await response.text()}`);
}

/** One rep's session in one mode: sign in, then LEADS leads, each with a person search. */
async function session(page: Page, mode: Mode, ledgerBefore: number) {
  const observed = new Map<string, Observed>();
  /** The contacts whose open leads were read, each time one was: once per contact is the design. */
  const checkedContacts: string[] = [];
  /**
   * A call to Pipedrive, answered (status) or not (a lost answer: priced as documented, since the
   * call may have been processed). spa mode calls the API origin; bff mode the app server's proxy,
   * which forwards the same path.
   */
  const count = (request: Request, status: number | undefined) => {
    const url = new URL(request.url());
    const proxied = url.origin === APP && url.pathname.startsWith(PROXY_PREFIX);
    if ((url.origin !== API && !proxied) || request.method() === 'OPTIONS') return;
    if (proxied) url.pathname = url.pathname.slice(PROXY_PREFIX.length);
    const key = endpointOf(request.method(), url);
    if (key === OPEN_LEAD_CHECK && status !== 429) {
      checkedContacts.push(
        url.searchParams.get('person_id') ?? `org ${url.searchParams.get('organization_id')}`,
      );
    }
    const entry = observed.get(key) ?? { count: 0, tokenCost: 0, tooMany: 0 };
    const cost = documentedCost(request.method(), url, status);
    entry.count += 1;
    entry.tokenCost =
      entry.tokenCost === undefined || cost === undefined ? undefined : entry.tokenCost + cost;
    if (status === 429) entry.tooMany += 1;
    observed.set(key, entry);
  };
  page.on('response', (response) => count(response.request(), response.status()));
  page.on('requestfailed', (request) => count(request, undefined));

  const signInStart = performance.now();
  await signIn(page, mode);
  const signInMs = performance.now() - signInStart;
  const searchMs: number[] = [];
  const submitMs: number[] = [];
  for (let i = 0; i < LEADS; i++) {
    const term = SEARCHES[i % SEARCHES.length] ?? 'Lovelace';
    if (LOSE_ONE_ANSWER && i === 4) await loseNextCreateAnswer();
    await page.getByRole('textbox', { name: 'Title' }).fill(`Bench lead ${i + 1} (${mode})`);
    // Typed key by key like a person (60 ms apart): the debounce should turn it into one search.
    await page.getByRole('combobox', { name: 'Person' }).pressSequentially(term, { delay: 60 });
    const searchStart = performance.now();
    const option = page
      .getByRole('listbox', { name: 'Person' })
      .getByRole('option')
      .filter({ hasNotText: 'Create person' })
      .first();
    await option.waitFor();
    searchMs.push(performance.now() - searchStart);
    await option.click();
    await page.getByRole('combobox', { name: 'Customer type' }).selectOption({ label: 'Company' });
    const submitStart = performance.now();
    await page.getByRole('button', { name: 'Create lead' }).click();
    // A person with an open lead (a seeded one, or this bench's own in the second mode) stops the
    // first press; the rep presses again.
    const created = page.getByText('Lead created in Pipedrive');
    const anyway = page.getByRole('button', { name: 'Create lead anyway' });
    await created.or(anyway).waitFor();
    if (await anyway.isVisible()) await anyway.click();
    await created.waitFor();
    submitMs.push(performance.now() - submitStart);
    await page.getByRole('button', { name: 'Create another' }).click();
    await page.getByRole('heading', { name: 'New lead' }).waitFor();
  }
  // Let in-flight responses land before counting.
  await page.waitForLoadState('networkidle');

  const rows = [...observed.entries()].sort(([a], [b]) => a.localeCompare(b));
  const unpriced = rows.filter(([, entry]) => entry.tokenCost === undefined).map(([endpoint]) => endpoint);
  const total = rows.reduce((sum, [, entry]) => sum + (entry.tokenCost ?? 0), 0);
  const requests = rows.reduce((sum, [, entry]) => sum + entry.count, 0);
  const sum = (endpoints: (endpoint: string) => boolean, field: 'count' | 'tooMany') =>
    rows.filter(([endpoint]) => endpoints(endpoint)).reduce((acc, [, entry]) => acc + entry[field], 0);
  const search429s = sum((endpoint) => endpoint.endsWith('/search'), 'tooMany');
  const recoveryReads = sum((endpoint) => RECOVERY_READS.includes(endpoint), 'count');
  const tokensOf = (endpoints: (endpoint: string) => boolean) =>
    rows
      .filter(([endpoint]) => endpoints(endpoint))
      .reduce((acc, [, entry]) => acc + (entry.tokenCost ?? 0), 0);
  const beside = (endpoint: string) => BESIDE_THE_BUDGET.includes(endpoint);
  const budgeted = total - tokensOf(beside);
  const perLeadTokens = tokensOf((endpoint) => !ONCE_PER_SESSION.includes(endpoint) && !beside(endpoint));
  const checkTokens = tokensOf((endpoint) => endpoint === OPEN_LEAD_CHECK);
  const ownerTokens = tokensOf((endpoint) => endpoint === OWNER_NAMES);
  const recentTokens = tokensOf((endpoint) => endpoint === RECENT_LEADS);
  console.log(
    `\nQuickLead bench, ${mode} mode: sign in, then ${LEADS} leads each with a person search (production build)\n`,
  );
  console.log(
    `${'endpoint'.padEnd(40)} ${'requests'.padStart(8)} ${'429s'.padStart(6)} ${'documented tokens'.padStart(18)}`,
  );
  for (const [endpoint, entry] of rows) {
    console.log(
      `${endpoint.padEnd(40)} ${String(entry.count).padStart(8)} ${String(entry.tooMany).padStart(6)} ${String(entry.tokenCost ?? 'unknown').padStart(18)}`,
    );
  }
  console.log(
    `${'total'.padEnd(40)} ${String(requests).padStart(8)} ${''.padStart(6)} ${String(total).padStart(18)}`,
  );
  console.log(
    `\ndocumented token cost per lead, settings + search + create: ${(budgeted / LEADS).toFixed(1)} (${budgeted} / ${LEADS} leads; budget ${TOKENS_PER_LEAD_BUDGET} per lead)`,
  );
  console.log(
    `  of which per lead itself: ${(perLeadTokens / LEADS).toFixed(1)}; settings read once per session: ${budgeted - perLeadTokens} tokens`,
  );
  console.log(
    `open-lead check: ${CHECK_TOKENS} documented tokens per contact checked; ${checkedContacts.length} contacts checked = ${checkTokens} tokens (${(checkTokens / LEADS).toFixed(1)} per lead), beside the budget`,
  );
  console.log(
    `  owners the warnings named, one user each (GET /v1/users/{id}): ${observed.get(OWNER_NAMES)?.count ?? 0} reads = ${ownerTokens} tokens, beside the budget`,
  );
  console.log(
    `recent leads: ${observed.get(RECENT_LEADS)?.count ?? 0} reads = ${recentTokens} tokens this session, beside the budget`,
  );
  console.log(
    `documented token cost per lead with all of it: ${(total / LEADS).toFixed(1)} (session total ${total})`,
  );
  console.log(`requests per lead: ${(requests / LEADS).toFixed(1)}`);
  console.log(`search 429s seen: ${search429s}`);
  console.log(`reads spent looking for lost creates: ${recoveryReads}`);
  console.log(
    `sandbox's own ledger for the session: ${(await tokenLedger()) - ledgerBefore} tokens (it also counts the app server's own calls)`,
  );
  console.log(`sign-in to form ready: ${signInMs.toFixed(0)} ms`);
  console.log(`person search, last keystroke to first option: median ${median(searchMs).toFixed(0)} ms`);
  console.log(`submit to card: median ${median(submitMs).toFixed(0)} ms`);

  const failures: string[] = [];
  if (unpriced.length > 0) failures.push(`no documented cost for ${unpriced.join(', ')}`);
  if (search429s > 0) failures.push(`${search429s} search requests refused with 429`);
  const posts = observed.get('POST /api/v1/leads')?.count ?? 0;
  if (posts !== LEADS) failures.push(`expected exactly ${LEADS} POST /api/v1/leads, saw ${posts}`);
  for (const endpoint of AT_SIGN_IN) {
    const count = observed.get(endpoint)?.count ?? 0;
    if (count !== 1) failures.push(`expected ${endpoint} once per session, saw ${count}`);
  }
  for (const endpoint of ON_DEMAND) {
    const count = observed.get(endpoint)?.count ?? 0;
    if (count > 1) failures.push(`expected ${endpoint} at most once per session, saw ${count}`);
  }
  if (budgeted / LEADS > TOKENS_PER_LEAD_BUDGET) {
    failures.push(
      `documented token cost per lead ${(budgeted / LEADS).toFixed(1)} is over ${TOKENS_PER_LEAD_BUDGET}`,
    );
  }
  const checkedTwice = checkedContacts.filter((contact, index) => checkedContacts.indexOf(contact) !== index);
  if (checkedTwice.length > 0) failures.push(`open leads read more than once for ${checkedTwice.join(', ')}`);
  if ((observed.get(RECENT_LEADS)?.count ?? 0) > 1) failures.push('recent leads read more than once');
  if (failures.length > 0) {
    console.error(`\nbench (${mode}): ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

async function run() {
  const browser = await launchChromium();
  try {
    let stopApp = await startApp('dist');
    try {
      for (const mode of ['bff', 'spa'] as const) {
        const ledgerBefore = await tokenLedger();
        const context = await browser.newContext();
        await session(await context.newPage(), mode, ledgerBefore);
        await context.close();
      }
      printPageBytes(await measurePageBytes(browser));
    } finally {
      await stopApp();
    }

    // A sandbox of its own: the batch's rate-limit windows and ledger start from nothing.
    stopApp = await startApp('dist');
    try {
      const batchFailures = printBatch(await measureBatch(browser));
      if (batchFailures.length > 0) {
        console.error(`\nbench (batch of 50): ${batchFailures.join('; ')}`);
        process.exitCode = 1;
      }
    } finally {
      await stopApp();
    }

    stopApp = await startApp('dist-profiling');
    try {
      const overBudget = printFormRenders(await measureFormRenders(browser));
      if (overBudget.length > 0) {
        console.error(`\nbench (renders): ${overBudget.join('; ')}`);
        process.exitCode = 1;
      }
    } finally {
      await stopApp();
    }
  } finally {
    await browser.close();
  }
}

await run();
