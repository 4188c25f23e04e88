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
 * Speech speed, learned from measured utterances: characters per second at each rate heard, a
 * moving average, ignoring measurements too short to mean anything. Engines differ in how the
 * speed follows the rate (WebKitGTK's Flite voices ignore it: 10 s for the same sentence at
 * 0.5× and at 3×), so a rate not heard yet is predicted from the heard ones nearest to it.
 */
export class SpeedEstimate {
  readonly #heard = new Map<number, number>();

  /** Whether the speed at `rate` was measured (else it is a prediction, possibly far off). */
  heard(rate: number): boolean {
    return this.#heard.has(positive(rate));
  }

  expectedMs(characters: number, rate: number): number {
    return (characters / this.#charactersPerSecond(rate)) * 1000;
  }

  /** Records that `characters` took `elapsedMs` at `rate`. */
  measure(characters: number, elapsedMs: number, rate: number): void {
    if (characters < 20 || elapsedMs < 500) return;
    const key = positive(rate);
    const measured = characters / (elapsedMs / 1000);
    const heard = this.#heard.get(key);
    if (heard === undefined) {
      // The first at this rate: the prediction can be off by the rate itself.
      const predicted = this.#charactersPerSecond(key);
      this.#heard.set(key, clamp(measured, predicted / 4, predicted * 4));
      return;
    }
    // Bounded, so that one odd utterance (a pause in the engine) cannot throw it far off.
    this.#heard.set(key, heard * 0.7 + clamp(measured, heard / 2, heard * 2) * 0.3);
  }

  /**
   * As heard at `rate`; else scaled from the nearest rate heard, in proportion to the rate, or
   * as the speed followed the rate between the two nearest (not at all, for Flite).
   */
  #charactersPerSecond(rate: number): number {
    const key = positive(rate);
    const heard = this.#heard.get(key);
    if (heard !== undefined) return heard;
    const distance = (other: number) => Math.abs(Math.log(other / key));
    const [first, second] = [...this.#heard].sort(([a], [b]) => distance(a) - distance(b));
    if (!first) return CHARACTERS_PER_SECOND_AT_RATE_1 * key;
    const exponent = second
      ? clamp(Math.log(second[1] / first[1]) / Math.log(second[0] / first[0]), 0, 1.5)
      : 1;
    return first[1] * (key / first[0]) ** exponent;
  }
}

const positive = (rate: number): number => Math.max(rate, 0.1);
const clamp = (value: number, min: number, max: number): number =>
  Math.min(Math.max(value, min), max);
