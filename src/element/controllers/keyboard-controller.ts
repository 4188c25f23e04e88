/**
 * Keyboard shortcuts while focus is in the player (its controls or its article). They can be
 * turned off (WCAG 2.1.4), and never act on keys a focused control needs itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PlayerActions } from '../feature.js';

/** The shortcuts, for the help dialog and `aria-keyshortcuts`. */
export const SHORTCUTS = {
  togglePlay: 'k',
  previousSentence: 'ArrowLeft',
  nextSentence: 'ArrowRight',
  previousParagraph: 'Shift+ArrowLeft',
  nextParagraph: 'Shift+ArrowRight',
  faster: '+',
  slower: '-',
} as const;

/** Controls that use these keys themselves. */
const OWN_KEYS = 'input, select, textarea, [contenteditable], dialog';

export class KeyboardController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: PlayerActions;
  readonly #enabled: () => boolean;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    /** Read at each key: an action a feature has not registered leaves its key to the page. */
    actions: PlayerActions,
    enabled: () => boolean,
  ) {
    this.#host = host;
    this.#actions = actions;
    this.#enabled = enabled;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeyDown);
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    if (
      !this.#enabled() ||
      event.defaultPrevented ||
      event.ctrlKey ||
      event.metaKey ||
      event.altKey
    ) {
      return;
    }
    const target = event.composedPath()[0];
    if (target instanceof Element && target.closest(OWN_KEYS)) return;
    const onButton = target instanceof Element && target.closest('button, a, summary');
    const action = this.#actionFor(event, Boolean(onButton));
    if (!action) return;
    action();
    event.preventDefault();
  };

  #actionFor(event: KeyboardEvent, onButton: boolean): (() => void) | undefined {
    switch (event.key) {
      case 'k':
      case 'K':
        return this.#actions.togglePlay;
      case ' ':
        // Space on a button presses that button.
        return onButton ? undefined : this.#actions.togglePlay;
      case 'ArrowLeft':
        return event.shiftKey ? this.#actions.previousParagraph : this.#actions.previousSentence;
      case 'ArrowRight':
        return event.shiftKey ? this.#actions.nextParagraph : this.#actions.nextSentence;
      case '+':
      case '=':
        return this.#actions.faster;
      case '-':
      case '_':
        return this.#actions.slower;
      default:
        return undefined;
    }
  }
}
