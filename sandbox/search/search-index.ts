import { digitsOnly, normalizeText } from './text-normalize.ts';

export type FieldKind = 'text' | 'email' | 'phone';

export interface SearchFieldSpec<T> {
  kind: FieldKind;
  /** How much a hit in this field counts compared with a hit in the name. */
  weight: number;
  values(record: T): readonly string[];
}

export interface SearchHit {
  id: number;
  score: number;
}

export interface SearchQuery {
  term: string;
  fields: readonly string[];
  exactMatch: boolean;
}

const MIN_PREFIX = 2;

/**
 * Words a value can be found by: sub-words let "luc" find "Jean-Luc" and "analytical" find an
 * email. `whole` is the value already normalized, so each value is normalized only once.
 */
function wordsOf(kind: FieldKind, raw: string, whole: string): string[] {
  if (kind === 'phone') {
    // Every digit run from each group to the end, so "7946" and "+44 20 7946" both find "+44 20 7946 0815".
    const groups = raw.split(/[^\d]+/).filter(Boolean);
    return groups.map((_, index) => groups.slice(index).join(''));
  }
  const words = new Set<string>();
  if (kind === 'email') words.add(whole);
  for (const word of whole.split(' ')) {
    if (word) words.add(word);
    for (const part of word.split(/[-'.@_+,()]+/)) if (part) words.add(part);
  }
  return [...words];
}

function wholeValue(kind: FieldKind, value: string): string {
  return kind === 'phone' ? digitsOnly(value) : normalizeText(value).replace(/\s+/g, ' ').trim();
}

/**
 * What an exact match compares. Pipedrive does not document whether its exact phone match looks
 * past spaces and punctuation, so the sandbox takes the narrower reading: the number as stored,
 * only trimmed. A test that passes here then does not lean on Pipedrive being kind.
 */
function exactValue(kind: FieldKind, value: string, whole: string): string {
  return kind === 'phone' ? value.trim() : whole;
}

interface WordEntry {
  word: string;
  id: number;
}

class FieldIndex<T> {
  /** Every word of every record, sorted: a prefix lookup is a binary search plus a scan of the hits only. */
  private readonly words: WordEntry[] = [];
  private readonly exact = new Map<string, number[]>();
  private readonly wholeValues = new Map<number, string[]>();

  constructor(readonly spec: SearchFieldSpec<T>) {}

  add(id: number, record: T): void {
    const wholes: string[] = [];
    for (const raw of this.spec.values(record)) {
      const whole = wholeValue(this.spec.kind, raw);
      wholes.push(whole);
      const exact = exactValue(this.spec.kind, raw, whole);
      const list = this.exact.get(exact);
      if (!list) this.exact.set(exact, [id]);
      else if (!list.includes(id)) list.push(id);
      for (const word of wordsOf(this.spec.kind, raw, whole)) this.words.push({ word, id });
    }
    this.wholeValues.set(id, wholes);
  }

  /** Called once after the last add. */
  seal(): void {
    this.words.sort((a, b) => (a.word < b.word ? -1 : a.word > b.word ? 1 : a.id - b.id));
  }

  private lookup(prefix: string): Set<number> {
    let low = 0;
    let high = this.words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.words[middle]?.word ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const ids = new Set<number>();
    for (let at = low; at < this.words.length; at += 1) {
      const entry = this.words[at];
      if (!entry?.word.startsWith(prefix)) break;
      ids.add(entry.id);
    }
    return ids;
  }

  /** Ids whose words start with every term word; one-letter words cannot use the index and only narrow. */
  matchPrefixes(termWords: readonly string[]): number[] {
    const indexable = termWords.filter((word) => word.length >= MIN_PREFIX);
    if (indexable.length === 0) return [];
    const sets = indexable.map((word) => this.lookup(word)).sort((a, b) => a.size - b.size);
    const [smallest = new Set<number>(), ...rest] = sets;
    const shortWords = termWords.filter((word) => word.length < MIN_PREFIX);
    return [...smallest].filter(
      (id) =>
        rest.every((set) => set.has(id)) && shortWords.every((short) => this.hasWordStartingWith(id, short)),
    );
  }

  matchExact(term: string): readonly number[] {
    return this.exact.get(term) ?? [];
  }

  quality(id: number, term: string): number {
    const values = this.wholeValues.get(id) ?? [];
    if (values.includes(term)) return 1;
    if (values.some((value) => value.startsWith(term))) return 0.85;
    return 0.7;
  }

  private hasWordStartingWith(id: number, prefix: string): boolean {
    return (this.wholeValues.get(id) ?? []).some((value) =>
      wordsOf(this.spec.kind, value, value).some((word) => word.startsWith(prefix)),
    );
  }
}

/**
 * Word index built once at seed time: Pipedrive answers search from an
 * index, and the sandbox should not hide a slow picker behind a linear scan that happens to be fast
 * on 5,000 rows.
 */
export class SearchIndex<T extends { id: number }> {
  private readonly fields = new Map<string, FieldIndex<T>>();
  private readonly sortKeys = new Map<number, string>();

  constructor(
    specs: Record<string, SearchFieldSpec<T>>,
    sortKey: (record: T) => string,
    records: Iterable<T>,
  ) {
    for (const [name, spec] of Object.entries(specs)) this.fields.set(name, new FieldIndex(spec));
    for (const record of records) {
      this.sortKeys.set(record.id, normalizeText(sortKey(record)));
      for (const field of this.fields.values()) field.add(record.id, record);
    }
    for (const field of this.fields.values()) field.seal();
  }

  /**
   * Adds one record and re-sorts. Meant for the small per-sandbox index of records created through
   * the API, where a sort is cheap; the shared seed index is built once and never added to.
   */
  add(record: T, sortKey: string): void {
    this.sortKeys.set(record.id, normalizeText(sortKey));
    for (const field of this.fields.values()) {
      field.add(record.id, record);
      field.seal();
    }
  }

  sortKeyOf(id: number): string {
    return this.sortKeys.get(id) ?? '';
  }

  search({ term, fields, exactMatch }: SearchQuery): SearchHit[] {
    const normalizedTerm = normalizeText(term).replace(/\s+/g, ' ').trim();
    const termWords = normalizedTerm.split(' ').filter(Boolean);
    const phoneDigits = /^[+\d\s().-]+$/.test(term) ? digitsOnly(term) : '';
    const scores = new Map<number, number>();
    for (const name of fields) {
      const field = this.fields.get(name);
      if (!field) continue;
      const { kind, weight } = field.spec;
      const query = kind === 'phone' ? phoneDigits : normalizedTerm;
      if (!query) continue;
      const ids = exactMatch
        ? field.matchExact(exactValue(kind, term, query))
        : field.matchPrefixes(kind === 'phone' ? [phoneDigits] : termWords);
      for (const id of ids) {
        const score = weight * field.quality(id, query);
        if (score > (scores.get(id) ?? 0)) scores.set(id, score);
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score || this.compareSortKeys(a.id, b.id) || a.id - b.id);
  }

  private compareSortKeys(a: number, b: number): number {
    return compareKeys(this.sortKeyOf(a), this.sortKeyOf(b));
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Hits of two indexes over disjoint ids (the seed and the records created since), in the order
 * one index holding both would give: score, then sort key, then id.
 */
export function mergeSearchHits<T extends { id: number }>(
  parts: ReadonlyArray<{ index: SearchIndex<T>; hits: readonly SearchHit[] }>,
): SearchHit[] {
  const keyed = parts.flatMap(({ index, hits }) =>
    hits.map((hit) => ({ hit, key: index.sortKeyOf(hit.id) })),
  );
  return keyed
    .sort((a, b) => b.hit.score - a.hit.score || compareKeys(a.key, b.key) || a.hit.id - b.hit.id)
    .map(({ hit }) => hit);
}
