import { describe, expect, it } from 'vitest';
import {
  initialState,
  isEmpty,
  reduce,
  Status,
  type PlaybackEvent,
  type PlaybackState,
} from '../../src/core/playback.js';

/** Three readable blocks and an empty one between the first two. */
const LENGTHS = [10, 0, 20, 30];
const ERROR = { code: 'synthesis-failed', message: 'boom' };

function stateIn(status: Status, block = 2, offset = 5): PlaybackState {
  return {
    ...initialState(LENGTHS),
    status,
    position: { block, offset },
    generation: 7,
    error: status === Status.Error ? ERROR : null,
  };
}

const EVENTS: Record<string, PlaybackEvent> = {
  play: { type: 'play' },
  pause: { type: 'pause' },
  stop: { type: 'stop' },
  next: { type: 'next' },
  previous: { type: 'previous' },
  seek: { type: 'seek', position: { block: 3, offset: 4 } },
  restart: { type: 'restart' },
  'chunk-end (current)': { type: 'chunk-end', generation: 7, end: { block: 2, offset: 12 } },
  'chunk-end (stale)': { type: 'chunk-end', generation: 6, end: { block: 2, offset: 12 } },
  'chunk-error (current)': { type: 'chunk-error', generation: 7, error: ERROR },
  'chunk-error (stale)': { type: 'chunk-error', generation: 6, error: ERROR },
  'interrupted (current)': { type: 'interrupted', generation: 7 },
  fail: { type: 'fail', error: ERROR },
  'pause-at-chunk-end': { type: 'pause-at-chunk-end' },
  extend: { type: 'extend', blockLengths: [...LENGTHS, 40] },
};

type Expectation = [status: Status, block: number, offset: number, effects: string];

/** What each event does in each status: the status, position and effects after it. */
const TABLE: Record<string, Partial<Record<Status, Expectation>>> = {
  play: {
    idle: ['playing', 2, 5, 'speak'],
    playing: ['playing', 2, 5, ''],
    paused: ['playing', 2, 5, 'speak'],
    ended: ['playing', 0, 0, 'speak'],
    error: ['playing', 2, 5, 'speak'],
  },
  pause: {
    idle: ['idle', 2, 5, ''],
    playing: ['paused', 2, 5, 'cancel'],
    paused: ['paused', 2, 5, ''],
    ended: ['ended', 2, 5, ''],
    error: ['error', 2, 5, ''],
  },
  stop: {
    idle: ['idle', 0, 0, ''],
    playing: ['idle', 0, 0, 'cancel'],
    paused: ['idle', 0, 0, ''],
    ended: ['idle', 0, 0, ''],
    error: ['idle', 0, 0, ''],
  },
  next: {
    idle: ['idle', 3, 0, ''],
    playing: ['playing', 3, 0, 'cancel speak'],
    paused: ['paused', 3, 0, ''],
    ended: ['paused', 3, 0, ''],
    error: ['error', 3, 0, ''],
  },
  previous: {
    idle: ['idle', 2, 0, ''],
    playing: ['playing', 2, 0, 'cancel speak'],
    paused: ['paused', 2, 0, ''],
    ended: ['paused', 2, 0, ''],
    error: ['error', 2, 0, ''],
  },
  seek: {
    idle: ['idle', 3, 4, ''],
    playing: ['playing', 3, 4, 'cancel speak'],
    paused: ['paused', 3, 4, ''],
    ended: ['paused', 3, 4, ''],
    error: ['error', 3, 4, ''],
  },
  restart: {
    idle: ['idle', 2, 5, ''],
    playing: ['playing', 2, 5, 'cancel speak'],
    paused: ['paused', 2, 5, ''],
    ended: ['ended', 2, 5, ''],
    error: ['error', 2, 5, ''],
  },
  'chunk-end (current)': {
    idle: ['idle', 2, 5, ''],
    playing: ['playing', 2, 12, 'speak'],
    paused: ['paused', 2, 5, ''],
    ended: ['ended', 2, 5, ''],
    error: ['error', 2, 5, ''],
  },
  'chunk-end (stale)': {
    playing: ['playing', 2, 5, ''],
  },
  'chunk-error (current)': {
    idle: ['idle', 2, 5, ''],
    playing: ['error', 2, 5, 'cancel'],
    paused: ['paused', 2, 5, ''],
    ended: ['ended', 2, 5, ''],
    error: ['error', 2, 5, ''],
  },
  'chunk-error (stale)': {
    playing: ['playing', 2, 5, ''],
  },
  'interrupted (current)': {
    idle: ['idle', 2, 5, ''],
    playing: ['paused', 2, 5, ''],
    paused: ['paused', 2, 5, ''],
    ended: ['ended', 2, 5, ''],
    error: ['error', 2, 5, ''],
  },
  fail: {
    idle: ['error', 2, 5, ''],
    playing: ['error', 2, 5, 'cancel'],
    paused: ['error', 2, 5, ''],
    ended: ['error', 2, 5, ''],
    error: ['error', 2, 5, ''],
  },
};

TABLE['pause-at-chunk-end'] = {
  idle: ['idle', 2, 5, ''],
  playing: ['playing', 2, 5, ''],
  paused: ['paused', 2, 5, ''],
  ended: ['ended', 2, 5, ''],
  error: ['error', 2, 5, ''],
};

// More blocks read (a long article is read a slice at a time): nothing else changes.
TABLE.extend = {
  idle: ['idle', 2, 5, ''],
  playing: ['playing', 2, 5, ''],
  paused: ['paused', 2, 5, ''],
  ended: ['ended', 2, 5, ''],
  error: ['error', 2, 5, ''],
};

const rows = Object.entries(TABLE).flatMap(([eventName, byStatus]) =>
  Object.entries(byStatus).map(([status, expected]) => ({
    eventName,
    status: status as Status,
    expected: expected,
  })),
);

describe('the playback reducer', () => {
  it('has a row for every event in every status', () => {
    for (const name of Object.keys(EVENTS)) {
      if (name.includes('stale')) continue;
      for (const status of Object.values(Status)) {
        expect(TABLE[name]?.[status], `${name} in ${status}`).toBeDefined();
      }
    }
  });

  it.each(rows)('$eventName in $status', ({ eventName, status, expected }) => {
    const event = EVENTS[eventName]!;
    const [nextStatus, block, offset, effects] = expected;
    const { state, effects: actual } = reduce(stateIn(status), event);
    expect(state.status).toBe(nextStatus);
    expect(state.position).toEqual({ block, offset });
    expect(actual.map((effect) => effect.type).join(' ')).toBe(effects);
  });

  it('stamps each speak with a new generation that later events must carry', () => {
    const { state, effects } = reduce(stateIn(Status.Paused), { type: 'play' });
    expect(effects).toEqual([{ type: 'speak', position: { block: 2, offset: 5 }, generation: 8 }]);
    expect(
      reduce(state, { type: 'chunk-end', generation: 7, end: { block: 2, offset: 9 } }).state,
    ).toBe(state);
  });

  it('skips empty blocks when a block ends', () => {
    const playing = stateIn(Status.Playing, 0, 0);
    const { state } = reduce(playing, {
      type: 'chunk-end',
      generation: 7,
      end: { block: 0, offset: 10 },
    });
    expect(state.position).toEqual({ block: 2, offset: 0 });
  });

  it('ends after the last chunk of the last block', () => {
    const playing = stateIn(Status.Playing, 3, 20);
    const { state, effects } = reduce(playing, {
      type: 'chunk-end',
      generation: 7,
      end: { block: 3, offset: 30 },
    });
    expect(state.status).toBe(Status.Ended);
    expect(effects).toEqual([]);
  });

  it('does nothing on next at the last block and on previous at the very start', () => {
    const last = stateIn(Status.Playing, 3, 0);
    expect(reduce(last, { type: 'next' }).effects).toEqual([]);
    const first = stateIn(Status.Playing, 0, 0);
    expect(reduce(first, { type: 'previous' }).state.position).toEqual({ block: 0, offset: 0 });
  });

  it('goes to the previous readable block from the start of a block', () => {
    const { state } = reduce(stateIn(Status.Paused, 2, 0), { type: 'previous' });
    expect(state.position).toEqual({ block: 0, offset: 0 });
  });

  it.each([
    [
      { block: -1, offset: 0 },
      { block: 2, offset: 5 },
    ],
    [
      { block: 99, offset: 0 },
      { block: 2, offset: 5 },
    ],
    [
      { block: 1, offset: 0 },
      { block: 2, offset: 0 },
    ],
    [
      { block: 3, offset: 500 },
      { block: 3, offset: 29 },
    ],
    [
      { block: 0.5, offset: 0 },
      { block: 2, offset: 5 },
    ],
  ])('clamps a seek to %j to %j', (position, expected) => {
    expect(reduce(stateIn(Status.Paused), { type: 'seek', position }).state.position).toEqual(
      expected,
    );
  });

  it('does not play an article with nothing to read', () => {
    const empty = initialState([0, 0]);
    expect(isEmpty(empty)).toBe(true);
    expect(reduce(empty, { type: 'play' }).state.status).toBe(Status.Idle);
    expect(isEmpty(initialState([]))).toBe(true);
  });

  it('pauses at the next sentence when asked to stop at the end of this one (sleep timer)', () => {
    const asked = reduce(stateIn(Status.Playing, 2, 0), { type: 'pause-at-chunk-end' }).state;
    const { state, effects } = reduce(asked, {
      type: 'chunk-end',
      generation: 7,
      end: { block: 2, offset: 12 },
    });
    expect(state.status).toBe(Status.Paused);
    expect(state.position).toEqual({ block: 2, offset: 12 });
    expect(state.pauseAtChunkEnd).toBe(false);
    expect(effects).toEqual([]);
    expect(reduce(state, { type: 'play' }).effects).toEqual([
      { type: 'speak', position: { block: 2, offset: 12 }, generation: 8 },
    ]);
  });

  it('reads on into blocks added while it was reading, instead of ending at the last one known', () => {
    const playing = { ...stateIn(Status.Playing, 3, 0), generation: 7 };
    const { state } = reduce(playing, { type: 'extend', blockLengths: [...LENGTHS, 40] });
    expect(state.blockLengths).toEqual([...LENGTHS, 40]);
    const end = reduce(state, { type: 'chunk-end', generation: 7, end: { block: 3, offset: 30 } });
    expect(end.state.status).toBe(Status.Playing);
    expect(end.state.position).toEqual({ block: 4, offset: 0 });
    expect(end.effects.map((effect) => effect.type)).toEqual(['speak']);
  });

  it('throws on an unknown event', () => {
    expect(() =>
      reduce(stateIn(Status.Idle), { type: 'dance' } as unknown as PlaybackEvent),
    ).toThrow(/Unexpected/);
  });
});
