/**
 * Marks the block being read with `data-reading`, the one change the player makes to the
 * article's markup, and puts the style for it into the page (shadow styles cannot reach it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const READING_ATTRIBUTE = 'data-reading';

/**
 * Set on the player (internal, not part of the API) when its article has at least
 * `LONG_ARTICLE_BLOCKS` blocks. Its paragraphs and headings then get `content-visibility: auto`:
 * those out of view are neither laid out nor painted, so that loading the article, attaching the
 * player's shadow root and every highlight change cost about the same at 10,000 paragraphs as at
 * 10. Their text stays in the accessibility tree and in find-in-page. Not on shorter articles,
 * where there is nothing to gain: the containment it brings (paint clipped to the block, a new
 * containing block for positioned content) could change how a publisher's markup looks. A
 * publisher opts out with any rule of their own, e.g. `article-player p { content-visibility: visible }`.
 */
export const LONG_ARTICLE_ATTRIBUTE = 'data-ap-long-article';
export const LONG_ARTICLE_BLOCKS = 100;

const PAGE_CSS = `
:where(article-player[${LONG_ARTICLE_ATTRIBUTE}]) :where(p, h1, h2, h3, h4, h5, h6) {
  content-visibility: auto;
  /* Until a block has been rendered once (then its real size is remembered): about a paragraph. */
  contain-intrinsic-size: auto 5lh;
}
article-player [${READING_ATTRIBUTE}] {
  background-color: var(--ap-paragraph-background, #fff1b8);
  color: var(--ap-paragraph-color, #1b1b1b);
  box-shadow: 0 0 0 0.35em var(--ap-paragraph-background, #fff1b8);
  border-radius: var(--ap-radius, 0.25em);
}
::highlight(ap-sentence) {
  background-color: var(--ap-sentence-background, #ffd54f);
  color: var(--ap-paragraph-color, #1b1b1b);
}
::highlight(ap-word) {
  background-color: var(--ap-word-background, #0b57d0);
  color: var(--ap-word-color, #ffffff);
}
@media (max-width: 600px) {
  /* The player's bar is fixed to the bottom on a phone: focus and scrolling stay clear of it. */
  html:has(article-player) {
    scroll-padding-bottom: 10rem;
  }
}
@media (prefers-color-scheme: dark) {
  ::highlight(ap-sentence) {
    background-color: var(--ap-sentence-background-dark, #6b5a00);
    color: var(--ap-paragraph-color-dark, #fffbea);
  }
  ::highlight(ap-word) {
    background-color: var(--ap-word-background-dark, #a8c7fa);
    color: var(--ap-word-color-dark, #062e6f);
  }
  article-player [${READING_ATTRIBUTE}] {
    background-color: var(--ap-paragraph-background-dark, #473c00);
    color: var(--ap-paragraph-color-dark, #fffbea);
    box-shadow: 0 0 0 0.35em var(--ap-paragraph-background-dark, #473c00);
  }
}
@media (forced-colors: active) {
  ::highlight(ap-sentence) {
    background-color: Mark;
    color: MarkText;
  }
  ::highlight(ap-word) {
    background-color: Highlight;
    color: HighlightText;
  }
  article-player [${READING_ATTRIBUTE}] {
    forced-color-adjust: none;
    background-color: Mark;
    color: MarkText;
    box-shadow: none;
    outline: 2px solid MarkText;
  }
}
`;

let pageSheet: CSSStyleSheet | undefined;

function adoptPageStyles(root: Node): void {
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  if (!pageSheet) {
    pageSheet = new CSSStyleSheet();
    pageSheet.replaceSync(PAGE_CSS);
  }
  if (!root.adoptedStyleSheets.includes(pageSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, pageSheet];
  }
}

export class HighlightController implements ReactiveController {
  private marked: HTMLElement | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The element to mark now, or null for none. */
    private readonly target: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    adoptPageStyles(this.host.getRootNode());
  }

  hostUpdated(): void {
    this.mark(this.target());
  }

  hostDisconnected(): void {
    this.mark(null);
  }

  /** The article was read: `blockCount` blocks. */
  articleRead(blockCount: number): void {
    this.host.toggleAttribute(LONG_ARTICLE_ATTRIBUTE, blockCount >= LONG_ARTICLE_BLOCKS);
  }

  private mark(element: HTMLElement | null): void {
    if (element === this.marked) return;
    this.marked?.removeAttribute(READING_ATTRIBUTE);
    element?.setAttribute(READING_ATTRIBUTE, '');
    this.marked = element;
  }
}
