/** The public events of <article-player>: bubbling, composed CustomEvents. */

export interface ParagraphDetail {
  /** Zero-based index of the block now being read. */
  readonly index: number;
  readonly total: number;
}

export interface ErrorDetail {
  readonly code: string;
  readonly message: string;
}

export interface ArticlePlayerEventMap {
  'ap-play': CustomEvent<void>;
  'ap-pause': CustomEvent<void>;
  'ap-ended': CustomEvent<void>;
  'ap-paragraph': CustomEvent<ParagraphDetail>;
  'ap-error': CustomEvent<ErrorDetail>;
}

declare global {
  // Merged into the DOM's own map so that addEventListener('ap-…') is typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends ArticlePlayerEventMap {}
}

export function playerEvent<K extends keyof ArticlePlayerEventMap>(
  type: K,
  detail: ArticlePlayerEventMap[K]['detail'],
): ArticlePlayerEventMap[K] {
  return new CustomEvent(type, {
    detail,
    bubbles: true,
    composed: true,
  }) as ArticlePlayerEventMap[K];
}
