/**
 * The full player: `<article-player>` with every listening feature registered. Import it for
 * the class alone; `./article-player-full.js` defines the tag with it.
 */
import { dock } from './features/dock.js';
import { mediaSession } from './features/media-session.js';
import { moveBySentence } from './features/move-by-sentence.js';
import { progress } from './features/progress.js';
import { rememberSettings } from './features/remember-settings.js';
import { resume } from './features/resume.js';
import { settingsDialog } from './features/settings-dialog.js';
import { sleepTimer } from './features/sleep-timer.js';
import { tapToWord } from './features/tap-to-word.js';
import { wakeLock } from './features/wake-lock.js';
import { wordEstimate } from './features/word-estimate.js';
import { ArticlePlayer } from './player-element.js';

/**
 * The features of a long listening session, in the order their controls appear in each place.
 */
export const LISTENING_FEATURES = [
  moveBySentence,
  wordEstimate,
  tapToWord,
  dock,
  settingsDialog,
  sleepTimer,
  resume,
  progress,
  rememberSettings,
  mediaSession,
  wakeLock,
] as const;

/**
 * `<article-player>` with everything for a listening session, as the app uses it: buttons for
 * the previous and next sentence, a position slider with the time left, "Continue from
 * paragraph N" after a reload, a settings dialog (voice, sleep timer, scrolling, word
 * highlight, keyboard shortcuts), lock-screen and media-key controls, and the screen kept on
 * while reading. The listener's rate, voice and settings are remembered on the device.
 *
 * It is `ArticlePlayer` with `LISTENING_FEATURES` registered, and nothing else. Publishers get
 * it from `dist/embed/article-player-full.js` (or `article-player/full`) instead of the smaller
 * `article-player.js`; the tag, attributes, methods and events are the same.
 *
 * @summary The article player with the listening extras of the app.
 *
 * @attribute {boolean} no-media-session - No lock-screen or media-key controls. They need a silent audio (a `data:` URL) playing, which a strict Content Security Policy refuses and reports unless it allows `media-src data:`.
 * @property {boolean} noMediaSession - The `no-media-session` attribute.
 *
 * @csspart previous-sentence - The previous-sentence button.
 * @csspart next-sentence - The next-sentence button.
 * @csspart progress - The position slider and the time left.
 * @csspart resume - The "Continue from paragraph N" button.
 * @csspart settings - The settings button.
 * @csspart dialog - The settings dialog.
 * @csspart voice - The voice picker (in the settings dialog).
 * @csspart preview - The voice picker's Preview button: speaks the sentence being read in the picked voice.
 * @csspart voice-name - The voice in use, beside the settings button.
 * @csspart close - The settings dialog's Close button.
 */
export class FullArticlePlayer extends ArticlePlayer {
  static {
    this.use(...LISTENING_FEATURES);
  }
}
