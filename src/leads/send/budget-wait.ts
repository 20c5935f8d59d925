/**
 * When the company's Pipedrive API budget is spent, until when, as this tab last heard it (a 429
 * with a long `Retry-After`). Kept in sessionStorage beside the outbox, so a create queued for the
 * budget still waits, without knocking again, after a reload; sign-out clears it with the rest.
 */
const KEY = 'quicklead.budget-spent-until.v1';

/** A timer may sleep with the laptop: the clock is looked at again at least this often. */
const CHECK_EVERY_MS = 60_000;

export interface BudgetWait {
  /** When the budget is back, if it is known to be spent now. */
  spentUntil(): number | undefined;
  remember(until: number): void;
  /** Resolves once `until` has passed, or at once when the rep asks to try now. */
  wait(until: number): Promise<void>;
}

const wakers = new Set<() => void>();

function read(): number | undefined {
  try {
    const value = Number(sessionStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

function write(until: number | undefined): void {
  try {
    if (until === undefined) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, String(until));
  } catch {
    // Storage blocked: the wait still holds in this page, it just does not survive a reload.
  }
}

export function storageBudgetWait(now: () => number = Date.now): BudgetWait {
  return {
    spentUntil: () => {
      const until = read();
      if (until === undefined || until > now()) return until;
      write(undefined);
      return undefined;
    },
    remember: (until) => write(until),
    wait: (until) =>
      new Promise<void>((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = () => {
          clearTimeout(timer);
          wakers.delete(done);
          resolve();
        };
        const check = () => {
          const left = until - now();
          if (left <= 0) done();
          else timer = setTimeout(check, Math.min(left, CHECK_EVERY_MS));
        };
        wakers.add(done);
        check();
      }),
  };
}

/**
 * The rep's "Try now" (the budget may have been topped up, or the reset time was a guess): forget
 * what the tab knew and let every queued create try once more. A create that meets the 429 again
 * simply queues again.
 */
export function tryQueuedLeadsNow(): void {
  write(undefined);
  for (const wake of [...wakers]) wake();
}
