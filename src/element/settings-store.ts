/**
 * The listener's settings, in one place: the element reads them (rate, voice, scrolling, word
 * highlight, shortcuts), the settings dialog changes them, and whoever keeps them (local storage,
 * in the full player) subscribes. Without a keeper they are the defaults, for this page only.
 */
import { DEFAULT_SETTINGS, type Settings } from '../core/saved-state.js';

export class SettingsStore {
  #value: Settings = DEFAULT_SETTINGS;
  readonly #listeners = new Set<(settings: Settings, changes: Partial<Settings>) => void>();

  get value(): Settings {
    return this.#value;
  }

  update(changes: Partial<Settings>): void {
    this.#value = { ...this.#value, ...changes };
    for (const listener of this.#listeners) listener(this.#value, changes);
  }

  /** Calls `listener` after each change, until the returned function is called. */
  subscribe(listener: (settings: Settings, changes: Partial<Settings>) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
