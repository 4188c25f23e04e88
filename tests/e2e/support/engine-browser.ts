// One small interface over the three engines' drivers, so that a real-speech test reads once
// for all of them (tests/e2e/engines.test.ts):
//   chromium: playwright-core (./browser.ts), firefox: puppeteer-core over WebDriver BiDi
//   (./engine-firefox.ts), webkit: webdriverio over classic WebDriver (./engine-webkit.ts).
// Clicks and choices are real input through each driver; reading the page is `evaluate`.
import { selectedEngines, type Engine } from '../../../scripts/engines.mjs';
import { SPEECH_LOG_INIT_SCRIPT, type SpeechLogEntry } from './speech';

export type { Engine };

export interface EngineBrowser {
  readonly engine: Engine;
  /** Browser name and version, as the driver reports them. */
  readonly version: string;
  /** Opens an absolute URL and waits for its `load`. */
  goto(url: string): Promise<void>;
  /**
   * Runs a function in the page and returns its (JSON) value, awaiting a returned promise. The
   * function is sent as source text: it must not use anything from the test's scope.
   */
  evaluate<T>(fn: () => T | Promise<T>): Promise<T>;
  /** Runs statements (source text) in the page. */
  runScript(source: string): Promise<void>;
  /** Clicks, with the driver's pointer input, the element matching `selector` in the shadow root of the page's first player. */
  clickInPlayer(selector: string): Promise<void>;
  /**
   * Clicks, with the driver's pointer input, the element matching `selector` in the page's light
   * DOM at `position` from its top left corner (a word of a paragraph), else in its middle.
   */
  clickInPage(selector: string, position?: { x: number; y: number }): Promise<void>;
  /** Chooses, as a user would, the option with `value` of the `<select>` matching `selector` in the player's shadow root. */
  selectInPlayer(selector: string, value: string): Promise<void>;
  /** Ends the session and the browser. */
  close(): Promise<void>;
}

/** The engines of this run: AP_ENGINES, or all three. */
export function engines(): Engine[] {
  return selectedEngines();
}

/** Launches `engine` with real speech into the test sink. */
export async function launchEngine(engine: Engine): Promise<EngineBrowser> {
  if (engine === 'chromium') return (await import('./engine-chromium')).launchChromium();
  if (engine === 'firefox') return (await import('./engine-firefox')).launchFirefox();
  return (await import('./engine-webkit')).launchWebKit();
}

/**
 * Polls `fn` in the page until it returns a truthy value, and returns that value. Throws after
 * `timeoutMs` with `describe()`'s account of what was seen, if given.
 */
export async function waitInPage<T>(
  browser: EngineBrowser,
  fn: () => T | Promise<T>,
  {
    timeoutMs = 30_000,
    intervalMs = 100,
    what = 'condition',
    describe = () => Promise.resolve(''),
  } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await browser.evaluate(fn);
    if (value) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `${browser.engine}: no ${what} within ${String(timeoutMs)} ms. ${await describe()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Spies on the page's speech from now on (./speech.ts) and notes the time of every click in
 * `window.__lastClickAt`. Installed after load: WebDriver classic has no init scripts, and the
 * player looks `speechSynthesis.speak` up on each call.
 */
export async function observeSpeech(browser: EngineBrowser): Promise<void> {
  await browser.runScript(`${SPEECH_LOG_INIT_SCRIPT};
    if (!window.__clickWatch) {
      window.__clickWatch = true;
      document.addEventListener('click', () => { window.__lastClickAt = performance.now(); }, true);
    }`);
}

export function pageSpeechLog(browser: EngineBrowser): Promise<SpeechLogEntry[]> {
  return browser.evaluate(
    () => (window as unknown as { __speechLog?: SpeechLogEntry[] }).__speechLog ?? [],
  );
}

/** The speech log, one line per entry, for failure messages. */
export async function describeSpeech(browser: EngineBrowser): Promise<string> {
  const log = await pageSpeechLog(browser).catch(() => []);
  return `Speech log:\n${log
    .map(
      (e) =>
        `  ${e.time.toFixed(0)} ${e.type} ${e.error ?? ''} [${e.voice ?? '-'} ${e.lang}] "${e.text}"`,
    )
    .join('\n')}`;
}
