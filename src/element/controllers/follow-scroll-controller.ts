/**
 * Keeps the block being read in view: scrolls only when it has left the view, smoothly
 * unless the user asked for reduced motion. Never moves focus. A listener who has scrolled the
 * block being read out of view (to find a paragraph to tap, or to read ahead) is left there as
 * reading goes on, until they bring it back into view or ask for a block (Play, a tap, Next).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How many times a follow scroll that ended short of its block is made again. A page may leave
 * the layout of its off-screen parts to the browser (`content-visibility: auto`, with an
 * estimated size): as a scroll passes them their height changes, and the block moves.
 */
const CORRECTIONS = 3;

/** Frames without movement after which a scroll is taken to be over. */
const STILL_FRAMES = 3;

/** A block that never keeps still (the page animates it) is watched no longer than this. */
const WATCH_FRAMES = 180;

/** Input that means the user is scrolling: a correction under way gives way to it. */
const USER_SCROLL = ['wheel', 'touchstart', 'keydown'] as const;

export class FollowScrollController implements ReactiveController {
  #followed: HTMLElement | Range | null = null;
  /** The next block followed is one the listener asked for (see `asked`). */
  #asked = false;
  /** Ends the watch of the last follow scroll (see #follow). */
  #watch: AbortController | null = null;

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

  /** The listener asked for the block read next (a seek, Next, Previous): it comes into view. */
  asked(): void {
    this.#asked = true;
  }

  hostUpdated(): void {
    const element = this.#target();
    const asked = this.#asked;
    this.#asked = false;
    const previous = this.#followed;
    if (element === previous) return;
    this.#followed = element;
    this.#watch?.abort();
    if (!element || !this.#enabled()) return;
    // Reading on from a block the listener has scrolled out of view: they are looking elsewhere.
    const node = previous instanceof Range ? previous.startContainer : previous;
    if (asked || !node?.isConnected || isInView(previous!, this.#visibleBand(), true)) {
      this.#follow(element, CORRECTIONS);
    }
  }

  hostDisconnected(): void {
    this.#watch?.abort();
  }

  #follow(element: HTMLElement | Range, corrections: number): void {
    if (isInView(element, this.#visibleBand(), false)) return;
    // A correction jumps: a smooth scroll lays out every part it passes, and ends short again.
    // ('instant', not 'auto': 'auto' takes the page's own `scroll-behavior`, often smooth.)
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const behavior = reduceMotion || corrections < CORRECTIONS ? 'instant' : 'smooth';
    const scroll = (how: ScrollBehavior) =>
      element instanceof Range
        ? scrollRangeIntoView(element, how)
        : element.scrollIntoView({ block: 'center', behavior: how });
    try {
      scroll(behavior);
    } catch {
      // 'instant' came later than 'auto' and 'smooth': an engine without it throws a TypeError.
      scroll('auto');
    }
    if (corrections === 0) return;
    // Once the block keeps still (the scroll is over, and what it brought into view is laid
    // out), look again: unless the user scrolls meanwhile, or another block is followed.
    const watch = new AbortController();
    this.#watch = watch;
    const { signal } = watch;
    for (const type of USER_SCROLL) {
      window.addEventListener(type, () => watch.abort(), { capture: true, passive: true, signal });
    }
    let last = Number.NaN;
    let still = 0;
    let frames = 0;
    const frame = () => {
      if (signal.aborted) return;
      const { top } = element.getBoundingClientRect();
      still = top === last ? still + 1 : 0;
      last = top;
      if (still >= STILL_FRAMES) {
        watch.abort();
        if (this.#enabled()) this.#follow(element, corrections - 1);
      } else if (++frames < WATCH_FRAMES) requestAnimationFrame(frame);
      else watch.abort();
    };
    requestAnimationFrame(frame);
  }
}

/**
 * A Range has no scrollIntoView: each box that scrolls it, from the innermost out, and then the
 * page, scrolls to bring it to its middle.
 */
function scrollRangeIntoView(range: Range, behavior: ScrollBehavior): void {
  const rect = range.getBoundingClientRect();
  // Where the range's middle is in the view now; once a box has scrolled, at that box's middle.
  let y = rect.top + rect.height / 2;
  for (const box of [...scrollingBoxes(range.startContainer), null]) {
    const { top, height } = box?.getBoundingClientRect() ?? { top: 0, height: innerHeight };
    (box ?? window).scrollBy({ top: y - top - height / 2, behavior });
    y = top + height / 2;
  }
}

/** In view (`partly`: some of it): inside the band of the window, and every box that scrolls it. */
function isInView(
  element: Element | Range,
  band: { top: number; bottom: number },
  partly: boolean,
): boolean {
  const rect = element.getBoundingClientRect();
  let { top, bottom } = band;
  for (const box of scrollingBoxes(element instanceof Range ? element.startContainer : element)) {
    const view = box.getBoundingClientRect();
    top = Math.max(top, view.top);
    bottom = Math.min(bottom, view.bottom);
  }
  return partly ? rect.bottom > top && rect.top < bottom : rect.top >= top && rect.bottom <= bottom;
}

/**
 * The boxes around `node` that scroll their content, innermost first, along the flat tree (a
 * publisher's layout may scroll the article in a box of its own, not the page).
 */
function scrollingBoxes(node: Node): Element[] {
  const boxes = [];
  for (
    let at = flatParent(node);
    at && at !== document.body && at !== document.documentElement;
    at = flatParent(at)
  ) {
    if (/auto|scroll/.test(getComputedStyle(at).overflowY)) boxes.push(at);
  }
  return boxes;
}

/** Where a node is laid out: in its slot where it is slotted, in a shadow root's host. */
function flatParent(node: Node): Element | null {
  const slottable = node as Element | Text;
  return (
    slottable.assignedSlot ??
    slottable.parentElement ??
    (node.parentNode as ShadowRoot | null)?.host ??
    null
  );
}
