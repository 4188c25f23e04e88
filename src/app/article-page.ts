/**
 * The article page's script: defines `<article-player>`, which upgrades the pre-rendered article in the page,
 * and starts the app (service worker, offline indicator, install and update).
 * Without JavaScript the article stays readable; the player only adds the controls. The page
 * carries the player's shadow root, rendered at build time: the element takes it over (see
 * app-player.ts), so that nothing moves when it starts.
 */
import { browserClock } from '../speech/web-speech-engine.js';
import { defineAppPlayer } from './app-player.js';
import { startApp } from './pwa.js';

/**
 * Resolves once `ready()` is true, or the page is parsed (without `ready`, once it is parsed).
 * The script is `async`: on a long article it runs while the parser is still adding the article.
 */
function whenParsed(ready?: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (document.readyState !== 'loading' || ready?.()) {
      resolve();
      return;
    }
    // Only while there is something to look for: a long article adds many nodes.
    const observer = ready && new MutationObserver(() => ready() && done());
    const done = () => {
      observer?.disconnect();
      document.removeEventListener('DOMContentLoaded', done);
      resolve();
    };
    observer?.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', done);
  });
}

/**
 * Resolves in a task of its own. The module's evaluation, the player's upgrade and first
 * update, and the app's start each take a task: together they made one long task of the page's
 * start (about 50 ms here, four times that on a phone), which keeps a tap waiting. The clock's
 * urgent task: while Chromium parses a long article it runs no timer until the parse is over.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => browserClock.urgentTask(resolve));
}

// The player once the parser is inside it: its pre-rendered shadow root is whole then, and is
// taken over (defined before its tag is parsed, the element would attach a root of its own and
// the page's would be dropped). It reads the article as the parser adds it.
void whenParsed(() => Boolean(document.querySelector('article-player')?.firstChild))
  .then(nextTask)
  .then(defineAppPlayer);
// The rest of the app needs the whole page, and comes after the player.
void whenParsed().then(nextTask).then(startApp);
