/**
 * The article page's script: defines `<article-player>`, which upgrades the pre-rendered article in the page,
 * and starts the app (service worker, offline indicator, install and update).
 * Without JavaScript the article stays readable; the player only adds the controls.
 */
import { defineAppPlayer } from './app-player.js';
import { startApp } from './pwa.js';

defineAppPlayer();
startApp();
