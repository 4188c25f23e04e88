/**
 * "Up next": the listener's queue of articles and saved texts, as a pure reducer. It knows ids,
 * titles and addresses, never the DOM: the app stores it, shows it and loads the articles.
 *
 * `current` is the index of the item being played; when that item is removed from the queue
 * while it plays, `current` points at the item before the gap (possibly -1) and `playing` keeps
 * its id, so that the item which followed it still comes next.
 */

export const QUEUE_VERSION = 1;

export type QueueItemKind = 'article' | 'saved';

export interface QueueItem {
  readonly kind: QueueItemKind;
  /** The article's page address (`/articles/<slug>/`), or the saved text's id. */
  readonly id: string;
  readonly title: string;
  /** Where it is listened to on its own: its page, or `/listen/?id=…`. */
  readonly url: string;
  /** The language of its title (a BCP 47 tag), where known: lists that show it mark it so. */
  readonly lang?: string;
}

export interface Queue {
  readonly items: readonly QueueItem[];
  /** The item being played (see above), or null when the queue is not being played. */
  readonly current: number | null;
  /** The id of the item being played, or null. */
  readonly playing: string | null;
  /** At the end of an article, go on to the next one. */
  readonly continuous: boolean;
}

export type QueueAction =
  | { readonly type: 'add'; readonly item: QueueItem }
  | { readonly type: 'remove'; readonly id: string }
  /** Move up (-1) or down (+1) by one place. */
  | { readonly type: 'move'; readonly id: string; readonly by: -1 | 1 }
  | { readonly type: 'clear' }
  /** Start playing the queue at `id` (its first item without one). */
  | { readonly type: 'play'; readonly id?: string }
  /** The article being played was heard to its end. */
  | { readonly type: 'ended' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  /** The queue is no longer being played (the listener cancelled, or opened something else). */
  | { readonly type: 'stop' }
  /** A saved text in the queue was deleted: it leaves the queue, and is skipped if playing. */
  | { readonly type: 'missing'; readonly id: string }
  | { readonly type: 'continuous'; readonly on: boolean };

export const EMPTY_QUEUE: Queue = { items: [], current: null, playing: null, continuous: true };

export function createQueue(items: readonly QueueItem[] = [], continuous = true): Queue {
  return { items, current: null, playing: null, continuous };
}

export function indexOf(queue: Queue, id: string): number {
  return queue.items.findIndex((item) => item.id === id);
}

/** The item being played, if it is (still) in the queue. */
export function currentItem(queue: Queue): QueueItem | null {
  if (queue.current === null) return null;
  const item = queue.items[queue.current];
  return item && item.id === queue.playing ? item : null;
}

/** What plays when the current article ends (null at the end of the queue or when not playing). */
export function nextItem(queue: Queue): QueueItem | null {
  if (queue.current === null) return null;
  return queue.items[queue.current + 1] ?? null;
}

export function previousItem(queue: Queue): QueueItem | null {
  if (queue.current === null) return null;
  const before = currentItem(queue) ? queue.current - 1 : queue.current;
  return before >= 0 ? (queue.items[before] ?? null) : null;
}

/** "2 of 5" as numbers, or null when the item being played is not in the queue. */
export function placeOf(queue: Queue): { readonly index: number; readonly total: number } | null {
  return currentItem(queue) && queue.current !== null
    ? { index: queue.current + 1, total: queue.items.length }
    : null;
}

function playAt(queue: Queue, index: number): Queue {
  const item = queue.items[index];
  return item ? { ...queue, current: index, playing: item.id } : stopped(queue);
}

function stopped(queue: Queue): Queue {
  return queue.current === null && queue.playing === null
    ? queue
    : { ...queue, current: null, playing: null };
}

/** Recomputes `current` after the items changed, following the item being played. */
function follow(queue: Queue, items: readonly QueueItem[], gapAt?: number): Queue {
  if (queue.current === null || queue.playing === null) return { ...queue, items };
  const index = items.findIndex((item) => item.id === queue.playing);
  if (index >= 0) return { ...queue, items, current: index };
  // The item being played left the queue: the one after it comes next.
  return { ...queue, items, current: gapAt ?? Math.min(queue.current, items.length - 1) };
}

export function reduceQueue(queue: Queue, action: QueueAction): Queue {
  switch (action.type) {
    case 'add':
      return indexOf(queue, action.item.id) >= 0
        ? queue
        : follow(queue, [...queue.items, action.item]);
    case 'remove':
    case 'missing': {
      const index = indexOf(queue, action.id);
      if (index < 0) return queue;
      const items = queue.items.filter((_, i) => i !== index);
      const removedPlaying = queue.playing === action.id && queue.current === index;
      return follow(queue, items, removedPlaying ? index - 1 : undefined);
    }
    case 'move': {
      const from = indexOf(queue, action.id);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= queue.items.length) return queue;
      const items = [...queue.items];
      const [moved] = items.splice(from, 1);
      if (moved) items.splice(to, 0, moved);
      return follow(queue, items);
    }
    case 'clear':
      return { ...queue, items: [], current: null, playing: null };
    case 'play': {
      const index = action.id === undefined ? 0 : indexOf(queue, action.id);
      return index >= 0 ? playAt(queue, index) : queue;
    }
    case 'ended':
      return queue.continuous && queue.current !== null
        ? playAt(queue, queue.current + 1)
        : stopped(queue);
    case 'next':
      return queue.current === null ? queue : playAt(queue, queue.current + 1);
    case 'previous': {
      const previous = previousItem(queue);
      return previous ? playAt(queue, indexOf(queue, previous.id)) : queue;
    }
    case 'stop':
      return stopped(queue);
    case 'continuous':
      return queue.continuous === action.on ? queue : { ...queue, continuous: action.on };
    default:
      throw new Error(`Unknown queue action: ${JSON.stringify(action satisfies never)}`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A language tag's shape (`fr`, `en-US`, `zh-Hant-TW`): anything else is dropped, not used. */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/iu;

function parseItem(value: unknown): QueueItem | null {
  if (!isRecord(value)) return null;
  const { kind, id, title, url, lang } = value;
  if (kind !== 'article' && kind !== 'saved') return null;
  if (typeof id !== 'string' || id === '' || typeof title !== 'string') return null;
  if (typeof url !== 'string' || !url.startsWith('/')) return null;
  // Queues stored before items had a language have none: they are kept as they are.
  return typeof lang === 'string' && LANGUAGE_TAG.test(lang)
    ? { kind, id, title, url, lang }
    : { kind, id, title, url };
}

/** What is stored: the items and the setting; whether it was playing belongs to one page. */
export function serializeQueue(queue: Queue): unknown {
  return { version: QUEUE_VERSION, items: queue.items, continuous: queue.continuous };
}

/**
 * A stored queue, checked: anything else gives an empty queue, and a damaged item is dropped
 * without losing the others.
 */
export function parseQueue(value: unknown): Queue {
  if (!isRecord(value) || value['version'] !== QUEUE_VERSION) return EMPTY_QUEUE;
  const raw = Array.isArray(value['items']) ? (value['items'] as unknown[]) : [];
  const items: QueueItem[] = [];
  for (const entry of raw) {
    const item = parseItem(entry);
    if (item && !items.some((known) => known.id === item.id)) items.push(item);
  }
  return createQueue(items, value['continuous'] !== false);
}
