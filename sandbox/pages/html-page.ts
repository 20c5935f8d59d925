import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { html, SafeHtml } from './safe-html.ts';

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f3f4f6}
main{max-width:28rem;margin:0 auto;padding:1.5rem 1rem 3rem}
.card{background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:1.25rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input{width:100%;font:inherit;padding:.625rem .75rem;border:2px solid #4b5563;border-radius:6px;background:#fff;color:#1a1a1a}
input:focus,button:focus{outline:3px solid #f59e0b;outline-offset:2px}
button{font:inherit;font-weight:600;padding:.625rem 1rem;border-radius:6px;border:2px solid #14532d;cursor:pointer;min-height:44px}
.primary{background:#166534;color:#fff}
.secondary{background:#fff;color:#14532d}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.25rem}
.error{border-left:4px solid #b91c1c;background:#fef2f2;color:#7f1d1d;padding:.75rem;margin:0 0 1rem}
.hint{color:#374151;font-size:.9375rem}
.muted{color:#4b5563}
ul{padding-left:1.25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
code{background:#e5e7eb;padding:0 .25rem;border-radius:4px}
`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
// A constant we wrote, so it may skip escaping (escaping would also break the quotes in the CSS).
const TRUSTED_STYLE = new SafeHtml(STYLE);

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Origins the page's forms may end up at: Chrome applies form-action to the redirect after a POST. */
  formTargets?: readonly string[];
}

export function renderPage({ title, body }: PageOptions): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${TRUSTED_STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`.value;
}

export function sendPage(c: Context, status: 200 | 400 | 404, options: PageOptions): Response {
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(' ');
  // No scripts at all, so the policy can be strict; the inline style is pinned by its hash.
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  );
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cache-Control', 'no-store');
  return c.html(renderPage(options), status);
}
