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
  it('learns a slower engine from measured utterances', () => {
    const speed = new SpeedEstimate();
    const before = speed.expectedMs(117, 1);
    for (let i = 0; i < 10; i++) speed.measure(117, 12_000, 1);
    expect(speed.expectedMs(117, 1)).toBeGreaterThan(before);
    expect(speed.expectedMs(117, 1)).toBeCloseTo(12_000, -2);
  });

  it('moves by a bounded step for one odd utterance among many', () => {
    const speed = new SpeedEstimate();
    for (let i = 0; i < 5; i++) speed.measure(140, 10_000, 1);
    speed.measure(140, 60_000, 1); // the engine paused in the middle
    expect(speed.expectedMs(140, 1)).toBeGreaterThan(10_000);
    expect(speed.expectedMs(140, 1)).toBeLessThan(14_000);
  });

  it('accounts for the rate', () => {
    const speed = new SpeedEstimate();
    expect(speed.expectedMs(140, 2)).toBeCloseTo(speed.expectedMs(140, 1) / 2);
  });

  it.each([
    ['nothing heard', [], 1, false],
    ['heard at that rate', [[140, 10_000, 1]], 1, true],
    ['heard at another rate only', [[140, 10_000, 1]], 2, false],
    ['too short to count', [[10, 300, 1]], 1, false],
  ] as const)(
    'tells whether the speed is heard, not predicted: %s',
    (_name, measured, rate, heard) => {
      const speed = new SpeedEstimate();
      for (const [characters, ms, at] of measured) speed.measure(characters, ms, at);
      expect(speed.heard(rate)).toBe(heard);
    },
  );

  it('ignores measurements too short to mean anything', () => {
    const speed = new SpeedEstimate();
    const before = speed.expectedMs(140, 1);
    speed.measure(20, 100, 1);
    speed.measure(3, 1_000, 1);
    expect(speed.expectedMs(140, 1)).toBe(before);
  });

  // 140 characters, as heard (ms at each rate), and what is then expected at other rates.
  it.each([
    {
      engine: 'one that follows the rate, heard at 1×',
      heard: [[1, 10_000]],
      expected: [
        [1, 10_000],
        [2, 5_000],
        [3, 3_333],
      ],
    },
    {
      engine: 'one that ignores the rate (WebKitGTK’s Flite), heard at 3×',
      heard: [[3, 10_000]],
      expected: [[3, 10_000]],
    },
    {
      engine: 'one that ignores the rate (WebKitGTK’s Flite), heard at 1× and 3×',
      heard: [
        [1, 10_000],
        [3, 10_000],
      ],
      expected: [
        [0.5, 10_000],
        [1, 10_000],
        [2, 10_000],
        [3, 10_000],
      ],
    },
    {
      engine: 'one that follows the rate, heard at 1× and 2×',
      heard: [
        [1, 10_000],
        [2, 5_000],
      ],
      expected: [
        [0.5, 20_000],
        [1.5, 6_667],
        [3, 3_333],
      ],
    },
    {
      engine: 'one whose speed grows more slowly than the rate, heard at 1× and 2×',
      heard: [
        [1, 10_000],
        [2, 7_071],
      ],
      expected: [[3, 5_774]],
    },
  ] as const)('expects what $engine takes', ({ heard, expected }) => {
    const speed = new SpeedEstimate();
    for (const [rate, ms] of heard) speed.measure(140, ms, rate);
    for (const [rate, ms] of expected) {
      expect(speed.expectedMs(140, rate), `at ${String(rate)}×`).toBeCloseTo(ms, -1);
    }
  });
});
