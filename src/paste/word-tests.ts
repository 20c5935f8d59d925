import {
  AT_WORDS,
  COMPANY_FORMS,
  COUNTRY_NAMES,
  PROFILE_NOISE,
  SIGN_OFFS,
  STREET_WORDS,
  TITLE_WORDS,
} from './signature-words.ts';

const escapePattern = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternatives = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapePattern)
    .join('|');
/** A whole word or phrase: no letter directly before or after it. */
const wholeWords = (words: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives(words)})(?![\\p{L}\\p{N}])`, 'iu');

const TITLE = wholeWords(TITLE_WORDS);
const SIGN_OFF = new RegExp(`^(?:${alternatives(SIGN_OFFS)})\\s*[,.!]?$`, 'iu');
const AT = new RegExp(`^(.+?)\\s+(?:${alternatives(AT_WORDS)})\\s+(.+)$`, 'u');
const STREET = wholeWords(STREET_WORDS);
/** Languages that write a street as one word: "Friedrichstraße", "Drottninggatan", "Mannerheimintie". */
const STREET_SUFFIX =
  /\p{L}(?:straße|strasse|str\.|weg|platz|allee|gasse|damm|ring|straat|laan|gracht|plein|kade|gatan|vägen|gata|gate|gaten|veien|vei|vegen|gade|vej|katu|tie)(?![\p{L}])/iu;
const POSTCODES = [
  // 10115 Berlin, D-10115 Berlin, 1010 Wien, 75008 Paris, 28013 Madrid, 0150 Oslo, 00100 Helsinki
  /(?<![\d-])(?:[A-Z]{1,2}-)?\d{4,5}\s+\p{Lu}\p{L}+/u,
  // 1012 AB Amsterdam
  /(?<!\d)\d{4}\s?[A-Z]{2}\s+\p{Lu}/u,
  // 111 22 Stockholm
  /(?<!\d)\d{3}\s\d{2}\s+\p{Lu}/u,
  // 1000-001 Lisboa
  /(?<!\d)\d{4}-\d{3}(?!\d)/u,
  // SW1A 1AA
  /(?<![A-Z\d])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![A-Z\d])/u,
  // San Francisco, CA 94107
  /,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?(?!\d)/u,
];
const COMPANY_FORM_SET = new Set<string>(COMPANY_FORMS);
const COUNTRY_SET = new Set<string>(COUNTRY_NAMES);

/** Words that make a capitalised line something other than a person's name. */
const NOT_NAME_WORDS = new Set([
  ...COMPANY_FORMS,
  ...COUNTRY_NAMES,
  'office',
  'team',
  'department',
  'support',
  'service',
  'services',
  'solutions',
  'systems',
  'technologies',
  'consulting',
  'international',
  'global',
  'digital',
  'media',
  'software',
  'partners',
  'bank',
  'university',
  'universität',
  'université',
  'universidad',
  'hospital',
  'school',
  'institute',
  'institut',
  'contact',
  'info',
  'sent',
  'from',
  'confidential',
]);

/** Lower-case parts of a name: "Ludwig van Beethoven", "Maria da Silva", "Carl af Ugglas". */
const NAME_PARTICLES = new Set([
  'von',
  'van',
  'de',
  'der',
  'den',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'af',
  'zu',
  'ter',
  'ten',
  'y',
  'e',
  'bin',
  'al',
  'el',
  'van der',
  "d'",
]);

export const isSignOff = (text: string) => SIGN_OFF.test(text);
export const isProfileNoise = (text: string) => PROFILE_NOISE.some((pattern) => pattern.test(text));
export const hasTitleWord = (text: string) => TITLE.test(text);

/** "Head of Sales at Globex" in any of the languages: the two sides, when the left is a title. */
export function titleAtCompany(text: string): { title: string; organization: string } | undefined {
  const match = AT.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  if (!hasTitleWord(match[1]) || !/^\p{Lu}|^\d/u.test(match[2])) return undefined;
  return { title: match[1].trim(), organization: match[2].trim() };
}

/** The last word is a company form ("Globex Corporation", "Müller GmbH & Co. KG", "Nordvik AS"). */
export function hasCompanyForm(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2) return false;
  const last = (words.at(-1) ?? '').toLowerCase().replace(/[,;]$/, '');
  return (
    COMPANY_FORM_SET.has(last) || COMPANY_FORM_SET.has(last.replace(/\.$/, '')) || /\bgmbh\b/i.test(text)
  );
}

export function isCountry(text: string): boolean {
  return COUNTRY_SET.has(text.toLowerCase().replace(/[.,]$/, ''));
}

/** A street with its number, or a postcode before its town. */
export function looksLikeAddress(text: string): boolean {
  if (POSTCODES.some((pattern) => pattern.test(text))) return true;
  return /\d/.test(text) && (STREET.test(text) || STREET_SUFFIX.test(text));
}

/** Honorifics and degrees before a name, which Pipedrive's person name does without. */
const HONORIFIC =
  /^(?:dr|prof|mr|mrs|ms|mx|mme|mlle|herr|frau|sr|sra|srta|dra|ing|dipl\.-ing|mag|drs|ir)\.?\s+/iu;

/** Degrees after a comma: ", MBA", ", PhD", ", Dipl.-Kfm.", ", M.Sc." (capitals or dotted abbreviations). */
const POST_NOMINALS = /(?:,\s*(?:[A-Z]{2,6}|Ph\.?\s?D\.?|[A-Z][a-z]{0,4}\.(?:-?[A-Za-z]{1,5}\.?)*))+$/u;

/** The name without honorifics or degrees after a comma ("Dr. Anna Schmidt, MBA" → "Anna Schmidt"). */
export function cleanName(text: string): string {
  let name = text.trim().replace(/^["'“”‘’]+|["'“”‘’]+$/g, '');
  while (HONORIFIC.test(name)) name = name.replace(HONORIFIC, '');
  return name.replace(POST_NOMINALS, '').trim();
}

/** Two to five words, capitalised or name particles, of letters only: how a person's name looks. */
export function looksLikeName(text: string): boolean {
  if (text.length > 60 || /[\d@/\\:;!?()[\]{}<>#&+=_|]/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const word of words) {
    const lower = word.toLowerCase();
    if (NOT_NAME_WORDS.has(lower.replace(/[.,]$/, ''))) return false;
    if (NAME_PARTICLES.has(lower)) continue;
    if (!/^\p{Lu}[\p{L}'’.-]*,?$/u.test(word)) return false;
    capitalised += 1;
  }
  return capitalised >= 2 && !hasTitleWord(text);
}
