/** Time estimates from text length, corrected by what the engine is measured to do. */

/** espeak-ng measured here: 117 characters in about 8.3 s at rate 1. Other engines are close. */
export const CHARACTERS_PER_SECOND_AT_RATE_1 = 14;

export function estimateSeconds(characters: number, rate = 1): number {
  return characters / (CHARACTERS_PER_SECOND_AT_RATE_1 * Math.max(rate, 0.1));
}

export function readingMinutes(characters: number, rate = 1): number {
  return Math.max(1, Math.ceil(estimateSeconds(characters, rate) / 60));
}
