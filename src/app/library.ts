/**
 * The texts saved on this device, in IndexedDB through idb-keyval (one store, one record per text).
 * Every function rejects with a LibraryError whose `code` says what the page should tell the user;
 * a save never touches another record, so a failed save loses nothing already saved.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { isSavedText, type SavedText } from './text.js';

export type LibraryErrorCode = 'unavailable' | 'full' | 'failed';

export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LibraryError';
  }
}

const DB_NAME = 'article-player';
const STORE_NAME = 'saved-texts';

let store: UseStore | null = null;

function openStore(): UseStore {
  if (typeof indexedDB === 'undefined')
    throw new LibraryError('unavailable', 'IndexedDB is not available');
  store ??= createStore(DB_NAME, STORE_NAME);
  return store;
}

function wrap(error: unknown): LibraryError {
  if (error instanceof LibraryError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') return new LibraryError('full', message, { cause: error });
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return new LibraryError('unavailable', message, { cause: error });
  }
  return new LibraryError('failed', message, { cause: error });
}

async function run<T>(operation: (store: UseStore) => Promise<T>): Promise<T> {
  try {
    return await operation(openStore());
  } catch (error) {
    // A store that failed to open stays failed in idb-keyval: try afresh next time.
    store = null;
    throw wrap(error);
  }
}

/** A new id for a saved text. */
export function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function saveText(text: SavedText): Promise<void> {
  return run((s) => set(text.id, text, s));
}

export function getText(id: string): Promise<SavedText | null> {
  return run(async (s) => {
    const value: unknown = await get(id, s);
    return isSavedText(value) ? value : null;
  });
}

/** Every saved text, newest first. Damaged records are left out. */
export function listTexts(): Promise<SavedText[]> {
  return run(async (s) => {
    const all = await entries<IDBValidKey, unknown>(s);
    return all
      .map(([, value]) => value)
      .filter(isSavedText)
      .sort((a, b) => b.savedAt - a.savedAt);
  });
}

export function deleteText(id: string): Promise<void> {
  return run((s) => del(id, s));
}
