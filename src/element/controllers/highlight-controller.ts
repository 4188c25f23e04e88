/**
 * Marks the block being read with `data-reading`, the one change the player makes to the
 * article's markup, and puts the style for it into the page (shadow styles cannot reach it).
 * Loose text (a block without an element of its own, e.g. text directly in a `<div>` between
 * paragraphs) gets no attribute: its text is highlighted as `::highlight(ap-block)` instead, so
 * the publisher's markup never changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { adoptPageStyles } from '../page-styles.js';
import { rangeOf, type ReadingBlock } from '../reading-model.js';

export const READING_ATTRIBUTE = 'data-reading';
/** The Custom Highlight of a block being read that has no element of its own. */
export const BLOCK_HIGHLIGHT = 'ap-block';

export const HIGHLIGHT_PAGE_CSS = `
article-player [${READING_ATTRIBUTE}] {
  background-color: var(--ap-paragraph-background, #fff1b8);
  color: var(--ap-paragraph-color, #1b1b1b);
  box-shadow: 0 0 0 0.35em var(--ap-paragraph-background, #fff1b8);
  border-radius: var(--ap-radius, 0.25em);
}
::highlight(ap-block) {
  background-color: var(--ap-paragraph-background, #fff1b8);
  color: var(--ap-paragraph-color, #1b1b1b);
}
::highlight(ap-sentence) {
  background-color: var(--ap-sentence-background, #ffd54f);
  color: var(--ap-paragraph-color, #1b1b1b);
}
::highlight(ap-word) {
  background-color: var(--ap-word-background, #0b57d0);
  color: var(--ap-word-color, #ffffff);
}
@media (prefers-color-scheme: dark) {
  ::highlight(ap-block) {
    background-color: var(--ap-paragraph-background-dark, #473c00);
    color: var(--ap-paragraph-color-dark, #fffbea);
  }
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
/* Focus never hides under the player's sticky bar (WCAG 2.4.11): room above a focused element,
   unless the page sets its own scroll-padding (this rule has no specificity). */
:where(html:has(article-player)) {
  scroll-padding-top: 6rem;
}
@media (max-width: 600px) {
  :where(html:has(article-player)) {
    scroll-padding-top: 9rem;
  }
}
@media (forced-colors: active) {
  ::highlight(ap-block) {
    background-color: Mark;
    color: MarkText;
  }
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

export class HighlightController implements ReactiveController {
  #marked: ReadingBlock | null = null;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #target: () => ReadingBlock | null;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** The block to mark now, or null for none. */
    target: () => ReadingBlock | null,
  ) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    adoptPageStyles(this.#host.getRootNode(), 'highlight', HIGHLIGHT_PAGE_CSS);
  }

  hostUpdated(): void {
    this.#mark(this.#target());
  }

  hostDisconnected(): void {
    this.#mark(null);
  }

  #mark(block: ReadingBlock | null): void {
    if (block === this.#marked) return;
    this.#marked?.element?.removeAttribute(READING_ATTRIBUTE);
    if (this.#marked && !this.#marked.element && highlightsSupported()) {
      CSS.highlights.delete(BLOCK_HIGHLIGHT);
    }
    this.#marked = block;
    if (!block) return;
    if (block.element) {
      block.element.setAttribute(READING_ATTRIBUTE, '');
    } else if (highlightsSupported()) {
      const range = rangeOf(block);
      if (range) {
        const highlight = new Highlight(range);
        // Under the sentence and word highlights.
        highlight.priority = -1;
        CSS.highlights.set(BLOCK_HIGHLIGHT, highlight);
      }
    }
  }
}

const highlightsSupported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS;
