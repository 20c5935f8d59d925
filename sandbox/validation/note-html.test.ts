import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlankNote, sanitizeNoteHtml } from './note-html.ts';

describe('sanitizeNoteHtml: what the sandbox keeps of a note', () => {
  it('keeps formatting and text, and escapes text that would read as markup', () => {
    expect(
      sanitizeNoteHtml('<p>Call <b>Ada</b> &amp; <i>Charles</i><br>about <u>the</u> <s>engine</s></p>'),
    ).toBe('<p>Call <b>Ada</b> &amp; <i>Charles</i><br>about <u>the</u> <s>engine</s></p>');
    expect(sanitizeNoteHtml('<ul><li>one</li><li>two</li></ul>')).toBe('<ul><li>one</li><li>two</li></ul>');
    expect(sanitizeNoteHtml('3 < 4 & 5 > 2')).toBe('3 &lt; 4 &amp; 5 &gt; 2');
    expect(sanitizeNoteHtml('caf&eacute; &#233; &#xe9;')).toBe('caf&eacute; &#233; &#xe9;');
  });

  it('drops scripts, styles and frames with their content, other tags with their attributes', () => {
    expect(sanitizeNoteHtml('a<script>alert(1)</script>b')).toBe('ab');
    expect(sanitizeNoteHtml('a<SCRIPT type="x">alert(1)</SCRIPT >b')).toBe('ab');
    expect(sanitizeNoteHtml('a<style>p{}</style><iframe src="https://x.example"></iframe>b')).toBe('ab');
    expect(sanitizeNoteHtml('<img src=x onerror=alert(1)>hi')).toBe('hi');
    expect(sanitizeNoteHtml('<b onclick="alert(1)" class="x">bold</b>')).toBe('<b>bold</b>');
    expect(sanitizeNoteHtml('<custom-tag>kept text</custom-tag>')).toBe('kept text');
    expect(sanitizeNoteHtml('a<!-- hidden -->b')).toBe('ab');
    expect(sanitizeNoteHtml('a<script>never closed')).toBe('a');
  });

  it('keeps a link only to a web or mail address', () => {
    expect(sanitizeNoteHtml('<a href="https://example.com/x?y=1" target="_blank">site</a>')).toBe(
      '<a href="https://example.com/x?y=1">site</a>',
    );
    expect(sanitizeNoteHtml("<a href='mailto:ada@example.com'>mail</a>")).toBe(
      '<a href="mailto:ada@example.com">mail</a>',
    );
    for (const href of [
      'javascript:alert(1)',
      'java&#115;cript:alert(1)',
      'data:text/html,x',
      ' vbscript:x',
    ]) {
      expect(sanitizeNoteHtml(`<a href="${href}">x</a>`), href).toBe('<a>x</a>');
    }
  });

  it('whatever comes in, nothing that runs comes out', () => {
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">',
      '<svg onload=alert(1)>',
      '"',
      "'",
      '<',
      '>',
      '&',
      '<b>',
      '<br>',
      'text',
      ' on',
      '=',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 20 }), (parts) => {
        const kept = sanitizeNoteHtml(parts.join(''));
        // Every `<` left opens one of the kept tags, without attributes (a link's href aside):
        // text that looked like markup is escaped.
        expect(kept.split('<').length - 1).toBe((kept.match(/<[^<>]*>/g) ?? []).length);
        for (const tag of kept.match(/<[^<>]*>/g) ?? []) {
          expect(tag).toMatch(
            /^<\/?(a|b|strong|i|em|u|s|strike|br|p|div|span|ul|ol|li|blockquote)>$|^<a href="(https?:\/\/|mailto:)[^"]*">$/,
          );
        }
      }),
    );
  });

  it('says when nothing readable is left', () => {
    expect(isBlankNote('<p> <br></p>&nbsp;')).toBe(true);
    expect(isBlankNote('<p>x</p>')).toBe(false);
  });
});
