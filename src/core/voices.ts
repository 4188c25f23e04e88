/**
 * Choosing a voice for a language. Pure, so it can be tested with tables of voice lists;
 * the engine's default voice is often the wrong language (Afrikaans with espeak-ng).
 */

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

export function primaryLanguage(lang: string): string {
  return normalizeLang(lang).split('-')[0] ?? '';
}

/** Voices that can speak `lang`: the same primary language. */
export function voicesFor<T extends VoiceInfo>(voices: readonly T[], lang: string): T[] {
  const primary = primaryLanguage(lang);
  if (!primary) return [];
  return voices.filter((voice) => primaryLanguage(voice.lang) === primary);
}

/**
 * The best voice for `lang`: the preferred one (a `voiceKey`) when it still exists and fits, then an exact
 * region match, then the same language; among equals a default or local voice wins, then the
 * plainest (shortest) name: espeak-ng lists hundreds of variants like `English (America)+Andy`.
 */
export function chooseVoice<T extends VoiceInfo>(
  voices: readonly T[],
  lang: string,
  preferredURI?: string | null,
): T | undefined {
  const candidates = voicesFor(voices, lang);
  const preferred = findVoice(candidates, preferredURI);
  if (preferred) return preferred;
  const wanted = normalizeLang(lang);
  let best: T | undefined;
  let bestScore = -1;
  for (const voice of candidates) {
    const score =
      (normalizeLang(voice.lang) === wanted ? 4 : 0) +
      (voice.default ? 2 : 0) +
      (voice.localService ? 1 : 0);
    // Among equals, the shorter name is the plain voice rather than a variant of it.
    if (
      score > bestScore ||
      (score === bestScore && best && voice.name.length < best.name.length)
    ) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}
