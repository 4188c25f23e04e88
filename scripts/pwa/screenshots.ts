/**
 * Screenshots of the built app for the install dialog, taken at build time with Debian's Chromium
 * (through playwright-core) from the files just written. Optional: without Chromium (or with
 * AP_SCREENSHOTS=0) the build goes on and the manifest lists no screenshots.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { CHROMIUM_ARGS } from '../chromium.mjs';
import { startStaticServer } from '../static-server.mjs';
import type { ScreenshotSpec } from './manifest.js';

export function chromiumPath(): string | null {
  const candidate = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}

/** Takes each screenshot into `outDir/<spec.file>`. Resolves with the ones taken. */
export async function takeScreenshots(
  outDir: string,
  specs: readonly ScreenshotSpec[],
  executablePath: string,
): Promise<ScreenshotSpec[]> {
  const { chromium } = await import('playwright-core');
  const server = await startStaticServer(outDir);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 30_000,
  });
  try {
    const taken: ScreenshotSpec[] = [];
    for (const spec of specs) {
      const context = await browser.newContext({
        viewport: { width: spec.width, height: spec.height },
        deviceScaleFactor: 1,
        colorScheme: 'light',
        reducedMotion: 'reduce',
        serviceWorkers: 'block',
      });
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}${spec.path}`, { waitUntil: 'load', timeout: 15_000 });
        // The app's status line would only say that there is no service worker here (they are blocked).
        await page.addStyleTag({
          content: '.app-status, .offline-summary { display: none !important; }',
        });
        await page.evaluate(() => document.fonts.ready);
        const png = await page.screenshot({ type: 'png', timeout: 15_000 });
        const file = path.join(outDir, spec.file);
        await mkdir(path.dirname(file), { recursive: true });
        // A palette PNG keeps a screenshot of text small (tens of kB).
        await writeFile(
          file,
          await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9 }).toBuffer(),
        );
        taken.push(spec);
      } finally {
        await context.close();
      }
    }
    return taken;
  } finally {
    await browser.close();
    await server.close();
  }
}
