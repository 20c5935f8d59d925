/**
 * The conversion of the card's lead to a deal, kept in this tab's sessionStorage beside the card
 * (kept-lead-card.ts): ids and times only. It is what makes a conversion happen once: written
 * before the request leaves, so a double press, a remount or a reload finds a conversion already
 * asked for and follows it (its job id, once Pipedrive has answered) instead of asking again.
 * Cleared with the card by "Create another", and with the tab's storage at sign-out.
 */
const KEY = 'quicklead.lead-conversion.v1';

/** Far more than the record takes; a larger stored value is not even parsed. */
const MAX_STORED_CHARS = 1_000;

export interface KeptConversion {
  leadId: string;
  /** When the conversion was asked for (epoch ms). */
  requestedAt: number;
  /** Pipedrive's job id, once its answer arrived. Without it the answer was lost. */
  conversionId?: string;
  /**
   * The deal, once the conversion completed; `null` when the lead is known to have become a deal
   * but not which one (its answers were lost and the lead has left the Leads Inbox).
   */
  dealId?: number | null;
}

/** The kept conversion of this lead, or nothing when there is none, it is another lead's, or unreadable. */
export function loadKeptConversion(leadId: string): KeptConversion | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw || raw.length > MAX_STORED_CHARS) return undefined;
    const stored: unknown = JSON.parse(raw);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
    const record = stored as Record<string, unknown>;
    if (record.leadId !== leadId) return undefined;
    if (typeof record.requestedAt !== 'number' || !Number.isFinite(record.requestedAt)) return undefined;
    const kept: KeptConversion = { leadId, requestedAt: record.requestedAt };
    if (typeof record.conversionId === 'string' && record.conversionId !== '') {
      kept.conversionId = record.conversionId;
    }
    if (record.dealId === null || (Number.isSafeInteger(record.dealId) && (record.dealId as number) > 0)) {
      kept.dealId = record.dealId as number | null;
    }
    return kept;
  } catch {
    return undefined;
  }
}

export function keepConversion(conversion: KeptConversion): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(conversion));
  } catch {
    // Storage full or blocked: the conversion goes on, a reload just cannot follow it.
  }
}

export function forgetConversion(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

/** Whether the kept conversion is asked for and not known to have ended. */
export function isUnderWay(kept: KeptConversion | undefined): kept is KeptConversion {
  return kept !== undefined && kept.dealId === undefined;
}
