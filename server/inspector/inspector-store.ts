import type { FlowStep } from '../../common/inspector/model.ts';
import { fitStep, TIMELINE_BYTES_EMPTY } from './step-size.ts';

/**
 * The inspector's memory on the app server: timelines of steps, already redacted, keyed by an id
 * that only travels inside the sealed cookies (the sign-in's `state`, then the session's `sid`).
 * Bounded in entries, steps and bytes, forgotten when idle, dropped at sign-out; never written to
 * disk or logs. Per instance: behind a load balancer a session may see only the calls this
 * instance made.
 *
 * Bytes are counted as the JSON a timeline is served as (`{"steps":[…]}`, UTF-8), so an entry's
 * size is exactly the size of its `/auth/inspector` answer.
 */
export interface InspectorStoreLimits {
  /** Entries remembered at once; the least recently used goes first. */
  maxEntries: number;
  /** Steps per entry; the oldest API calls go first, never the sign-in. */
  maxSteps: number;
  /** Bytes one step may take; a bigger one is kept without its bodies, or as an outline. */
  maxStepBytes: number;
  /** Bytes one entry's timeline may take; the oldest API calls go first. */
  maxEntryBytes: number;
  /** Bytes all entries may take together; the least recently used go first. */
  maxTotalBytes: number;
}

interface StoredStep {
  step: FlowStep;
  bytes: number;
}

interface Entry {
  steps: StoredStep[];
  /** The timeline's size as served: the empty timeline, each step, and the commas between them. */
  bytes: number;
  expiresAt: number;
}

const DEFAULT_LIMITS: InspectorStoreLimits = {
  maxEntries: 1000,
  maxSteps: 200,
  maxStepBytes: 16_000,
  maxEntryBytes: 200_000,
  maxTotalBytes: 20_000_000,
};

const stepsBytes = (steps: readonly StoredStep[]) =>
  TIMELINE_BYTES_EMPTY + steps.reduce((sum, stored) => sum + stored.bytes, 0) + Math.max(0, steps.length - 1);

export class InspectorStore {
  private readonly entries = new Map<string, Entry>();
  private totalBytes = 0;

  constructor(
    private readonly now: () => number,
    private readonly limits: InspectorStoreLimits = DEFAULT_LIMITS,
  ) {
    if (
      limits.maxStepBytes + TIMELINE_BYTES_EMPTY > limits.maxEntryBytes ||
      limits.maxEntryBytes > limits.maxTotalBytes
    )
      throw new Error('InspectorStore limits: a step must fit in an entry, and an entry in the total');
  }

  /** Adds steps and keeps the entry for `ttlMs` more. */
  append(key: string, steps: readonly FlowStep[], ttlMs: number): void {
    this.prune();
    const entry = this.entries.get(key) ?? { steps: [], bytes: TIMELINE_BYTES_EMPTY, expiresAt: 0 };
    this.remove(key);
    for (const step of steps) {
      const fitted = fitStep(step, this.limits.maxStepBytes);
      if (fitted) entry.steps.push(fitted);
    }
    entry.bytes = stepsBytes(entry.steps);
    while (entry.steps.length > this.limits.maxSteps || entry.bytes > this.limits.maxEntryBytes) {
      const oldestCall = entry.steps.findIndex((stored) => stored.step.kind === 'api-call');
      entry.steps.splice(oldestCall >= 0 ? oldestCall : 0, 1);
      entry.bytes = stepsBytes(entry.steps);
    }
    entry.expiresAt = this.now() + ttlMs;
    // Inserted last: the Map's order is least recently used first.
    this.entries.set(key, entry);
    this.totalBytes += entry.bytes;
    while (this.entries.size > this.limits.maxEntries || this.totalBytes > this.limits.maxTotalBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  steps(key: string): FlowStep[] | undefined {
    this.prune();
    return this.entries.get(key)?.steps.map((stored) => stored.step);
  }

  /** Removes an entry and hands back its steps (a sign-in's, on their way to its session). */
  take(key: string): FlowStep[] | undefined {
    const steps = this.steps(key);
    this.remove(key);
    return steps;
  }

  /** A failed sign-in's steps move to the id its browser is given. */
  rekey(from: string, to: string, ttlMs: number): void {
    this.append(to, this.take(from) ?? [], ttlMs);
  }

  drop(key: string): void {
    this.remove(key);
  }

  get size(): number {
    this.prune();
    return this.entries.size;
  }

  /** All entries' timelines together, as served. */
  get bytes(): number {
    this.prune();
    return this.totalBytes;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.totalBytes -= entry.bytes;
    this.entries.delete(key);
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.remove(key);
  }
}
