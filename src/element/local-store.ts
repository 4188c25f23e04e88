/**
 * Remembers settings and each article's position in local storage, so that a listener can
 * continue tomorrow. Storage may be missing, full or hold corrupted data: none of that stops
 * the player.
 */
import type { Position } from '../core/article.js';
import {
  parsePositions,
  parseSettings,
  serializePositions,
  serializeSettings,
  withPosition,
  type SavedPosition,
  type Settings,
} from '../core/saved-state.js';

const SETTINGS_KEY = 'article-player:settings';
const POSITIONS_KEY = 'article-player:positions';

function defaultStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Blocked (privacy settings, sandboxed frames).
    return null;
  }
}

export class LocalStore {
  settings: Settings;

  readonly #storage: Storage | null;

  constructor(storage: Storage | null = defaultStorage()) {
    this.#storage = storage;
    this.settings = parseSettings(this.#read(SETTINGS_KEY));
  }

  saveSettings(settings: Settings): void {
    this.settings = settings;
    this.#write(SETTINGS_KEY, serializeSettings(settings));
  }

  savedPosition(articleId: string): SavedPosition | undefined {
    return parsePositions(this.#read(POSITIONS_KEY))[articleId];
  }

  /** Saves where reading stands; null forgets it (the article was finished). */
  savePosition(articleId: string, position: Position | null): void {
    const positions = parsePositions(this.#read(POSITIONS_KEY));
    const saved = position ? { ...position, savedAt: Date.now() } : null;
    this.#write(POSITIONS_KEY, serializePositions(withPosition(positions, articleId, saved)));
  }

  #read(key: string): string | null {
    try {
      return this.#storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  #write(key: string, value: string): void {
    try {
      this.#storage?.setItem(key, value);
    } catch {
      // Full or blocked: the position is simply not remembered.
    }
  }
}
