import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;

/**
 * The CSP sources that allow the `<style>` elements of an index page, each by the SHA-256 of its
 * exact text, as browsers check it. The build inlines the app's stylesheet (scripts/inline-entry-css.ts);
 * any other inline style, or this one changed, stays refused.
 */
export function inlineStyleSources(html: string): string[] {
  return [...html.matchAll(STYLE_ELEMENT)].map(
    ([, css = '']) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`,
  );
}

/** The sources for the built index page under `root`; none when there is no build to serve. */
export function inlineStyleSourcesOf(root: string): string[] {
  let html: string;
  try {
    html = readFileSync(join(root, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  return inlineStyleSources(html);
}
