// Letters that Unicode does not decompose into base letter + accent, so NFD alone misses them.
const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  ß: 'ss',
  ı: 'i',
  đ: 'd',
  þ: 'th',
};

/** Case- and accent-insensitive form, so "lopez" finds "López" and "soren" finds "Søren". */
export function normalizeText(text: string): string {
  // Most values are plain ASCII; skipping Unicode normalization for them keeps seeding fast.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœłßıđþ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter);
}

/** ASCII slug for email local parts and domains: "O'Brien" -> "obrien", "de Jong" -> "dejong". */
export function slugWord(text: string): string {
  return normalizeText(text).replace(/[^a-z0-9]/g, '');
}

export function digitsOnly(text: string): string {
  return text.replace(/\D/g, '');
}
