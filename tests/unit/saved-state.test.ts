import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  MAX_SAVED_POSITIONS,
  parsePositions,
  parseSettings,
  serializePositions,
  serializeSettings,
  withPosition,
} from '../../src/core/saved-state.js';

describe('parseSettings', () => {
  it('round-trips what it saved', () => {
    const settings = { ...DEFAULT_SETTINGS, rate: 1.5, voices: { en: 'uri' }, follow: false };
    expect(parseSettings(serializeSettings(settings))).toEqual(settings);
  });

  it.each([
    ['nothing saved', null],
    ['not JSON', '{oops'],
    ['an array', '[1,2]'],
    ['another version', JSON.stringify({ version: 0, rate: 2 })],
    ['null', 'null'],
  ])('falls back to defaults for %s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ rate: 99 }, { rate: 1 }],
    [{ rate: '2' }, { rate: 1 }],
    [{ follow: 'no' }, { follow: true }],
    [{ voices: { en: 5, fr: 'v', 'bad key': 'x' } }, { voices: { fr: 'v' } }],
  ])('replaces each bad field %j with its default', (fields, expected) => {
    expect(parseSettings(JSON.stringify({ version: 1, ...fields }))).toMatchObject(expected);
  });
});

describe('parsePositions', () => {
  it('round-trips and drops corrupted entries', () => {
    const raw = JSON.stringify({
      version: 1,
      articles: {
        good: { block: 3, offset: 10, savedAt: 5 },
        negative: { block: -1, offset: 0, savedAt: 5 },
        fraction: { block: 1.5, offset: 0, savedAt: 5 },
        missing: { block: 1 },
        text: 'x',
      },
    });
    expect(parsePositions(raw)).toEqual({ good: { block: 3, offset: 10, savedAt: 5 } });
    const positions = parsePositions(raw);
    expect(parsePositions(serializePositions(positions))).toEqual(positions);
  });

  it.each([null, '', '{', '{"version":2,"articles":{}}'])('is empty for %j', (raw) => {
    expect(parsePositions(raw)).toEqual({});
  });
});

describe('withPosition', () => {
  it('keeps only the most recent positions', () => {
    let positions = {};
    for (let i = 0; i <= MAX_SAVED_POSITIONS; i++) {
      positions = withPosition(positions, `a${i}`, { block: 1, offset: 0, savedAt: i });
    }
    expect(Object.keys(positions)).toHaveLength(MAX_SAVED_POSITIONS);
    expect(positions).not.toHaveProperty('a0');
    expect(positions).toHaveProperty(`a${MAX_SAVED_POSITIONS}`);
  });

  it('forgets an article', () => {
    const positions = withPosition({}, 'a', { block: 1, offset: 0, savedAt: 1 });
    expect(withPosition(positions, 'a', null)).toEqual({});
  });
});
