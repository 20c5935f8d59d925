import type { SandboxPlan } from './crm-store.ts';

/**
 * REFERENCE §3: the daily token budget is 30,000 × plan multiplier × seats, per company. The
 * sandbox's "growth" stands for Lite/Growth/Professional and uses Growth's multiplier.
 */
const DAILY_TOKENS_PER_SEAT = 30_000;
const PLAN_MULTIPLIER: Record<SandboxPlan, number> = { growth: 2, premium: 5 };

/** REFERENCE §3: burst limits of OAuth apps per access token, in a 2-second window. */
export const BURST_WINDOW_MS = 2000;
const OAUTH_BURST_LIMIT: Record<SandboxPlan, number> = { growth: 160, premium: 400 };

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_WINDOWS = 1000;

export interface UsageEntry {
  /** `METHOD /path-template`, e.g. `GET /api/v2/persons/search`. */
  endpoint: string;
  count: number;
  tokenCost: number;
}

export interface UsageReport {
  totalTokenCost: number;
  requests: UsageEntry[];
}

export interface BurstState {
  limit: number;
  remaining: number;
  /** Seconds until the window starts again. */
  resetSeconds: number;
}

export interface DailyBudget {
  limit: number;
  remaining: number;
}

/**
 * What the sandbox charged, by endpoint, plus the counters behind the rate-limit headers. Nothing
 * is rejected yet: the numbers are there so the app can show them and tests can check costs.
 */
export class UsageLedger {
  private readonly entries = new Map<string, UsageEntry>();
  private readonly windows = new Map<string, { start: number; count: number }>();
  private spentToday = 0;
  private day: number;

  constructor(
    private readonly now: () => number,
    private readonly plan: SandboxPlan,
    private readonly seats: number,
  ) {
    this.day = Math.floor(now() / DAY_MS);
  }

  /** Counts one request of an access token in its 2-second window. */
  hit(token: string): BurstState {
    const now = this.now();
    let window = this.windows.get(token);
    if (!window || now - window.start >= BURST_WINDOW_MS) {
      // Tokens come and go (hourly expiry); drop finished windows so a long dev session stays small.
      if (this.windows.size > MAX_WINDOWS) this.dropFinishedWindows(now);
      window = { start: now, count: 0 };
      this.windows.set(token, window);
    }
    window.count += 1;
    const limit = OAUTH_BURST_LIMIT[this.plan];
    return {
      limit,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.ceil((window.start + BURST_WINDOW_MS - now) / 1000),
    };
  }

  /** Charges an endpoint's `x-token-cost` to the ledger and to today's budget. */
  charge(endpoint: string, cost: number): void {
    this.rollDay();
    this.spentToday += cost;
    const entry = this.entries.get(endpoint) ?? { endpoint, count: 0, tokenCost: 0 };
    entry.count += 1;
    entry.tokenCost += cost;
    this.entries.set(endpoint, entry);
  }

  daily(): DailyBudget {
    this.rollDay();
    const limit = DAILY_TOKENS_PER_SEAT * PLAN_MULTIPLIER[this.plan] * this.seats;
    return { limit, remaining: Math.max(0, limit - this.spentToday) };
  }

  report(): UsageReport {
    const requests = [...this.entries.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
    return { totalTokenCost: requests.reduce((sum, entry) => sum + entry.tokenCost, 0), requests };
  }

  /** Clears the ledger, the burst windows and today's spending. */
  reset(): void {
    this.entries.clear();
    this.windows.clear();
    this.spentToday = 0;
  }

  private dropFinishedWindows(now: number): void {
    for (const [token, window] of this.windows) {
      if (now - window.start >= BURST_WINDOW_MS) this.windows.delete(token);
    }
  }

  // The budget resets at midnight server time; the sandbox's server time is UTC.
  private rollDay(): void {
    const today = Math.floor(this.now() / DAY_MS);
    if (today !== this.day) {
      this.day = today;
      this.spentToday = 0;
    }
  }
}
