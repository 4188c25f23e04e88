/**
 * A word highlight for voices that send no `boundary` events (Chromium on Linux, Google's
 * network voices, some Android voices): a timing estimate, restarted at each utterance's start,
 * on the speed learned so far, so that it never runs ahead into the next sentence. Once the
 * voice sends boundaries, they alone move the highlight.
 */
import { Status } from '../../core/playback.js';
import {
  scheduleWords,
  wordAt,
  type SpeedEstimate,
  type TimedWord,
} from '../../core/word-timing.js';
import type { SpokenChunk } from '../controllers/playback-controller.js';
import type { PlayerContext, PlayerFeature } from '../feature.js';
import { speechSpeed } from './speech-speed.js';

/**
 * A restart (a new rate or voice) goes back to the word the estimate shows at this share of the
 * time elapsed: the voice has surely said it, since one sentence is said up to about a fifth
 * faster or slower than another.
 */
const SURELY_REACHED = 0.7;

export const wordEstimate: PlayerFeature = {
  name: 'word-estimate',
  attach(context) {
    new WordEstimate(context);
    return {};
  },
};

class WordEstimate {
  #chunk: SpokenChunk | null = null;
  #schedule: TimedWord[] = [];
  #startedAt = 0;
  #timer: number | undefined;

  readonly #context: PlayerContext;
  readonly #speed: SpeedEstimate;

  constructor(context: PlayerContext) {
    this.#context = context;
    const speed = speechSpeed(context);
    this.#speed = speed;
    context.player.addController({ hostDisconnected: () => this.#stop() });
    context.settings.subscribe((settings) => {
      if (!settings.highlightWords) this.#stop();
    });
    context.playback.subscribe({
      // The read-along has shown this chunk's sentence already (it subscribed first).
      onChunkStart: (chunk) => {
        this.#stop();
        this.#startedAt = context.clock.now();
        if (!context.settings.value.highlightWords || context.readAlong.boundariesSeen) return;
        this.#chunk = chunk;
        const expected = speed.expectedMs(chunk.text.length, chunk.rate);
        this.#schedule = scheduleWords(chunk.text, chunk.lang, expected);
        this.#tick();
      },
      // Real boundaries beat the estimate.
      onChunkBoundary: () => this.#stop(),
      onChunkEnd: () => this.#stop(),
      onTransition: (_previous, next) => {
        if (next.status !== Status.Playing) this.#stop();
      },
    });
  }

  #stop(): void {
    if (this.#timer !== undefined) this.#context.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#chunk = null;
  }

  /**
   * Where a restart goes back to: an estimate can run ahead of the voice, and a restart from
   * there would leave words unsaid. Before the speed at this rate is heard, the prediction can be
   * off by the rate itself (Flite ignores it): back to the sentence's start.
   */
  #surelyReached(chunk: SpokenChunk, elapsed: number): number {
    const sure = this.#speed.heard(chunk.rate)
      ? wordAt(this.#schedule, elapsed * SURELY_REACHED)
      : undefined;
    return chunk.start + (sure?.start ?? 0);
  }

  readonly #tick = (): void => {
    const chunk = this.#chunk;
    if (!chunk) return;
    const elapsed = this.#context.clock.now() - this.#startedAt;
    const word = wordAt(this.#schedule, elapsed);
    if (word) {
      const { readAlong } = this.#context;
      readAlong.showWord(chunk, word);
      readAlong.restartWord = { block: chunk.block, start: this.#surelyReached(chunk, elapsed) };
    }
    const next = this.#schedule.find((candidate) => candidate.at > elapsed);
    // After the last word, the highlight waits for the real end: never ahead of the engine.
    if (next) {
      this.#timer = this.#context.clock.setTimeout(this.#tick, Math.max(16, next.at - elapsed));
    }
  };
}
