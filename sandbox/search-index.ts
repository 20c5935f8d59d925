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

/** Words a value can be found by. Sub-words let "luc" find "Jean-Luc" and "analytical" find an email. */
function wordsOf(kind: FieldKind, value: string): string[] {
  if (kind === 'phone') {
    // Every digit run from each group to the end, so "7946" and "+44 20 7946" both find "+44 20 7946 0815".
    const groups = value.split(/[^\d]+/).filter(Boolean);
    return groups.map((_, index) => groups.slice(index).join(''));
  }
  const normalized = normalizeText(value);
  const words = new Set<string>();
  if (kind === 'email') words.add(normalized);
  for (const word of normalized.split(/\s+/)) {
    if (word) words.add(word);
    for (const part of word.split(/[-'.@_+,()]+/)) if (part) words.add(part);
  }
  return [...words];
}

function wholeValue(kind: FieldKind, value: string): string {
  return kind === 'phone' ? digitsOnly(value) : normalizeText(value).replace(/\s+/g, ' ').trim();
}

class FieldIndex<T> {
  private readonly prefixes = new Map<string, number[]>();
  private readonly exact = new Map<string, number[]>();
  private readonly wholeValues = new Map<number, string[]>();

  constructor(readonly spec: SearchFieldSpec<T>) {}

  add(id: number, record: T): void {
    const values = this.spec.values(record);
    this.wholeValues.set(
      id,
      values.map((value) => wholeValue(this.spec.kind, value)),
    );
    for (const value of values) {
      appendOnce(this.exact, wholeValue(this.spec.kind, value), id);
      for (const word of wordsOf(this.spec.kind, value)) {
        for (let length = MIN_PREFIX; length <= word.length; length += 1) {
          appendOnce(this.prefixes, word.slice(0, length), id);
        }
      }
    }
  }

  /** Ids whose words start with every term word; one-letter words cannot use the index and only narrow. */
  matchPrefixes(termWords: readonly string[]): number[] {
    const indexable = termWords.filter((word) => word.length >= MIN_PREFIX);
    if (indexable.length === 0) return [];
    const lists = indexable.map((word) => this.prefixes.get(word) ?? []);
    lists.sort((a, b) => a.length - b.length);
    const [smallest = [], ...rest] = lists;
    const others = rest.map((list) => new Set(list));
    const shortWords = termWords.filter((word) => word.length < MIN_PREFIX);
    return smallest.filter(
      (id) => others.every((set) => set.has(id)) && shortWords.every((short) => this.hasWordStartingWith(id, short)),
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
      wordsOf(this.spec.kind, value).some((word) => word.startsWith(prefix)),
    );
  }
}

function appendOnce(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  // Records are added in one pass per id, so a repeat can only be the last entry.
  else if (list[list.length - 1] !== id) list.push(id);
}

/**
 * Prefix index built once at seed time: Pipedrive answers search from an index, and the
 * sandbox should not hide a slow picker behind a linear scan that happens to be fast on 5,000 rows.
 */
export class SearchIndex<T extends { id: number }> {
  private readonly fields = new Map<string, FieldIndex<T>>();
  private readonly sortKeys = new Map<number, string>();

  constructor(
    specs: Record<string, SearchFieldSpec<T>>,
    private readonly sortKey: (record: T) => string,
  ) {
    for (const [name, spec] of Object.entries(specs)) this.fields.set(name, new FieldIndex(spec));
  }

  add(record: T): void {
    this.sortKeys.set(record.id, normalizeText(this.sortKey(record)));
    for (const field of this.fields.values()) field.add(record.id, record);
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
        ? field.matchExact(query)
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
    const keyA = this.sortKeys.get(a) ?? '';
    const keyB = this.sortKeys.get(b) ?? '';
    return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  }
}
