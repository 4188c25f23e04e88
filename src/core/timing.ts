/** Time estimates from text length, corrected by what the engine is measured to do. */

/** espeak-ng measured here: 117 characters in about 8.3 s at rate 1. Other engines are close. */
export const CHARACTERS_PER_SECOND_AT_RATE_1 = 14;

export function estimateSeconds(characters: number, rate = 1): number {
  return characters / (CHARACTERS_PER_SECOND_AT_RATE_1 * Math.max(rate, 0.1));
}

/** Whole minutes to speak `characters`, rounded up, at least 1 (the catalog's and /listen/'s). */
export function readingMinutes(characters: number, rate = 1): number {
  return Math.max(1, Math.ceil(estimateSeconds(characters, rate) / 60));
}

/** For each block, the characters from its start to the end of the article. */
export function charactersFrom(blockLengths: readonly number[]): number[] {
  const suffix = new Array<number>(blockLengths.length + 1).fill(0);
  for (let i = blockLengths.length - 1; i >= 0; i--)
    suffix[i] = suffix[i + 1]! + (blockLengths[i] ?? 0);
  return suffix;
}
