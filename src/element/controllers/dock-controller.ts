/**
 * On a phone, the full player's bar is docked at the bottom of the screen, within thumb reach.
 * Only one bar is: the page's first player's, until another one speaks; the others keep theirs
 * above their article, so that two docked bars never cover each other. When the docked player
 * leaves the page, the first one left takes the bottom.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SPEAKING_EVENT } from './exclusive-playback-controller.js';
import { adoptPageStyles } from './highlight-controller.js';

/** Internal: the docked player left the page; `detail` is the one that docks now. */
const DOCK_EVENT = 'article-player-dock';

/** The bar is fixed to the bottom on a phone: focus and scrolling stay clear of it. */
const PAGE_CSS = `@media (max-width: 600px) {
  html:has(article-player) {
    scroll-padding-bottom: 10rem;
  }
}`;

export class DockController implements ReactiveController {
  /** Whether this player's bar is the one docked at the bottom of a phone's screen. */
  docked = false;

  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    adoptPageStyles(this.#host.getRootNode(), PAGE_CSS);
    window.addEventListener(SPEAKING_EVENT, this.#onDock);
    window.addEventListener(DOCK_EVENT, this.#onDock);
    this.docked = document.querySelector(this.#host.localName) === this.#host;
  }

  hostDisconnected(): void {
    window.removeEventListener(SPEAKING_EVENT, this.#onDock);
    window.removeEventListener(DOCK_EVENT, this.#onDock);
    if (!this.docked) return;
    this.docked = false;
    const next = document.querySelector(this.#host.localName);
    if (next) window.dispatchEvent(new CustomEvent(DOCK_EVENT, { detail: next }));
  }

  /** The event's player (the one speaking, or the one handed the dock) holds the bottom now. */
  readonly #onDock = (event: Event) => {
    const docked = (event as CustomEvent<unknown>).detail === this.#host;
    if (docked !== this.docked) {
      this.docked = docked;
      this.#host.requestUpdate();
    }
  };
}
