import { describe, expect, it } from 'vitest';
import {
  chooseVoice,
  findVoice,
  normalizeLang,
  voiceKey,
  voicesFor,
  type VoiceInfo,
} from '../../src/core/voices.js';

const voice = (name: string, lang: string, extra: Partial<VoiceInfo> = {}): VoiceInfo => ({
  name,
  lang,
  voiceURI: name,
  localService: true,
  default: false,
  ...extra,
});

/** The engine's default here is Afrikaans: it must never win for another language. */
const ESPEAK = [
  voice('Afrikaans', 'af', { default: true }),
  voice('English (America)', 'en-US'),
  voice('English (Great Britain)', 'en-GB'),
  voice('French', 'fr-FR'),
  voice('Japanese', 'ja'),
];

describe('chooseVoice', () => {
  it.each([
    ['en', undefined, 'English (America)'],
    ['en-GB', undefined, 'English (Great Britain)'],
    ['en_gb', undefined, 'English (Great Britain)'],
    ['EN-US', undefined, 'English (America)'],
    ['fr', undefined, 'French'],
    ['fr-CA', undefined, 'French'],
    ['ja-JP', undefined, 'Japanese'],
    ['en', 'English (Great Britain)', 'English (Great Britain)'],
    ['en', 'French', 'English (America)'],
    ['en', 'gone', 'English (America)'],
    ['de', undefined, undefined],
    ['', undefined, undefined],
  ])('for %j (preferred %j) picks %j', (lang, preferred, expected) => {
    expect(chooseVoice(ESPEAK, lang, preferred)?.name).toBe(expected);
  });

  it('prefers a local voice, then a default one where the flag marks one voice', () => {
    const voices = [
      voice('Remote', 'en-US', { localService: false }),
      voice('Local', 'en-US'),
      voice('Default', 'en-US', { default: true, localService: false }),
    ];
    expect(chooseVoice(voices, 'en-US')?.name).toBe('Local');
    expect(chooseVoice([voices[0]!, voices[2]!], 'en-US')?.name).toBe('Default');
  });

  it('prefers the plain voice to its variants', () => {
    const voices = [
      voice('English (America)+Andrea espeak-ng', 'en-US'),
      voice('English (America) espeak-ng', 'en-US'),
      voice('English (America)+Andy espeak-ng', 'en-US'),
    ];
    expect(chooseVoice(voices, 'en')?.name).toBe('English (America) espeak-ng');
  });

  it('handles voices with no language (Android) by never choosing them', () => {
    expect(chooseVoice([voice('Mystery', '')], 'en')).toBeUndefined();
  });
});

describe('voicesFor', () => {
  it('lists the voices of the same primary language', () => {
    expect(voicesFor(ESPEAK, 'en').map((v) => v.name)).toEqual([
      'English (America)',
      'English (Great Britain)',
    ]);
  });

  it('works a list out once per language, and a new list afresh', () => {
    const list = [voice('A', 'en-US'), voice('B', 'fr-FR')];
    expect(voicesFor(list, 'en-GB')).toBe(voicesFor(list, 'en'));
    expect(voicesFor(list, 'fr')).toEqual([list[1]]);
    const changed = [...list, voice('C', 'en_GB')];
    expect(voicesFor(changed, 'en').map((v) => v.name)).toEqual(['A', 'C']);
    expect(voicesFor(list, 'en').map((v) => v.name)).toEqual(['A']);
  });
});

describe('normalizeLang', () => {
  it.each([
    ['en_GB', 'en-gb'],
    [' fr ', 'fr'],
  ])('%j → %j', (input, expected) => expect(normalizeLang(input)).toBe(expected));
});

/** WebKitGTK's Flite voices: every voiceURI is empty. */
const FLITE = ['kal', 'slt', 'rms', 'awb'].map((name) => voice(name, 'en-US', { voiceURI: '' }));

describe('voiceKey and findVoice', () => {
  it.each([
    [voice('English (America)', 'en-US', { voiceURI: 'espeak:en-us' }), 'espeak:en-us'],
    [voice('slt', 'en-US', { voiceURI: '' }), 'slt'],
  ])('names %o by %s', (v, key) => {
    expect(voiceKey(v)).toBe(key);
  });

  it('tells voices without a voiceURI apart', () => {
    expect(new Set(FLITE.map(voiceKey)).size).toBe(4);
    expect(findVoice(FLITE, 'rms')?.name).toBe('rms');
    expect(chooseVoice(FLITE, 'en', 'awb')?.name).toBe('awb');
  });

  it.each([
    ['espeak:fr', 'French'],
    ['French', 'French'],
    ['', undefined],
    [null, undefined],
    ['nobody', undefined],
  ])('finds %j', (key, name) => {
    const voices = [voice('French', 'fr', { voiceURI: 'espeak:fr' })];
    expect(findVoice(voices, key)?.name).toBe(name);
  });
});
