import type { CountryCode } from 'libphonenumber-js';
import type { ContactProposal, ProposalKey, ProposedItem } from './contact-proposal.ts';
import { findPhones } from './normalise-phone.ts';
import { cleanLines, segmentsOf } from './text-lines.ts';
import {
  cleanName,
  hasCompanyForm,
  hasTitleWord,
  isCountry,
  isProfileNoise,
  isSignOff,
  looksLikeAddress,
  looksLikeName,
  titleAtCompany,
} from './word-tests.ts';

export interface ReadOptions {
  /** Numbers without a country code are read as numbers of this country (the rep's, by default). */
  defaultCountry?: CountryCode | undefined;
}

const EMAIL =
  /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;
const LINK = /\bhttps?:\/\/[^\s<>"'()]+|\bwww\.[^\s<>"'()]+/giu;
const BARE_DOMAIN = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?:\/\S*)?$/iu;
/** Profiles, not a company's website: listed as not used rather than proposed as the website. */
const PROFILE_HOSTS =
  /(?:^|\.)(?:linkedin\.com|xing\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|youtube\.com|tiktok\.com|github\.com)$/i;
/** A forwarded message's sender line: "From: Ada Lovelace <ada@…>" in the languages read. */
const FROM_LABEL = /^\s*(?:from|von|de|van|från|fra|lähettäjä|da)\s*:\s*/iu;
/** A segment longer than this is prose (the email's body), never a name, title or organization. */
const PROSE_WORDS = 10;

interface Candidate {
  value: string;
  from: string;
  score: number;
  note?: string;
}

function hostOf(url: string): string {
  try {
    return new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`).hostname;
  } catch {
    return '';
  }
}

const trimUrl = (url: string) => url.replace(/[.,;:!?)\]]+$/, '');
const digitsOf = (text: string) => text.replace(/\D/g, '');

/** "Lovelace, Ada" (as Outlook writes a sender) in the order a person's name is written. */
function nameInWritingOrder(name: string): { name: string; turned: boolean } {
  const parts = name.split(',').map((part) => part.trim());
  if (parts.length === 2 && parts[0] && parts[1] && !/\s.*\s/.test(parts[0]) && !/\s.*\s/.test(parts[1])) {
    const turned = `${parts[1]} ${parts[0]}`;
    if (looksLikeName(turned)) return { name: turned, turned: true };
  }
  return { name, turned: false };
}

/**
 * Reads free text (an email signature in any of its layouts, a LinkedIn profile's copied text,
 * "Name <email>") into proposed values, each with the piece of text it came from. It guesses only
 * where the text says so: a phone after "Tel." or with its country code, a title by its words, an
 * organization by its company form or after "at", an address by its postcode or street.
 */
export function readSignature(text: string, options: ReadOptions = {}): ContactProposal {
  const allLines = cleanLines(text);
  // Above the last sign-off is the message, not the signature: it is not read.
  const lastSignOff = allLines.findLastIndex((line) => isSignOff(line));
  const lines = lastSignOff >= 0 ? allLines.slice(lastSignOff + 1) : allLines;
  const { segments } = segmentsOf(lines);
  const items: ProposedItem[] = [];
  const unused: string[] = [];
  const names: Candidate[] = [];
  const emails: string[] = [];
  const seen = new Set<string>();
  const add = (key: ProposalKey, value: string, from: string, extra: Partial<ProposedItem> = {}) => {
    const id = `${key}:${key === 'phone' ? digitsOf(value) : value.toLowerCase()}`;
    if (value === '' || seen.has(id)) return;
    seen.add(id);
    items.push({ key, value, from, ...extra });
  };
  const has = (key: ProposalKey) => items.some((item) => item.key === key);

  let address: { parts: string[]; from: string[]; line: number } | undefined;
  let titleAt: { line: number; index: number } | undefined;
  const closeAddress = () => {
    if (address) add('address', address.parts.join(', '), address.from.join(' · '));
    address = undefined;
  };

  for (const segment of segments) {
    let rest = segment.value;
    const take = (piece: string) => {
      rest = rest.replace(piece, ' ');
    };

    // "Ada Lovelace <ada@example.com>": the name is the sender's, as sure as a name gets.
    const angle = /^(.*?)<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+)\s*>/iu.exec(rest);
    if (angle?.[1] && angle[1].trim() !== '') {
      const sender = angle[1].replace(FROM_LABEL, '').replace(/^\s*["'“”‘’]+|["'“”‘’]+\s*$/g, '');
      const { name: written, turned } = nameInWritingOrder(sender.trim());
      const name = cleanName(written);
      if (looksLikeName(name)) {
        names.push({
          value: name,
          from: segment.text,
          score: 4,
          ...(turned ? { note: 'Read as “Last, First”' } : {}),
        });
        take(angle[1]);
      }
    }
    for (const match of rest.matchAll(EMAIL)) {
      add('email', match[0], segment.text);
      emails.push(match[0].toLowerCase());
    }
    rest = rest.replace(EMAIL, ' ').replace(/mailto:|[<>]/gi, ' ');

    for (const match of rest.matchAll(LINK)) {
      const url = trimUrl(match[0]);
      if (PROFILE_HOSTS.test(hostOf(url))) unused.push(segment.text);
      else add('website', url, segment.text);
    }
    rest = rest.replace(LINK, ' ');
    if (segment.label === 'website' && BARE_DOMAIN.test(rest.trim())) {
      add('website', rest.trim(), segment.text);
      rest = '';
    }

    if (segment.label === 'fax') {
      // A fax number is no phone to call: shown as not used.
      unused.push(segment.text);
      continue;
    }
    const phoneLabelled = segment.label === 'phone';
    const phoneOnly = /^[\d\s()+\-./]+$/.test(rest.trim()) && digitsOf(rest).length >= 6;
    const phones = findPhones(rest, {
      defaultCountry: options.defaultCountry,
      national: phoneLabelled || phoneOnly,
    });
    for (const phone of phones) {
      const written = rest.slice(phone.startsAt, phone.endsAt);
      add('phone', phone.international, segment.text, {
        ...(phone.countryAssumed
          ? { note: `No country code in the text: read as a number in ${countryName(phone.country)}` }
          : {}),
      });
      take(written);
    }
    if ((phoneLabelled || phoneOnly) && phones.length === 0 && digitsOf(rest).length >= 6) {
      add('phone', rest.trim().replace(/\s*\([^)]*\)\s*$/, ''), segment.text, {
        doubt: options.defaultCountry
          ? `Not a valid number in ${countryName(options.defaultCountry)}, and the text gives no country code: check it`
          : 'The text gives no country code, and QuickLead does not know your country: check it',
      });
      rest = '';
    }

    const leftover = rest
      .replace(/\s+/g, ' ')
      .replace(/^[\s,;:.\-–—/]+|[\s,;:\-–—/]+$/g, '')
      .trim();
    // A segment of only an email or a phone does not end an address that goes on below it.
    if (!/[\p{L}\p{N}]/u.test(leftover)) continue;
    if (isSignOff(leftover) || isProfileNoise(leftover)) continue;
    if (leftover.split(' ').length > PROSE_WORDS) {
      unused.push(segment.text);
      continue;
    }

    if (segment.label === 'address' || looksLikeAddress(leftover)) {
      if (address && address.line < segment.line - 1) closeAddress();
      address ??= { parts: [], from: [], line: segment.line };
      address.parts.push(leftover);
      address.from.push(segment.text);
      address.line = segment.line;
      continue;
    }
    if (address && isCountry(leftover) && address.line >= segment.line - 1) {
      address.parts.push(leftover);
      address.from.push(segment.text);
      address.line = segment.line;
      closeAddress();
      continue;
    }
    closeAddress();

    const split = titleAtCompany(leftover);
    if (split) {
      add('jobTitle', split.title, segment.text);
      add('organization', split.organization, segment.text);
      continue;
    }
    const comma = leftover.split(/\s*,\s*/);
    if (comma.length === 2 && comma[0] && comma[1] && hasTitleWord(comma[0]) && !hasTitleWord(comma[1])) {
      if (hasCompanyForm(comma[1]) || /^\p{Lu}/u.test(comma[1])) {
        add('jobTitle', comma[0], segment.text);
        add('organization', comma[1], segment.text);
        continue;
      }
    }
    if (hasCompanyForm(leftover)) {
      add('organization', leftover, segment.text);
      continue;
    }
    const name = cleanName(leftover);
    if (looksLikeName(name)) {
      const afterSignOff = lastSignOff >= 0 && segment.line === 0;
      // Two names on the first line weigh the same: the rep chooses.
      const first = segment.line === 0;
      names.push({ value: name, from: segment.text, score: afterSignOff ? 3 : first ? 2 : 1 });
      continue;
    }
    if (hasTitleWord(leftover)) {
      add('jobTitle', leftover, segment.text);
      titleAt = { line: segment.line, index: segment.index };
      continue;
    }
    // "Anna Schmidt | Head of Sales | Globex": a plain name right after the title is its company.
    if (
      titleAt &&
      !has('organization') &&
      /^\p{Lu}/u.test(leftover) &&
      leftover.split(' ').length <= 5 &&
      (segment.line === titleAt.line || segment.line === titleAt.line + 1)
    ) {
      add('organization', leftover, segment.text);
      continue;
    }
    unused.push(segment.text);
  }
  closeAddress();

  addNames(names, emails, add, unused);
  return { readAs: 'text', items: ordered(items), unused: [...new Set(unused)] };
}

/** The likeliest name; two equally likely ones are both shown, for the rep to choose. */
function addNames(
  names: Candidate[],
  emails: string[],
  add: (key: ProposalKey, value: string, from: string, extra?: Partial<ProposedItem>) => void,
  unused: string[],
) {
  const scored = names.map((candidate) => {
    const words = candidate.value
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[\s'-]+/)
      .filter((word) => word.length >= 3);
    const inEmail = emails.some((email) => words.some((word) => email.split('@')[0]?.includes(word)));
    return { ...candidate, score: candidate.score + (inEmail ? 2 : 0) };
  });
  const distinct = scored.filter(
    (candidate, index) =>
      scored.findIndex((other) => other.value.toLowerCase() === candidate.value.toLowerCase()) === index,
  );
  const best = Math.max(...distinct.map((candidate) => candidate.score));
  const top = distinct.filter((candidate) => candidate.score === best);
  for (const candidate of distinct) {
    if (candidate.score < best) {
      unused.push(candidate.from);
      continue;
    }
    const doubt =
      top.length > 1
        ? `${top.length} possible names: ${top.map((other) => other.value).join(' or ')}. Choose one`
        : undefined;
    add('name', candidate.value, candidate.from, {
      ...(doubt ? { doubt } : {}),
      ...(candidate.note ? { note: candidate.note } : {}),
    });
  }
}

const ORDER: ProposalKey[] = ['name', 'email', 'phone', 'jobTitle', 'organization', 'website', 'address'];

/** Name first, address last, as the dialog lists them. */
export function ordered(items: ProposedItem[]): ProposedItem[] {
  return [...items].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key));
}

const regionNames =
  typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'region' }) : undefined;

export function countryName(country: string | undefined): string {
  if (!country) return 'an unknown country';
  return regionNames?.of(country) ?? country;
}
