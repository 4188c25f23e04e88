import { describe, expect, it } from 'vitest';
import {
  addTranslation,
  languageName,
  listeningStringsFor,
  missingKeys,
  speechErrorMessage,
  stringsFor,
  uiLanguages,
} from '../../src/core/i18n.js';
import { fr, frListening } from '../../src/core/strings-fr.js';
import { listeningStrings as enListening, strings as en } from '../../src/core/strings.js';

describe('UI strings', () => {
  it('speak English alone until a page adds a translation', async () => {
    expect(uiLanguages()).toEqual(['en']);
    expect(stringsFor('fr').play).toBe('Play');
    await import('../../src/element/translation-fr.js');
    expect(uiLanguages()).toEqual(['en', 'fr']);
    expect(stringsFor('fr').play).toBe('Lire');
  });

  it('the French tables translate every English string', () => {
    expect(missingKeys(fr)).toEqual([]);
    expect(missingKeys(frListening, enListening)).toEqual([]);
  });

  it.each([
    [0, 'Less than a minute left', 'Moins d’une minute restante'],
    [1, '1 min left', '1 min restante'],
    [2, '2 min left', '2 min restantes'],
    [45, '45 min left', '45 min restantes'],
  ])('says the time left, %i min: %s / %s', (minutes, english, french) => {
    expect(enListening.timeLeft(minutes)).toBe(english);
    expect(frListening.timeLeft(minutes)).toBe(french);
  });

  it.each([
    ['en', 'Play'],
    ['en-GB', 'Play'],
    ['fr', 'Lire'],
    ['fr-CA', 'Lire'],
    ['FR_be', 'Lire'],
    ['de', 'Play'],
    ['', 'Play'],
    ['not a tag!', 'Play'],
  ])('%j → %s', (lang, play) => {
    expect(stringsFor(lang).play).toBe(play);
  });

  it('falls back to English for a key a translation lacks, nested tables key by key', () => {
    addTranslation('x-test', { play: 'Spiel', speechErrors: { network: 'kein Netz' } }, {});
    const partial = stringsFor('x-test');
    expect(partial.play).toBe('Spiel');
    expect(partial.pause).toBe(en.pause);
    expect(partial.speechErrors['network']).toBe('kein Netz');
    expect(partial.speechErrors['no-start']).toBe(en.speechErrors['no-start']);
    expect(listeningStringsFor('x-test').settings).toBe(enListening.settings);
    expect(missingKeys({ play: 'Lire' })).toContain('pause');
    expect(stringsFor('fr').speechErrors['no-such-code']).toBeUndefined();
    expect(speechErrorMessage('no-such-code', stringsFor('fr'))).toBe(
      `La lecture à voix haute s’est arrêtée : ${fr.unknownSpeechError}.`,
    );
  });

  it('formats messages with their values, in each language', () => {
    expect(listeningStringsFor('en').paragraphOf(2, 9)).toBe('Paragraph 2 of 9');
    expect(listeningStringsFor('fr').paragraphOf(2, 9)).toBe('Paragraphe 2 sur 9');
    expect(listeningStringsFor('fr-CA').shortcutNames.faster).toBe('Plus vite');
    expect(speechErrorMessage('network', stringsFor('en'))).toBe(
      en.speechError(en.speechErrors.network!),
    );
  });

  it('names languages in the language of the UI', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('de', 'fr')).toBe('allemand');
    expect(languageName('!!', 'en')).toBe('!!');
    // WebKitGTK under LANG=C.UTF-8 reports navigator.language as `C`.
    expect(languageName('fr', 'C')).toBe('French');
    expect(languageName('fr_CA', 'en')).toBe('Canadian French');
  });
});
