/**
 * The player's UI languages. English (`strings.ts`) is the source and the fallback; any other
 * language is a translation, a table of the same keys that a page opts into with
 * `addTranslation` (the French one: `src/element/translation-fr.ts`), so that the embed carries
 * English alone unless the page asks for more.
 */
import { listeningStrings as enListening, strings as en } from './strings.js';
import type { ListeningStrings, ListeningTranslation, Strings, Translation } from './strings.js';
import { canonicalLanguage } from './language.js';
import { primaryLanguage } from './voices.js';

export type { ListeningStrings, ListeningTranslation, Strings, Translation } from './strings.js';

interface Translations {
  readonly strings: Translation;
  readonly listening: ListeningTranslation;
}

/**
 * Translations by primary language. One per page, shared by every copy of this code on it (the
 * embed's file and a translation's own file), hence a global under a registered symbol.
 */
const registry: Map<string, Translations> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('article-player.translations')
] ??= new Map<string, Translations>()) as Map<string, Translations>;

/** Every resolved table (a translation over English), by kind and language. */
const resolved = new Map<string, object>();

/** Teaches the player's UI a language: a missing key falls back to English, key by key. */
export function addTranslation(
  lang: string,
  strings: Translation,
  listening: ListeningTranslation = {},
): void {
  registry.set(primaryLanguage(lang), { strings, listening });
  resolved.clear();
}

/** The languages the UI speaks now (primary subtags): English and those added. */
export function uiLanguages(): string[] {
  return ['en', ...registry.keys()];
}

/**
 * `english` in the language `lang` (`fr-CA` → French), English for any language without a
 * table. A translation's nested tables (error messages, shortcut names) fall back key by key.
 */
function localized<T extends object>(kind: keyof Translations, english: T, lang: string): T {
  const primary = primaryLanguage(lang);
  const key = `${kind}:${primary}`;
  let table = resolved.get(key) as T | undefined;
  if (!table) {
    const translation = registry.get(primary)?.[kind] as Partial<T> | undefined;
    table = { ...english, ...translation };
    for (const [name, value] of Object.entries(english)) {
      const translated = translation?.[name as keyof T];
      if (value && typeof value === 'object' && translated) {
        (table as Record<string, unknown>)[name] = { ...value, ...translated };
      }
    }
    resolved.set(key, table);
  }
  return table;
}

/** The UI strings for a language tag (`fr-CA` → French); English for any language without a table. */
export function stringsFor(lang: string): Strings {
  return localized('strings', en, lang);
}

/** The full player's extra strings for a language tag. */
export function listeningStringsFor(lang: string): ListeningStrings {
  return localized('listening', enListening, lang);
}

/** Keys of `translation` that still need translating (against `english`), for the tests. */
export function missingKeys(translation: object, english: object = en): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(english)) {
    const translated = (translation as Record<string, unknown>)[key];
    if (translated === undefined) missing.push(key);
    else if (typeof value === 'object') {
      for (const inner of Object.keys(value as object)) {
        if ((translated as Record<string, unknown>)[inner] === undefined)
          missing.push(`${key}.${inner}`);
      }
    }
  }
  return missing;
}

/**
 * A language's name in `displayLang` (`fr` in English → "French"), in English when
 * `displayLang` is not a valid tag, or the tag itself when `lang` is not one.
 */
export function languageName(lang: string, displayLang = 'en'): string {
  const tag = canonicalLanguage(lang);
  if (!tag) return lang;
  const display = canonicalLanguage(displayLang) ?? 'en';
  try {
    return new Intl.DisplayNames([display, 'en'], { type: 'language' }).of(tag) ?? lang;
  } catch {
    return lang;
  }
}

/** The message for a speech error code, in the language of `table`. */
export function speechErrorMessage(code: string, table: Strings = en): string {
  return table.speechError(table.speechErrors[code] ?? table.unknownSpeechError);
}
