/** Keeps the screen on while reading in the foreground, where the browser allows it. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Status } from '../../core/playback.js';
import type { PlayerFeature } from '../feature.js';

export class WakeLockController implements ReactiveController {
  #sentinel: WakeLockSentinel | null = null;
  #wanted = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    this.set(false);
  }

  set(wanted: boolean): void {
    this.#wanted = wanted;
    if (wanted) void this.#acquire();
    else {
      void this.#sentinel?.release().catch(() => undefined);
      this.#sentinel = null;
    }
  }

  async #acquire(): Promise<void> {
    if (this.#sentinel || document.visibilityState !== 'visible' || !('wakeLock' in navigator))
      return;
    try {
      const sentinel = await navigator.wakeLock.request('screen');
      if (!this.#wanted) {
        void sentinel.release();
        return;
      }
      this.#sentinel = sentinel;
      // The browser releases it when the page is hidden.
      sentinel.addEventListener('release', () => {
        if (this.#sentinel === sentinel) this.#sentinel = null;
      });
    } catch {
      // Refused (battery saver, policy): reading goes on, the screen may dim.
    }
  }

  readonly #onVisibilityChange = () => {
    if (this.#wanted && document.visibilityState === 'visible') void this.#acquire();
  };
}

export const wakeLock: PlayerFeature = {
  name: 'wake-lock',
  attach({ player, playback }) {
    const controller = new WakeLockController(player);
    playback.subscribe({
      onTransition(previous, next) {
        if (previous.status !== next.status) controller.set(next.status === Status.Playing);
      },
    });
    return {};
  },
};
