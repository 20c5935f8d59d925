import { randomUUID } from 'node:crypto';

/** The statuses `GET /api/v2/leads/{id}/convert/status/{conversion_id}` documents. */
export const CONVERSION_STATUSES = ['not_started', 'running', 'completed', 'failed', 'rejected'] as const;
export type ConversionStatus = (typeof CONVERSION_STATUSES)[number];

/** How a conversion ends, decided when it is asked for. */
export type ConversionEnding = 'completed' | 'failed' | 'rejected';

/** SANDBOX-ONLY: the endings a test can force on the next conversions (`/__sandbox/conversions/fail`). */
export type InjectedEnding = Exclude<ConversionEnding, 'completed'>;

/** An ending forced on the next conversion asked for, of any lead or of one lead only. */
export interface InjectedFailure {
  ending: InjectedEnding;
  /** Tests sharing one sandbox aim at their own lead, so they never take each other's failures. */
  leadId?: string;
}

export interface ConversionJob {
  id: string;
  leadId: string;
  /** Who asked: the deal's creator. */
  userId: number;
  createdAt: number;
  /** `not_started` until then, `running` until `endsAt`. */
  startsAt: number;
  endsAt: number;
  ending: ConversionEnding;
  /** Where the deal goes. */
  stageId: number;
  pipelineId: number;
  /** The deal made, once a completed conversion has been carried out. */
  dealId: number | null;
  /** Whether the ending has been carried out (the deal made, the lead gone). */
  settled: boolean;
}

/**
 * Lead-to-deal conversion jobs. Pipedrive converts asynchronously: the POST answers a job id at
 * once and the job moves from `not_started` through `running` to an ending. Here each job takes
 * `durationMs` on the sandbox clock (a third of it not started), and the store carries out the
 * ending (crm-store.ts `settleConversions`) the first time anything reads leads or deals after
 * it: nothing outside can tell that from a job that ran at exactly `endsAt`, and tests step the
 * clock instead of sleeping.
 */
export class LeadConversions {
  private jobs = new Map<string, ConversionJob>();
  private injected: InjectedFailure[] = [];

  constructor(
    private readonly now: () => number,
    readonly durationMs: number,
  ) {
    if (!Number.isInteger(durationMs) || durationMs < 0) {
      throw new Error(`the conversion time must be a whole number of milliseconds, got ${durationMs}`);
    }
  }

  /**
   * A new job. A lead with a conversion still under way gets one that is rejected (Pipedrive does
   * not document this; one lead cannot become two deals). Otherwise the next injected failure, if
   * a test set one, decides the ending.
   */
  start(leadId: string, userId: number, target: { stageId: number; pipelineId: number }): ConversionJob {
    const createdAt = this.now();
    const busy = this.inProgressFor(leadId);
    const ending: ConversionEnding = busy ? 'rejected' : (this.takeInjected(leadId) ?? 'completed');
    const job: ConversionJob = {
      id: randomUUID(),
      leadId,
      userId,
      createdAt,
      startsAt: createdAt + Math.round(this.durationMs / 3),
      endsAt: createdAt + this.durationMs,
      ending,
      ...target,
      dealId: null,
      settled: false,
    };
    this.jobs.set(job.id, job);
    return job;
  }

  find(id: string): ConversionJob | undefined {
    return this.jobs.get(id);
  }

  /** Whether a conversion of this lead has been asked for and has not ended yet. */
  inProgressFor(leadId: string): boolean {
    return [...this.jobs.values()].some((job) => job.leadId === leadId && !job.settled);
  }

  /** Jobs whose ending is due and not yet carried out, oldest first. */
  due(): ConversionJob[] {
    const now = this.now();
    return [...this.jobs.values()].filter((job) => !job.settled && job.endsAt <= now);
  }

  /** What the status endpoint says of a job now; an ending shows only once carried out. */
  statusOf(job: ConversionJob): ConversionStatus {
    if (job.settled) return job.ending;
    const now = this.now();
    if (now < job.startsAt) return 'not_started';
    return 'running';
  }

  /**
   * SANDBOX-ONLY: the next `times` conversions (of `leadId` only, when given) end as `ending`. It
   * replaces what was pending for that lead (or, without one, for any lead); 0 just clears that.
   */
  failNext(times: number, ending: InjectedEnding, leadId?: string): void {
    this.injected = this.injected.filter((failure) => failure.leadId !== leadId);
    for (let count = 0; count < times; count += 1) {
      this.injected.push(leadId === undefined ? { ending } : { ending, leadId });
    }
  }

  pendingFailures(): InjectedFailure[] {
    return this.injected.map((failure) => ({ ...failure }));
  }

  /** The first pending failure aimed at this lead or at any. */
  private takeInjected(leadId: string): InjectedEnding | undefined {
    const index = this.injected.findIndex(
      (failure) => failure.leadId === undefined || failure.leadId === leadId,
    );
    if (index < 0) return undefined;
    const [failure] = this.injected.splice(index, 1);
    return failure?.ending;
  }

  reset(): void {
    this.jobs = new Map();
    this.injected = [];
  }
}
