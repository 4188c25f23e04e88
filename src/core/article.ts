/** The article model: what the player reads, independent of where it came from. */

export const BLOCK_KINDS = ['heading', 'paragraph', 'list-item', 'quote', 'caption'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  readonly id: string;
  readonly kind: BlockKind;
  /** The text as spoken: whitespace collapsed, trimmed. */
  readonly text: string;
  /** A language tag when the block differs from the article. */
  readonly lang?: string;
}

export interface Article {
  readonly id: string;
  readonly lang: string;
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** A place in the article: a block index and an offset in UTF-16 code units of its text. */
export interface Position {
  readonly block: number;
  readonly offset: number;
}

export const START: Position = { block: 0, offset: 0 };

const WHITE_SPACE_RUN = /\s+/g;
/** White space other than a single space: what `normalizeText` has to replace. */
const UNUSUAL_SPACE = /[^\S ]| {2}/;

/**
 * Collapses runs of white space (including non-breaking ones) the way a browser renders text.
 * (`\s` is Unicode white space with or without the `u` flag; without it, the regular expression
 * runs several times faster, and most blocks, with single spaces only, need no replacing at all.)
 */
export function normalizeText(text: string): string {
  return UNUSUAL_SPACE.test(text) ? text.replace(WHITE_SPACE_RUN, ' ').trim() : text.trim();
}
