/**
 * Choosing a voice for a language, and describing voices for a picker. Pure, so that it is
 * tested with voice lists recorded from (or built for) real platforms: tests/fixtures/voices.
 *
 * The rules, in order (the README's "Which voice" says why):
 * 1. the listener's own choice, when the device still has it and it can speak now;
 * 2. never a novelty or effect voice (Apple's Bells or Zarvox, Eloquence, espeak-ng's `+variants`)
 *    while any other voice of the language exists; never a network voice while offline;
 * 3. the article's region, else the listener's, else the language's usual one (en → en-US);
 * 4. a local voice before a network one (Chrome's network voices stop after ~15 s of one
 *    utterance, and none works offline);
 * 5. the better quality: premium, natural or neural, then enhanced, then standard, then compact;
 * 6. the engine's `default` flag, only where it marks one voice (Safari marks every voice);
 * 7. the plainest: a language and region before a dialect of it, then the shortest name.
 *
 * Facts behind them come from Readium's web-speech-recommended-voices (CC0), and from the
 * engines measured here.
 */
import { canonicalLanguage } from './language.js';

export interface VoiceInfo {
  readonly name: string;
  readonly lang: string;
  readonly voiceURI: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/**
 * What names a voice: its `voiceURI`, or its name where the engine gives none (WebKitGTK's
 * Flite voices all have an empty `voiceURI`). The `voice` attribute and the remembered choice
 * hold this key.
 */
export function voiceKey(voice: VoiceInfo): string {
  return voice.voiceURI || voice.name;
}

/** The voice named by `key`: by `voiceURI` first, else by name. */
export function findVoice<T extends VoiceInfo>(
  voices: readonly T[],
  key: string | null | undefined,
): T | undefined {
  if (!key) return undefined;
  return (
    voices.find((voice) => voice.voiceURI === key) ?? voices.find((voice) => voice.name === key)
  );
}

/** `en_GB`, `EN-gb` → `en-gb`, compared case-insensitively. */
export function normalizeLang(lang: string): string {
  return lang.trim().replace(/_/g, '-').toLowerCase();
}

/**
 * `f` remembered by its argument. An engine may list thousands of voices (espeak-ng's, here
 * 13,362) in about a hundred languages: what is worked out from a voice's `lang` is worked out
 * once per tag, not once per voice.
 */
function byTag<R>(f: (tag: string) => R): (tag: string) => R {
  const known = new Map<string, R>();
  return (tag) => {
    let result = known.get(tag);
    if (result === undefined) {
      // Tags come from the engine and the pages: few, but bound the memory all the same.
      if (known.size >= 1000) known.clear();
      result = f(tag);
      known.set(tag, result);
    }
    return result;
  };
}

/**
 * The primary language of a tag, in its two-letter form where there is one: `eng-US-f000` → `en`
 * (Firefox on Android gives ISO 639-2 codes; `Intl` knows their aliases).
 */
export const primaryLanguage = byTag((lang: string): string => {
  const primary = normalizeLang(lang).split('-')[0] ?? '';
  if (primary.length !== 3) return primary;
  return (canonicalLanguage(primary) ?? primary).toLowerCase();
});

/** The region of a tag, upper case, or '': `en_us` → `US`, `eng-US-f000` → `US`, `zh-Hant-TW` → `TW`. */
export const regionOf = byTag((lang: string): string => {
  const region = normalizeLang(lang)
    .split('-')
    .slice(1)
    .find((subtag) => /^(?:[a-z]{2}|\d{3})$/.test(subtag));
  return region?.toUpperCase() ?? '';
});

/** How many subtags a tag has: a dialect (`en-GB-SCOTLAND`) has more than its language and region. */
const subtagCount = byTag((lang: string): number => normalizeLang(lang).split('-').length);

const voicesByLanguage = new WeakMap<readonly VoiceInfo[], Map<string, readonly VoiceInfo[]>>();

/**
 * Voices that can speak `lang`: the same primary language. Kept per list and language: the
 * player and its engine both ask for the article's language of the same list.
 */
export function voicesFor<T extends VoiceInfo>(voices: readonly T[], lang: string): readonly T[] {
  const primary = primaryLanguage(lang);
  if (!primary) return [];
  let byLanguage = voicesByLanguage.get(voices);
  if (!byLanguage) {
    byLanguage = new Map();
    voicesByLanguage.set(voices, byLanguage);
  }
  let found = byLanguage.get(primary);
  if (!found) {
    found = Object.freeze(voices.filter((voice) => primaryLanguage(voice.lang) === primary));
    byLanguage.set(primary, found);
  }
  return found as readonly T[];
}

/** The region a language is usually heard in, where a listener names none (Readium's defaults). */
const USUAL_REGION: Readonly<Record<string, string>> = {
  ar: 'SA',
  de: 'DE',
  en: 'US',
  es: 'ES',
  fr: 'FR',
  it: 'IT',
  ja: 'JP',
  ko: 'KR',
  nl: 'NL',
  pt: 'BR',
  ru: 'RU',
  sv: 'SE',
  zh: 'CN',
};

export const VoiceQuality = {
  Compact: 0,
  Standard: 1,
  Enhanced: 2,
  Premium: 3,
} as const;
export type VoiceQuality = (typeof VoiceQuality)[keyof typeof VoiceQuality];

/**
 * Apple's novelty voices and its oldest, very low quality ones, by their English name without
 * spaces or the last part of their voiceURI (on iOS 18 their names are localised: `Cloches`).
 */
const APPLE_NOVELTY = new Set(
  'Albert BadNews Bahh Bells Boing Bubbles Cellos Deranged GoodNews Hysterical Jester Organ Princess Superstar Trinoids Whisper Wobble Zarvox Fred Junior Kathy Ralph'.split(
    ' ',
  ),
);
/** Apple's Eloquence voices: effect-like, and on iOS 17 listed but unable to speak. */
const ELOQUENCE = /^(?:Eddy|Flo|Grandma|Grandpa|Reed|Rocko|Sandy|Shelley)(?: \(|$)/;

/** What the player knows of a voice, from what the engine gives. */
export interface VoiceTraits {
  /** A novelty or effect voice: never chosen automatically, listed last. */
  readonly novelty: boolean;
  /** Needs a network connection (where the engine's `localService` means anything). */
  readonly network: boolean;
  readonly quality: VoiceQuality;
  /** Upper-case region, or ''. */
  readonly region: string;
}

/** How to read the voice list as a whole: some flags are set on every voice, or on none. */
export interface VoiceListFacts {
  /** Some voice is local: only then does `localService: false` mean a network voice. */
  readonly localMeansSomething: boolean;
  /** Exactly one voice is the default: Safari marks every voice, espeak-ng one (Afrikaans). */
  readonly defaultMeansSomething: boolean;
}

const factsOfList = new WeakMap<readonly VoiceInfo[], VoiceListFacts>();

/** Facts of the list as a whole, worked out once per list (each `getVoices` answer is one). */
export function voiceListFacts(voices: readonly VoiceInfo[]): VoiceListFacts {
  let facts = factsOfList.get(voices);
  if (!facts) {
    let defaults = 0;
    let local = false;
    for (const voice of voices) {
      if (voice.default) defaults++;
      if (voice.localService) local = true;
    }
    facts = { localMeansSomething: local, defaultMeansSomething: defaults === 1 };
    factsOfList.set(voices, facts);
  }
  return facts;
}

function isNovelty(voice: VoiceInfo): boolean {
  const uri = voice.voiceURI;
  const apple = /^com\.apple\.speech\.synthesis\.voice\.(\w+)/.exec(uri);
  if (apple) return APPLE_NOVELTY.has(apple[1] ?? '');
  if (uri.startsWith('com.apple.eloquence.') || ELOQUENCE.test(voice.name)) return true;
  if (!uri.startsWith('com.apple.') && APPLE_NOVELTY.has(voice.name.replace(/ /g, ''))) return true;
  // espeak-ng's variants (`English (America)+Andy`, `+whisper`, `+croak`): effects on one voice.
  return voice.name.includes('+');
}

function qualityOf(voice: VoiceInfo): VoiceQuality {
  const { name, voiceURI: uri } = voice;
  if (/\(Premium\)|\(Natural\)|Neural|Multilingual/.test(name) || uri.includes('.premium.')) {
    return VoiceQuality.Premium;
  }
  if (
    /\(Enhanced\)/.test(name) ||
    uri.includes('.enhanced.') ||
    /-x-\w+-(?:local|network)$/.test(name)
  ) {
    return VoiceQuality.Enhanced;
  }
  if (uri.includes('.compact.') || /espeak/i.test(name)) return VoiceQuality.Compact;
  return VoiceQuality.Standard;
}

export function voiceTraits(
  voice: VoiceInfo,
  facts: VoiceListFacts = { localMeansSomething: true, defaultMeansSomething: true },
): VoiceTraits {
  const network =
    /-network$/.test(voice.name) || (facts.localMeansSomething && !voice.localService);
  return {
    novelty: isNovelty(voice),
    network,
    quality: qualityOf(voice),
    region: regionOf(voice.lang),
  };
}

/** Where the choice is made: the listener's locale (for its region) and the network. */
export interface VoiceContext {
  /** The listener's language (`navigator.language`), for the region when the article names none. */
  readonly locale?: string;
  /** False while offline: network voices cannot speak then. */
  readonly online?: boolean;
}

/** The region to prefer for `lang`: its own, else the listener's (same language), else the usual one. */
export function wantedRegions(lang: string, locale: string): string[] {
  const primary = primaryLanguage(lang);
  const regions = [regionOf(lang)];
  if (locale && primaryLanguage(locale) === primary) regions.push(regionOf(locale));
  regions.push(USUAL_REGION[primary] ?? '');
  return regions.filter((region, index) => region && regions.indexOf(region) === index);
}

/**
 * The voices that can speak `lang`, best first, by the rules at the top of this file (the
 * listener's choice aside). Offline, the network voices are left out.
 */
export function rankVoices<T extends VoiceInfo>(
  voices: readonly T[],
  lang: string,
  context: VoiceContext = {},
): T[] {
  const facts = voiceListFacts(voices);
  const regions = wantedRegions(lang, context.locale ?? '');
  const scored = voicesFor(voices, lang).map((voice, index) => {
    const traits = voiceTraits(voice, facts);
    const regionRank = regions.indexOf(traits.region);
    return {
      voice,
      traits,
      index,
      key: [
        traits.novelty ? 0 : 1,
        regionRank < 0 ? 0 : regions.length - regionRank,
        traits.network ? 0 : 1,
        traits.quality,
        facts.defaultMeansSomething && voice.default ? 1 : 0,
        // A dialect (`en-GB-SCOTLAND`, `en-GB-x-rp`) is less plain than its language and region.
        -subtagCount(voice.lang),
      ],
    };
  });
  const usable = scored.filter(({ traits }) => context.online !== false || !traits.network);
  return usable
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const difference = (b.key[i] ?? 0) - (a.key[i] ?? 0);
        if (difference !== 0) return difference;
      }
      return a.voice.name.length - b.voice.name.length || a.index - b.index;
    })
    .map(({ voice }) => voice);
}

/**
 * The best voice for `lang`: the preferred one (a `voiceKey`) when it still exists, fits and
 * can speak now, else the best by `rankVoices`.
 */
export function chooseVoice<T extends VoiceInfo>(
  voices: readonly T[],
  lang: string,
  preferredKey?: string | null,
  context: VoiceContext = {},
): T | undefined {
  const ranked = rankVoices(voices, lang, context);
  return findVoice(ranked, preferredKey) ?? ranked[0];
}
