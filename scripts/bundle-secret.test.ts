import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

const SECRET = 'known-test-secret-4f1c9e7a2b';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the browser bundle', () => {
  it('holds no client secret, even when the build runs with one in its environment', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'quicklead-dist-'));
    const saved = { ...process.env };
    Object.assign(process.env, {
      QUICKLEAD_CLIENT_SECRET: SECRET,
      QUICKLEAD_SESSION_SECRET: `${SECRET}-session-secret-long-enough`,
      VITE_QUICKLEAD_CLIENT_SECRET: SECRET,
    });
    try {
      await build({ logLevel: 'silent', build: { outDir, sourcemap: true, emptyOutDir: true } });
      const files = filesUnder(outDir);
      expect(files.some((file) => file.endsWith('.map'))).toBe(true);
      // The scan reads the real bundle: it finds the app's own words...
      expect(files.some((file) => readFileSync(file, 'utf8').includes('Sign in with'))).toBe(true);
      // ...and never the secret.
      const leaking = files.filter((file) => readFileSync(file, 'utf8').includes(SECRET));
      expect(leaking).toEqual([]);
    } finally {
      process.env = saved;
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
