import {
  type CountryCode,
  findPhoneNumbersInText,
  isSupportedCountry,
  type PhoneNumber,
} from 'libphonenumber-js';

/** A phone number found in a piece of text, as libphonenumber-js read it. */
export interface FoundPhone {
  /** In international format, e.g. "+49 30 1234567" (E.164 spaced as the country writes it). */
  international: string;
  /** E.164, e.g. "+49301234567". */
  e164: string;
  /** The digits after the country code, which the text itself holds. */
  nationalNumber: string;
  country: CountryCode | undefined;
  /** The text gave no country code: the number was read as one of `defaultCountry`. */
  countryAssumed: boolean;
  /** Where in the text the number was. */
  startsAt: number;
  endsAt: number;
}

/** A region as libphonenumber-js knows it, from a BCP 47 locale ("de-DE", "en_GB"); else undefined. */
export function countryOfLocale(locale: string | undefined): CountryCode | undefined {
  if (!locale) return undefined;
  try {
    const region = new Intl.Locale(locale.replace('_', '-')).maximize().region;
    return region && isSupportedCountry(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

function toFound(number: PhoneNumber, startsAt: number, endsAt: number, assumed: boolean): FoundPhone {
  return {
    international: number.formatInternational(),
    e164: number.number,
    nationalNumber: number.nationalNumber,
    country: number.country,
    countryAssumed: assumed,
    startsAt,
    endsAt,
  };
}

/**
 * A match that starts right after other digits (spaces or dashes between) is the tail of a longer
 * number the library could not read, "+44 7700 900123" read as "900123": not a number of its own.
 */
function isTailOfLongerNumber(text: string, startsAt: number): boolean {
  const before = text.slice(0, startsAt).replace(/[\s\-./()]+$/, '');
  return /[\d+]$/.test(before);
}

/**
 * Phone numbers in `text`. Numbers written with their country code ("+49 …", "0049 …" is not
 * read) are found anywhere. Numbers without one are read as numbers of `defaultCountry` only when
 * `national` says the text is known to hold a phone (it followed "Tel.", "Mob." or stood alone on
 * its line), since a postcode or a date would otherwise pass for a short national number. All the
 * reading is libphonenumber-js's; nothing here knows how any country writes its numbers.
 */
export function findPhones(
  text: string,
  options: { defaultCountry?: CountryCode | undefined; national: boolean },
): FoundPhone[] {
  const withCode = findPhoneNumbersInText(text).map((found) =>
    toFound(found.number, found.startsAt, found.endsAt, false),
  );
  if (!options.national || !options.defaultCountry) return withCode;
  const national = findPhoneNumbersInText(text, { defaultCountry: options.defaultCountry })
    .filter((found) => !withCode.some((known) => known.startsAt === found.startsAt))
    .map((found) => toFound(found.number, found.startsAt, found.endsAt, true));
  return [...withCode, ...national]
    .filter((found) => !isTailOfLongerNumber(text, found.startsAt))
    .sort((a, b) => a.startsAt - b.startsAt);
}

/**
 * One phone number, as typed or pasted, in international format; undefined when libphonenumber-js
 * cannot read it as a valid number (with `defaultCountry` for a number without a country code).
 */
export function normalisePhone(text: string, defaultCountry?: CountryCode): string | undefined {
  const found = findPhones(text.trim(), { defaultCountry, national: true });
  const only = found[0];
  if (found.length !== 1 || !only) return undefined;
  // The whole text is the number: "call 030 123" is not a phone number, it holds one.
  const rest = text.trim().slice(0, only.startsAt) + text.trim().slice(only.endsAt);
  return /[\p{L}\d]/u.test(rest) ? undefined : only.international;
}
