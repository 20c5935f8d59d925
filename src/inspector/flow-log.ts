import type { FlowStep } from '@common/inspector/model.ts';
import type { RecorderLog } from '@common/inspector/recorder-slot.ts';
import type { ExchangeRecord, FlowRecord } from '@common/inspector/records.ts';

/**
 * The inspector's recorder: an in-memory, subscribable list of what happened during this page's
 * session. It keeps raw records and stays tiny; turning them into explained steps is the
 * inspector's job, in its own lazily loaded chunk. Nothing here touches web storage: records hold
 * tokens in `spa` mode, and those live in memory only, like the session itself.
 */

export type { ExchangeRecord, FlowRecord, ServerRecord, SignInRecord } from '@common/inspector/records.ts';

/** A long session makes many API calls; the oldest calls go first, never the sign-in itself. */
export const MAX_RECORDS = 200;

export class FlowLog implements RecorderLog {
  private recording = false;
  private records: readonly FlowRecord[] = [];
  private activity = 0;
  private readonly listeners = new Set<() => void>();

  /** Set once from the run-time configuration: off means nothing is ever kept. */
  enable(on: boolean): void {
    this.recording = on;
    if (!on) this.clear();
  }

  get enabled(): boolean {
    return this.recording;
  }

  add(record: FlowRecord): void {
    if (!this.recording) return;
    let next = [...this.records, record];
    while (next.length > MAX_RECORDS) {
      const oldestCall = next.findIndex((entry) => entry.type === 'exchange' && !isTokenCall(entry));
      next = next.filter((_, index) => index !== (oldestCall >= 0 ? oldestCall : 0));
    }
    this.set(next);
  }

  /** `bff` mode: the server's timeline replaces what was shown. */
  replaceWithServerSteps(steps: FlowStep[]): void {
    if (this.recording) this.set([{ type: 'server', steps }]);
  }

  clear(): void {
    if (this.records.length > 0) this.set([]);
  }

  /** `bff` mode: a proxied call finished, so the server's timeline has news worth fetching. */
  noteActivity(): void {
    if (!this.recording) return;
    this.activity += 1;
    this.emit();
  }

  readonly getRecords = (): readonly FlowRecord[] => this.records;
  readonly getActivity = (): number => this.activity;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private set(records: readonly FlowRecord[]): void {
    this.records = records;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function isTokenCall(record: ExchangeRecord): boolean {
  return /grant_type=/.test(record.exchange.requestBody ?? '');
}

/** The page's one log; `App` enables it when the deployment turns the inspector on. */
export const flowLog = new FlowLog();
