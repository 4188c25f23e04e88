import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { voiceGroups } from '../../src/core/voice-menu.js';
import type { VoiceInfo } from '../../src/core/voices.js';

const fixture = (name: string): VoiceInfo[] =>
  (
    JSON.parse(
      readFileSync(new URL(`../fixtures/voices/${name}.json`, import.meta.url), 'utf8'),
    ) as { voices: VoiceInfo[] }
  ).voices;

describe('voiceGroups', () => {
  it('groups by region, the listener’s first, best voice first, novelty voices last', () => {
    const groups = voiceGroups(fixture('macos-safari'), 'en', { locale: 'en-GB' });
    expect(groups[0]?.label).toBe('English — United Kingdom');
    expect(groups[0]?.options[0]?.label).toBe('Daniel (Enhanced)');
    expect(groups[1]?.label).toBe('English — United States');
    expect(groups[1]?.options[0]?.label).toBe('Ava (Premium)');
    const last = groups[groups.length - 1];
    expect(last?.other).toBe(true);
    expect(last?.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(['Zarvox', 'Bells', 'Eddy (English (US))']),
    );
    expect(groups.slice(0, -1).every((group) => !group.other)).toBe(true);
  });

  it('lists every voice of the language once', () => {
    const voices = fixture('linux-chromium-espeak-ng');
    const keys = voiceGroups(voices, 'en').flatMap((group) => group.options.map((o) => o.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(voices.filter((v) => v.lang.startsWith('en')).length);
  });

  it('keeps espeak-ng’s hundreds of variants out of the regions’ groups', () => {
    const groups = voiceGroups(fixture('linux-chromium-espeak-ng'), 'en', { locale: 'en-US' });
    expect(groups[0]).toMatchObject({ label: 'English — United States' });
    expect(groups[0]?.options.map((o) => o.label)).toEqual([
      'English (America)',
      'English (America, New York City)',
    ]);
    expect(groups[groups.length - 1]?.options.length).toBeGreaterThan(700);
  });

  it('marks network voices, and disables them offline', () => {
    const online = voiceGroups(fixture('windows-edge'), 'en', { locale: 'en-US', online: true });
    const offline = voiceGroups(fixture('windows-edge'), 'en', { locale: 'en-US', online: false });
    const aria = (groups: typeof online) =>
      groups.flatMap((g) => g.options).find((o) => o.label === 'Aria (Natural)');
    expect(aria(online)).toMatchObject({ network: true, disabled: false });
    expect(aria(offline)).toMatchObject({ network: true, disabled: true });
    const david = offline.flatMap((g) => g.options).find((o) => o.label === 'David');
    expect(david).toMatchObject({ network: false, disabled: false });
  });

  it('names voices without a voiceURI by their name (WebKitGTK)', () => {
    expect(voiceGroups(fixture('webkitgtk-flite'), 'en')).toEqual([
      {
        label: 'English — United States',
        other: false,
        options: ['kal', 'slt', 'rms', 'awb'].map((name) => ({
          key: name,
          label: name,
          network: false,
          disabled: false,
        })),
      },
    ]);
  });

  it('speaks the page’s language in its labels', () => {
    const groups = voiceGroups(fixture('ios-safari'), 'fr', { displayLang: 'fr' });
    expect(groups.map((g) => g.label)).toContain('français — Canada');
  });

  it('is empty for a language without voices', () => {
    expect(voiceGroups(fixture('webkitgtk-flite'), 'fr')).toEqual([]);
  });
});
