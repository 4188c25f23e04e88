/**
 * Keeps the block being read in view: scrolls only when it has left the view, smoothly
 * unless the user asked for reduced motion. Never moves focus.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FollowScrollController implements ReactiveController {
  #followed: HTMLElement | null = null;

  /** The element to follow now, or null when not reading. */
  readonly #target: () => HTMLElement | null;
  readonly #enabled: () => boolean;
  /** The part of the view not covered by the player's own bar: [top, bottom] in px. */
  readonly #visibleBand: () => { top: number; bottom: number };

  constructor(
    host: ReactiveControllerHost,
    target: () => HTMLElement | null,
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
      element.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    }
  }
}

function isInView(element: Element, band: { top: number; bottom: number }): boolean {
  const rect = element.getBoundingClientRect();
  return rect.top >= band.top && rect.bottom <= band.bottom;
}
