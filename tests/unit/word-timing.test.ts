import { describe, expect, it } from 'vitest';
import { scheduleWords, SpeedEstimate, wordAt } from '../../src/core/word-timing.js';

describe('scheduleWords', () => {
  it('spreads the duration over the words by length, in order', () => {
    const schedule = scheduleWords('Hello big world.', 'en', 1000);
    expect(schedule.map((word) => 'Hello big world.'.slice(word.start, word.end))).toEqual([
      'Hello',
      'big',
      'world',
    ]);
    expect(schedule[0]!.at).toBe(0);
    expect(schedule[1]!.at).toBeGreaterThan(schedule[0]!.at);
    expect(schedule[2]!.at).toBeGreaterThan(schedule[1]!.at);
    expect(schedule[2]!.at).toBeLessThan(1000);
  });

  it.each([
    ['ja', '今日は晴れです'],
    ['th', 'สวัสดีครับ'],
    ['en', '...'],
  ])('schedules %s text %j without running past the end', (lang, text) => {
    for (const word of scheduleWords(text, lang, 500)) {
      expect(word.at).toBeGreaterThanOrEqual(0);
      expect(word.at).toBeLessThan(500);
    }
  });
});

describe('wordAt', () => {
  const schedule = scheduleWords('one two three', 'en', 1300);
  it.each([
    [-5, undefined],
    [0, 'one'],
    [600, 'two'],
    [5000, 'three'],
  ])('at %i ms is %j', (elapsed, expected) => {
    const word = wordAt(schedule, elapsed);
    expect(word ? 'one two three'.slice(word.start, word.end) : undefined).toBe(expected);
  });
});

describe('SpeedEstimate', () => {
  it('learns a slower engine from measured utterances, within bounds', () => {
    const speed = new SpeedEstimate();
    const before = speed.expectedMs(117, 1);
    for (let i = 0; i < 10; i++) speed.measure(117, 12_000, 1);
    expect(speed.expectedMs(117, 1)).toBeGreaterThan(before);
    expect(speed.value).toBeGreaterThan(7);
  });

  it('accounts for the rate', () => {
    const speed = new SpeedEstimate();
    expect(speed.expectedMs(140, 2)).toBeCloseTo(speed.expectedMs(140, 1) / 2);
  });

  it('ignores measurements too short to mean anything', () => {
    const speed = new SpeedEstimate();
    speed.measure(3, 100, 1);
    expect(speed.value).toBe(14);
  });
});
