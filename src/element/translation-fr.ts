/**
 * The player's controls in French, on a French page (`<html lang="fr">`). Import it once, before
 * the player renders: the full player does; the embed speaks English unless the page loads this
 * too (`dist/embed/article-player-fr.js`, or `article-player/translations/fr`).
 */
import { addTranslation } from '../core/i18n.js';
import { fr, frListening } from '../core/strings-fr.js';

addTranslation('fr', fr, frListening);
