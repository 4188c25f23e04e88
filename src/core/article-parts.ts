/**
 * A long article in the app is shown in parts of `PART_BLOCKS` blocks, each a
 * `<div class="article-part">` that the browser lays out only near the view (`content-visibility:
 * auto`, in app.css). Laid out whole, 10,000 paragraphs keep the page from answering for seconds
 * when it opens and make every word highlight repaint them all; in parts, they open and highlight
 * as fast as a short article. Until a part is first shown, its height is estimated from its
 * characters and blocks (`--part-chars`, `--part-blocks`); once shown, the browser remembers it.
 *
 * The build groups the pre-rendered pages (scripts/content/articles.ts) and the app groups the
 * texts it renders itself, with this one rule. Short articles are left as they are.
 */

/** An article of more blocks than this is grouped, in parts of this many blocks (the last may be fewer). */
export const PART_BLOCKS = 100;

export const PART_CLASS = 'article-part';

export interface ArticlePart {
  /** The first block's index. */
  readonly start: number;
  /** One past the last block's index. */
  readonly end: number;
  /** The characters of the part's text, for its estimated height. */
  readonly characters: number;
}

/** The parts of an article whose top-level blocks have these text lengths; none for a short article. */
export function articleParts(blockLengths: readonly number[]): ArticlePart[] {
  if (blockLengths.length <= PART_BLOCKS) return [];
  const parts: ArticlePart[] = [];
  for (let start = 0; start < blockLengths.length; start += PART_BLOCKS) {
    const end = Math.min(start + PART_BLOCKS, blockLengths.length);
    let characters = 0;
    for (let i = start; i < end; i++) characters += blockLengths[i] ?? 0;
    parts.push({ start, end, characters });
  }
  return parts;
}

/** The custom properties app.css estimates a part's height from, e.g. `--part-chars: 61234; --part-blocks: 100`. */
export function partStyle(part: ArticlePart): string {
  return `--part-chars: ${String(part.characters)}; --part-blocks: ${String(part.end - part.start)}`;
}
