// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeNoteHtml } from '../../sandbox/validation/note-html.ts';
import { normalizeNoteText, noteHtmlToText, noteTextToHtml } from './note-html.ts';

/** Text as a rep could type or paste it: any characters, markup and line breaks of every kind. */
const noteText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '\n',
      '\r\n',
      '\r',
      '&amp;',
      '&lt;',
      '<script>',
      '<b>',
      '<br>',
      ' ',
    ),
    fc.constantFrom('<img src=x onerror=alert(1)>', 'javascript:alert(1)', '&#60;', '\u00a0', '\0'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  maxLength: 40,
});

/** What an HTML parser makes of the note: its text, line breaks as `\n`, and any element other than `<br>`. */
function parsed(html: string): { text: string; elements: string[] } {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  const elements: string[] = [];
  let text = '';
  for (const node of body.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node.nodeName === 'BR') text += '\n';
    else elements.push(node.nodeName);
  }
  return { text, elements };
}

describe('a note sent as HTML', () => {
  it('escapes markup and turns line breaks into <br>', () => {
    expect(noteTextToHtml('Call Ada <b>&</b> "Charles"\r\nabout it\'s price')).toBe(
      'Call Ada &lt;b&gt;&amp;&lt;/b&gt; &quot;Charles&quot;<br>about it&#39;s price',
    );
  });

  it('any text round-trips as text, and nothing in it becomes markup', () => {
    fc.assert(
      fc.property(noteText, (text) => {
        const html = noteTextToHtml(text);
        const expected = normalizeNoteText(text);
        // An HTML parser sees text and line breaks only: no element, so nothing can run or load.
        expect(parsed(html)).toEqual({ text: expected, elements: [] });
        // QuickLead reads it back as the same text.
        expect(noteHtmlToText(html)).toBe(expected);
        // And Pipedrive's sanitizing (as the sandbox models it) has nothing to take out.
        expect(sanitizeNoteHtml(html)).toBe(html);
      }),
      { numRuns: 500 },
    );
  });
});

describe('noteHtmlToText', () => {
  it('reads formatting from Pipedrive as plain text', () => {
    expect(noteHtmlToText('<p>First <b>call</b></p><p>Second&nbsp;line &#8211; done&#x21;</p>')).toBe(
      'First call\nSecond\u00a0line \u2013 done!\n',
    );
    expect(noteHtmlToText('a<br/>b<BR >c')).toBe('a\nb\nc');
  });

  it('leaves what is not a character reference as it is', () => {
    expect(noteHtmlToText('&unknown; &#0; & fish')).toBe('&unknown; &#0; & fish');
  });
});
