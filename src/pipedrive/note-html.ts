/**
 * A rep's note is plain text; Pipedrive stores note content as HTML ("subject to sanitization on
 * the back-end"). So the text is sent escaped, with line breaks as `<br>`: whatever it holds, it
 * arrives as text, and nothing in it can become markup, a link or a script. QuickLead never renders
 * a note as HTML: the card shows text, read back from the HTML with `noteHtmlToText`.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Line breaks as one `\n` (a textarea may give `\r\n`), and no NUL, which an HTML parser would not
 * keep as typed: the text a note is compared and shown as.
 */
export function normalizeNoteText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\0/g, '');
}

export function noteTextToHtml(text: string): string {
  return normalizeNoteText(text)
    .replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
    .replace(/\n/g, '<br>');
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function decodeReference(reference: string, body: string): string {
  if (body.startsWith('#x') || body.startsWith('#X')) {
    const code = Number.parseInt(body.slice(2), 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  }
  if (body.startsWith('#')) {
    const code = Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
  }
  return NAMED[body] ?? reference;
}

/**
 * The text of a note's HTML, as plain text to show or compare, never to render as HTML: line
 * breaks and the ends of paragraphs, list items and blocks become `\n`, other tags go, and
 * character references are read (the common named ones and every numeric one).
 */
export function noteHtmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, decodeReference);
}
