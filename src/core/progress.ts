/**
 * How much of each article the listener has heard, for the library: "not started", "N % heard"
 * or "finished", the time left, and where "Continue" starts. Pure: the app stores the records.
 */
import type { Position } from './article.js';

export const PROGRESS_VERSION = 1;

export interface Progress {
  /** Where listening stopped: the start of the sentence being read. */
  readonly position: Position;
  /** The share of the article's characters before `position`, 0 to 1. */
  readonly heard: number;
  readonly finished: boolean;
  /** When it was recorded (ms since the epoch). */
  readonly updatedAt: number;
}

export type ProgressState =
  | { readonly state: 'not-started' }
  | { readonly state: 'started'; readonly percent: number }
  | { readonly state: 'finished' };

/** The progress at `position` in an article whose blocks have these lengths. */
export function progressAt(
  blockLengths: readonly number[],
  position: Position,
  now: number,
): Progress {
  const total = blockLengths.reduce((sum, length) => sum + length, 0);
  let before = 0;
  for (let block = 0; block < position.block && block < blockLengths.length; block++) {
    before += blockLengths[block] ?? 0;
  }
  before += Math.min(position.offset, blockLengths[position.block] ?? 0);
  return {
    position: { block: position.block, offset: position.offset },
    heard: total > 0 ? Math.min(1, before / total) : 0,
    finished: false,
    updatedAt: now,
  };
}

export function finishedProgress(now: number): Progress {
  return { position: { block: 0, offset: 0 }, heard: 1, finished: true, updatedAt: now };
}

export function describeProgress(progress: Progress | null): ProgressState {
  if (!progress) return { state: 'not-started' };
  if (progress.finished) return { state: 'finished' };
  // 0 % heard once started reads as not started; 100 % only once finished.
  const percent = Math.min(99, Math.floor(progress.heard * 100));
  const started = progress.position.block > 0 || progress.position.offset > 0;
  return started ? { state: 'started', percent } : { state: 'not-started' };
}

/** Minutes left of an article of `minutes`, rounded up (0 once finished). */
export function minutesLeft(minutes: number, progress: Progress | null): number {
  if (!progress) return minutes;
  if (progress.finished) return 0;
  // The epsilon keeps 10 × (1 − 0.7) = 3.0000000000000004 at 3.
  return Math.max(1, Math.ceil(minutes * (1 - progress.heard) - 1e-9));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function serializeProgress(progress: Progress): unknown {
  return { version: PROGRESS_VERSION, ...progress };
}

/** A stored record, checked: anything damaged, old or foreign is null (as if not started). */
export function parseProgress(value: unknown): Progress | null {
  if (!isRecord(value) || value['version'] !== PROGRESS_VERSION) return null;
  const { position, heard, finished, updatedAt } = value;
  if (!isRecord(position) || !isCount(position['block']) || !isCount(position['offset'])) {
    return null;
  }
  if (typeof heard !== 'number' || !(heard >= 0 && heard <= 1)) return null;
  if (typeof finished !== 'boolean' || typeof updatedAt !== 'number') return null;
  if (!Number.isFinite(updatedAt)) return null;
  return {
    position: { block: position['block'], offset: position['offset'] },
    heard,
    finished,
    updatedAt,
  };
}
