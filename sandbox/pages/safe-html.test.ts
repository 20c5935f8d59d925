import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './safe-html.ts';

describe('html template', () => {
  it('escapes interpolated text, including quotes for attributes', () => {
    const name = `<img src=x onerror="alert('1')">`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;</p>',
    );
  });

  it('keeps nested templates as markup and drops null and false', () => {
    expect(html`<ul>${['a&b', 'c'].map((item) => html`<li>${item}</li>`)}${null}${false}</ul>`.value).toBe(
      '<ul><li>a&amp;b</li><li>c</li></ul>',
    );
  });

  it('escapes ampersands first so entities are not double-decoded', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});
