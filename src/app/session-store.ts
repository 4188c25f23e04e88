/**
 * The listening session kept on the device: the "Up next" queue and how far each article was
 * heard, in IndexedDB through idb-keyval (its own database, so that the saved texts' store is
 * never touched). Every record is checked when read: a damaged one is ignored on its own, and a
 * failing database only costs the queue and the progress, never the page.
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { parseProgress, serializeProgress, type Progress } from '../core/progress.js';
import { EMPTY_QUEUE, parseQueue, serializeQueue, type Queue } from '../core/queue.js';

const DB_NAME = 'article-player-session';
const STORE_NAME = 'records';
const QUEUE_KEY = 'queue';
const PROGRESS_PREFIX = 'progress:';

let store: UseStore | null = null;

async function run<T>(operation: (store: UseStore) => Promise<T>, fallback: T): Promise<T> {
  try {
    if (typeof indexedDB === 'undefined') return fallback;
    store ??= createStore(DB_NAME, STORE_NAME);
    return await operation(store);
  } catch {
    // Private browsing, a full disk, a blocked database: listening goes on without memory.
    store = null;
    return fallback;
  }
}

export function loadQueue(): Promise<Queue> {
  return run(async (s) => parseQueue(await get(QUEUE_KEY, s)), EMPTY_QUEUE);
}

export function saveQueue(queue: Queue): Promise<void> {
  return run((s) => set(QUEUE_KEY, serializeQueue(queue), s), undefined);
}

/** The progress key of what is read at `url`: an article's page, or a saved text's id. */
export function progressKey(url: URL | Location): string {
  const saved = url.pathname === '/listen/' ? new URLSearchParams(url.search).get('id') : null;
  return saved ? `saved:${saved}` : url.pathname;
}

export function loadProgress(key: string): Promise<Progress | null> {
  return run(async (s) => parseProgress(await get(PROGRESS_PREFIX + key, s)), null);
}

/** Every progress record, by key; damaged ones are left out. */
export function loadAllProgress(): Promise<Map<string, Progress>> {
  return run(async (s) => {
    const all = new Map<string, Progress>();
    for (const [key, value] of await entries<IDBValidKey, unknown>(s)) {
      if (typeof key !== 'string' || !key.startsWith(PROGRESS_PREFIX)) continue;
      const progress = parseProgress(value);
      if (progress) all.set(key.slice(PROGRESS_PREFIX.length), progress);
    }
    return all;
  }, new Map<string, Progress>());
}

export function saveProgress(key: string, progress: Progress | null): Promise<void> {
  return run(
    (s) =>
      progress
        ? set(PROGRESS_PREFIX + key, serializeProgress(progress), s)
        : del(PROGRESS_PREFIX + key, s),
    undefined,
  );
}
