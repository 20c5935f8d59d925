/**
 * What the sandbox keeps of a note's HTML. Pipedrive documents note content as "HTML format.
 * Subject to sanitization on the back-end" and no more: which tags and attributes survive is not
 * documented. The sandbox keeps the formatting its own note editor can produce (bold, italics,
 * underline, strike-through, lists, paragraphs, line breaks, links) and drops everything that could
 * run or load something: scripts, styles and frames with their content, every other tag (its text
 * kept), every attribute but a link's http(s) or mailto `href`, and comments. Text is kept as
 * written; a `<` or `>` that opens no tag, or an `&` that starts no character reference, is escaped.
 */

const KEPT_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'br',
  'p',
  'div',
  'span',
  'ul',
  'ol',
  'li',
  'blockquote',
]);

/** Elements whose content is code or another document, not text: dropped with it. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'textarea',
  'title',
  'xmp',
  'svg',
  'math',
  'select',
  'head',
]);

const VOID_TAGS = new Set(['br']);

/** A comment, or a start or end tag with its attributes (quoted values may hold `>`). */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A link target that can only navigate: no `javascript:`, `data:` or the like, even entity-encoded. */
const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s"'<>`]*$/i;

const CHARACTER_REFERENCE = /^&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/** Text between tags: kept, with what would otherwise be read as markup escaped. */
function keepText(text: string): string {
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '&' && !CHARACTER_REFERENCE.test(text.slice(index))) out += '&amp;';
    else out += char;
  }
  return out;
}

function linkStart(attributes: string): string {
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    if (match[1]?.toLowerCase() !== 'href') continue;
    const value = (match[2] ?? match[3] ?? match[4] ?? '').trim();
    return SAFE_HREF.test(value) ? `<a href="${value}">` : '<a>';
  }
  return '<a>';
}

export function sanitizeNoteHtml(html: string): string {
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    out += keepText(html.slice(last, match.index));
    last = TOKEN.lastIndex;
    const [whole, slash, rawName, attributes = ''] = match;
    if (whole.startsWith('<!--') || rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (DROPPED_WITH_CONTENT.has(name)) {
      if (slash) continue;
      // Everything up to the element's end goes, or the rest of the note when it never ends.
      const end = new RegExp(`</${name}\\s*>`, 'i').exec(html.slice(last));
      last = end ? last + end.index + end[0].length : html.length;
      TOKEN.lastIndex = last;
      continue;
    }
    if (!KEPT_TAGS.has(name)) continue;
    if (slash) {
      if (!VOID_TAGS.has(name)) out += `</${name}>`;
    } else out += name === 'a' ? linkStart(attributes) : `<${name}>`;
  }
  return out + keepText(html.slice(last));
}

/** A note with nothing left to read once sanitized (tags, entities of spaces and whitespace only). */
export function isBlankNote(html: string): boolean {
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
      .trim() === ''
  );
}

const REFERENCES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A kept note as lines of plain text, for the sandbox's own pages to show (escaped) as text. */
export function noteTextLines(html: string): string[] {
  return html
    .replace(/<br\s*\/?>|<\/(p|div|li|blockquote)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (reference, body: string) => {
      if (body.startsWith('#')) {
        const code =
          body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
      }
      return REFERENCES[body.toLowerCase()] ?? reference;
    })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
