import type { KeptConversion } from '../card/kept-conversion.ts';

/** How often the lead is looked at when the answer to the request was lost. */
export const LEAD_CHECKS = 3;

/**
 * Where a lead's conversion to a deal stands, as the card shows it. Kept apart from the code that
 * converts (a separate chunk, loaded when the rep asks or a kept conversion is under way), so the
 * card can show where things stand without it.
 */
export type ConversionView =
  /** Nothing asked for yet: the card offers "Convert to deal". */
  | { step: 'ready' }
  /** Asked for; Pipedrive has not answered with its job id yet. */
  | { step: 'requesting' }
  /** Pipedrive's job is under way, as its last status said. */
  | { step: 'converting'; status: 'not_started' | 'running' }
  /** The answer to the request was lost: the lead is looked at to learn whether it was converted. */
  | { step: 'checking'; check: number; of: number }
  /** Followed for as long as the card follows one, and not finished: the rep can check again. */
  | { step: 'slow' }
  /** A deal now; `dealId` null when Pipedrive no longer says which. */
  | { step: 'converted'; dealId: number | null }
  /**
   * Stopped, with why in plain words and what the rep can do: ask again (nothing was converted),
   * check again (it may still be converting), or nothing.
   */
  | { step: 'problem'; message: string; next: 'retry' | 'check' | 'none' };

/** What the card shows before anything is done: what the tab kept says where things stand. */
export function initialView(kept: KeptConversion | undefined): ConversionView {
  if (!kept) return { step: 'ready' };
  if (kept.dealId !== undefined) return { step: 'converted', dealId: kept.dealId };
  return kept.conversionId
    ? { step: 'converting', status: 'not_started' }
    : { step: 'checking', check: 1, of: LEAD_CHECKS };
}
