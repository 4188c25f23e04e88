/**
 * Moving by sentence and by word, for the full player (its sentence buttons, arrow keys, media
 * keys and tap-to-word). Positions are the reducer's: `{ block, offset }` in the block's text.
 */
import type { Position } from '../core/article.js';
import { Status } from '../core/playback.js';
import { wordRanges } from '../core/segment.js';
import type { PlaybackController } from './controllers/playback-controller.js';

/** The start of the sentence after the one at `position`, or undefined at the very end. */
export function sentenceAfter(
  playback: PlaybackController,
  position: Position,
): Position | undefined {
  const { blockLengths } = playback.state;
  const range = playback.chunkAt(position);
  if (range && range.end < (blockLengths[position.block] ?? 0)) {
    return { block: position.block, offset: range.end };
  }
  for (let block = position.block + 1; block < blockLengths.length; block++) {
    if ((blockLengths[block] ?? 0) > 0) return { block, offset: 0 };
  }
  return undefined;
}

/**
 * Where "back one sentence" goes: the start of this sentence, or of the one before when this
 * one has only just begun (`early`), as media players do with tracks.
 */
export function sentenceBefore(
  playback: PlaybackController,
  position: Position,
  early: boolean,
): Position {
  const { blockLengths, status } = playback.state;
  const start = playback.chunkAt(position)?.start ?? 0;
  if (position.offset > start || (status === Status.Playing && !early)) {
    return { block: position.block, offset: start };
  }
  if (start > 0) {
    return {
      block: position.block,
      offset: playback.chunkAt({ block: position.block, offset: start - 1 })?.start ?? 0,
    };
  }
  for (let block = position.block - 1; block >= 0; block--) {
    const length = blockLengths[block] ?? 0;
    if (length > 0) {
      return { block, offset: playback.chunkAt({ block, offset: length - 1 })?.start ?? 0 };
    }
  }
  return { block: position.block, offset: 0 };
}

/** Where a tap at `position` reads from: the start of the word there. */
export function wordStartAt(playback: PlaybackController, position: Position): number {
  const article = playback.article;
  const block = article?.blocks[position.block];
  if (!block) return 0;
  const words = wordRanges(block.text, block.lang ?? article.lang);
  // A caret just after a word belongs to it; between words, the next one; past the last, the block.
  const word = words.find((candidate) => position.offset <= candidate.end);
  return word ? word.start : 0;
}
