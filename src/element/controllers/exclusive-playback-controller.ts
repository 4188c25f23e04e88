/**
 * Several players on one page: starting one pauses the others. The browser has one speech
 * queue, so two players cannot speak at once; and a player that paused *after* another started
 * would cancel the newcomer's speech with its own `cancel()`. So the others pause *before* this
 * player's speech enters the queue: `guard()` wraps this player's engine, and every `speak()`
 * first tells the page, synchronously, through a window event (which also reaches players
 * defined by another copy of this code, e.g. the embed and an app bundle on one page).
 *
 * On a phone the bar of one player is docked at the bottom of the screen: the page's first
 * player, until another one speaks. The others keep their bar above their article, so that two
 * docked bars never cover each other.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SpeechEngine } from '../../speech/engine.js';

/** Internal: not part of the public API (public events are `ap-*` on the element). */
export const SPEAKING_EVENT = 'article-player-speaking';
/** Internal: the docked player left the page; `detail` is the one that docks now. */
const DOCK_EVENT = 'article-player-dock';

export interface ExclusiveHost extends ReactiveControllerHost, EventTarget {
  /** 'playing' while it reads. */
  readonly status: string;
  pause(): Promise<void>;
}

export class ExclusivePlaybackController implements ReactiveController {
  /** Whether this player's bar is the one docked at the bottom of a phone's screen. */
  docked = false;

  constructor(private readonly host: ExclusiveHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(SPEAKING_EVENT, this.onSpeaking);
    window.addEventListener(DOCK_EVENT, this.onDock);
    this.docked = document.querySelector(this.host.localName) === this.host;
  }

  hostDisconnected(): void {
    window.removeEventListener(SPEAKING_EVENT, this.onSpeaking);
    window.removeEventListener(DOCK_EVENT, this.onDock);
    if (!this.docked) return;
    this.docked = false;
    const next = document.querySelector(this.host.localName);
    if (next) window.dispatchEvent(new CustomEvent(DOCK_EVENT, { detail: next }));
  }

  /** `engine`, except that each `speak()` first pauses the page's other players. */
  guard(engine: SpeechEngine): SpeechEngine {
    return new Proxy(engine, {
      get: (target, key) => {
        if (key === 'speak') {
          return (...args: Parameters<SpeechEngine['speak']>) => {
            window.dispatchEvent(new CustomEvent(SPEAKING_EVENT, { detail: this.host }));
            target.speak(...args);
          };
        }
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  }

  private readonly onSpeaking = (event: Event) => {
    const speaker = (event as CustomEvent<unknown>).detail;
    this.onDock(event);
    if (speaker !== this.host && this.host.status === 'playing') void this.host.pause();
  };

  /** The event's player holds the bottom of the screen now; the others give it up. */
  private readonly onDock = (event: Event) => {
    const docked = (event as CustomEvent<unknown>).detail === this.host;
    if (docked !== this.docked) {
      this.docked = docked;
      this.host.requestUpdate();
    }
  };
}
