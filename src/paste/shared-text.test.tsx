import { afterEach, describe, expect, it } from 'vitest';
import { PASTE_MAX } from './paste-limits.ts';
import { captureSharedText, clearSharedText, joinSharedParts, peekSharedText } from './shared-text.ts';

afterEach(() => {
  clearSharedText();
  window.history.replaceState(null, '', '/');
});

describe('joinSharedParts', () => {
  it('joins title, text and link, leaving out a part the text already holds', () => {
    expect(joinSharedParts({ title: 'Ada', text: 'Ada Lovelace <ada@x.example>', url: '' })).toBe(
      'Ada Lovelace <ada@x.example>',
    );
    expect(joinSharedParts({ title: 'Contact', text: 'Ada', url: 'https://x.example' })).toBe(
      'Contact\nAda\nhttps://x.example',
    );
    expect(joinSharedParts({ text: 'see https://x.example', url: 'https://x.example' })).toBe(
      'see https://x.example',
    );
  });

  it('bounds what is kept', () => {
    expect(joinSharedParts({ text: 'a'.repeat(PASTE_MAX * 2) })).toHaveLength(PASTE_MAX);
  });
});

describe('captureSharedText', () => {
  it('keeps the shared text in the tab and cleans the address bar', () => {
    window.history.replaceState(null, '', '/share?title=Hi&text=Ada%20Lovelace');
    expect(captureSharedText()).toBe(true);
    expect(window.location.pathname + window.location.search).toBe('/');
    expect(peekSharedText()).toBe('Hi\nAda Lovelace');
    clearSharedText();
    expect(peekSharedText()).toBeUndefined();
  });

  it('does nothing on any other page, and keeps nothing for an empty share', () => {
    window.history.replaceState(null, '', '/?text=Ada');
    expect(captureSharedText()).toBe(false);
    window.history.replaceState(null, '', '/share');
    expect(captureSharedText()).toBe(false);
    expect(peekSharedText()).toBeUndefined();
  });

  it('drops kept text that is stale, malformed or oversized', () => {
    sessionStorage.setItem(
      'quicklead.shared-text.v1',
      JSON.stringify({ text: 'old', at: Date.now() - 2 * 3600_000 }),
    );
    expect(peekSharedText()).toBeUndefined();
    sessionStorage.setItem('quicklead.shared-text.v1', '{"text": 5}');
    expect(peekSharedText()).toBeUndefined();
    sessionStorage.setItem(
      'quicklead.shared-text.v1',
      JSON.stringify({ text: 'b'.repeat(PASTE_MAX + 50), at: Date.now() }),
    );
    expect(peekSharedText()).toHaveLength(PASTE_MAX);
  });
});
