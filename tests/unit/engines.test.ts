// The test harness's engine selection and key chords (scripts/engines.mjs).
import { describe, expect, it } from 'vitest';
import { chordKeys, engineOf, selectedEngines } from '../../scripts/engines.mjs';

describe('selectedEngines (AP_ENGINES)', () => {
  it.each([
    [undefined, ['chromium', 'firefox', 'webkit']],
    ['', ['chromium', 'firefox', 'webkit']],
    ['firefox', ['firefox']],
    ['webkit, Chromium', ['chromium', 'webkit']],
    ['firefox,firefox', ['firefox']],
  ])('%j → %j', (value, expected) => {
    expect(selectedEngines(value)).toEqual(expected);
  });

  it('names an unknown engine', () => {
    expect(() => selectedEngines('chromium,safari')).toThrow(/unknown engine safari/);
  });
});

describe('engineOf (a launcher or driver name)', () => {
  it.each([
    ['Chromium', 'chromium'],
    ['Firefox', 'firefox'],
    ['firefox/153.8.0', 'firefox'],
    ['WebKit', 'webkit'],
    ['linux MiniBrowser 2.50.6', 'webkit'],
    ['', 'unknown'],
  ])('%j → %j', (name, engine) => {
    expect(engineOf(name)).toBe(engine);
  });
});

describe('chordKeys (Playwright chords for puppeteer and WebDriver)', () => {
  it.each([
    ['Shift+ArrowRight', ['Shift', 'ArrowRight']],
    ['Control+Shift+k', ['Control', 'Shift', 'k']],
    ['Shift++', ['Shift', '+']],
    ['+', null],
    ['k', null],
    ['ArrowRight', null],
    ['a+b', null],
  ])('%j → %j', (press, keys) => {
    expect(chordKeys(press)).toEqual(keys);
  });
});
