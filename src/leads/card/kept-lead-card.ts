import { type Lead, leadSchema } from '@/pipedrive/add-lead.ts';
import type { LeadFormInput } from '../form/lead-form-schema.ts';
import type { PartName } from '../send/lead-send-ledger.ts';
import type { SentLeadOutcome } from '../send/use-lead-submission.ts';
import { type KeptParts, partsToKeep, readKeptParts } from './kept-parts.ts';

/**
 * The card of the lead just created, kept in this tab's sessionStorage (never tokens), like the
 * draft it replaces: a phone browser discards a tab in the background, and after the reload the rep
 * must still see that the lead went through, not an empty form. Cleared by "Create another", and
 * with the rest of the tab's storage at sign-out.
 */
const KEY = 'quicklead.created-lead.v1';

/**
 * Far more than a lead with its custom fields filled takes. A larger one is not kept (its card shows,
 * just not after a reload), and a larger stored value is not even parsed.
 */
const MAX_STORED_CHARS = 200_000;

/** What the form held that the card shows (contact names) and "Create another" carries over. */
const PICKED = ['person', 'organization', 'custom', 'owner', 'labels', 'visibleTo'] as const;
export type LeadCardPicks = Pick<LeadFormInput, (typeof PICKED)[number]>;

export interface KeptLeadCard {
  lead: Lead;
  /** As stored: the caller checks each one against a blank form before using it (`withDraft`). */
  picks: Partial<LeadCardPicks>;
  /** The note's and follow-up's outcome, so the card says the same after a reload, Retry included. */
  sent?: SentLeadOutcome;
}

interface StoredCard {
  lead: Lead;
  picks: Record<string, unknown>;
  parts?: KeptParts;
}

function store(card: StoredCard): void {
  try {
    const stored = JSON.stringify(card);
    if (stored.length <= MAX_STORED_CHARS) sessionStorage.setItem(KEY, stored);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage full or blocked: the card shows now, it just will not survive a reload.
  }
}

export function keepLeadCard(lead: Lead, held: LeadFormInput, sent?: SentLeadOutcome): void {
  const picks = Object.fromEntries(PICKED.map((key) => [key, held[key]]));
  store({ lead, picks, parts: partsToKeep(sent) });
}

/** A Retry's outcome replaces the part's in the kept card, so a reload after it shows the same. */
export function keepPartOutcome<P extends PartName>(part: P, outcome: SentLeadOutcome[P]): void {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw || raw.length > MAX_STORED_CHARS) return;
    const stored: unknown = JSON.parse(raw);
    if (!isRecord(stored) || !isRecord(stored.picks)) return;
    const parts = readKeptParts(stored.parts);
    const lead = leadSchema.safeParse(stored.lead);
    if (!parts || !lead.success) return;
    store({ lead: lead.data, picks: stored.picks, parts: { ...parts, [part]: outcome } });
  } catch {
    // Nothing kept to change, or storage blocked: the card shows the outcome until a reload.
  }
}

/** The kept card, or nothing when there is none or what is stored cannot be read as one. */
export function loadKeptLeadCard(): KeptLeadCard | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw || raw.length > MAX_STORED_CHARS) return undefined;
    const stored: unknown = JSON.parse(raw);
    if (!isRecord(stored)) return undefined;
    const lead = leadSchema.safeParse(stored.lead);
    if (!lead.success) return undefined;
    const saved = isRecord(stored.picks) ? stored.picks : {};
    const picks = Object.fromEntries(PICKED.filter((key) => key in saved).map((key) => [key, saved[key]]));
    const parts = readKeptParts(stored.parts);
    return {
      lead: lead.data,
      picks: picks as Partial<LeadCardPicks>,
      ...(parts ? { sent: { lead: lead.data, ...parts } } : {}),
    };
  } catch {
    return undefined;
  }
}

export function forgetLeadCard(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
