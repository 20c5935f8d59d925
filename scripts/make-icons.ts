/**
 * `node --import tsx scripts/make-icons.ts`: draws QuickLead's app icons from one SVG and writes
 * them as PNGs into `public/`, where they are committed. Run it again only when the drawing changes.
 *
 * - `icon-192.png`, `icon-512.png`: the icon as the favicon shows it, a rounded square with
 *   transparent corners, for launchers that draw icons as they are;
 * - `maskable-192.png`, `maskable-512.png`: the square filled to its edges and the mark shrunk into
 *   the safe zone (the centred circle of 80% of the width), because Android cuts these to a circle,
 *   a squircle or a teardrop of its own choosing;
 * - `apple-touch-icon.png` (180 px): filled to the edges as well, since iOS rounds the corners itself
 *   and paints transparent ones black.
 *
 * Drawn by the same Chromium the end-to-end tests use, so nothing else needs installing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

/** The header's colour (`--brand` in app.css), so the installed app, its splash and its bar agree. */
const THEME_COLOUR = '#1f4e79';

/** The mark: a lens with a handle, the "Q" of QuickLead, on a 64-unit grid centred near (32, 33). */
const MARK =
  'M30 14a17 17 0 1 0 9.6 31l6.7 6.7 4.3-4.3-6.6-6.6A17 17 0 0 0 30 14zm0 6.5a10.5 10.5 0 1 1 0 21 10.5 10.5 0 0 1 0-21z';

/** A small "plus" inside the lens: a lead being added. */
const PLUS = 'M28.6 26.2h2.8v3.4h3.4v2.8h-3.4v3.4h-2.8v-3.4h-3.4v-2.8h3.4z';

function iconSvg({ fullBleed, markScale }: { fullBleed: boolean; markScale: number }): string {
  // Scaled about the mark's own centre, so the shrunk mark stays in the middle of the square.
  const centre = 'translate(32 33)';
  const scale = `scale(${markScale}) translate(-32 -33)`;
  const background = fullBleed
    ? `<rect width="64" height="64" fill="${THEME_COLOUR}"/>`
    : `<rect width="64" height="64" rx="14" fill="${THEME_COLOUR}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">${background}<g transform="${centre} ${scale}"><path d="${MARK}" fill="#fff"/><path d="${PLUS}" fill="#9fd3ff"/></g></svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192, fullBleed: false, markScale: 1 },
  { file: 'icon-512.png', size: 512, fullBleed: false, markScale: 1 },
  { file: 'maskable-192.png', size: 192, fullBleed: true, markScale: 0.8 },
  { file: 'maskable-512.png', size: 512, fullBleed: true, markScale: 0.8 },
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, markScale: 0.85 },
] as const;

const publicDir = join(import.meta.dirname, '..', 'public');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${iconSvg(icon)}</body></html>`,
    );
    const png = await page.screenshot({ omitBackground: true, type: 'png' });
    writeFileSync(join(publicDir, icon.file), png);
    console.log(`wrote public/${icon.file} (${icon.size} px, ${png.length} bytes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
