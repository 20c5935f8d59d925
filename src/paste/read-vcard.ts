import type { ContactProposal, ProposalKey, ProposedItem } from './contact-proposal.ts';
import { findPhones } from './normalise-phone.ts';
import { PASTE_MAX_LINES } from './paste-limits.ts';
import { countryName, ordered, type ReadOptions } from './read-signature.ts';

interface Property {
  name: string;
  params: Map<string, string[]>;
  /** The value as written, escapes and encodings undone. */
  value: string;
  /** The line as it stood, folded lines joined: what "read from" shows. */
  raw: string;
}

export const hasVCard = (text: string) => /^\s*BEGIN:VCARD\s*$/im.test(text);

/**
 * The first card's lines, folded lines joined: RFC 6350 folds with a line break and one space or
 * tab; vCard 2.1's quoted-printable values go on after a line that ends in "=".
 */
function unfoldedLines(text: string): { lines: string[]; cards: number } {
  const physical = text.replace(/\r\n?/g, '\n').split('\n');
  const lines: string[] = [];
  for (const line of physical) {
    const previous = lines.at(-1);
    if (previous !== undefined && /^[ \t]/.test(line)) lines[lines.length - 1] = previous + line.slice(1);
    else if (
      previous !== undefined &&
      /QUOTED-PRINTABLE/i.test(previous.split(':')[0] ?? '') &&
      previous.endsWith('=')
    )
      lines[lines.length - 1] = previous.slice(0, -1) + line.trimStart();
    else lines.push(line);
  }
  const cards = lines.filter((line) => /^BEGIN:VCARD$/i.test(line.trim())).length;
  const start = lines.findIndex((line) => /^BEGIN:VCARD$/i.test(line.trim()));
  const end = lines.findIndex((line, index) => index > start && /^END:VCARD$/i.test(line.trim()));
  return { lines: lines.slice(start + 1, end < 0 ? undefined : end).slice(0, PASTE_MAX_LINES), cards };
}

/** Quoted-printable bytes ("=C3=BC") in the card's charset (UTF-8 unless it says otherwise). */
function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const hex = value.slice(index + 1, index + 3);
    if (value[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else bytes.push(value.charCodeAt(index) & 0xff);
  }
  try {
    return new TextDecoder(charset).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** `\n`, `\,`, `\;` and `\\` as RFC 6350 escapes them. */
const unescapeText = (value: string) =>
  value.replace(/\\([nN,;\\])/g, (_, char: string) => (char.toLowerCase() === 'n' ? '\n' : char));

/** Components split on unescaped ";" (N, ADR, ORG), each unescaped. */
const components = (value: string) => value.split(/(?<!\\);/).map((part) => unescapeText(part).trim());

function parseProperty(line: string): Property | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const [head = '', ...paramParts] = line.slice(0, colon).split(';');
  const name = head.replace(/^[^.]*\./, '').toUpperCase();
  const params = new Map<string, string[]>();
  for (const part of paramParts) {
    const [key, values] = part.includes('=') ? part.split('=', 2) : ['TYPE', part];
    const upper = (key ?? '').toUpperCase();
    const list = (values ?? '')
      .replace(/^"|"$/g, '')
      .split(',')
      .map((value) => value.toUpperCase());
    params.set(upper, [...(params.get(upper) ?? []), ...list]);
  }
  let value = line.slice(colon + 1);
  if (params.get('ENCODING')?.includes('QUOTED-PRINTABLE')) {
    value = decodeQuotedPrintable(value, params.get('CHARSET')?.[0]?.toLowerCase() ?? 'utf-8');
  }
  return { name, params, value, raw: line };
}

const types = (property: Property) => property.params.get('TYPE') ?? [];

/**
 * Reads the first vCard in the text (2.1, 3.0 or 4.0): name, emails, phones, title, organization,
 * website and address, each from its property. A card with a photo or other binary data keeps it
 * out; a fax number is listed as not used.
 */
export function readVCard(text: string, options: ReadOptions = {}): ContactProposal {
  const { lines, cards } = unfoldedLines(text);
  const properties = lines.map(parseProperty).filter((property) => property !== undefined);
  const items: ProposedItem[] = [];
  const unused: string[] = [];
  const add = (key: ProposalKey, value: string, from: string, extra: Partial<ProposedItem> = {}) => {
    const clean = value.replace(/\s+/g, ' ').trim();
    if (clean !== '' && !items.some((item) => item.key === key && item.value === clean))
      items.push({ key, value: clean, from: from.slice(0, 200), ...extra });
  };

  const fn = properties.find((property) => property.name === 'FN');
  const n = properties.find((property) => property.name === 'N');
  if (fn && unescapeText(fn.value).trim() !== '') add('name', unescapeText(fn.value), fn.raw);
  else if (n) {
    // Family; given; additional names (honorific prefixes and suffixes are left out, as in cleanName).
    const [family = '', given = '', additional = ''] = components(n.value);
    add('name', [given, additional, family].filter(Boolean).join(' '), n.raw);
  }
  for (const property of properties) {
    switch (property.name) {
      case 'EMAIL':
        add('email', unescapeText(property.value).replace(/^mailto:/i, ''), property.raw);
        break;
      case 'TEL': {
        if (types(property).includes('FAX')) {
          unused.push(property.raw);
          break;
        }
        const written = unescapeText(property.value).replace(/^tel:/i, '');
        const found = findPhones(written, { defaultCountry: options.defaultCountry, national: true })[0];
        if (found)
          add('phone', found.international, property.raw, {
            ...(found.countryAssumed
              ? { note: `No country code in the card: read as a number in ${countryName(found.country)}` }
              : {}),
          });
        else
          add('phone', written, property.raw, {
            doubt: 'QuickLead could not read this as a phone number with its country: check it',
          });
        break;
      }
      case 'TITLE':
        add('jobTitle', unescapeText(property.value), property.raw);
        break;
      case 'ROLE':
        if (!properties.some((other) => other.name === 'TITLE'))
          add('jobTitle', unescapeText(property.value), property.raw);
        break;
      case 'ORG':
        add('organization', components(property.value)[0] ?? '', property.raw);
        break;
      case 'URL': {
        const url = unescapeText(property.value);
        if (/linkedin\.com|xing\.com|twitter\.com|facebook\.com/i.test(url)) unused.push(property.raw);
        else add('website', url, property.raw);
        break;
      }
      case 'ADR': {
        const [poBox = '', extended = '', street = '', locality = '', region = '', code = '', country = ''] =
          components(property.value);
        // Each part on its own: where the postcode stands beside the town differs by country.
        add(
          'address',
          [poBox, extended, street, locality, region, code, country].filter(Boolean).join(', '),
          property.raw,
        );
        break;
      }
      case 'NOTE':
        unused.push(property.raw);
        break;
      default:
        break;
    }
  }
  return {
    readAs: 'vcard',
    items: ordered(items),
    unused: unused.map((line) => line.slice(0, 200)),
    ...(cards > 1 ? { notice: `The text holds ${cards} vCards: only the first was read.` } : {}),
  };
}
