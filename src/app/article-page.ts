/**
 * The article page's script: defines `<article-player>`, which upgrades the pre-rendered article in the page,
 * and starts the app (service worker, offline indicator, install and update).
 * Without JavaScript the article stays readable; the player only adds the controls. The page
 * carries the player's shadow root, rendered at build time: the element takes it over (see
 * app-player.ts), so that nothing moves when it starts.
 */
import { defineAppPlayer } from './app-player.js';
import { startApp } from './pwa.js';

defineAppPlayer();
startApp();
