/** A SpeechEngine whose utterances the test finishes by hand: for logic and fault tests. */
import type { VoiceInfo } from '../../src/core/voices.js';
import type { SpeakHandlers, SpeakRequest, SpeechEngine } from '../../src/speech/engine.js';

export interface FakeUtteranceRecord {
  readonly request: SpeakRequest;
  readonly handlers: SpeakHandlers;
  cancelled: boolean;
}

export const ENGLISH_VOICES: VoiceInfo[] = [
  { name: 'Afrikaans', lang: 'af', voiceURI: 'af', localService: true, default: true },
  {
    name: 'English (America)',
    lang: 'en-US',
    voiceURI: 'en-us',
    localService: true,
    default: false,
  },
  {
    name: 'English (Great Britain)',
    lang: 'en-GB',
    voiceURI: 'en-gb',
    localService: true,
    default: false,
  },
];

/** The fake voice's speed at rate 1 (as `CHARACTERS_PER_SECOND_AT_RATE_1`). */
const CHARACTERS_PER_SECOND = 14;

export class FakeSpeechEngine implements SpeechEngine {
  supported = true;
  spoken: FakeUtteranceRecord[] = [];
  cancels = 0;
  /**
   * The voice speaks at one speed whatever the rate, as WebKitGTK's Flite voices do (measured:
   * the same 128 characters took 10.1 s at 0.5×, 1×, 2× and 3×). See `speakingMs`.
   */
  ignoresRate = false;
  /** The voice's speed at rate 1 (see `speakingMs`): one sentence is said faster than another. */
  charactersPerSecond = CHARACTERS_PER_SECOND;

  #voices: readonly VoiceInfo[];
  readonly #voicesListeners = new Set<() => void>();

  constructor(voices: readonly VoiceInfo[] = ENGLISH_VOICES) {
    this.#voices = voices;
    this.voicesAnswered = new Promise((resolve) => (this.#answered = resolve));
  }

  /** Once the player has its voices and has rendered what they allow. */
  async settled(player: { readonly updateComplete: Promise<boolean> }): Promise<void> {
    await player.updateComplete;
    if (this.supported) await this.voicesAnswered;
    await player.updateComplete;
  }

  /** Settles once the player has asked for the voices and had them (its own `then` ran first). */
  readonly voicesAnswered: Promise<void>;
  #answered!: () => void;

  #voicesHeld: Promise<void> | null = null;

  /**
   * The voices come late (Chromium and Firefox list none at first): `getVoices` answers once the
   * returned function is called.
   */
  holdVoices(): () => void {
    let release!: () => void;
    this.#voicesHeld = new Promise((resolve) => (release = resolve));
    return release;
  }

  getVoices(): Promise<readonly VoiceInfo[]> {
    const answer = this.#voicesHeld
      ? this.#voicesHeld.then(() => this.#voices)
      : Promise.resolve(this.#voices);
    // Reactions run in order: the caller's, registered next, runs before this one's awaiters.
    void answer.then(() => this.#answered());
    return answer;
  }

  onVoicesChanged(listener: () => void): () => void {
    this.#voicesListeners.add(listener);
    return () => this.#voicesListeners.delete(listener);
  }

  /** The device's voices change (one installed or removed), as `voiceschanged` tells. */
  changeVoices(voices: readonly VoiceInfo[]): void {
    this.#voices = voices;
    for (const listener of this.#voicesListeners) listener();
  }

  speak(request: SpeakRequest, handlers: SpeakHandlers): void {
    this.spoken.push({ request, handlers, cancelled: false });
  }

  cancel(): void {
    this.cancels++;
    for (const record of this.spoken) record.cancelled = true;
  }

  isBusy(): boolean {
    return this.current !== undefined;
  }

  /** The utterance being spoken now: the last one not cancelled. */
  get current(): FakeUtteranceRecord | undefined {
    const last = this.spoken[this.spoken.length - 1];
    return last && !last.cancelled ? last : undefined;
  }

  /** Ends the current utterance, as the engine would when it has spoken it. */
  finishCurrent(): void {
    const current = this.current;
    if (!current) throw new Error('nothing is being spoken');
    current.cancelled = true;
    current.handlers.onEnd();
  }

  /** How long the fake's voice takes to say `request`: 14 characters a second at rate 1. */
  speakingMs(request: SpeakRequest): number {
    return (request.text.length / this.#speed(request)) * 1000;
  }

  /** How many characters of `request` the voice has said `elapsedMs` after its start. */
  saidBy(request: SpeakRequest, elapsedMs: number): number {
    return Math.min(request.text.length, Math.floor((elapsedMs / 1000) * this.#speed(request)));
  }

  #speed(request: SpeakRequest): number {
    return this.charactersPerSecond * (this.ignoresRate ? 1 : request.rate);
  }

  failCurrent(code: string): void {
    const current = this.current;
    if (!current) throw new Error('nothing is being spoken');
    current.cancelled = true;
    current.handlers.onError({ code, message: `fake ${code}` });
  }

  /** Everything spoken and not cancelled before its end, joined. */
  get spokenTexts(): string[] {
    return this.spoken.map((record) => record.request.text);
  }
}
