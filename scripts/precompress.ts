import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { PRECOMPRESSED_FILE } from '../common/precompressed-files.ts';

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip -9) beside every text file of a build,
 * once, at build time: the app server then sends the variant the browser accepts without
 * compressing anything per request. Build metadata (`.vite/`) is left alone: it is never served.
 */
export function precompressDir(dir: string): string[] {
  const written: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      written.push(...precompressDir(path));
      continue;
    }
    if (!PRECOMPRESSED_FILE.test(name)) continue;
    const content = readFileSync(path);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    );
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    written.push(path);
  }
  return written;
}

/** The build step: every text file of `dist/` gets its brotli and gzip twins. */
export function precompressed(): Plugin {
  let outDir = '';
  return {
    name: 'quicklead-precompressed',
    apply: 'build',
    configResolved(config) {
      // An absolute outDir (a test's temporary folder) is taken as it is.
      outDir = resolve(config.root, config.build.outDir);
    },
    // After every other step that writes files (the service worker is written when the bundle closes).
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressDir(outDir);
      },
    },
  };
}
