/**
 * The full player's word highlight for voices that send no `boundary` events (Chromium on Linux,
 * Google's network voices, some Android voices): a timing estimate, restarted at each
 * utterance's start and learning the real speed at each end, so that it never runs ahead into
 * the next sentence. Once the voice sends boundaries, they alone move the highlight.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { scheduleWords, SpeedEstimate, wordAt, type TimedWord } from '../../core/word-timing.js';
import type { SpokenChunk } from './playback-controller.js';
import type { ReadAlongController } from './read-along-controller.js';

export class WordEstimateController implements ReactiveController {
  /** The listener's speech speed, learned from each utterance (also for the time left). */
  readonly speed = new SpeedEstimate();

  #schedule: TimedWord[] = [];
  /** When the chunk being read along (`readAlong.chunk`) started. */
  #startedAt = 0;
  #timer: number | undefined;

  readonly #readAlong: ReadAlongController;
  readonly #wordsEnabled: () => boolean;

  constructor(
    host: ReactiveControllerHost,
    readAlong: ReadAlongController,
    wordsEnabled: () => boolean,
  ) {
    this.#readAlong = readAlong;
    this.#wordsEnabled = wordsEnabled;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** After the read-along controller's own `chunkStarted`. */
  chunkStarted(chunk: SpokenChunk): void {
    this.stop();
    this.#startedAt = performance.now();
    if (!this.#wordsEnabled() || this.#readAlong.boundariesSeen) return;
    const expected = this.speed.expectedMs(chunk.text.length, chunk.rate);
    this.#schedule = scheduleWords(chunk.text, chunk.lang, expected);
    this.#tick();
  }

  /** Real boundaries beat the estimate. */
  chunkBoundary(): void {
    this.stop();
  }

  /** Before the read-along controller's own `chunkEnded`. */
  chunkEnded(chunk: SpokenChunk, completed: boolean): void {
    if (chunk !== this.#readAlong.chunk) return;
    if (completed) {
      this.speed.measure(chunk.text.length, performance.now() - this.#startedAt, chunk.rate);
    }
    this.stop();
  }

  /** Stops the estimate: reading stopped or paused, or the voice reports its words. */
  stop(): void {
    window.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  readonly #tick = (): void => {
    // Reading paused or stopped, or words switched off: the read-along has no chunk then.
    const chunk = this.#readAlong.chunk;
    if (!chunk) return;
    const elapsed = performance.now() - this.#startedAt;
    const word = wordAt(this.#schedule, elapsed);
    if (word) this.#readAlong.showWord(chunk, word);
    const next = this.#schedule.find((candidate) => candidate.at > elapsed);
    // After the last word, the highlight waits for the real end: never ahead of the engine.
    if (next) this.#timer = window.setTimeout(this.#tick, Math.max(16, next.at - elapsed));
  };
}
