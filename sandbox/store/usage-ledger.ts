import type { SandboxPlan } from '../company/sandbox-plan.ts';
import { RollingWindow, type WindowState } from './rolling-window.ts';

/**
 * Pipedrive's daily token budget is 30,000 × plan multiplier × seats, per company. The
 * sandbox's "growth" stands for Lite/Growth/Professional and uses Growth's multiplier.
 */
const DAILY_TOKENS_PER_SEAT = 30_000;
const PLAN_MULTIPLIER: Record<SandboxPlan, number> = { growth: 2, premium: 5 };

/** Pipedrive's burst limits of OAuth apps per access token, in a rolling 2-second window. */
export const BURST_WINDOW_MS = 2000;
const OAUTH_BURST_LIMIT: Record<SandboxPlan, number> = { growth: 160, premium: 400 };
/** Search endpoints allow 10 requests per 2 seconds, whatever the plan. */
export const SEARCH_LIMIT = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

export type { WindowState };
export type LimitKind = 'burst' | 'search' | 'daily';

export interface UsageEntry {
  /** `METHOD /path-template`, e.g. `GET /api/v2/persons/search`. */
  endpoint: string;
  count: number;
  tokenCost: number;
}

export interface UsageReport {
  totalTokenCost: number;
  requests: UsageEntry[];
  /** Requests answered 429, by the limit that refused them; these are not in `requests`. */
  refused: Record<LimitKind, number>;
}

export interface DailyBudget {
  limit: number;
  remaining: number;
  /** Seconds until the budget refills, at midnight UTC. */
  resetSeconds: number;
}

export type Admission<T> = { ok: true; state: T } | { ok: false; state: T };

export interface UsageLimitOptions {
  /** The company's tokens a day; default the documented figure for the plan and seats. */
  dailyBudget?: number;
  /** Default true. False: count and send the headers, but never refuse (a sandbox-only switch). */
  enforce?: boolean;
}

/**
 * What the sandbox charged, by endpoint, and Pipedrive's limits: the burst limit per access token,
 * the search limit per access token, and the company's daily token budget. Each limit counts only
 * what it let through, so a refused request takes no place in a window and no tokens from the
 * budget (Pipedrive charges an endpoint's `x-token-cost` for the work done, and a 429 does none;
 * charging refusals would also let a client retrying in a loop drain the day's budget for nothing).
 */
export class UsageLedger {
  readonly enforce: boolean;
  readonly burstLimit: number;
  private readonly entries = new Map<string, UsageEntry>();
  private readonly bursts: RollingWindow;
  private readonly searches: RollingWindow;
  private readonly refusals: Record<LimitKind, number> = { burst: 0, search: 0, daily: 0 };
  private readonly dailyLimit: number;
  private spentToday = 0;
  private day: number;

  constructor(
    private readonly now: () => number,
    plan: SandboxPlan,
    seats: number,
    options: UsageLimitOptions = {},
  ) {
    this.day = Math.floor(now() / DAY_MS);
    this.enforce = options.enforce ?? true;
    this.burstLimit = OAUTH_BURST_LIMIT[plan];
    this.dailyLimit = options.dailyBudget ?? DAILY_TOKENS_PER_SEAT * PLAN_MULTIPLIER[plan] * seats;
    if (!Number.isSafeInteger(this.dailyLimit) || this.dailyLimit < 0) {
      throw new Error(`the daily budget must be a whole number of tokens, got ${this.dailyLimit}`);
    }
    this.bursts = new RollingWindow(BURST_WINDOW_MS, now);
    this.searches = new RollingWindow(BURST_WINDOW_MS, now);
  }

  /** Lets one request of this access token through its burst window, or refuses it. */
  admitBurst(token: string): Admission<WindowState> {
    return this.admit(this.bursts, token, this.burstLimit, 'burst');
  }

  /** Lets one search of this access token through its search window, or refuses it. */
  admitSearch(token: string): Admission<WindowState> {
    return this.admit(this.searches, token, SEARCH_LIMIT, 'search');
  }

  /**
   * Whether today's budget covers `cost`. A request costing more than is left is refused whole
   * rather than let through into an overdraft, so the remaining figure sent never goes below what
   * was really spent. Pipedrive does not document which it does.
   */
  admitCost(cost: number): Admission<DailyBudget> {
    const state = this.daily();
    if (!this.enforce || cost <= state.remaining) return { ok: true, state };
    this.refusals.daily += 1;
    return { ok: false, state };
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
    const nextMidnight = (this.day + 1) * DAY_MS;
    return {
      limit: this.dailyLimit,
      remaining: Math.max(0, this.dailyLimit - this.spentToday),
      resetSeconds: Math.ceil((nextMidnight - this.now()) / 1000),
    };
  }

  /** Sandbox admin: spend (or give back) today's budget so that `remaining` tokens are left. */
  setRemaining(remaining: number): DailyBudget {
    this.rollDay();
    this.spentToday = this.dailyLimit - remaining;
    return this.daily();
  }

  report(): UsageReport {
    const requests = [...this.entries.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
    return {
      totalTokenCost: requests.reduce((sum, entry) => sum + entry.tokenCost, 0),
      requests,
      refused: { ...this.refusals },
    };
  }

  /** Clears the ledger, the refusal counts, the windows and today's spending. */
  reset(): void {
    this.entries.clear();
    this.bursts.clear();
    this.searches.clear();
    this.spentToday = 0;
    for (const kind of Object.keys(this.refusals) as LimitKind[]) this.refusals[kind] = 0;
  }

  private admit(window: RollingWindow, token: string, limit: number, kind: LimitKind) {
    const before = window.peek(token, limit);
    if (this.enforce && before.remaining === 0) {
      this.refusals[kind] += 1;
      return { ok: false, state: before } as const;
    }
    return { ok: true, state: window.record(token, limit) } as const;
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
