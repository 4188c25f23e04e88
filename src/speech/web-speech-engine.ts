/**
 * SpeechEngine on the Web Speech API. The only code that touches `speechSynthesis`; it absorbs
 * the browsers' faults (the README's table of engines) so that nothing above it needs to know
 * them. Each fault is handled by what it does, never by sniffing the browser:
 * - no `start` (Linux Chromium after a cancel, a wedged engine): the start watchdog, one retry;
 * - no `end` (Chrome's network voices after ~15 s): the end watchdog;
 * - a speak inside an utterance event never ends and cannot be cancelled (WebKit): speaks go
 *   out one macrotask after an event (`#inEventTurn`);
 * - a `cancel()` that does not stop (WebKit, for such an utterance): cancel again and wait,
 *   bounded, before speaking over it (`#speakWhenQuiet`);
 * - a cancel fires `end` (WebKit) or an `interrupted` error (Chromium): generations decide;
 * - voices arrive late, in batches (Firefox, Chromium): a speak waits for them (`#voiceWaiters`);
 * - a speak made while Firefox's batches still arrive fails, with no error code: spoken again
 *   once the list has settled, as often as the list was still changing;
 * - voices without a `voiceURI` (WebKitGTK): a voice is named by `voiceKey`, and a voice of the
 *   language is always set on the utterance.
 */
import { estimateSeconds } from '../core/timing.js';
import { chooseVoice, findVoice, voicesFor, type VoiceInfo } from '../core/voices.js';
import type { SpeakHandlers, SpeakRequest, SpeechEngine } from './engine.js';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
  /** Runs `callback` in a task of its own that the page's loading work does not hold back. */
  urgentTask(callback: () => void): void;
}

/** The Prioritized Task Scheduling API, where there is one (not in TypeScript's DOM types yet). */
interface WithScheduler {
  scheduler?: { postTask?(callback: () => void, options: { priority: 'user-blocking' }): unknown };
}

export interface WebSpeechEngineOptions {
  readonly synth?: SpeechSynthesis | undefined;
  readonly Utterance?: typeof SpeechSynthesisUtterance | undefined;
  readonly clock?: Clock;
  /** No `start` by then: cancel and speak once more, then report `no-start`. */
  readonly startTimeoutMs?: number;
  /** A `speak()` right after `cancel()` can be dropped on Linux Chromium: wait this long first. */
  readonly settleMs?: number;
  /** How long to wait for late voices before reporting that there are none. */
  readonly voicesTimeoutMs?: number;
  readonly voicesPollMs?: number;
  /** How long a late list of voices must stay unchanged before it is taken (Firefox sends batches). */
  readonly voicesQuietMs?: number;
  /** How long to go on cancelling an utterance that `cancel()` did not stop, before speaking anyway. */
  readonly stuckCancelMs?: number;
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (id) => window.clearTimeout(id),
  // While Chromium parses a long page it runs no timer (nor a frame) until the parse is over;
  // a `user-blocking` task still runs between two of the parser's. Once the page is parsed, a
  // timer: such a task would come before the page's first frames.
  urgentTask: (callback) => {
    const { scheduler } = globalThis as WithScheduler;
    if (document.readyState === 'loading' && scheduler?.postTask) {
      void scheduler.postTask(callback, { priority: 'user-blocking' });
    } else setTimeout(callback);
  },
};

/** When each synthesiser's queue was last cancelled (the queue is one per browser, not per engine). */
const lastCancelBySynth = new WeakMap<SpeechSynthesis, number>();

/** Failures of a first attempt that a second one, a little later, usually gets past. */
const RETRY_CODES = new Set(['synthesis-failed', 'audio-busy']);

/** Attempts of one utterance while the engine is still starting (its voice list changing). */
const MAX_ATTEMPTS = 5;

/** `interrupted` and `canceled` follow a cancel: not failures of the engine. */
const CANCEL_CODES = new Set(['interrupted', 'canceled']);

/**
 * An `end` this soon after `start` (a share of the expected duration, for an utterance expected to
 * last this long at least) is no end: nothing was spoken (WebKit with no audio output ends each
 * utterance about 30 ms after its start). No voice says 14 characters in 100 ms.
 */
const UNSPOKEN_SHARE = 0.1;
const UNSPOKEN_MIN_MS = 1000;

/** Margin past the expected duration before a missing `end` is taken as an end. */
const END_GRACE_FACTOR = 3;
const END_GRACE_MS = 10_000;

export class WebSpeechEngine implements SpeechEngine {
  readonly supported: boolean;
  readonly #synth: SpeechSynthesis | undefined;
  readonly #Utterance: typeof SpeechSynthesisUtterance | undefined;
  readonly #clock: Clock;
  readonly #startTimeoutMs: number;
  readonly #settleMs: number;
  readonly #voicesTimeoutMs: number;
  readonly #voicesPollMs: number;
  readonly #voicesQuietMs: number;
  readonly #stuckCancelMs: number;
  /** Held until their end or error: an utterance collected early never fires `end`. */
  readonly #live = new Set<SpeechSynthesisUtterance>();
  readonly #timers = new Set<number>();
  #generation = 0;
  /** Shared by every engine on the same synthesiser: one player's cancel delays another's speak. */
  get #lastCancelAt(): number {
    return (this.#synth && lastCancelBySynth.get(this.#synth)) ?? Number.NEGATIVE_INFINITY;
  }
  set #lastCancelAt(time: number) {
    if (this.#synth) lastCancelBySynth.set(this.#synth, time);
  }
  #voicesPromise: Promise<readonly SpeechSynthesisVoice[]> | undefined;
  #voices: readonly SpeechSynthesisVoice[] = [];
  /**
   * The voices named so far (a `voiceKey`), found when first named: indexing every voice when
   * the list arrives costs tens of milliseconds for an engine that lists thousands.
   */
  readonly #voiceByKey = new Map<string, SpeechSynthesisVoice | undefined>();
  /** The voice chosen for a language when the request names none (or one that is gone). */
  readonly #voiceByLang = new Map<string, SpeechSynthesisVoice | undefined>();
  /** Speaks waiting for voices that are still loading: speaking without one starts late, voiceless. */
  #voiceWaiters: (() => void)[] = [];
  #voicesLoading = false;
  readonly #voicesListeners = new Set<() => void>();
  #watchingVoices = false;
  /**
   * True from an utterance event until the next macrotask. WebKit never ends an utterance
   * spoken inside the previous one's event handler (or a microtask after it), and `cancel()`
   * cannot stop it; spoken one macrotask later it behaves.
   */
  #inEventTurn = false;

  constructor(options: WebSpeechEngineOptions = {}) {
    const hasWindow = typeof window !== 'undefined';
    this.#synth =
      'synth' in options ? options.synth : hasWindow ? window.speechSynthesis : undefined;
    this.#Utterance =
      'Utterance' in options
        ? options.Utterance
        : hasWindow
          ? window.SpeechSynthesisUtterance
          : undefined;
    this.supported = Boolean(this.#synth && this.#Utterance);
    this.#clock = options.clock ?? browserClock;
    this.#startTimeoutMs = options.startTimeoutMs ?? 8_000;
    this.#settleMs = options.settleMs ?? 100;
    this.#voicesTimeoutMs = options.voicesTimeoutMs ?? 10_000;
    this.#voicesPollMs = options.voicesPollMs ?? 250;
    this.#voicesQuietMs = options.voicesQuietMs ?? 150;
    this.#stuckCancelMs = options.stuckCancelMs ?? 3_000;
  }

  getVoices(): Promise<readonly VoiceInfo[]> {
    if (!this.#voicesPromise) {
      this.#voicesLoading = (this.#synth?.getVoices().length ?? 0) === 0;
      this.#voicesPromise = this.#loadVoices().then((voices) => {
        this.#voices = voices;
        this.#voiceByKey.clear();
        this.#voiceByLang.clear();
        // An empty answer may be a slow engine: ask again next time.
        if (voices.length === 0) this.#voicesPromise = undefined;
        this.#voicesLoading = false;
        if (voices.length > 0) this.#watchVoices();
        const waiters = this.#voiceWaiters;
        this.#voiceWaiters = [];
        for (const waiter of waiters) waiter();
        return voices;
      });
    }
    return this.#voicesPromise;
  }

  speak(request: SpeakRequest, handlers: SpeakHandlers): void {
    if (!this.#synth || !this.#Utterance) {
      handlers.onError({
        code: 'synthesis-unavailable',
        message: 'Speech synthesis is not supported',
      });
      return;
    }
    const generation = this.#generation;
    if (this.#voicesLoading) {
      // Firefox lists its voices seconds after load: a speak before then has no voice.
      this.#voiceWaiters.push(() => this.#send(request, handlers, generation));
    } else {
      this.#send(request, handlers, generation);
    }
  }

  onVoicesChanged(listener: () => void): () => void {
    this.#voicesListeners.add(listener);
    return () => this.#voicesListeners.delete(listener);
  }

  /** A voice installed or removed after the first list: the list and the choices are read again. */
  #watchVoices(): void {
    const synth = this.#synth;
    if (this.#watchingVoices || !synth) return;
    this.#watchingVoices = true;
    synth.addEventListener('voiceschanged', () => {
      const voices = synth.getVoices();
      // Firefox sends its voices in batches: an unchanged list is no news.
      if (voices.length === this.#voices.length && voices.every((v, i) => v === this.#voices[i])) {
        return;
      }
      this.#voices = voices;
      this.#voiceByKey.clear();
      this.#voiceByLang.clear();
      this.#voicesPromise = Promise.resolve(voices);
      for (const listener of this.#voicesListeners) listener();
    });
  }

  isBusy(): boolean {
    return this.#live.size > 0 || this.#timers.size > 0 || this.#voiceWaiters.length > 0;
  }

  cancel(): void {
    this.#generation++;
    for (const id of this.#timers) this.#clock.clearTimeout(id);
    this.#timers.clear();
    this.#voiceWaiters = [];
    // Cancel only when we own something in the queue: the queue is shared with other tabs.
    if (this.#live.size > 0 && this.#synth) {
      this.#synth.cancel();
      this.#lastCancelAt = this.#clock.now();
    }
    this.#live.clear();
  }

  #send(request: SpeakRequest, handlers: SpeakHandlers, generation: number): void {
    const wait = this.#lastCancelAt + this.#settleMs - this.#clock.now();
    if (wait > 0) {
      const since = this.#clock.now();
      this.#later(() => this.#speakWhenQuiet(request, handlers, generation, since), wait);
    } else if (this.#inEventTurn) {
      this.#later(() => this.#attempt(request, handlers, generation, 1), 0);
    } else {
      // The first speak must stay synchronous: iOS drops a speak that is not inside the tap.
      this.#attempt(request, handlers, generation, 1);
    }
  }

  /**
   * After a cancel: speak once the engine has gone quiet. An utterance that `cancel()` did not
   * stop (WebKit) would otherwise be heard over ours; cancel it again until it stops, for a
   * bounded time.
   */
  #speakWhenQuiet(
    request: SpeakRequest,
    handlers: SpeakHandlers,
    generation: number,
    since: number,
  ): void {
    if (generation !== this.#generation || !this.#synth) return;
    if (this.#synth.speaking && this.#clock.now() - since < this.#stuckCancelMs) {
      this.#synth.cancel();
      this.#lastCancelAt = this.#clock.now();
      this.#later(() => this.#speakWhenQuiet(request, handlers, generation, since), this.#settleMs);
      return;
    }
    this.#attempt(request, handlers, generation, 1);
  }

  /** The voice to set: the one the request names, else the best one for its language. */
  #voiceFor(request: SpeakRequest): SpeechSynthesisVoice | undefined {
    const named = request.voiceURI ? this.#namedVoice(request.voiceURI, request.lang) : undefined;
    if (named) return named;
    if (!this.#voiceByLang.has(request.lang)) {
      this.#voiceByLang.set(
        request.lang,
        chooseVoice(this.#voices, request.lang, request.voiceURI),
      );
    }
    return this.#voiceByLang.get(request.lang);
  }

  /** The voice `key` names: looked for among the request's language first (it is usually one of them). */
  #namedVoice(key: string, lang: string): SpeechSynthesisVoice | undefined {
    if (!this.#voiceByKey.has(key)) {
      this.#voiceByKey.set(
        key,
        findVoice(voicesFor(this.#voices, lang), key) ?? findVoice(this.#voices, key),
      );
    }
    return this.#voiceByKey.get(key);
  }

  #attempt(
    request: SpeakRequest,
    handlers: SpeakHandlers,
    generation: number,
    attemptNumber: number,
  ): void {
    if (generation !== this.#generation || !this.#synth || !this.#Utterance) return;
    const utterance = new this.#Utterance(request.text);
    utterance.lang = request.lang;
    utterance.rate = request.rate;
    // WebKitGTK leaves `voice` null unless set, and speaks with its own default then.
    const voice = this.#voiceFor(request);
    if (voice) utterance.voice = voice;
    const voicesAtAttempt = this.#synth.getVoices().length;

    /** When `start` came (the clock's time); null until it does. */
    let startedAt: number | null = null;
    let settled = false;
    const expectedMs = estimateSeconds(request.text.length, request.rate) * 1000;
    const current = () => generation === this.#generation && !settled;
    const finish = () => {
      settled = true;
      this.#live.delete(utterance);
      this.#forget(startTimer);
      this.#forget(endTimer);
    };
    let endTimer: number | undefined;
    const startTimer = this.#later(() => {
      if (!current() || startedAt !== null) return;
      finish();
      this.#synth?.cancel();
      this.#lastCancelAt = this.#clock.now();
      if (attemptNumber === 1) {
        this.#later(() => this.#attempt(request, handlers, generation, 2), this.#settleMs);
      } else {
        handlers.onError({ code: 'no-start', message: 'The speech engine did not start speaking' });
      }
    }, this.#startTimeoutMs);

    utterance.onstart = () => {
      this.#markEventTurn();
      if (!current()) return;
      startedAt = this.#clock.now();
      this.#forget(startTimer);
      // Some engines never send `end` (Chrome's network voices after ~15 s): move on anyway.
      endTimer = this.#later(
        () => {
          if (!current()) return;
          finish();
          // Take the stuck utterance out of the queue, or the next one would wait behind it.
          this.#synth?.cancel();
          this.#lastCancelAt = this.#clock.now();
          handlers.onEnd();
        },
        expectedMs * END_GRACE_FACTOR + END_GRACE_MS,
      );
      handlers.onStart?.();
    };
    utterance.onboundary = (event) => {
      this.#markEventTurn();
      if (current()) handlers.onBoundary?.(event.charIndex, event.charLength);
    };
    utterance.onend = () => {
      this.#markEventTurn();
      if (!current()) return;
      finish();
      // Ended unspoken: reading on would race through the article in silence, to its end.
      if (
        startedAt !== null &&
        expectedMs >= UNSPOKEN_MIN_MS &&
        this.#clock.now() - startedAt < expectedMs * UNSPOKEN_SHARE
      ) {
        handlers.onError({ code: 'audio-hardware', message: 'Ended unspoken' });
      } else handlers.onEnd();
    };
    utterance.onerror = (event) => {
      this.#markEventTurn();
      if (!current()) return;
      finish();
      // Firefox gives no code (153 ESR: `error` is undefined).
      const code = (event.error as string | undefined) || 'synthesis-failed';
      // Linux Chromium fails a speak() made before speech-dispatcher is up, Firefox one made
      // while its voices still arrive: try again once the list has settled.
      const stillStarting = (this.#synth?.getVoices().length ?? 0) !== voicesAtAttempt;
      if (
        startedAt === null &&
        RETRY_CODES.has(code) &&
        (attemptNumber === 1 || (stillStarting && attemptNumber < MAX_ATTEMPTS))
      ) {
        this.#whenVoicesReady(() =>
          this.#attempt(request, handlers, generation, attemptNumber + 1),
        );
        return;
      }
      if (CANCEL_CODES.has(code)) handlers.onInterrupted();
      else handlers.onError({ code, message: `Speech synthesis error: ${code}` });
    };

    this.#live.add(utterance);
    this.#synth.speak(utterance);
  }

  #markEventTurn(): void {
    if (this.#inEventTurn) return;
    this.#inEventTurn = true;
    // Not one of ours to track as busy: it only ends the turn.
    this.#clock.setTimeout(() => (this.#inEventTurn = false), 0);
  }

  /**
   * Runs `callback` once the engine lists voices and the list has stopped changing (or the wait
   * for them is over), tracked as busy.
   */
  #whenVoicesReady(callback: () => void): void {
    const startedAt = this.#clock.now();
    let lastCount = -1;
    const poll = () => {
      const count = this.#synth?.getVoices().length ?? 0;
      const settled = count > 0 && count === lastCount;
      lastCount = count;
      if (settled || this.#clock.now() - startedAt >= this.#voicesTimeoutMs) {
        this.#later(callback, this.#settleMs);
      } else {
        this.#later(poll, count > 0 ? this.#voicesQuietMs : this.#voicesPollMs);
      }
    };
    poll();
  }

  #later(callback: () => void, ms: number): number {
    const id = this.#clock.setTimeout(() => {
      this.#timers.delete(id);
      callback();
    }, ms);
    this.#timers.add(id);
    return id;
  }

  #forget(id: number | undefined): void {
    if (id === undefined) return;
    this.#clock.clearTimeout(id);
    this.#timers.delete(id);
  }

  /** Voices load late: try now, listen for `voiceschanged`, and poll with a bound. */
  #loadVoices(): Promise<readonly SpeechSynthesisVoice[]> {
    const synth = this.#synth;
    if (!synth) return Promise.resolve([]);
    const now = synth.getVoices();
    if (now.length > 0) return Promise.resolve(now);
    return new Promise((resolve) => {
      const startedAt = this.#clock.now();
      let pollTimer: number | undefined;
      let quietTimer: number | undefined;
      const done = (voices: readonly SpeechSynthesisVoice[]) => {
        synth.removeEventListener('voiceschanged', onChange);
        if (pollTimer !== undefined) this.#clock.clearTimeout(pollTimer);
        if (quietTimer !== undefined) this.#clock.clearTimeout(quietTimer);
        resolve(voices);
      };
      // Firefox sends its voices in batches (33, 646, 768, then 13,362 here), and a speak made
      // before the last one fails. The list is taken once no batch has come for a moment.
      const onChange = () => {
        if (synth.getVoices().length === 0) return;
        if (quietTimer !== undefined) this.#clock.clearTimeout(quietTimer);
        quietTimer = this.#clock.setTimeout(() => done(synth.getVoices()), this.#voicesQuietMs);
      };
      const poll = () => {
        const voices = synth.getVoices();
        // A pending quiet timer decides for an engine that announces its batches.
        if (voices.length > 0 && quietTimer === undefined) done(voices);
        else if (this.#clock.now() - startedAt >= this.#voicesTimeoutMs) done([]);
        else pollTimer = this.#clock.setTimeout(poll, this.#voicesPollMs);
      };
      synth.addEventListener('voiceschanged', onChange);
      pollTimer = this.#clock.setTimeout(poll, this.#voicesPollMs);
    });
  }
}
