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

/** Collapses runs of white space (including non-breaking ones) the way a browser renders text. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export function samePosition(a: Position, b: Position): boolean {
  return a.block === b.block && a.offset === b.offset;
}
