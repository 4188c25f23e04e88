/**
 * SpeechEngine on the Web Speech API. The only code that touches `speechSynthesis`; it absorbs
 * the browsers' faults (the README's "Speech faults") so that nothing above it needs to know them.
 */
import { estimateSeconds } from '../core/timing.js';
import type { VoiceInfo } from '../core/voices.js';
import type { SpeakHandlers, SpeakRequest, SpeechEngine } from './engine.js';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(id: number): void;
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
}

export const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  clearTimeout: (id) => window.clearTimeout(id),
};

/** When each synthesiser's queue was last cancelled (the queue is one per browser, not per engine). */
const lastCancelBySynth = new WeakMap<SpeechSynthesis, number>();

/** Failures of a first attempt that a second one, a little later, usually gets past. */
const RETRY_CODES = new Set(['synthesis-failed', 'audio-busy']);

/** `interrupted` and `canceled` follow a cancel: not failures of the engine. */
const CANCEL_CODES = new Set(['interrupted', 'canceled']);

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
  #voicesByURI = new Map<string, SpeechSynthesisVoice>();

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
  }

  getVoices(): Promise<readonly VoiceInfo[]> {
    this.#voicesPromise ??= this.#loadVoices().then((voices) => {
      this.#voicesByURI = new Map(voices.map((voice) => [voice.voiceURI, voice]));
      // An empty answer may be a slow engine: ask again next time.
      if (voices.length === 0) this.#voicesPromise = undefined;
      return voices;
    });
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
    const wait = this.#lastCancelAt + this.#settleMs - this.#clock.now();
    // The first speak must stay synchronous: iOS drops a speak that is not inside the tap.
    if (wait > 0) this.#later(() => this.#attempt(request, handlers, generation, 1), wait);
    else this.#attempt(request, handlers, generation, 1);
  }

  isBusy(): boolean {
    return this.#live.size > 0 || this.#timers.size > 0;
  }

  cancel(): void {
    this.#generation++;
    for (const id of this.#timers) this.#clock.clearTimeout(id);
    this.#timers.clear();
    // Cancel only when we own something in the queue: the queue is shared with other tabs.
    if (this.#live.size > 0 && this.#synth) {
      this.#synth.cancel();
      this.#lastCancelAt = this.#clock.now();
    }
    this.#live.clear();
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
    const voice = request.voiceURI ? this.#voicesByURI.get(request.voiceURI) : undefined;
    if (voice) utterance.voice = voice;

    let started = false;
    let settled = false;
    const current = () => generation === this.#generation && !settled;
    const finish = () => {
      settled = true;
      this.#live.delete(utterance);
      this.#forget(startTimer);
      this.#forget(endTimer);
    };
    let endTimer: number | undefined;
    const startTimer = this.#later(() => {
      if (!current() || started) return;
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
      if (!current()) return;
      started = true;
      this.#forget(startTimer);
      // Some engines never send `end` (Chrome's network voices after ~15 s): move on anyway.
      const expectedMs = estimateSeconds(request.text.length, request.rate) * 1000;
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
      if (current()) handlers.onBoundary?.(event.charIndex, event.charLength);
    };
    utterance.onend = () => {
      if (!current()) return;
      finish();
      handlers.onEnd();
    };
    utterance.onerror = (event) => {
      if (!current()) return;
      finish();
      // Linux Chromium fails a speak() made before speech-dispatcher is up: try once more then.
      if (!started && attemptNumber === 1 && RETRY_CODES.has(event.error)) {
        this.#whenVoicesReady(() => this.#attempt(request, handlers, generation, 2));
        return;
      }
      if (CANCEL_CODES.has(event.error)) handlers.onInterrupted();
      else
        handlers.onError({ code: event.error, message: `Speech synthesis error: ${event.error}` });
    };

    this.#live.add(utterance);
    this.#synth.speak(utterance);
  }

  /** Runs `callback` once the engine lists voices (or the wait for them is over), tracked as busy. */
  #whenVoicesReady(callback: () => void): void {
    const startedAt = this.#clock.now();
    const poll = () => {
      const ready = (this.#synth?.getVoices().length ?? 0) > 0;
      if (ready || this.#clock.now() - startedAt >= this.#voicesTimeoutMs) {
        this.#later(callback, this.#settleMs);
      } else {
        this.#later(poll, this.#voicesPollMs);
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
      const done = (voices: readonly SpeechSynthesisVoice[]) => {
        synth.removeEventListener('voiceschanged', onChange);
        if (pollTimer !== undefined) this.#clock.clearTimeout(pollTimer);
        resolve(voices);
      };
      const onChange = () => {
        const voices = synth.getVoices();
        if (voices.length > 0) done(voices);
      };
      const poll = () => {
        const voices = synth.getVoices();
        if (voices.length > 0) done(voices);
        else if (this.#clock.now() - startedAt >= this.#voicesTimeoutMs) done([]);
        else pollTimer = this.#clock.setTimeout(poll, this.#voicesPollMs);
      };
      synth.addEventListener('voiceschanged', onChange);
      pollTimer = this.#clock.setTimeout(poll, this.#voicesPollMs);
    });
  }
}
