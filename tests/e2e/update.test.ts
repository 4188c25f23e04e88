// Updating the app under a listener: two real builds, deployed one after the other on one server.
// Version 1 is the build under test (dist/); version 2 is built here with another AP_BUILD_ID.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.mjs';
import { launchBrowser, type LaunchedBrowser } from './support/browser';
import { readingIndex } from './support/player';
import { appStatus, waitForServiceWorker, silenceSpeech } from './support/pwa';
import { installSpeechLog, speechLog, waitForSpeech, waitForVoices } from './support/speech';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const VITE_BIN = join(ROOT, 'node_modules/vite/bin/vite.js');
const SEED = '/articles/tajikistan-kyrgyzstan-clashes/';
const V2 = 'update-test-v2';

/** `vite build` of the same sources with another version, into `outDir`. */
async function buildVersion(outDir: string, version: string): Promise<void> {
  // Without vitest's variables: vite.config.ts must see a plain `vite build`.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_ENV$)/u.test(name)),
  );
  const child = spawn(process.execPath, [VITE_BIN, 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: ROOT,
    env: { ...env, AP_BUILD_ID: version, AP_SCREENSHOTS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`vite build of ${version} failed (${String(code)}):\n${output}`);
}

function blockText(browser: LaunchedBrowser, index: number): Promise<string> {
  return browser.page.evaluate((i) => {
    const player = document.querySelector('article-player');
    const blocks = [...(player?.querySelectorAll('h1, h2, h3, p, li, blockquote') ?? [])].filter(
      (element) => !element.closest('[data-skip]'),
    );
    return blocks[i]?.textContent.replace(/\s+/gu, ' ').trim() ?? '';
  }, index);
}

describe('a new version of the app', () => {
  let v2Dir: string | undefined;
  let server: StaticServer | undefined;
  let browser: LaunchedBrowser | undefined;

  beforeAll(async () => {
    v2Dir = await mkdtemp(join(tmpdir(), 'ap-v2-'));
    await buildVersion(v2Dir, V2);
    server = await startStaticServer(DIST);
    browser = await launchBrowser();
    await installSpeechLog(browser.context);
  }, 120_000);

  afterAll(async () => {
    if (browser) await silenceSpeech(browser.page);
    await browser?.close();
    await server?.close();
    if (v2Dir) await rm(v2Dir, { recursive: true, force: true });
  });

  it('waits while the listener listens, says it is ready, and keeps the place when accepted', async () => {
    if (!browser || !server || !v2Dir) throw new Error('The setup failed');
    const { page, context } = browser;
    await page.goto(`${server.origin}${SEED}`);
    await waitForServiceWorker(page);
    const v1Footer = await page.locator('[data-app-version]').innerText();
    expect(v1Footer).not.toContain(V2);

    // Listening to version 1.
    await waitForVoices(page, 'en');
    await page.click('article-player button.play');
    await waitForSpeech(page, { type: 'start' }, 20_000);
    await page.evaluate(() => {
      (window as unknown as { __firstLoad: boolean }).__firstLoad = true;
    });

    // Deploy version 2. Opening the app in another tab makes the browser look for a new service worker.
    server.deploy(v2Dir);
    const deployedAt = await page.evaluate(() => performance.now());
    const other = await context.newPage();
    await other.goto(`${server.origin}/`);
    await expect
      .poll(() => page.locator('.update-button').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await other.close();
    expect(await page.locator('.update-prompt').innerText()).toContain('A new version is ready.');
    expect(await appStatus(page)).toBe('A new version is ready.');

    // Playback goes on: the page was not reloaded, speech was not cancelled, new sentences start.
    const startsAtPrompt = (await speechLog(page)).filter((entry) => entry.type === 'start').length;
    await waitForSpeech(page, { type: 'start', count: startsAtPrompt + 1 }, 30_000);
    expect(await page.evaluate(() => document.querySelector('article-player')?.status)).toBe(
      'playing',
    );
    expect(
      await page.evaluate(() => (window as unknown as { __firstLoad?: boolean }).__firstLoad),
    ).toBe(true);
    const afterDeploy = (await speechLog(page)).filter((entry) => entry.time > deployedAt);
    expect(
      afterDeploy.filter((entry) => entry.type === 'call:cancel' || entry.type === 'error'),
    ).toEqual([]);
    expect(await page.locator('[data-app-version]').innerText()).toBe(v1Footer);

    // Accept: the page reloads into version 2 at the same paragraph.
    const block = await readingIndex(browser.page);
    expect(block).toBeGreaterThanOrEqual(0);
    const text = await blockText(browser, block);
    await page.click('.update-button');
    await page.waitForFunction(
      () =>
        !(window as unknown as { __firstLoad?: boolean }).__firstLoad &&
        document.readyState === 'complete',
      undefined,
      { timeout: 20_000 },
    );
    await expect.poll(() => page.locator('[data-app-version]').innerText()).toContain(V2);
    await expect
      .poll(() => appStatus(page), { timeout: 10_000 })
      .toBe(`Updated to the new version. Press Play to go on from paragraph ${String(block + 1)}.`);
    expect(await page.locator('.update-prompt').count()).toBe(0);

    // Play goes on from that paragraph (a tap is needed: speech cannot start by itself).
    await waitForVoices(page, 'en');
    const startsBefore = (await speechLog(page)).filter((entry) => entry.type === 'start').length;
    await page.click('article-player button.play');
    const log = await waitForSpeech(page, { type: 'start', count: startsBefore + 1 }, 20_000);
    const resumed = log.filter((entry) => entry.type === 'start')[startsBefore]!;
    expect(text).toContain(resumed.text.trim());
    expect(await readingIndex(browser.page)).toBe(block);
  });
});
