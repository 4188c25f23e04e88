/**
 * Several players on one page: starting one pauses the others. The browser has one speech
 * queue, so two players cannot speak at once; and a player that paused *after* another started
 * would cancel the newcomer's speech with its own `cancel()`. So the others pause *before* this
 * player's speech enters the queue: `guard()` wraps this player's engine, and every `speak()`
 * first tells the page, synchronously, through a window event (which also reaches players
 * defined by another copy of this code, e.g. the embed and an app bundle on one page).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SpeechEngine } from '../../speech/engine.js';

/** Internal: not part of the public API (public events are `ap-*` on the element). */
export const SPEAKING_EVENT = 'article-player-speaking';

export interface ExclusiveHost extends ReactiveControllerHost, EventTarget {
  /** 'playing' while it reads. */
  readonly status: string;
  pause(): Promise<void>;
}

export class ExclusivePlaybackController implements ReactiveController {
  readonly #host: ExclusiveHost;

  constructor(host: ExclusiveHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener(SPEAKING_EVENT, this.#onSpeaking);
  }

  hostDisconnected(): void {
    window.removeEventListener(SPEAKING_EVENT, this.#onSpeaking);
  }

  /** `engine`, except that each `speak()` first pauses the page's other players. */
  guard(engine: SpeechEngine): SpeechEngine {
    return new Proxy(engine, {
      get: (target, key) => {
        if (key === 'speak') {
          return (...args: Parameters<SpeechEngine['speak']>) => {
            window.dispatchEvent(new CustomEvent(SPEAKING_EVENT, { detail: this.#host }));
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

  readonly #onSpeaking = (event: Event) => {
    const speaker = (event as CustomEvent<unknown>).detail;
    if (speaker !== this.#host && this.#host.status === 'playing') void this.#host.pause();
  };
}
