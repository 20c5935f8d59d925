import type { CustomFieldValues, Lead } from '../company/crm-types.ts';
import { findActiveCustomField, SEARCHABLE_FIELD_TYPES } from '../company/deal-fields.ts';
import { SearchIndex, type SearchQuery } from '../search/search-index.ts';
import type { SearchLag } from '../search/search-lag.ts';
import { normalizeText } from '../search/text-normalize.ts';

interface StoredLead {
  lead: Lead;
  customFields: CustomFieldValues;
  /** The lead's key in the search index, which works on numeric ids while lead ids are UUIDs. */
  docId: number;
  /** When this version reaches the search index (sandbox clock; see sandbox/search/search-lag.ts). */
  indexedAt: number;
  /** When a newer version replaced this one in the index; null while it is the latest. */
  supersededAt: number | null;
}

/** What the index sees of a lead: the fields `GET /api/v2/leads/search` can search. */
interface LeadDocument {
  id: number;
  title: string;
  customText: readonly string[];
}

export interface LeadHit {
  lead: Lead;
  customFields: CustomFieldValues;
  score: number;
}

/** Values of the lead's custom fields whose type Pipedrive marks `searchable_flag` (text-like ones). */
export function searchableCustomValues(customFields: CustomFieldValues): string[] {
  return Object.entries(customFields).flatMap(([key, value]) => {
    const field = findActiveCustomField(key);
    return field && SEARCHABLE_FIELD_TYPES.has(field.fieldType) && typeof value === 'string' ? [value] : [];
  });
}

function wordsOf(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The searchable custom values that match the query, for the item's `custom_fields` list. A
 * simpler test than the index's (whole value, or every term word starting some word of the value),
 * which is enough to say which value a hit came from.
 */
export function matchingCustomValues(customFields: CustomFieldValues, query: SearchQuery): string[] {
  const term = normalizeText(query.term).replace(/\s+/g, ' ').trim();
  const termWords = wordsOf(query.term);
  return searchableCustomValues(customFields).filter((value) => {
    if (query.exactMatch) return normalizeText(value).replace(/\s+/g, ' ').trim() === term;
    const words = wordsOf(value);
    return termWords.length > 0 && termWords.every((part) => words.some((word) => word.startsWith(part)));
  });
}

function leadIndex(): SearchIndex<LeadDocument> {
  return new SearchIndex<LeadDocument>(
    {
      title: { kind: 'text', weight: 1, values: (doc) => [doc.title] },
      custom_fields: { kind: 'text', weight: 0.7, values: (doc) => doc.customText },
      // The sandbox has no notes API, so a lead never has notes; the field is accepted and finds nothing.
      notes: { kind: 'text', weight: 0.5, values: () => [] },
    },
    (doc) => doc.title,
    [],
  );
}

/**
 * Leads created through the API. Reads by id and the list see the latest version at once; the
 * search index sees a version only from its `indexedAt`, as Pipedrive's index lags its writes
 * (sandbox/search/search-lag.ts). A replaced lead keeps being found as it was indexed until its new
 * version is.
 */
export class LeadSet {
  private readonly byId = new Map<string, StoredLead>();
  /** Every version the index may still answer with, by document id. */
  private readonly byDocId = new Map<number, StoredLead>();
  private readonly index = leadIndex();
  private nextDocId = 1;

  constructor(private readonly lag: SearchLag) {}

  /** `indexed`: already in the search index, as a lead the company had before the sandbox started is. */
  add(lead: Lead, customFields: CustomFieldValues, indexed = false): void {
    this.dropLeftIndex();
    const stored: StoredLead = {
      lead,
      customFields: { ...customFields },
      docId: this.nextDocId,
      indexedAt: indexed ? 0 : this.lag.indexedAtForWriteNow(),
      supersededAt: null,
    };
    this.nextDocId += 1;
    const previous = this.byId.get(lead.id);
    // The old version leaves the index when the new one enters it, not before: no gap, no overlap.
    if (previous) previous.supersededAt = stored.indexedAt;
    this.byId.set(lead.id, stored);
    this.byDocId.set(stored.docId, stored);
    this.index.add(
      { id: stored.docId, title: lead.title, customText: searchableCustomValues(customFields) },
      lead.title,
    );
  }

  find(id: string): Lead | undefined {
    return this.byId.get(id)?.lead;
  }

  /**
   * The lead is gone (Pipedrive marks a converted lead deleted): reads by id and the list miss it
   * at once, the search index after the lag, as it would for any change.
   */
  remove(id: string): boolean {
    const stored = this.byId.get(id);
    if (!stored) return false;
    stored.supersededAt = this.lag.indexedAtForWriteNow();
    this.byId.delete(id);
    return true;
  }

  customFields(id: string): CustomFieldValues {
    return { ...this.byId.get(id)?.customFields };
  }

  count(): number {
    return this.byId.size;
  }

  /** The latest version of every lead, in the order they were first stored. */
  list(): Array<{ lead: Lead; customFields: CustomFieldValues }> {
    return [...this.byId.values()].map(({ lead, customFields }) => ({ lead, customFields }));
  }

  /**
   * Best match first, as the index orders hits: score, then title, then the order of storing.
   * Only versions in the index now are found, each as it was indexed.
   */
  search(query: SearchQuery): LeadHit[] {
    return this.index.search(query).flatMap((hit) => {
      const stored = this.byDocId.get(hit.id);
      if (!stored || !this.inIndex(stored)) return [];
      return [{ lead: stored.lead, customFields: stored.customFields, score: hit.score }];
    });
  }

  private inIndex(stored: StoredLead): boolean {
    const left = stored.supersededAt !== null && this.lag.isIndexed(stored.supersededAt);
    return this.lag.isIndexed(stored.indexedAt) && !left;
  }

  /** Versions that have left the index resolve to nothing from then on; forget them. */
  private dropLeftIndex(): void {
    for (const [docId, stored] of this.byDocId) {
      if (stored.supersededAt !== null && this.lag.isIndexed(stored.supersededAt)) this.byDocId.delete(docId);
    }
  }
}
