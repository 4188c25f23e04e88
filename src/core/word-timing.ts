/**
 * Estimating which word is being spoken when the engine sends no `boundary` events (Chromium on
 * Linux, Google's network voices, some Android voices). The estimate spreads the utterance's
 * expected duration over its words by length, and learns the real speed from each utterance's
 * measured duration, so that it drifts less the longer one listens.
 */
import { wordRanges, type TextRange } from './segment.js';
import { CHARACTERS_PER_SECOND_AT_RATE_1 } from './timing.js';

export interface TimedWord extends TextRange {
  /** Milliseconds after the utterance's start when the word is expected to begin. */
  readonly at: number;
}

/** Punctuation and spaces take time too, but less than letters. */
const GAP_WEIGHT = 0.5;

/** Expected start times of the words of `text`, for an utterance expected to last `durationMs`. */
export function scheduleWords(text: string, lang: string, durationMs: number): TimedWord[] {
  const words = wordRanges(text, lang);
  if (words.length === 0) return [];
  let weight = 0;
  let cursor = 0;
  const weights: number[] = [];
  for (const word of words) {
    weight += (word.start - cursor) * GAP_WEIGHT;
    weights.push(weight);
    weight += word.end - word.start;
    cursor = word.end;
  }
  weight += (text.length - cursor) * GAP_WEIGHT;
  return words.map((word, index) => ({
    ...word,
    at: (durationMs * (weights[index] ?? 0)) / weight,
  }));
}

/** The word expected at `elapsedMs`: the last one whose time has come. */
export function wordAt(schedule: readonly TimedWord[], elapsedMs: number): TimedWord | undefined {
  let found: TimedWord | undefined;
  for (const word of schedule) {
    if (word.at > elapsedMs) break;
    found = word;
  }
  return found;
}

/**
 * Speech speed in characters per second at rate 1, learned from measured utterances: an
 * exponential moving average, ignoring measurements too short to mean anything.
 */
export class SpeedEstimate {
  #charactersPerSecond = CHARACTERS_PER_SECOND_AT_RATE_1;

  get value(): number {
    return this.#charactersPerSecond;
  }

  expectedMs(characters: number, rate: number): number {
    return (characters / (this.#charactersPerSecond * Math.max(rate, 0.1))) * 1000;
  }

  /** Records that `characters` took `elapsedMs` at `rate`. */
  measure(characters: number, elapsedMs: number, rate: number): void {
    if (characters < 20 || elapsedMs < 500) return;
    const measured = characters / (elapsedMs / 1000) / Math.max(rate, 0.1);
    // Bounded, so that one odd utterance (a pause in the engine) cannot throw it far off.
    const bounded = Math.min(
      Math.max(measured, this.#charactersPerSecond / 2),
      this.#charactersPerSecond * 2,
    );
    this.#charactersPerSecond = this.#charactersPerSecond * 0.7 + bounded * 0.3;
  }
}
