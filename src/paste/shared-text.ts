import { boundedText } from './paste-limits.ts';

/**
 * Text shared to QuickLead from another app (the web app manifest's share target sends it to
 * `/share?title=…&text=…&url=…`), kept in this tab until the lead form opens Paste to fill with it:
 * across a sign-in round trip too, in either session mode, since both come back to this tab. It is
 * untrusted input: bounded, and only ever shown as text.
 */
export const SHARE_PATH = '/share';

const KEY = 'quicklead.shared-text.v1';
/** Shared text not used within the hour is stale: the rep has moved on. */
const MAX_AGE_MS = 60 * 60 * 1000;

/** Title, text and link as one text: a part the text already holds is not repeated. */
export function joinSharedParts(parts: {
  title?: string | null;
  text?: string | null;
  url?: string | null;
}): string {
  const text = (parts.text ?? '').trim();
  const title = (parts.title ?? '').trim();
  const url = (parts.url ?? '').trim();
  const pieces = [title && !text.includes(title) ? title : '', text, url && !text.includes(url) ? url : ''];
  return boundedText(pieces.filter(Boolean).join('\n')).text;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * At start-up: when the page is the share target, keep what was shared and clean the address bar,
 * as the sign-in callback's parameters are. Answers whether something was shared.
 */
export function captureSharedText(
  location: Location = window.location,
  history: History = window.history,
): boolean {
  if (location.pathname !== SHARE_PATH) return false;
  const params = new URLSearchParams(location.search);
  const text = joinSharedParts({
    title: params.get('title'),
    text: params.get('text'),
    url: params.get('url'),
  });
  history.replaceState(null, '', '/');
  if (text === '') return false;
  try {
    storage()?.setItem(KEY, JSON.stringify({ text, at: Date.now() }));
  } catch {
    // Storage full or blocked: the shared text is lost, as if nothing had been shared.
    return false;
  }
  return true;
}

/** The shared text waiting for the form, if any (read as untrusted: shape and size checked). */
export function peekSharedText(now = Date.now()): string | undefined {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return undefined;
    const kept = JSON.parse(raw) as unknown;
    if (
      typeof kept !== 'object' ||
      kept === null ||
      !('text' in kept) ||
      !('at' in kept) ||
      typeof kept.text !== 'string' ||
      typeof kept.at !== 'number' ||
      now - kept.at > MAX_AGE_MS ||
      kept.at > now + 60_000
    ) {
      clearSharedText();
      return undefined;
    }
    return boundedText(kept.text).text || undefined;
  } catch {
    clearSharedText();
    return undefined;
  }
}

/** Once Paste to fill has the text (or the rep signs out), it is not kept any longer. */
export function clearSharedText(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing to clear where there is no storage.
  }
}
