/**
 * Marks the block being read with `data-reading`, the one change the player makes to the
 * article's markup, and puts the style for it into the page (shadow styles cannot reach it).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { adoptPageStyles } from '../page-styles.js';

export const READING_ATTRIBUTE = 'data-reading';

const PAGE_CSS = `
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
  #marked: HTMLElement | null = null;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #target: () => HTMLElement | null;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** The element to mark now, or null for none. */
    target: () => HTMLElement | null,
  ) {
    this.#host = host;
    this.#target = target;
    host.addController(this);
  }

  hostConnected(): void {
    adoptPageStyles(this.#host.getRootNode(), PAGE_CSS);
  }

  hostUpdated(): void {
    this.#mark(this.#target());
  }

  hostDisconnected(): void {
    this.#mark(null);
  }

  #mark(element: HTMLElement | null): void {
    if (element === this.#marked) return;
    this.#marked?.removeAttribute(READING_ATTRIBUTE);
    element?.setAttribute(READING_ATTRIBUTE, '');
    this.#marked = element;
  }
}
