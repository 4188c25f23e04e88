/**
 * On a phone, the player's bar is docked at the bottom of the screen, within thumb reach.
 * Only one bar is: the page's first player's, until another one speaks; the others keep theirs
 * above their article, so that two docked bars never cover each other. When the docked player
 * leaves the page, the first one left takes the bottom.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { SPEAKING_EVENT } from '../controllers/exclusive-playback-controller.js';
import type { PlayerFeature } from '../feature.js';
import { adoptPageStyles } from '../page-styles.js';

/** Internal: the docked player left the page; `detail` is the one that docks now. */
const DOCK_EVENT = 'article-player-dock';

/** The bar is fixed to the bottom on a phone: focus and scrolling stay clear of it. */
export const DOCK_PAGE_CSS = `@media (max-width: 600px) {
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
    adoptPageStyles(this.#host.getRootNode(), 'dock', DOCK_PAGE_CSS);
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

/** The docked bar, and room left under the article for it. */
const styles = css`
  @media (max-width: 600px) {
    .dock-space {
      height: var(--ap-bottom-space, 9rem);
    }
    .bar:not(.docked) {
      position: static;
    }
    .bar.docked {
      position: fixed;
      inset: auto 0 0 0;
      z-index: 10;
      margin: 0;
      border-radius: var(--_radius) var(--_radius) 0 0;
      box-shadow: 0 -2px 8px rgb(0 0 0 / 0.2);
      padding-bottom: max(0.5rem, env(safe-area-inset-bottom));
    }
  }
`;

export const dock: PlayerFeature = {
  name: 'dock',
  styles,
  attach({ player }) {
    const controller = new DockController(player);
    return {
      barClass: () => (controller.docked ? 'docked' : undefined),
      render: (place) =>
        place === 'after' && controller.docked ? html`<div class="dock-space"></div>` : nothing,
    };
  },
};
