/**
 * The player's UI languages. English (`strings.ts`) is the source and the fallback; each other
 * language is a table of the same keys (`strings-fr.ts`), chosen by the page's language.
 */
import { strings as en } from './strings.js';
import { fr } from './strings-fr.js';
import { primaryLanguage } from './voices.js';

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape of a table of UI strings: the English table's keys, with any text. */
export type Strings = { readonly [K in keyof typeof en]: Widen<(typeof en)[K]> };

/** A translation: every key of the English table should be there; a missing one falls back to English. */
export type Translation = { readonly [K in keyof Strings]?: Strings[K] };

const translations: Readonly<Record<string, Translation>> = { fr };

/** The languages the UI speaks (primary subtags). */
export const UI_LANGUAGES: readonly string[] = ['en', ...Object.keys(translations)];

const resolved = new Map<string, Strings>([['en', en]]);

/** The UI strings for a language tag (`fr-CA` → French); English for any language without a table. */
export function stringsFor(lang: string): Strings {
  const primary = primaryLanguage(lang);
  const cached = resolved.get(primary);
  if (cached) return cached;
  const translation = translations[primary];
  const table: Strings = translation
    ? {
        ...en,
        ...translation,
        speechErrors: { ...en.speechErrors, ...translation.speechErrors },
        shortcutNames: { ...en.shortcutNames, ...translation.shortcutNames },
      }
    : en;
  resolved.set(primary, table);
  return table;
}

/** Keys of `translation` that still need translating, for the tests. */
export function missingKeys(translation: Translation): string[] {
  const missing: string[] = [];
  for (const [key, value] of Object.entries(en)) {
    const translated = (translation as Record<string, unknown>)[key];
    if (translated === undefined) missing.push(key);
    else if (typeof value === 'object') {
      for (const inner of Object.keys(value)) {
        if ((translated as Record<string, unknown>)[inner] === undefined)
          missing.push(`${key}.${inner}`);
      }
    }
  }
  return missing;
}

/** A language's name in `displayLang` (`fr` in English → "French"), or the tag itself. */
export function languageName(lang: string, displayLang = 'en'): string {
  try {
    return new Intl.DisplayNames([displayLang, 'en'], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** The message for a speech error code, in the language of `table`. */
export function speechErrorMessage(code: string, table: Strings = en): string {
  return table.speechError(table.speechErrors[code] ?? table.unknownSpeechError);
}
