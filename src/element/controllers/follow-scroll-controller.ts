/**
 * Keeps the block being read in view: scrolls only when it has left the view, smoothly
 * unless the user asked for reduced motion. Never moves focus.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FollowScrollController implements ReactiveController {
  #followed: HTMLElement | Range | null = null;

  /** The element to follow now (a Range for loose text, which has none), or null when not reading. */
  readonly #target: () => HTMLElement | Range | null;
  readonly #enabled: () => boolean;
  /** The part of the view not covered by the player's own bar: [top, bottom] in px. */
  readonly #visibleBand: () => { top: number; bottom: number };

  constructor(
    host: ReactiveControllerHost,
    target: () => HTMLElement | Range | null,
    enabled: () => boolean,
    visibleBand: () => { top: number; bottom: number } = () => ({
      top: 0,
      bottom: window.innerHeight,
    }),
  ) {
    this.#target = target;
    this.#enabled = enabled;
    this.#visibleBand = visibleBand;
    host.addController(this);
  }

  hostUpdated(): void {
    const element = this.#target();
    if (element === this.#followed) return;
    this.#followed = element;
    if (element && this.#enabled() && !isInView(element, this.#visibleBand())) {
      const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      const behavior = reduceMotion ? 'auto' : 'smooth';
      if (element instanceof Range) scrollRangeIntoView(element, behavior);
      else element.scrollIntoView({ block: 'center', behavior });
    }
  }
}

/** A Range has no scrollIntoView: the page scrolls to bring it to the middle of the view. */
function scrollRangeIntoView(range: Range, behavior: ScrollBehavior): void {
  const rect = range.getBoundingClientRect();
  const top = rect.top + rect.height / 2 - window.innerHeight / 2;
  window.scrollBy({ top, behavior });
}

function isInView(element: Element | Range, band: { top: number; bottom: number }): boolean {
  const rect = element.getBoundingClientRect();
  return rect.top >= band.top && rect.bottom <= band.bottom;
}
