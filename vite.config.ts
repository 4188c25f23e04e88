/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import articles from './scripts/build/vite-plugin-articles.js';
import embed from './scripts/build/vite-plugin-embed.js';
import htmlPartials from './scripts/build/vite-plugin-html-partials.js';
import inlineCss from './scripts/build/vite-plugin-inline-css.js';
import pwa from './scripts/build/vite-plugin-app-pwa.js';

const repo = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const appRoot = repo('./src/app');

export default defineConfig({
  root: appRoot,
  publicDir: repo('./public'),
  envDir: repo('./'),
  // Each page is a real HTML file; an unknown URL is a 404, not the home page.
  appType: 'mpa',
  base: '/',
  plugins: [
    // `<!--partial:NAME-->` in a page: src/app/partials/NAME.html, before Vite reads the page's assets.
    htmlPartials({ dir: repo('./src/app/partials'), rootDir: repo('./') }),
    // Vitest loads this file too; the unit tests call the pipeline directly, not through the plugin.
    process.env['VITEST']
      ? null
      : articles({
          contentDir: repo('./content'),
          template: repo('./src/app/article.html'),
          home: repo('./src/app/index.html'),
          rootDir: repo('./'),
        }),
    // dist/embed/article-player.js: the embed's player alone, for publishers (a second, library
    // build), and dist/embed/article-player-full.js: the player with the listening extras.
    ...(process.env['VITEST']
      ? []
      : [
          embed({
            entry: repo('./src/element/article-player.ts'),
            outDir: repo('./dist/embed'),
            rootDir: repo('./'),
          }),
          embed({
            entry: repo('./src/element/article-player-full.ts'),
            outDir: repo('./dist/embed'),
            fileName: 'article-player-full.js',
            rootDir: repo('./'),
          }),
          // The controls in French, for the embed on a French page (load it before the player).
          embed({
            entry: repo('./src/element/translation-fr.ts'),
            outDir: repo('./dist/embed'),
            fileName: 'article-player-fr.js',
            rootDir: repo('./'),
          }),
        ]),
    // Each page's style sheet inline: one request fewer before the first paint.
    inlineCss(),
    // The PWA: the /listen/ and offline pages, icons, web app manifest, service worker (src/sw) with precache.
    process.env['VITEST']
      ? null
      : pwa({
          appRoot,
          contentDir: repo('./content'),
          iconSource: repo('./src/app/icons/app-icon.svg'),
          serviceWorker: repo('./src/sw/sw.ts'),
          rootDir: repo('./'),
          pages: {
            listen: repo('./src/app/listen/index.html'),
            offline: repo('./src/app/offline.html'),
          },
        }),
  ],
  build: {
    outDir: repo('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        home: repo('./src/app/index.html'),
        // The article page template: processed like any page, then turned into one page per article.
        article: repo('./src/app/article.html'),
        // /embed/: how to embed the element, with a live example that loads dist/embed/article-player.js.
        embed: repo('./src/app/embed/index.html'),
      },
    },
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
  test: {
    root: repo('./'),
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
