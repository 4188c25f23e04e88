/**
 * Highlights the sentence and the word being spoken with the CSS Custom Highlight API, without
 * touching the article's markup. Words come from `boundary` events where the voice sends them;
 * without them the sentence alone is highlighted (the full player adds a timing estimate:
 * `WordEstimateController`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { wordRanges, type TextRange } from '../../core/segment.js';
import type { Piece } from '../reading-model.js';
import { textMap, type TextMap } from '../text-map.js';
import type { SpokenChunk } from './playback-controller.js';

export const WORD_HIGHLIGHT = 'ap-word';
export const SENTENCE_HIGHLIGHT = 'ap-sentence';

export interface ReadAlongOptions {
  /** The text nodes of block `index` (null for a break), or null when there is no such block. */
  pieces(index: number): readonly Piece[] | null;
  /** The spoken text of block `index`, to check the markup has not changed under us. */
  blockText(index: number): string;
  wordsEnabled(): boolean;
}

const supported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;

export class ReadAlongController implements ReactiveController {
  /**
   * Where a restart (a new rate or voice) goes back to, in its block: the word being spoken, or
   * where that is an estimate, a word the voice has surely reached.
   */
  restartWord: { block: number; start: number } | null = null;
  /** The chunk being spoken, while it is. */
  chunk: SpokenChunk | null = null;
  /** The voice sends word boundaries: they beat any estimate, from then on. */
  boundariesSeen = false;

  #map: { block: number; map: TextMap } | null = null;

  readonly #options: ReadAlongOptions;

  constructor(host: ReactiveControllerHost, options: ReadAlongOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  chunkStarted(chunk: SpokenChunk): void {
    this.chunk = chunk;
    this.restartWord = null;
    this.#show(SENTENCE_HIGHLIGHT, chunk.block, chunk.start, chunk.end);
  }

  chunkBoundary(chunk: SpokenChunk, charIndex: number, charLength: number | undefined): void {
    if (chunk !== this.chunk || !this.#options.wordsEnabled()) return;
    this.boundariesSeen = true;
    const word = wordContaining(chunk, charIndex, charLength);
    // A boundary on punctuation or space alone (some engines) moves nothing.
    if (word) this.showWord(chunk, word);
  }

  chunkEnded(chunk: SpokenChunk): void {
    if (chunk === this.chunk) this.chunk = null;
  }

  /** Removes every highlight: when reading stops or pauses. */
  clear(): void {
    this.chunk = null;
    this.restartWord = null;
    if (supported()) {
      CSS.highlights.delete(WORD_HIGHLIGHT);
      CSS.highlights.delete(SENTENCE_HIGHLIGHT);
    }
  }

  /** The spoken-text offset in block `index` of a DOM point, or -1. */
  offsetIn(index: number, node: Node, offset: number): number {
    return this.#mapOf(index)?.offsetOf(node, offset) ?? -1;
  }

  /** Highlights `word` (relative to the chunk's text) as the one being spoken. */
  showWord(chunk: SpokenChunk, word: TextRange): void {
    const start = chunk.start + word.start;
    this.restartWord = { block: chunk.block, start };
    this.#show(WORD_HIGHLIGHT, chunk.block, start, chunk.start + word.end);
  }

  #show(name: string, block: number, start: number, end: number): void {
    if (!supported()) return;
    const range = this.#mapOf(block)?.range(start, end);
    if (range) CSS.highlights.set(name, new Highlight(range));
    else CSS.highlights.delete(name);
  }

  #mapOf(block: number): TextMap | null {
    if (this.#map?.block !== block) {
      const pieces = this.#options.pieces(block);
      const map = pieces ? textMap(pieces) : null;
      // If the markup changed since it was read, offsets no longer match: highlight nothing.
      this.#map = map && map.text === this.#options.blockText(block) ? { block, map } : null;
    }
    return this.#map?.map ?? null;
  }
}

/** The word at `charIndex` of the chunk; its end from the segmenter where charLength is missing. */
function wordContaining(
  chunk: SpokenChunk,
  charIndex: number,
  charLength: number | undefined,
): TextRange | undefined {
  const words = wordRanges(chunk.text, chunk.lang);
  const word = words.find((candidate) => charIndex >= candidate.start && charIndex < candidate.end);
  if (word) return word;
  if (charLength && /\p{L}|\p{N}/u.test(chunk.text.slice(charIndex, charIndex + charLength))) {
    return { start: charIndex, end: charIndex + charLength };
  }
  return undefined;
}
