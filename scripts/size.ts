/**
 * `npm run size`: gzipped size of the JavaScript a browser loads before the app starts (the entry
 * module and every module it preloads, as named in dist/index.html), against the budget.
 * Lazy chunks are listed for information; they do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150_000; // 150 kB, from issue #2
const dist = join(import.meta.dirname, '..', 'dist');

export function initialScripts(indexHtml: string): string[] {
  const found = new Set<string>();
  for (const match of indexHtml.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g))
    found.add(match[1] ?? '');
  for (const match of indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    found.add(match[1] ?? '');
  found.delete('');
  return [...found];
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const initial = initialScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
if (initial.length === 0) {
  console.error('size: dist/index.html names no module script; run `vite build` first.');
  process.exit(1);
}
let total = 0;
console.log('JavaScript loaded before the app starts (gzip -9):');
for (const src of initial) {
  const bytes = gzipSize(join(dist, src.replace(/^\//, '')));
  total += bytes;
  console.log(`  ${src.padEnd(44)} ${kB(bytes).padStart(9)}`);
}
const lazy = readdirSync(join(dist, 'assets'))
  .filter((file) => file.endsWith('.js') && !initial.includes(`/assets/${file}`))
  .map((file) => ({ file, bytes: gzipSize(join(dist, 'assets', file)) }));
for (const { file, bytes } of lazy)
  console.log(`  (lazy) /assets/${file.padEnd(35)} ${kB(bytes).padStart(9)}`);

console.log(
  `initial JS: ${kB(total)} gzip; budget ${kB(BUDGET_BYTES)} (${((total / BUDGET_BYTES) * 100).toFixed(0)}%)`,
);
if (total > BUDGET_BYTES) {
  console.error(`size: over budget by ${kB(total - BUDGET_BYTES)}`);
  process.exit(1);
}
