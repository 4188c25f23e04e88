/**
 * Keeps the block being read in view: scrolls only when it has left the view, smoothly
 * unless the user asked for reduced motion. Never moves focus.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FollowScrollController implements ReactiveController {
  private followed: HTMLElement | null = null;

  constructor(
    host: ReactiveControllerHost,
    /** The element to follow now, or null when not reading. */
    private readonly target: () => HTMLElement | null,
    private readonly enabled: () => boolean,
    /** Height covered at the top of the view by a sticky bar. */
    private readonly topInset: () => number = () => 0,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const element = this.target();
    if (element === this.followed) return;
    this.followed = element;
    if (element && this.enabled() && !isInView(element, this.topInset())) {
      const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      element.scrollIntoView({ block: 'center', behavior: reduceMotion ? 'auto' : 'smooth' });
    }
  }
}

function isInView(element: Element, topInset: number): boolean {
  const rect = element.getBoundingClientRect();
  const viewHeight = window.innerHeight || document.documentElement.clientHeight;
  return rect.top >= topInset && rect.bottom <= viewHeight;
}
