/**
 * `npm run size`: gzipped size of the JavaScript a browser loads before the app starts (the entry
 * module and every module it preloads, as named in dist/index.html), against the budget.
 * Lazy chunks are listed for information; they do not count. The OAuth inspector must cost nothing
 * while closed: its chunk is printed on its own line, and the run fails if any of its modules
 * (`src/inspector/`, `common/inspector/`) landed in an initial chunk, apart from the header toggle and
 * the slot the recorder plugs into (dist/.vite/chunk-modules.json, written by vite.config.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 100_000; // 100 kB gzipped: what a phone on a slow network waits for before the sign-in page works
const dist = join(import.meta.dirname, '..', 'dist');
/** What of the inspector the app always loads: the header's toggle and the recorder's plug. */
const ALWAYS_LOADED = new Set([
  'src/inspector/inspector-context.tsx',
  'common/inspector/recorder-slot.ts',
  // How auth reads the timeline a bff sign-out answers with: part of the contract, a few lines.
  'common/inspector/timeline.ts',
]);
// The recorder: loaded before the app renders, but only when the configuration enables the inspector.
const RECORDER = new Set([
  'src/inspector/recording.ts',
  'src/inspector/flow-log.ts',
  'common/inspector/recording-fetch.ts',
]);
const isRecorderModule = (id: string) => RECORDER.has(id);

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
const chunkModules = JSON.parse(readFileSync(join(dist, '.vite', 'chunk-modules.json'), 'utf8')) as Record<
  string,
  string[]
>;
const isInspectorModule = (id: string) =>
  (id.startsWith('src/inspector/') || id.startsWith('common/inspector/')) &&
  !ALWAYS_LOADED.has(id) &&
  !RECORDER.has(id);
const inspectorChunks = new Set(
  Object.entries(chunkModules)
    .filter(([, modules]) => modules.some(isInspectorModule))
    .map(([file]) => `/${file}`),
);
const recorderChunks = new Set(
  Object.entries(chunkModules)
    .filter(([file, modules]) => modules.some(isRecorderModule) && !inspectorChunks.has(`/${file}`))
    .map(([file]) => `/${file}`),
);
const lazy = readdirSync(join(dist, 'assets'))
  .filter((file) => file.endsWith('.js') && !initial.includes(`/assets/${file}`))
  .filter((file) => !inspectorChunks.has(`/assets/${file}`) && !recorderChunks.has(`/assets/${file}`))
  .map((file) => ({ file, bytes: gzipSize(join(dist, 'assets', file)) }));
for (const { file, bytes } of lazy)
  console.log(`  (lazy) /assets/${file.padEnd(35)} ${kB(bytes).padStart(9)}`);

// The inspector's own files: its JavaScript chunk(s) and the CSS that comes with them.
const inspectorCss = new Set<string>();
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  { file: string; css?: string[] }
>;
for (const [source, entry] of Object.entries(manifest)) {
  if (isInspectorModule(source)) for (const css of entry.css ?? []) inspectorCss.add(`/${css}`);
}
const mustStayLazy = (id: string) => isInspectorModule(id) || isRecorderModule(id);
const leaked = initial.filter((file) => (chunkModules[file.slice(1)] ?? []).some(mustStayLazy));
if (leaked.length > 0) {
  const modules = leaked.flatMap((file) => (chunkModules[file.slice(1)] ?? []).filter(mustStayLazy));
  console.error(
    `size: inspector modules are in the JavaScript loaded before the app starts: ${modules.join(', ')}`,
  );
  process.exit(1);
}
let inspectorTotal = 0;
for (const file of [...inspectorChunks, ...inspectorCss]) {
  const bytes = gzipSize(join(dist, file.replace(/^\//, '')));
  inspectorTotal += bytes;
  console.log(`  (lazy, inspector) ${file.padEnd(34)} ${kB(bytes).padStart(9)}`);
}
let recorderTotal = 0;
for (const file of recorderChunks) {
  const bytes = gzipSize(join(dist, file.replace(/^\//, '')));
  recorderTotal += bytes;
  console.log(`  (lazy, recorder) ${file.padEnd(35)} ${kB(bytes).padStart(9)}`);
}
if (inspectorChunks.size === 0) {
  console.error("size: no chunk holds the inspector's panel: is it still lazily imported?");
  process.exit(1);
}

console.log(
  `inspector: ${kB(inspectorTotal)} gzip, loaded only when opened; its recorder ${kB(recorderTotal)}, only when enabled; neither is in the initial JS`,
);
console.log(
  `initial JS: ${kB(total)} gzip; budget ${kB(BUDGET_BYTES)} (${((total / BUDGET_BYTES) * 100).toFixed(0)}%)`,
);
if (total > BUDGET_BYTES) {
  console.error(`size: over budget by ${kB(total - BUDGET_BYTES)}`);
  process.exit(1);
}
