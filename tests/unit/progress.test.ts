import { describe, expect, it } from 'vitest';
import {
  describeProgress,
  finishedProgress,
  minutesLeft,
  parseProgress,
  progressAt,
  PROGRESS_VERSION,
  serializeProgress,
  type Progress,
} from '../../src/core/progress.js';

const NOW = 1_700_000_000_000;
const LENGTHS = [10, 30, 60];

describe('progressAt', () => {
  it.each<[string, { block: number; offset: number }, number]>([
    ['the start', { block: 0, offset: 0 }, 0],
    ['inside the first block', { block: 0, offset: 5 }, 0.05],
    ['the start of the second block', { block: 1, offset: 0 }, 0.1],
    ['inside the last block', { block: 2, offset: 30 }, 0.7],
    ['an offset past its block is clamped', { block: 1, offset: 999 }, 0.4],
    ['a block past the end', { block: 9, offset: 0 }, 1],
  ])('%s', (_, position, heard) => {
    const progress = progressAt(LENGTHS, position, NOW);
    expect(progress.heard).toBeCloseTo(heard);
    expect(progress.position).toEqual(position);
    expect(progress.finished).toBe(false);
  });

  it('an empty article has heard nothing', () => {
    expect(progressAt([], { block: 0, offset: 0 }, NOW).heard).toBe(0);
  });
});

describe('describeProgress and minutesLeft', () => {
  it.each<[string, Progress | null, ReturnType<typeof describeProgress>, number]>([
    ['nothing recorded', null, { state: 'not-started' }, 10],
    [
      'at the start',
      progressAt(LENGTHS, { block: 0, offset: 0 }, NOW),
      { state: 'not-started' },
      10,
    ],
    [
      'a few words in',
      progressAt(LENGTHS, { block: 0, offset: 1 }, NOW),
      { state: 'started', percent: 1 },
      10,
    ],
    [
      'most of it',
      progressAt(LENGTHS, { block: 2, offset: 30 }, NOW),
      { state: 'started', percent: 70 },
      3,
    ],
    [
      'all but the last sentence',
      progressAt(LENGTHS, { block: 2, offset: 60 }, NOW),
      { state: 'started', percent: 99 },
      1,
    ],
    ['finished', finishedProgress(NOW), { state: 'finished' }, 0],
  ])('%s', (_, progress, state, left) => {
    expect(describeProgress(progress)).toEqual(state);
    expect(minutesLeft(10, progress)).toBe(left);
  });
});

describe('parseProgress', () => {
  const good = progressAt(LENGTHS, { block: 1, offset: 4 }, NOW);

  it('round-trips a record', () => {
    expect(parseProgress(serializeProgress(good))).toEqual(good);
    expect(parseProgress(serializeProgress(finishedProgress(NOW)))).toEqual(finishedProgress(NOW));
  });

  const stored = serializeProgress(good) as Record<string, unknown>;
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
    ['another version', { ...stored, version: PROGRESS_VERSION + 1 }],
    ['no position', { ...stored, position: undefined }],
    ['a negative block', { ...stored, position: { block: -1, offset: 0 } }],
    ['a fractional offset', { ...stored, position: { block: 0, offset: 1.5 } }],
    ['heard above 1', { ...stored, heard: 1.5 }],
    ['heard not a number', { ...stored, heard: NaN }],
    ['finished not a boolean', { ...stored, finished: 'yes' }],
    ['no time', { ...stored, updatedAt: undefined }],
    ['an infinite time', { ...stored, updatedAt: Infinity }],
  ])('ignores %s', (_, value) => {
    expect(parseProgress(value)).toBeNull();
  });
});
