/**
 * A stand-in for `window.speechSynthesis` and `SpeechSynthesisUtterance` with a manual clock,
 * to reproduce the browsers' speech faults in unit tests of WebSpeechEngine.
 *
 * Each fault a real engine showed is a switch here (see `FakeSynthFaults`), so that a test can
 * reproduce it before the engine handles it.
 */
import type { Clock } from '../../src/speech/web-speech-engine.js';

export class ManualClock implements Clock {
  time = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(id: number): void {
    this.timers.delete(id);
  }
  /** A timer of 0 ms, as where the browser has no task priorities. */
  urgentTask(callback: () => void): void {
    this.setTimeout(callback, 0);
  }
  /** Moves time on, running each timer due on the way in order (ties in the order they were set). */
  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = until;
  }
}

export class FakeUtterance {
  lang = '';
  rate = 1;
  voice: unknown = null;
  onstart: (() => void) | null = null;
  onend: (() => void) | null = null;
  onboundary: ((event: { charIndex: number; charLength?: number }) => void) | null = null;
  onerror: ((event: { error: string | undefined }) => void) | null = null;
  constructor(readonly text: string) {}
}

export interface FakeVoice {
  name: string;
  lang: string;
  voiceURI: string;
  localService: boolean;
  default: boolean;
}

/** Faults of real engines, each off by default. */
export interface FakeSynthFaults {
  /**
   * WebKit (WebKitGTK 2.50): an utterance spoken from inside another utterance's event handler,
   * or in a microtask after it, plays but never fires `end`, and `cancel()` cannot stop it.
   * The turn lasts until the clock next runs a timer (one macrotask).
   */
  stuckWhenSpokenInEvent?: boolean;
  /** WebKit: `cancel()` fires `end` on the cancelled utterance, not an `interrupted` error. */
  cancelFiresEnd?: boolean;
  /**
   * Firefox 153 ESR: a speak made while its voices still arrive in batches (`voicesArriving`)
   * fails about 80 ms later with an `error` event whose `error` is undefined.
   */
  failsWhileVoicesArrive?: boolean;
  /**
   * WebKit (WebKitGTK 2.50) with no audio output (no sound server): every utterance fires `start`
   * and, about 30 ms later, `end`, without a sound; a 66-character title "ended" 130 ms after
   * its start. Timed on the clock.
   */
  endsAtOnceWithoutAudio?: boolean;
}

/** The WebKitGTK 2.50 voices: Flite's four en-US voices, every `voiceURI` empty. */
export const FLITE_VOICES: readonly FakeVoice[] = ['kal', 'slt', 'rms', 'awb'].map((name) => ({
  name,
  lang: 'en-US',
  voiceURI: '',
  localService: false, // as WebKitGTK reports them
  default: name === 'kal',
}));

export class FakeSynth extends EventTarget {
  voices: FakeVoice[] = [];
  spoken: FakeUtterance[] = [];
  cancels = 0;
  pauses = 0;
  /** Utterances that play and cannot be stopped (see `stuckWhenSpokenInEvent`). */
  readonly stuck = new Set<FakeUtterance>();
  /** Spoken and not yet ended, failed or cancelled. */
  readonly #playing = new Set<FakeUtterance>();
  #inEventTurn = false;

  constructor(
    private readonly clock?: ManualClock,
    readonly faults: FakeSynthFaults = {},
  ) {
    super();
  }

  get speaking(): boolean {
    return this.#playing.size > 0 || this.stuck.size > 0;
  }

  getVoices() {
    return this.voices;
  }
  /** Firefox's batches of voices are still coming (see `failsWhileVoicesArrive`). */
  voicesArriving = false;

  /** Lists `voices`, as one batch, and announces it. */
  addVoiceBatch(voices: readonly FakeVoice[], last: boolean): void {
    this.voices = [...this.voices, ...voices];
    this.voicesArriving = !last;
    this.dispatchEvent(new Event('voiceschanged'));
  }

  speak(utterance: FakeUtterance): void {
    this.spoken.push(utterance);
    if (this.faults.failsWhileVoicesArrive && this.voicesArriving && this.clock) {
      this.#playing.add(utterance);
      this.clock.setTimeout(() => this.fire(utterance, 'error', { error: undefined }), 80);
      return;
    }
    if (this.#inEventTurn && this.faults.stuckWhenSpokenInEvent) this.stuck.add(utterance);
    else this.#playing.add(utterance);
    if (this.faults.endsAtOnceWithoutAudio && this.clock) {
      this.clock.setTimeout(() => this.fire(utterance, 'start'), 20);
      this.clock.setTimeout(() => this.fire(utterance, 'end'), 50);
    }
  }
  cancel(): void {
    this.cancels++;
    const cancelled = [...this.#playing];
    this.#playing.clear();
    if (this.faults.cancelFiresEnd) for (const utterance of cancelled) utterance.onend?.();
  }
  pause(): void {
    this.pauses++;
  }

  /**
   * Fires one of an utterance's events the way a browser does: as a task of its own, whose turn
   * (with the microtasks after it) lasts until the clock runs its next timer.
   */
  fire(
    utterance: FakeUtterance,
    type: 'start' | 'end' | 'boundary' | 'error',
    detail: { charIndex?: number; charLength?: number; error?: string | undefined } = {},
  ): void {
    if (type === 'end' || type === 'error') {
      if (this.stuck.has(utterance)) return; // it never ends
      this.#playing.delete(utterance);
    }
    this.#inEventTurn = true;
    this.clock?.setTimeout(() => (this.#inEventTurn = false), 0);
    if (type === 'start') utterance.onstart?.();
    else if (type === 'end') utterance.onend?.();
    else if (type === 'boundary') {
      utterance.onboundary?.({ charIndex: detail.charIndex ?? 0, charLength: detail.charLength });
    } else utterance.onerror?.({ error: 'error' in detail ? detail.error : 'synthesis-failed' });
  }

  get last(): FakeUtterance {
    const last = this.spoken[this.spoken.length - 1];
    if (!last) throw new Error('nothing was spoken');
    return last;
  }
}
