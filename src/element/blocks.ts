/** Reading an article's blocks out of the light DOM, without changing the markup. */
import type { Block } from '../core/article.js';
import { readingBlocks, type ReadingBlock } from './reading-model.js';

export { SKIP_SELECTOR } from './reading-model.js';

export interface ArticleBlocks {
  readonly blocks: Block[];
  /** Where each block's text is in the markup, by index: its element (if it has one) and text nodes. */
  readonly sources: ReadingBlock[];
}

/**
 * The readable blocks under `root` in document order, by the reading model (`reading-model.ts`),
 * in one go. The player reads its own light DOM a slice at a time (`readingScan`, `toBlocks`).
 */
export function readBlocks(root: Element, extraSkip = ''): ArticleBlocks {
  const sources = readingBlocks(root, { skip: extraSkip });
  return { blocks: toBlocks(sources, 0), sources };
}

/** The article's blocks for `sources`, the first of which is block number `firstIndex`. */
export function toBlocks(sources: readonly ReadingBlock[], firstIndex: number): Block[] {
  return sources.map((source, index): Block => ({
    id: source.element?.id || `b${String(firstIndex + index)}`,
    kind: source.kind,
    text: source.text,
    ...(source.lang ? { lang: source.lang } : {}),
  }));
}
