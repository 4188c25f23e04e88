// Observing real speech in the page. `installSpeechLog` spies on (never replaces) the Web Speech
// API: every utterance the page speaks still goes to speech-dispatcher, and its events, plus
// calls of speak/cancel/pause/resume, are logged in `window.__speechLog` for the test to read.
import type { BrowserContext, Page } from 'playwright-core';

export type SpeechLogType =
  | 'speak'
  | 'start'
  | 'end'
  | 'error'
  | 'boundary'
  | 'pause'
  | 'resume'
  | 'mark'
  | 'call:cancel'
  | 'call:pause'
  | 'call:resume';

export interface SpeechLogEntry {
  type: SpeechLogType;
  /** `performance.now()` in the page when it happened. */
  time: number;
  /** Utterance text ('' for calls). */
  text: string;
  lang: string;
  /** Voice name, or null when the utterance had no voice set. */
  voice: string | null;
  voiceLang: string | null;
  rate: number;
  /** SpeechSynthesisErrorEvent.error for 'error' entries. */
  error?: string;
  /** charIndex/charLength of 'boundary' entries. */
  charIndex?: number;
  charLength?: number;
}

declare global {
  interface Window {
    __speechLog?: SpeechLogEntry[];
  }
}

/**
 * The init script, as source text: a function would be serialized after the TypeScript
 * transform, which may add helpers (e.g. `__name`) that do not exist in the page.
 */
export const SPEECH_LOG_INIT_SCRIPT = `(() => {
  if (window.__speechLog || !('speechSynthesis' in window)) return;
  const log = [];
  window.__speechLog = log;
  const describe = (u) => ({
    text: u ? u.text : '',
    lang: u ? u.lang : '',
    voice: u && u.voice ? u.voice.name : null,
    voiceLang: u && u.voice ? u.voice.lang : null,
    rate: u ? u.rate : 1,
  });
  const proto = Object.getPrototypeOf(window.speechSynthesis);
  const { speak, cancel, pause, resume } = proto;
  proto.speak = function (utterance) {
    log.push({ type: 'speak', time: performance.now(), ...describe(utterance) });
    for (const type of ['start', 'end', 'error', 'boundary', 'pause', 'resume', 'mark']) {
      utterance.addEventListener(type, (event) => {
        const entry = { type, time: performance.now(), ...describe(utterance) };
        if (type === 'error') entry.error = event.error;
        if (type === 'boundary') {
          entry.charIndex = event.charIndex;
          entry.charLength = event.charLength;
        }
        log.push(entry);
      });
    }
    return speak.call(this, utterance);
  };
  const spyCall = (name, original) =>
    function () {
      log.push({ type: 'call:' + name, time: performance.now(), ...describe(null) });
      return original.call(this);
    };
  proto.cancel = spyCall('cancel', cancel);
  proto.pause = spyCall('pause', pause);
  proto.resume = spyCall('resume', resume);
})();`;

/** Logs speech in every page of the context from now on (call before `page.goto`). */
export async function installSpeechLog(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: SPEECH_LOG_INIT_SCRIPT });
}

/** The page's speech log so far (empty if the spy is not installed). */
export async function speechLog(page: Page): Promise<SpeechLogEntry[]> {
  return page.evaluate(() => window.__speechLog ?? []);
}

/**
 * Waits until the page's speech log has at least `count` entries matching `type` (and `text`,
 * if given: substring match); returns the log. Throws with the log on timeout.
 */
export async function waitForSpeech(
  page: Page,
  match: { type: SpeechLogType; text?: string; count?: number },
  timeoutMs = 30_000,
): Promise<SpeechLogEntry[]> {
  const { type, text = '', count = 1 } = match;
  try {
    await page.waitForFunction(
      ([t, s, n]) =>
        (window.__speechLog ?? []).filter((e) => e.type === t && e.text.includes(s)).length >= n,
      [type, text, count] as const,
      { timeout: timeoutMs, polling: 50 },
    );
  } catch (error) {
    const log = await speechLog(page).catch(() => []);
    throw new Error(
      `No ${String(count)}× '${type}'${text ? ` of "${text}"` : ''} within ${String(timeoutMs)} ms. ` +
        `Speech log:\n${log.map((e) => `  ${e.time.toFixed(0)} ${e.type} ${e.error ?? ''} "${e.text}"`).join('\n')}`,
      { cause: error },
    );
  }
  return speechLog(page);
}

/**
 * Waits until the page has a voice whose `lang` starts with `langPrefix` (voices arrive about 2 s
 * after load here, through `voiceschanged`). Returns the matching voices' names and langs. The
 * bound is generous: when Chromium has to start speech-dispatcher again on a loaded machine, the
 * voices have been seen to take more than 15 s.
 */
export async function waitForVoices(
  page: Page,
  langPrefix = 'en',
  timeoutMs = 30_000,
): Promise<{ name: string; lang: string }[]> {
  await page.waitForFunction(
    (prefix) =>
      speechSynthesis
        .getVoices()
        .some((voice) => voice.lang.toLowerCase().startsWith(prefix.toLowerCase())),
    langPrefix,
    { timeout: timeoutMs, polling: 100 },
  );
  return page.evaluate(
    (prefix) =>
      speechSynthesis
        .getVoices()
        .filter((voice) => voice.lang.toLowerCase().startsWith(prefix.toLowerCase()))
        .map(({ name, lang }) => ({ name, lang })),
    langPrefix,
  );
}
