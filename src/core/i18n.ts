/**
 * The player's UI languages. English (`strings.ts`) is the source and the fallback; each other
 * language is a table of the same keys (`strings-fr.ts`), chosen by the page's language.
 */
import { listeningStrings as enListening, strings as en } from './strings.js';
import { fr, frListening } from './strings-fr.js';
import { canonicalLanguage } from './language.js';
import { primaryLanguage } from './voices.js';

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape of a table of UI strings: the English table's keys, with any text. */
export type Strings = Widen<typeof en>;
/** The shape of the full player's extra strings. */
export type ListeningStrings = Widen<typeof enListening>;

/** A translation: every key of the English table should be there; a missing one falls back to English. */
export type Translation = { readonly [K in keyof Strings]?: Strings[K] };
export type ListeningTranslation = { readonly [K in keyof ListeningStrings]?: ListeningStrings[K] };

const translations = { fr } as const;
const listeningTranslations: Record<keyof typeof translations, ListeningTranslation> = {
  fr: frListening,
};

/** The languages the UI speaks (primary subtags). */
export const UI_LANGUAGES: readonly string[] = ['en', ...Object.keys(translations)];

/**
 * A lookup of `english` by language tag (`fr-CA` → French), English for any language without a
 * table. A translation's nested tables (error messages, shortcut names) fall back key by key.
 */
function localized<T extends object>(
  english: T,
  translations: Readonly<Record<string, object>>,
): (lang: string) => T {
  const resolved = new Map<string, T>([['en', english]]);
  return (lang) => {
    const primary = primaryLanguage(lang);
    let table = resolved.get(primary);
    if (!table) {
      const translation = translations[primary] as Partial<T> | undefined;
      table = { ...english, ...translation };
      for (const [key, value] of Object.entries(english)) {
        const translated = translation?.[key as keyof T];
        if (value && typeof value === 'object' && translated) {
          (table as Record<string, unknown>)[key] = { ...value, ...translated };
        }
      }
      resolved.set(primary, table);
    }
    return table;
  };
}

/** The UI strings for a language tag (`fr-CA` → French); English for any language without a table. */
export const stringsFor: (lang: string) => Strings = /* @__PURE__ */ localized<Strings>(
  en,
  translations,
);

/** The full player's extra strings for a language tag. */
export const listeningStringsFor: (lang: string) => ListeningStrings =
  /* @__PURE__ */ localized<ListeningStrings>(enListening, listeningTranslations);

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
