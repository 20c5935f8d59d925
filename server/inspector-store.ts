import type { FlowStep } from '../src/auth/flow-model.ts';

/**
 * The inspector's memory on the app server: each session's steps, already redacted, keyed by an id
 * that only travels inside the sealed cookies (the sign-in's `state`, then the session's `sid`).
 * Bounded in entries and steps, forgotten when idle, dropped at sign-out; never written to disk or
 * logs. Per instance: behind a load balancer a session may see only the calls this instance made.
 */
export interface InspectorStoreLimits {
  /** Sessions remembered at once; the least recently used goes first. */
  maxEntries: number;
  /** Steps per session; the oldest API calls go first, never the sign-in. */
  maxSteps: number;
}

interface Entry {
  steps: FlowStep[];
  expiresAt: number;
}

const DEFAULT_LIMITS: InspectorStoreLimits = { maxEntries: 1000, maxSteps: 200 };

export class InspectorStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly limits: InspectorStoreLimits = DEFAULT_LIMITS,
  ) {}

  /** Adds steps and keeps the entry for `ttlMs` more. */
  append(key: string, steps: readonly FlowStep[], ttlMs: number): void {
    this.prune();
    const entry = this.entries.get(key) ?? { steps: [], expiresAt: 0 };
    entry.steps.push(...steps);
    while (entry.steps.length > this.limits.maxSteps) {
      const oldestCall = entry.steps.findIndex((step) => step.kind === 'api-call');
      entry.steps.splice(oldestCall >= 0 ? oldestCall : 0, 1);
    }
    entry.expiresAt = this.now() + ttlMs;
    // Re-inserting moves the entry to the end: the Map's order is least recently used first.
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.limits.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  steps(key: string): FlowStep[] | undefined {
    this.prune();
    const entry = this.entries.get(key);
    return entry ? [...entry.steps] : undefined;
  }

  /** The sign-in's steps become the session's when the callback succeeds. */
  rekey(from: string, to: string, ttlMs: number): void {
    const steps = this.steps(from) ?? [];
    this.entries.delete(from);
    this.append(to, steps, ttlMs);
  }

  drop(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    this.prune();
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
