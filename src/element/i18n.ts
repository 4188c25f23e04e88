/**
 * The UI strings in the page's language. The player's controls speak the reader's language,
 * which is the page's (`<html lang>`), not the article's: an English page that embeds a French
 * article keeps English controls. Without a page language, the browser's language is used.
 *
 * `strings` is a live view: each read takes the page's language at that moment, so a render
 * after the page's language changes uses the new one.
 */
import {
  languageName as nameOfLanguage,
  listeningStringsFor,
  speechErrorMessage as errorMessage,
  stringsFor,
  type ListeningStrings,
  type Strings,
} from '../core/i18n.js';

/** The page's language: `<html lang>`, else the browser's, else English. */
export function pageLanguage(): string {
  return document.documentElement.lang || navigator.language || 'en';
}

/** A live view of the table that `tableFor` gives for the page's language. */
function inPageLanguage<T extends object>(tableFor: (lang: string) => T): T {
  return new Proxy({} as T, { get: (_target, key) => tableFor(pageLanguage())[key as keyof T] });
}

export const strings: Strings = /* @__PURE__ */ inPageLanguage(stringsFor);

/** The full player's extra strings (only its module reads them: the embed goes without). */
export const listeningStrings: ListeningStrings =
  /* @__PURE__ */ inPageLanguage(listeningStringsFor);

/** A language's name in the page's language (`fr` → "French" on an English page, "français" on a French one). */
export function languageName(lang: string): string {
  return nameOfLanguage(lang, pageLanguage());
}

export function speechErrorMessage(code: string): string {
  return errorMessage(code, stringsFor(pageLanguage()));
}
