/**
 * The playback state machine: a pure reducer `(state, event) → { state, effects }`.
 * It knows only block lengths and positions; the element turns effects into speech.
 */
import { START, type Position } from './article.js';

export const Status = {
  Idle: 'idle',
  Playing: 'playing',
  Paused: 'paused',
  Ended: 'ended',
  Error: 'error',
} as const;
export type Status = (typeof Status)[keyof typeof Status];

export interface PlaybackError {
  readonly code: string;
  readonly message: string;
}

export interface PlaybackState {
  readonly status: Status;
  /** Where speech starts or resumes: the start of the chunk being read. */
  readonly position: Position;
  /** Lengths of the blocks' texts; a block of length 0 is never read. */
  readonly blockLengths: readonly number[];
  /** Bumped on every speak, so that events of an earlier utterance can be told apart. */
  readonly generation: number;
  readonly error: PlaybackError | null;
  /** Pause when the chunk being spoken ends (a sleep timer ran out). */
  readonly pauseAtChunkEnd: boolean;
}

export type PlaybackEvent =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'stop' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  | { readonly type: 'seek'; readonly position: Position }
  /** Speak again from the current position, e.g. after the rate or voice changed. */
  | { readonly type: 'restart' }
  /**
   * More of the article was read (a long article is read a slice at a time): the lengths of all
   * its blocks so far, the earlier ones unchanged, after at least one readable one.
   */
  | { readonly type: 'extend'; readonly blockLengths: readonly number[] }
  | { readonly type: 'chunk-end'; readonly generation: number; readonly end: Position }
  | {
      readonly type: 'chunk-error';
      readonly generation: number;
      readonly error: PlaybackError;
    }
  /** Something outside the player (another tab, the system) stopped our speech. */
  | { readonly type: 'interrupted'; readonly generation: number }
  | { readonly type: 'fail'; readonly error: PlaybackError }
  /** Finish the sentence being spoken, then pause (a sleep timer ran out). */
  | { readonly type: 'pause-at-chunk-end' };

export type PlaybackEffect =
  | { readonly type: 'speak'; readonly position: Position; readonly generation: number }
  | { readonly type: 'cancel' };

export interface Transition {
  readonly state: PlaybackState;
  readonly effects: readonly PlaybackEffect[];
}

export function initialState(blockLengths: readonly number[]): PlaybackState {
  return {
    status: Status.Idle,
    position: firstReadable(blockLengths, 0) ?? START,
    blockLengths,
    generation: 0,
    error: null,
    pauseAtChunkEnd: false,
  };
}

/** True when the article has nothing to read at all. */
export function isEmpty(state: PlaybackState): boolean {
  return firstReadable(state.blockLengths, 0) === undefined;
}

export function reduce(state: PlaybackState, event: PlaybackEvent): Transition {
  switch (event.type) {
    case 'play':
      return play(state);
    case 'pause':
      return state.status === Status.Playing
        ? {
            state: { ...state, status: Status.Paused, pauseAtChunkEnd: false },
            effects: [{ type: 'cancel' }],
          }
        : unchanged(state);
    case 'stop':
      return {
        state: { ...initialState(state.blockLengths), generation: state.generation },
        effects: state.status === Status.Playing ? [{ type: 'cancel' }] : [],
      };
    case 'next':
      return moveTo(state, firstReadable(state.blockLengths, state.position.block + 1));
    case 'previous':
      return moveTo(state, previousTarget(state));
    case 'seek':
      return moveTo(state, clampPosition(state.blockLengths, event.position));
    case 'restart':
      return state.status === Status.Playing ? respeak(state, state.position) : unchanged(state);
    case 'extend':
      return { state: { ...state, blockLengths: event.blockLengths }, effects: [] };
    case 'chunk-end':
      return isCurrent(state, event.generation) ? advance(state, event.end) : unchanged(state);
    case 'chunk-error':
      return isCurrent(state, event.generation) ? fail(state, event.error) : unchanged(state);
    case 'interrupted':
      return isCurrent(state, event.generation)
        ? { state: { ...state, status: Status.Paused }, effects: [] }
        : unchanged(state);
    case 'fail':
      return fail(state, event.error);
    case 'pause-at-chunk-end':
      return state.status === Status.Playing
        ? { state: { ...state, pauseAtChunkEnd: true }, effects: [] }
        : unchanged(state);
    default:
      return assertNever(event);
  }
}

function play(state: PlaybackState): Transition {
  switch (state.status) {
    case Status.Playing:
      return unchanged(state);
    case Status.Ended: {
      const start = firstReadable(state.blockLengths, 0);
      return start ? speakFrom({ ...state, error: null }, start) : unchanged(state);
    }
    case Status.Idle:
    case Status.Paused:
    case Status.Error:
      return isEmpty(state)
        ? unchanged(state)
        : speakFrom({ ...state, error: null }, state.position);
    default:
      return assertNever(state.status);
  }
}

function speakFrom(state: PlaybackState, position: Position): Transition {
  const generation = state.generation + 1;
  return {
    state: { ...state, status: Status.Playing, position, generation },
    effects: [{ type: 'speak', position, generation }],
  };
}

function respeak(state: PlaybackState, position: Position): Transition {
  const spoken = speakFrom(state, position);
  return { state: spoken.state, effects: [{ type: 'cancel' }, ...spoken.effects] };
}

/** Skips and seeks keep the status: a playing player reads from there, a paused one waits there. */
function moveTo(state: PlaybackState, position: Position | undefined): Transition {
  if (!position) return unchanged(state);
  switch (state.status) {
    case Status.Playing:
      return respeak(state, position);
    case Status.Ended:
      return { state: { ...state, status: Status.Paused, position }, effects: [] };
    case Status.Idle:
    case Status.Paused:
    case Status.Error:
      return { state: { ...state, position }, effects: [] };
    default:
      return assertNever(state.status);
  }
}

function advance(state: PlaybackState, end: Position): Transition {
  const length = state.blockLengths[end.block] ?? 0;
  const next = end.offset < length ? end : firstReadable(state.blockLengths, end.block + 1);
  if (!next) {
    return {
      state: {
        ...state,
        status: Status.Ended,
        position: { block: end.block, offset: 0 },
        pauseAtChunkEnd: false,
      },
      effects: [],
    };
  }
  if (state.pauseAtChunkEnd) {
    return {
      state: { ...state, status: Status.Paused, position: next, pauseAtChunkEnd: false },
      effects: [],
    };
  }
  return speakFrom(state, next);
}

function fail(state: PlaybackState, error: PlaybackError): Transition {
  return {
    state: { ...state, status: Status.Error, error },
    effects: state.status === Status.Playing ? [{ type: 'cancel' }] : [],
  };
}

/** "Previous" in the middle of a block goes back to its start; at its start, to the block before. */
function previousTarget(state: PlaybackState): Position | undefined {
  const { block, offset } = state.position;
  if (offset > 0) return { block, offset: 0 };
  return lastReadableBefore(state.blockLengths, block) ?? { block, offset: 0 };
}

function isCurrent(state: PlaybackState, generation: number): boolean {
  return state.status === Status.Playing && state.generation === generation;
}

function unchanged(state: PlaybackState): Transition {
  return { state, effects: [] };
}

function firstReadable(lengths: readonly number[], from: number): Position | undefined {
  for (let block = Math.max(0, from); block < lengths.length; block++) {
    if ((lengths[block] ?? 0) > 0) return { block, offset: 0 };
  }
  return undefined;
}

function lastReadableBefore(lengths: readonly number[], before: number): Position | undefined {
  for (let block = Math.min(before, lengths.length) - 1; block >= 0; block--) {
    if ((lengths[block] ?? 0) > 0) return { block, offset: 0 };
  }
  return undefined;
}

function clampPosition(lengths: readonly number[], position: Position): Position | undefined {
  if (!Number.isInteger(position.block) || position.block < 0) return undefined;
  if (position.block >= lengths.length) return undefined;
  const length = lengths[position.block] ?? 0;
  if (length === 0) return firstReadable(lengths, position.block + 1);
  return {
    block: position.block,
    offset: Math.min(Math.max(0, Math.floor(position.offset)), length - 1),
  };
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
