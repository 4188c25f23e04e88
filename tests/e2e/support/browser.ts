// Launching Debian's Chromium with real speech, as the tests need it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS as BASE_ARGS, SPEECH_ARG } from '../../../scripts/chromium.mjs';
import { CHROMIUM_PATH } from './env';

/** The flags of every Chromium launch here (scripts/chromium.mjs), and speech through speech-dispatcher. */
export const CHROMIUM_ARGS: readonly string[] = [...BASE_ARGS, SPEECH_ARG];

export interface LaunchOptions {
  /** Extra Chromium flags, appended to CHROMIUM_ARGS. */
  args?: string[];
  /** Viewport of the pages (default 1280×800). Use e.g. `{ width: 390, height: 844 }` for a phone. */
  viewport?: { width: number; height: number } | null;
  /** Emulated touch and mobile meta viewport. */
  isMobile?: boolean;
  hasTouch?: boolean;
  /** `Accept-Language` and `navigator.language` (default 'en-US'). */
  locale?: string;
  /** 'light' | 'dark' | 'no-preference' | null. */
  colorScheme?: 'light' | 'dark' | 'no-preference' | null;
  reducedMotion?: 'reduce' | 'no-preference' | null;
  forcedColors?: 'active' | 'none' | null;
  /** Run scripts (default true): false is a browser with JavaScript turned off. */
  javaScriptEnabled?: boolean;
  /** Throw from `close()` if a page had an uncaught error (default true). */
  failOnPageError?: boolean;
  /** 'block' keeps the service worker out, so that every response comes over the network (as routed). */
  serviceWorkers?: 'allow' | 'block';
}

export interface LaunchedBrowser {
  /** A persistent (non-incognito) context: service workers, storage and install checks work. */
  readonly context: BrowserContext;
  /** The context's first page. */
  readonly page: Page;
  /** The fresh profile directory (removed by close()). */
  readonly userDataDir: string;
  /** Uncaught errors of every page of the context, in order. */
  readonly pageErrors: Error[];
  /** Console messages of every page, as `type: text`, in order (handy in failure messages). */
  readonly consoleMessages: string[];
  /** Closes the browser and removes the profile. Throws if a page had an uncaught error (see failOnPageError). */
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium headless with a fresh profile, through a persistent context
 * (`browser.newContext()` would be incognito, where installability reports `in-incognito`).
 *
 * ```ts
 * const browser = await launchBrowser();
 * try { await browser.page.goto(url('/')); … } finally { await browser.close(); }
 * ```
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ap-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
      viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
      isMobile: options.isMobile ?? false,
      hasTouch: options.hasTouch ?? false,
      locale: options.locale ?? 'en-US',
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
      forcedColors: options.forcedColors ?? 'none',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      serviceWorkers: options.serviceWorkers ?? 'allow',
      timeout: 30_000,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const pageErrors: Error[] = [];
  const consoleMessages: string[] = [];
  const watch = (page: Page): void => {
    page.on('pageerror', (error) => pageErrors.push(error));
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;

  return {
    context,
    page,
    userDataDir,
    pageErrors,
    consoleMessages,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
      }
      if ((options.failOnPageError ?? true) && pageErrors.length > 0) {
        throw new Error(
          `Uncaught errors in the page:\n${pageErrors.map((e) => e.stack ?? e.message).join('\n')}`,
        );
      }
    },
  };
}
