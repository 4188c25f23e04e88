import { describe, expect, it } from 'vitest';
import {
  createQueue,
  currentItem,
  EMPTY_QUEUE,
  nextItem,
  parseQueue,
  placeOf,
  previousItem,
  QUEUE_VERSION,
  reduceQueue,
  serializeQueue,
  type Queue,
  type QueueAction,
  type QueueItem,
} from '../../src/core/queue.js';

const article = (slug: string): QueueItem => ({
  kind: 'article',
  id: `/articles/${slug}/`,
  title: slug.toUpperCase(),
  url: `/articles/${slug}/`,
});
const saved = (id: string): QueueItem => ({
  kind: 'saved',
  id,
  title: id.toUpperCase(),
  url: `/listen/?id=${id}`,
});

const A = article('a');
const B = article('b');
const C = article('c');
const S = saved('s1');

/** The queue [A, B, C] (or `items`), playing the item at `current`. */
function playing(current: number, items: readonly QueueItem[] = [A, B, C]): Queue {
  return { ...createQueue(items), current, playing: items[current]?.id ?? null };
}

/** A short view of a queue: its ids, the current one in brackets, then what comes next. */
function view(queue: Queue): string {
  const ids = queue.items.map((item) =>
    item.id === currentItem(queue)?.id ? `[${item.title}]` : item.title,
  );
  return `${ids.join(' ')} | next ${nextItem(queue)?.title ?? '-'}`;
}

const id = (item: QueueItem) => item.id;

describe('reduceQueue', () => {
  it.each<[string, Queue, QueueAction[], string]>([
    // Adding
    ['add to an empty queue', EMPTY_QUEUE, [{ type: 'add', item: A }], 'A | next -'],
    [
      'add keeps the order of adding',
      EMPTY_QUEUE,
      [
        { type: 'add', item: A },
        { type: 'add', item: S },
        { type: 'add', item: B },
      ],
      'A S1 B | next -',
    ],
    ['add the same item twice: once', createQueue([A]), [{ type: 'add', item: A }], 'A | next -'],
    ['add while playing the last', playing(2), [{ type: 'add', item: S }], 'A B [C] S1 | next S1'],
    // Removing
    ['remove one', createQueue([A, B, C]), [{ type: 'remove', id: id(B) }], 'A C | next -'],
    ['remove an unknown id', createQueue([A]), [{ type: 'remove', id: 'nope' }], 'A | next -'],
    [
      'remove one before the current',
      playing(1),
      [{ type: 'remove', id: id(A) }],
      '[B] C | next C',
    ],
    ['remove one after the current', playing(0), [{ type: 'remove', id: id(B) }], '[A] C | next C'],
    [
      'remove the one playing: the one after it still comes next',
      playing(1),
      [{ type: 'remove', id: id(B) }],
      'A C | next C',
    ],
    [
      'remove the first while it plays',
      playing(0),
      [{ type: 'remove', id: id(A) }],
      'B C | next B',
    ],
    // Moving
    ['move down', createQueue([A, B, C]), [{ type: 'move', id: id(A), by: 1 }], 'B A C | next -'],
    ['move up', createQueue([A, B, C]), [{ type: 'move', id: id(C), by: -1 }], 'A C B | next -'],
    [
      'move the first up: no change',
      createQueue([A, B]),
      [{ type: 'move', id: id(A), by: -1 }],
      'A B | next -',
    ],
    [
      'move the last down: no change',
      createQueue([A, B]),
      [{ type: 'move', id: id(B), by: 1 }],
      'A B | next -',
    ],
    [
      'move the current: it stays current',
      playing(0),
      [{ type: 'move', id: id(A), by: 1 }],
      'B [A] C | next C',
    ],
    [
      'move another above the current',
      playing(1),
      [{ type: 'move', id: id(C), by: -1 }],
      'A C [B] | next -',
    ],
    // Clearing
    ['clear', playing(1), [{ type: 'clear' }], ' | next -'],
    // Playing
    [
      'play all starts at the first',
      createQueue([A, B, C]),
      [{ type: 'play' }],
      '[A] B C | next B',
    ],
    [
      'play from one item',
      createQueue([A, B, C]),
      [{ type: 'play', id: id(B) }],
      'A [B] C | next C',
    ],
    ['play an unknown id: nothing', createQueue([A]), [{ type: 'play', id: 'nope' }], 'A | next -'],
    ['play all of an empty queue: nothing', EMPTY_QUEUE, [{ type: 'play' }], ' | next -'],
    // End of an article, end of the queue
    ['end of an article: the next one', playing(0), [{ type: 'ended' }], 'A [B] C | next C'],
    ['end of the last article: the queue stops', playing(2), [{ type: 'ended' }], 'A B C | next -'],
    [
      'end with continuous play off: stops',
      playing(0),
      [{ type: 'continuous', on: false }, { type: 'ended' }],
      'A B C | next -',
    ],
    ['end when not playing: nothing', createQueue([A, B]), [{ type: 'ended' }], 'A B | next -'],
    [
      'end of the one that was removed while playing: the one after it',
      playing(1),
      [{ type: 'remove', id: id(B) }, { type: 'ended' }],
      'A [C] | next -',
    ],
    // Next and previous (the track keys)
    ['next', playing(1), [{ type: 'next' }], 'A B [C] | next -'],
    ['next from the last: stops', playing(2), [{ type: 'next' }], 'A B C | next -'],
    ['next when not playing: nothing', createQueue([A, B]), [{ type: 'next' }], 'A B | next -'],
    ['previous', playing(1), [{ type: 'previous' }], '[A] B C | next B'],
    ['previous from the first: stays', playing(0), [{ type: 'previous' }], '[A] B C | next B'],
    [
      'previous after removing the one playing: the one before the gap',
      playing(1),
      [{ type: 'remove', id: id(B) }, { type: 'previous' }],
      '[A] C | next C',
    ],
    ['stop', playing(1), [{ type: 'stop' }], 'A B C | next -'],
    // A deleted saved text
    [
      'a deleted saved text leaves the queue',
      createQueue([A, S, B]),
      [{ type: 'missing', id: 's1' }],
      'A B | next -',
    ],
    [
      'a deleted saved text that was next is skipped',
      playing(0, [A, S, B]),
      [{ type: 'missing', id: 's1' }, { type: 'ended' }],
      'A [B] | next -',
    ],
    [
      'a deleted saved text found when its turn came: the one after it plays',
      playing(0, [A, S, B]),
      [{ type: 'ended' }, { type: 'missing', id: 's1' }, { type: 'ended' }],
      'A [B] | next -',
    ],
  ])('%s', (_, start, actions, expected) => {
    const end = actions.reduce(reduceQueue, start);
    expect(view(end)).toBe(expected);
  });

  it('returns the same queue when nothing changes', () => {
    const queue = createQueue([A]);
    expect(reduceQueue(queue, { type: 'stop' })).toBe(queue);
    expect(reduceQueue(queue, { type: 'continuous', on: true })).toBe(queue);
    expect(reduceQueue(queue, { type: 'add', item: A })).toBe(queue);
  });
});

describe('placeOf and previousItem', () => {
  it.each<[string, Queue, ReturnType<typeof placeOf>, QueueItem | null]>([
    ['not playing', createQueue([A, B]), null, null],
    ['the first of three', playing(0), { index: 1, total: 3 }, null],
    ['the third of three', playing(2), { index: 3, total: 3 }, B],
    ['removed while playing', reduceQueue(playing(1), { type: 'remove', id: id(B) }), null, A],
  ])('%s', (_, queue, place, previous) => {
    expect(placeOf(queue)).toEqual(place);
    expect(previousItem(queue)).toEqual(previous);
  });
});

describe('parseQueue', () => {
  it('round-trips the items and the setting, not the playing state', () => {
    const queue = { ...playing(1, [A, S]), continuous: false };
    expect(parseQueue(serializeQueue(queue))).toEqual(createQueue([A, S], false));
  });

  it.each<[string, unknown]>([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'queue'],
    ['an array', [A]],
    ['another version', { version: QUEUE_VERSION + 1, items: [A] }],
    ['no items', { version: QUEUE_VERSION }],
  ])('gives an empty queue for %s', (_, stored) => {
    expect(parseQueue(stored)).toEqual(EMPTY_QUEUE);
  });

  it('drops damaged items and duplicates, keeping the others', () => {
    const stored = {
      version: QUEUE_VERSION,
      continuous: true,
      items: [
        A,
        { ...B, kind: 'video' },
        { ...B, id: '' },
        { ...B, url: 'https://elsewhere.example/' },
        { ...B, title: 7 },
        null,
        'C',
        A,
        S,
      ],
    };
    expect(parseQueue(stored).items).toEqual([A, S]);
  });

  // An item's language marks its title where a list shows it (WCAG 3.1.2); items stored before
  // it existed have none, and a damaged one is dropped without dropping the item.
  it.each<[string, unknown, string | undefined]>([
    ['a language', 'fr', 'fr'],
    ['a language and region', 'en-US', 'en-US'],
    ['a language, script and region', 'zh-Hant-TW', 'zh-Hant-TW'],
    ['none (stored before items had one)', undefined, undefined],
    ['an empty string', '', undefined],
    ['not a tag', 'French', undefined],
    ['markup', 'fr"><script>', undefined],
    ['not a string', 7, undefined],
  ])(
    'keeps an item whose language is %s, with the language only if it is a tag',
    (_, lang, kept) => {
      const stored = { version: QUEUE_VERSION, continuous: true, items: [{ ...A, lang }] };
      const [item] = parseQueue(stored).items;
      expect(item).toEqual(kept === undefined ? A : { ...A, lang: kept });
    },
  );
});
