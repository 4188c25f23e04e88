/**
 * The automatic voice choice and the voice facts, over voice lists recorded from real engines
 * here or built from the platforms' published lists (tests/fixtures/voices: each file says which).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { voiceLabel } from '../../src/core/voice-menu.js';
import {
  chooseVoice,
  primaryLanguage,
  rankVoices,
  regionOf,
  voiceListFacts,
  voiceTraits,
  voicesFor,
  VoiceQuality,
  type VoiceContext,
  type VoiceInfo,
} from '../../src/core/voices.js';

const DIR = new URL('../fixtures/voices/', import.meta.url);
const fixture = (name: string): VoiceInfo[] =>
  (JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as { voices: VoiceInfo[] })
    .voices;
const PLATFORMS = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));

const ONLINE: VoiceContext = { locale: 'en-US', online: true };
const OFFLINE: VoiceContext = { locale: 'en-US', online: false };

describe('chooseVoice on real voice lists', () => {
  it.each<[string, string, VoiceContext, string | undefined]>([
    // Linux Chromium and Firefox, espeak-ng (recorded): the plain voice, never a +variant.
    ['linux-chromium-espeak-ng', 'en', ONLINE, 'English (America) espeak-ng'],
    ['linux-chromium-espeak-ng', 'en', { locale: 'en-GB' }, 'English (Great Britain) espeak-ng'],
    ['linux-chromium-espeak-ng', 'en-GB', ONLINE, 'English (Great Britain) espeak-ng'],
    ['linux-chromium-espeak-ng', 'fr', ONLINE, 'French (France) espeak-ng'],
    ['linux-chromium-espeak-ng', 'fr-CH', ONLINE, 'French (Switzerland) espeak-ng'],
    ['linux-chromium-espeak-ng', 'fr-CA', ONLINE, 'French (France) espeak-ng'],
    ['linux-chromium-espeak-ng', 'es', ONLINE, 'Spanish (Spain) espeak-ng'],
    ['linux-chromium-espeak-ng', 'ja-JP', ONLINE, 'Japanese espeak-ng'],
    ['linux-chromium-espeak-ng', 'ko', ONLINE, undefined],
    // Firefox marks every voice localService false: the flag means nothing, offline included.
    ['linux-firefox-espeak-ng', 'en', OFFLINE, 'English (America)'],
    ['linux-firefox-espeak-ng', 'fr', OFFLINE, 'French (France)'],
    ['linux-firefox-espeak-ng', 'de', ONLINE, 'German'],
    // WebKitGTK, Flite (recorded): four en-US voices, no voiceURI, one default.
    ['webkitgtk-flite', 'en', OFFLINE, 'kal'],
    ['webkitgtk-flite', 'fr', ONLINE, undefined],
    // iOS Safari: every voice "default"; novelty and Eloquence voices never chosen.
    ['ios-safari', 'en', ONLINE, 'Nicky'],
    ['ios-safari', 'en-GB', ONLINE, 'Martha'],
    ['ios-safari', 'fr', ONLINE, 'Marie'],
    ['ios-safari', 'fr-CA', OFFLINE, 'Amélie'],
    ['ios-safari-french-device', 'en', { locale: 'fr-FR' }, 'Samantha (Enhanced)'],
    // macOS with downloaded voices: premium, then enhanced.
    ['macos-safari', 'en', ONLINE, 'Ava (Premium)'],
    ['macos-safari', 'en-GB', ONLINE, 'Daniel (Enhanced)'],
    ['macos-safari', 'fr', ONLINE, 'Audrey (Premium)'],
    // Edge: Microsoft's natural voices are network ones; the Windows voice is local.
    ['windows-edge', 'en', ONLINE, 'Microsoft David - English (United States)'],
    ['windows-edge', 'en', OFFLINE, 'Microsoft David - English (United States)'],
    ['windows-edge', 'en-KE', ONLINE, 'Microsoft Asilia Online (Natural) - English (Kenya)'],
    ['windows-edge', 'en-KE', OFFLINE, 'Microsoft David - English (United States)'],
    ['windows-edge', 'fr-CA', ONLINE, 'Microsoft Claude - French (Canada)'],
    // Chrome on Windows: Google's network voices after the local ones.
    ['windows-chrome', 'en-GB', ONLINE, 'Microsoft Hazel - English (Great Britain)'],
    ['windows-chrome', 'ja', ONLINE, 'Microsoft Ayumi - Japanese (Japan)'],
    ['windows-chrome', 'ja', OFFLINE, 'Microsoft Ayumi - Japanese (Japan)'],
    // Android: lang as en_us or eng-US-f000; the -local voice of each pair.
    [
      'android-chrome',
      'en',
      ONLINE,
      'Android Speech Recognition and Synthesis from Google en-us-x-tpc-local',
    ],
    [
      'android-chrome',
      'en-GB',
      OFFLINE,
      'Android Speech Recognition and Synthesis from Google en-gb-x-gba-local',
    ],
    [
      'android-chrome',
      'fr',
      ONLINE,
      'Android Speech Recognition and Synthesis from Google fr-fr-x-frc-local',
    ],
    ['android-firefox', 'en', ONLINE, 'en-us-x-tpc-local'],
    ['android-firefox', 'fr-CA', OFFLINE, 'fr-ca-x-caa-local'],
    // ChromeOS: its own voices before Google's network voices and eSpeak.
    ['chromeos-chrome', 'en', ONLINE, 'Chrome OS US English 5'],
    ['chromeos-chrome', 'de', OFFLINE, 'Chrome OS Deutsch 2'],
  ])('%s, article %j, %o → %j', (platform, lang, context, expected) => {
    expect(chooseVoice(fixture(platform), lang, null, context)?.name).toBe(expected);
  });

  it.each(PLATFORMS)(
    '%s: never a novelty voice while another voice of the language exists',
    (platform) => {
      const voices = fixture(platform);
      const facts = voiceListFacts(voices);
      for (const lang of ['en', 'en-GB', 'fr', 'de', 'es', 'ja']) {
        for (const online of [true, false]) {
          const chosen = chooseVoice(voices, lang, null, { online });
          if (!chosen) continue;
          const others = voicesFor(voices, lang).filter((v) => !voiceTraits(v, facts).novelty);
          if (others.length > 0)
            expect(voiceTraits(chosen, facts).novelty, chosen.name).toBe(false);
          if (!online) expect(voiceTraits(chosen, facts).network, chosen.name).toBe(false);
        }
      }
    },
  );

  it('keeps the listener’s choice while it can speak, and drops a network one offline', () => {
    const voices = fixture('windows-edge');
    const aria = 'Microsoft Aria Online (Natural) - English (United States)';
    expect(chooseVoice(voices, 'en', aria, ONLINE)?.name).toBe(aria);
    expect(chooseVoice(voices, 'en', aria, OFFLINE)?.name).toBe(
      'Microsoft David - English (United States)',
    );
  });

  it('keeps a novelty voice the listener chose', () => {
    const bells = 'com.apple.speech.synthesis.voice.Bells';
    expect(chooseVoice(fixture('ios-safari'), 'en', bells, ONLINE)?.voiceURI).toBe(bells);
  });

  it('ranks every voice of the language, best first', () => {
    const ranked = rankVoices(fixture('macos-safari'), 'en', ONLINE).map((v) => v.name);
    expect(ranked.slice(0, 3)).toEqual(['Ava (Premium)', 'Zoe (Premium)', 'Samantha (Enhanced)']);
    expect(ranked.indexOf('Zarvox')).toBeGreaterThan(ranked.indexOf('Samantha'));
  });
});

describe('voice facts', () => {
  it.each<[string, string, string]>([
    ['en_us', 'en', 'US'],
    ['eng-US-f000', 'en', 'US'],
    ['fra-CA-f00', 'fr', 'CA'],
    ['en-GB-u-sd-gbsct', 'en', 'GB'],
    ['zh-Hant-TW', 'zh', 'TW'],
    ['es-419', 'es', '419'],
    ['en-GB-X-RP', 'en', 'GB'],
    ['ja', 'ja', ''],
    ['', '', ''],
  ])('%j is language %j, region %j', (lang, primary, region) => {
    expect(primaryLanguage(lang)).toBe(primary);
    expect(regionOf(lang)).toBe(region);
  });

  it.each<
    [string, Partial<VoiceInfo>, Partial<ReturnType<typeof voiceTraits>> & { label?: string }]
  >([
    [
      'Ava (Premium)',
      { voiceURI: 'com.apple.voice.premium.en-US.Ava' },
      { quality: VoiceQuality.Premium, novelty: false },
    ],
    [
      'Samantha (Enhanced)',
      { voiceURI: 'com.apple.voice.enhanced.en-US.Samantha' },
      { quality: VoiceQuality.Enhanced },
    ],
    [
      'Samantha',
      { voiceURI: 'com.apple.voice.compact.en-US.Samantha' },
      { quality: VoiceQuality.Compact },
    ],
    ['Cloches', { voiceURI: 'com.apple.speech.synthesis.voice.Bells' }, { novelty: true }],
    ['Zarvox', { voiceURI: 'Zarvox' }, { novelty: true }],
    ['Eddy (English (US))', { voiceURI: 'com.apple.eloquence.en-US.Eddy' }, { novelty: true }],
    [
      'English (America)+whisper espeak-ng',
      {},
      { novelty: true, label: 'English (America)+whisper' },
    ],
    [
      'English (America) espeak-ng',
      {},
      { novelty: false, quality: VoiceQuality.Compact, label: 'English (America)' },
    ],
    [
      'Microsoft Aria Online (Natural) - English (United States)',
      { localService: false },
      { quality: VoiceQuality.Premium, network: true, label: 'Aria (Natural)' },
    ],
    [
      'Microsoft EmmaMultilingual Online (Natural) - English (United States)',
      { localService: false },
      { label: 'Emma (Natural)' },
    ],
    [
      'Microsoft David - English (United States)',
      {},
      { quality: VoiceQuality.Standard, network: false, label: 'David' },
    ],
    [
      'Android Speech Recognition and Synthesis from Google en-us-x-tpc-network',
      {},
      { network: true, quality: VoiceQuality.Enhanced, label: 'Google en-us-x-tpc' },
    ],
    ['Google US English', { localService: false }, { network: true }],
  ])('%s', (name, extra, traits) => {
    const voice: VoiceInfo = {
      name,
      lang: 'en-US',
      voiceURI: name,
      localService: true,
      default: false,
      ...extra,
    };
    const { label, ...facts } = traits;
    expect(voiceTraits(voice)).toMatchObject(facts);
    if (label) expect(voiceLabel(voice)).toBe(label);
  });

  it.each<[string, boolean, boolean]>([
    ['ios-safari', true, false],
    ['linux-chromium-espeak-ng', true, true],
    ['linux-firefox-espeak-ng', false, false],
    ['webkitgtk-flite', false, true],
    ['android-chrome', true, false],
  ])('%s: localService means something %j, default %j', (platform, local, defaults) => {
    expect(voiceListFacts(fixture(platform))).toEqual({
      localMeansSomething: local,
      defaultMeansSomething: defaults,
    });
  });
});
