import { ApiError } from '@/pipedrive/api-error.ts';
import { getLeadConversionStatus, startLeadConversion } from '@/pipedrive/convert-lead.ts';
import { getLead } from '@/pipedrive/get-lead.ts';
import { ProviderUnavailableError } from '@/pipedrive/provider-unavailable.ts';
import { budgetSpentMessage, budgetSpentUntil, isShortWait, shortWaitMs } from '@/pipedrive/rate-limit.ts';
import { readFailureMessage } from '@/pipedrive/read-failure.ts';
import type { Transport } from '@/pipedrive/transport.ts';
import {
  forgetConversion,
  type KeptConversion,
  keepConversion,
  loadKeptConversion,
} from '../card/kept-conversion.ts';
import { type ConversionView, initialView, LEAD_CHECKS } from './conversion-view.ts';

/** The first status read comes this long after Pipedrive accepted the conversion; each wait doubles. */
export const FIRST_POLL_MS = 500;
/** The longest wait between two status reads. */
export const MAX_POLL_MS = 4_000;
/**
 * How long the card follows a conversion before it says Pipedrive is still at it and offers to
 * check again: about nine status reads (9 tokens) with the waits above.
 */
export const FOLLOW_LIMIT_MS = 30_000;
/** How far apart the lead is looked at (LEAD_CHECKS times) when the answer to the request was lost. */
export const LEAD_CHECK_GAP_MS = 3_000;

const FAILED =
  'Pipedrive could not convert the lead. It is still in the Leads Inbox, unchanged: try again, or convert it in Pipedrive.';
const REJECTED =
  'Pipedrive refused to convert this lead. It is still in the Leads Inbox: try again, or open it in Pipedrive to see why.';
const LEAD_GONE =
  'This lead is no longer in Pipedrive’s Leads Inbox: it has been converted or deleted already.';
const STILL_A_LEAD =
  'Pipedrive did not convert the lead: it is still in the Leads Inbox, unchanged. Try again.';
const CHECK_FAILED =
  'QuickLead could not find out whether Pipedrive converted the lead. Check your connection, then check again.';
const BUSY =
  'Pipedrive is busy with too many requests at once, so nothing was converted. Try again in a moment.';
const NOT_ANSWERING = 'Pipedrive is not answering, so nothing was converted. Try again in a moment.';
const SESSION_ENDED =
  'Your Pipedrive session has ended, so nothing was converted. Sign in again, then try again.';

type Timer = ReturnType<typeof setTimeout>;

/**
 * One lead's conversion to a deal, followed until it ends: asked for once, then its status read
 * with growing waits, for a bounded time. It lives outside React (one per lead, see
 * `conversionOf`), so a remount, a second press or a second card of the same lead finds the one
 * under way, and what the tab keeps (kept-conversion.ts) lets a reload pick it up.
 */
export class LeadConversion {
  private current: ConversionView;
  private readonly listeners = new Set<() => void>();
  /** Bumped whenever the work under way is replaced or stopped; late answers of older work are ignored. */
  private generation = 0;
  private timer: Timer | undefined;
  private kept: KeptConversion | undefined;
  private resumed = false;

  constructor(
    readonly leadId: string,
    private transport: Transport,
    private readonly now: () => number = Date.now,
  ) {
    this.kept = loadKeptConversion(leadId);
    this.current = initialView(this.kept);
  }

  get view(): ConversionView {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The transport of the screen that asks: a new sign-in brings a new one. */
  setTransport(transport: Transport): void {
    this.transport = transport;
  }

  /**
   * Picks up a conversion the tab kept from before a reload: follows its job, or, when the page
   * went before Pipedrive answered, looks at the lead. Does nothing the second time.
   */
  resume(): void {
    if (this.resumed || !this.kept || this.kept.dealId !== undefined) return;
    this.resumed = true;
    const generation = this.next();
    if (this.kept.conversionId) void this.follow(generation, this.kept.conversionId);
    else void this.checkLead(generation);
  }

  /**
   * Asks Pipedrive to convert the lead, once: only from a card where nothing is under way (or
   * after a conversion that is known not to have happened). What the tab keeps is written before
   * the request leaves, so a reload while it is on its way does not ask again.
   */
  start(): void {
    const { step } = this.current;
    if (step !== 'ready' && !(step === 'problem' && this.current.next === 'retry')) return;
    this.resumed = true;
    const generation = this.next();
    this.keep({ leadId: this.leadId, requestedAt: this.now() });
    this.show({ step: 'requesting' });
    void this.request(generation);
  }

  /** After "still converting" or a check that could not finish: look again, with a fresh bound. */
  checkAgain(): void {
    const { step } = this.current;
    if (step !== 'slow' && !(step === 'problem' && this.current.next === 'check')) return;
    const generation = this.next();
    const conversionId = this.kept?.conversionId;
    if (conversionId) void this.follow(generation, conversionId);
    else void this.checkLead(generation);
  }

  /** The card is gone for good ("Create another"): stop reading, keep nothing. */
  stop(): void {
    this.next();
    this.kept = undefined;
    forgetConversion();
  }

  private async request(generation: number): Promise<void> {
    try {
      const { conversionId } = await startLeadConversion(this.transport, this.leadId);
      if (generation !== this.generation) return;
      this.keep({ leadId: this.leadId, requestedAt: this.kept?.requestedAt ?? this.now(), conversionId });
      await this.follow(generation, conversionId);
    } catch (error) {
      if (generation !== this.generation) return;
      const refusal = startRefusal(error);
      if (refusal) {
        // Pipedrive answered, and a refused request converts nothing: the card may ask again.
        this.forget();
        this.show(refusal);
      } else {
        // No answer, or one that proves nothing (a 5xx after the work may have been done): look.
        await this.checkLead(generation);
      }
    }
  }

  /** Reads the job's status with growing waits until it ends or the bound is reached. */
  private async follow(generation: number, conversionId: string): Promise<void> {
    const deadline = this.now() + FOLLOW_LIMIT_MS;
    let wait = FIRST_POLL_MS;
    if (this.current.step !== 'converting') this.show({ step: 'converting', status: 'not_started' });
    for (;;) {
      if (!(await this.sleep(generation, wait))) return;
      let nextWait = Math.min(wait * 2, MAX_POLL_MS);
      try {
        const status = await getLeadConversionStatus(this.transport, this.leadId, conversionId);
        if (generation !== this.generation) return;
        if (status.state === 'completed') return this.converted(status.dealId);
        if (status.state === 'failed' || status.state === 'rejected') {
          this.forget();
          return this.show({
            step: 'problem',
            message: status.state === 'failed' ? FAILED : REJECTED,
            next: 'retry',
          });
        }
        this.show({ step: 'converting', status: status.status === 'running' ? 'running' : 'not_started' });
      } catch (error) {
        if (generation !== this.generation) return;
        if (error instanceof ApiError && error.status === 404) {
          // Pipedrive keeps a job's status for a few days only: the lead says what happened.
          return this.checkLead(generation);
        }
        const ending = followRefusal(error, this.now());
        if (ending) return this.show(ending);
        // A network error, a 5xx or a short 429: the conversion goes on at Pipedrive; read again.
        nextWait = Math.max(nextWait, shortWaitMs(error));
      }
      if (this.now() + nextWait > deadline) return this.show({ step: 'slow' });
      wait = nextWait;
    }
  }

  /**
   * The request's answer was lost: the lead says whether it was converted. Gone from the Leads
   * Inbox, it became a deal (which one, Pipedrive no longer tells); still there after every check,
   * spread over several seconds so a conversion under way has time to end, it was not converted.
   */
  private async checkLead(generation: number): Promise<void> {
    let sawTheLead = 0;
    for (let check = 1; check <= LEAD_CHECKS; check += 1) {
      this.show({ step: 'checking', check, of: LEAD_CHECKS });
      try {
        await getLead(this.transport, this.leadId);
        sawTheLead += 1;
      } catch (error) {
        if (generation !== this.generation) return;
        if (error instanceof ApiError && error.status === 404) return this.converted(null);
      }
      if (generation !== this.generation) return;
      if (check < LEAD_CHECKS && !(await this.sleep(generation, LEAD_CHECK_GAP_MS))) return;
    }
    if (sawTheLead === LEAD_CHECKS) {
      this.forget();
      this.show({ step: 'problem', message: STILL_A_LEAD, next: 'retry' });
    } else {
      this.show({ step: 'problem', message: CHECK_FAILED, next: 'check' });
    }
  }

  private converted(dealId: number | null): void {
    this.keep({
      leadId: this.leadId,
      requestedAt: this.kept?.requestedAt ?? this.now(),
      ...(this.kept?.conversionId ? { conversionId: this.kept.conversionId } : {}),
      dealId,
    });
    this.show({ step: 'converted', dealId });
  }

  /** Waits, unless the work is replaced meanwhile: false then. */
  private sleep(generation: number, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.timer = setTimeout(() => resolve(generation === this.generation), ms);
    });
  }

  private next(): number {
    clearTimeout(this.timer);
    this.generation += 1;
    return this.generation;
  }

  private keep(conversion: KeptConversion): void {
    this.kept = conversion;
    keepConversion(conversion);
  }

  private forget(): void {
    this.kept = undefined;
    forgetConversion();
  }

  /** A status read that changes nothing draws nothing, and says nothing again to a screen reader. */
  private show(view: ConversionView): void {
    if (JSON.stringify(view) === JSON.stringify(this.current)) return;
    this.current = view;
    for (const listener of this.listeners) listener();
  }
}

/** A refusal that proves the start converted nothing, in plain words; undefined when it proves nothing. */
function startRefusal(error: unknown): ConversionView | undefined {
  if (error instanceof ProviderUnavailableError)
    return { step: 'problem', message: NOT_ANSWERING, next: 'retry' };
  if (!(error instanceof ApiError) || error.status >= 500) return undefined;
  if (error.status === 404) return { step: 'problem', message: LEAD_GONE, next: 'none' };
  if (error.status === 401) return { step: 'problem', message: SESSION_ENDED, next: 'retry' };
  if (waitsShortly(error)) return { step: 'problem', message: BUSY, next: 'retry' };
  const spentUntil = budgetSpentUntil(error);
  if (spentUntil !== undefined) {
    return {
      step: 'problem',
      message: `${budgetSpentMessage(spentUntil)} Nothing was converted.`,
      next: 'retry',
    };
  }
  const message = readFailureMessage(error, `Pipedrive refused to convert this lead: ${error.reason}`);
  return { step: 'problem', message, next: error.status === 403 ? 'none' : 'retry' };
}

/** A status read that should stop the following (the rep can check again later); undefined to read on. */
function followRefusal(error: unknown, now: number): ConversionView | undefined {
  if (!(error instanceof ApiError) || error.status >= 500 || waitsShortly(error)) return undefined;
  const spentUntil = budgetSpentUntil(error, now);
  if (spentUntil !== undefined) {
    return {
      step: 'problem',
      message: `${budgetSpentMessage(spentUntil, now)} The conversion goes on in Pipedrive: check again then.`,
      next: 'check',
    };
  }
  if (error.status === 401) {
    return {
      step: 'problem',
      message: 'Your Pipedrive session has ended. Sign in again, then check again.',
      next: 'check',
    };
  }
  if (error.status === 403) {
    return { step: 'problem', message: readFailureMessage(error, error.reason), next: 'none' };
  }
  return undefined;
}

/** A 429 to sit out, as a plain answer: the error keeps its type for what follows. */
function waitsShortly(error: unknown): boolean {
  return isShortWait(error);
}

const conversions = new Map<string, LeadConversion>();

/** The one conversion of this lead in this page, made on first asking. */
export function conversionOf(leadId: string, transport: Transport): LeadConversion {
  let conversion = conversions.get(leadId);
  if (!conversion) {
    conversion = new LeadConversion(leadId, transport);
    conversions.set(leadId, conversion);
  } else conversion.setTransport(transport);
  return conversion;
}

/** Stops and drops the conversion of this lead ("Create another"). */
export function dropConversion(leadId: string): void {
  conversions.get(leadId)?.stop();
  conversions.delete(leadId);
}
