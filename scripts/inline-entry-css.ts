import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g;

/**
 * The build step that puts the app's own stylesheet into `index.html` as a `<style>` element. A
 * linked stylesheet blocks the first paint until it has come over the network, one more round trip
 * on a phone's slow connection; inline, the page is drawn as soon as its HTML is in. It is about
 * 3 kB compressed, and a page load revalidates `index.html` anyway.
 *
 * The policy allows no inline style but this one: the app server allows each `<style>` of the
 * index page by its SHA-256 hash (server/http/inline-styles.ts), read from the built file itself,
 * so the two cannot disagree. The file itself stays in the build, as Vite's manifest names it, but
 * no page links it. Stylesheets of lazy chunks stay files, loaded with their chunk.
 */
export function inlinedEntryCss(): Plugin {
  return {
    name: 'quicklead-inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        return html.replace(STYLESHEET_LINK, (link, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return link;
          const css = String(asset.source);
          // Nothing in a stylesheet of ours could end the element early; if it ever did, keep the link.
          if (/<\/style/i.test(css)) return link;
          return `<style>${css}</style>`;
        });
      },
    },
  };
}
