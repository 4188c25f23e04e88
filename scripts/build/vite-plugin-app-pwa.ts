/**
 * Vite plugins that make the app a PWA (issue 3): one `pwa({...})` line in vite.config.ts.
 *
 * - Adds the app's other pages as build inputs: `/listen/` (the share target) and `/offline.html`.
 * - Every page gets `<link rel="manifest">`, the Apple touch icon, and its version in `<!--app:version-->`.
 * - Build: renders the icons from one SVG with sharp, emits `manifest.webmanifest` (shortcut to the most
 *   recent article from the catalog), and takes screenshots of the built pages for the install dialog
 *   when Chromium is there (AP_SCREENSHOTS=0 skips them).
 * - vite-plugin-pwa (injectManifest) then compiles `src/sw/sw.ts` and workbox-build injects the precache
 *   manifest: every page, script, style, JSON file, icon and the web manifest of the build.
 * - Dev: serves the manifest and the icons; no service worker in dev.
 *
 * The version shown in the app is AP_BUILD_ID if set, else package.json's version.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, PluginOption, ResolvedConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { strings as appStrings } from '../../src/app/strings.js';
import { buildCatalog, escapeHtml, type Catalog } from '../content/articles.js';
import { loadArticles } from '../content/load.js';
import { renderIcons } from '../pwa/icons.js';
import {
  APPLE_TOUCH_ICON,
  buildManifest,
  MANIFEST_FILE,
  screenshotSpecs,
  type ScreenshotSpec,
} from '../pwa/manifest.js';
import { chromiumPath, takeScreenshots } from '../pwa/screenshots.js';

export interface AppPwaOptions {
  /** Vite's root (the app's directory). */
  appRoot: string;
  /** The Markdown articles (for the shortcut to the most recent one). */
  contentDir: string;
  /** The one SVG source of every icon. */
  iconSource: string;
  /** The service worker's source file (TypeScript). */
  serviceWorker: string;
  /** The repository, for file names in messages and package.json. */
  rootDir: string;
  /** More HTML pages to build, by input name. */
  pages: Record<string, string>;
}

/** Where a page shows the app's version. */
export const VERSION_PLACEHOLDER = '<!--app:version-->';

/** Files of the build that are precached (the screenshots are only for the install dialog). */
export const PRECACHE_GLOBS = ['**/*.{html,js,css,json,svg,png,webmanifest}'];
// embed/: the publishers' build and its demo page (issue 5), not part of the listener's app.
export const PRECACHE_IGNORES = ['screenshots/**', '**/*.map', 'embed/**'];

export function appVersion(rootDir: string): string {
  const fromEnv = process.env['AP_BUILD_ID']?.trim();
  if (fromEnv) return fromEnv;
  const pkg = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return pkg.version ?? '0.0.0';
}

export default function pwa(options: AppPwaOptions): PluginOption[] {
  const version = appVersion(options.rootDir);
  const catalog = (): Catalog => buildCatalog(loadArticles(options.contentDir, options.rootDir));
  let config: ResolvedConfig;
  let built: Catalog | undefined;

  const app: Plugin = {
    name: 'article-player:pwa',

    config() {
      return { build: { rolldownOptions: { input: options.pages } } };
    },

    configResolved(resolved) {
      config = resolved;
    },

    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return {
          html: withOfflineBadges(html.replaceAll(VERSION_PLACEHOLDER, escapeHtml(version))),
          tags: [
            {
              tag: 'link',
              attrs: { rel: 'manifest', href: `/${MANIFEST_FILE}` },
              injectTo: 'head',
            },
            {
              tag: 'link',
              attrs: { rel: 'apple-touch-icon', href: `/${APPLE_TOUCH_ICON}` },
              injectTo: 'head',
            },
          ],
        };
      },
    },

    async generateBundle() {
      built = catalog();
      const svg = await readFile(options.iconSource);
      for (const icon of await renderIcons(svg)) {
        this.emitFile({ type: 'asset', fileName: icon.fileName, source: icon.source });
      }
      // Without screenshots for now: closeBundle adds the ones it could take.
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: manifestJson(built, []) });
    },

    closeBundle: {
      // Before vite-plugin-pwa's closeBundle, which precaches the final manifest.
      // (Vite runs closeBundle hooks one after the other, in order.)
      order: 'pre',
      async handler() {
        if (config.command !== 'build' || built === undefined) return;
        const outDir = path.resolve(config.root, config.build.outDir);
        const browser = chromiumPath();
        if (process.env['AP_SCREENSHOTS'] === '0' || browser === null) {
          config.logger.info(
            `[pwa] no screenshots for the install dialog (${browser === null ? 'no Chromium found' : 'AP_SCREENSHOTS=0'})`,
          );
          return;
        }
        let taken: ScreenshotSpec[] = [];
        try {
          taken = await takeScreenshots(outDir, screenshotSpecs(built), browser);
        } catch (error) {
          config.logger.warn(`[pwa] screenshots failed, the manifest lists none: ${String(error)}`);
        }
        if (taken.length > 0)
          await writeFile(path.join(outDir, MANIFEST_FILE), manifestJson(built, taken));
      },
    },

    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (pathname === `/${MANIFEST_FILE}`) {
          res.setHeader('Content-Type', 'application/manifest+json; charset=utf-8');
          res.end(manifestJson(catalog(), []));
          return;
        }
        if (!pathname.startsWith('/icons/')) {
          next();
          return;
        }
        readFile(options.iconSource)
          .then((svg) => renderIcons(svg))
          .then((icons) => {
            const icon = icons.find((candidate) => `/${candidate.fileName}` === pathname);
            if (icon === undefined) {
              next();
              return;
            }
            res.setHeader('Content-Type', 'image/png');
            res.end(icon.source);
          })
          .catch((error: unknown) => next(error));
      });
    },
  };

  return [
    app,
    VitePWA({
      strategies: 'injectManifest',
      srcDir: path.relative(options.appRoot, path.dirname(options.serviceWorker)),
      filename: path.basename(options.serviceWorker),
      // The manifest is ours (above); the registration is ours (src/app/pwa.ts).
      manifest: false,
      injectRegister: false,
      includeManifestIcons: false,
      injectManifest: {
        globPatterns: PRECACHE_GLOBS,
        globIgnores: PRECACHE_IGNORES,
      },
      devOptions: { enabled: false },
    }),
  ];
}

/**
 * Each article card of the home page gets its "Available offline" badge in advance, invisible: the page's
 * script only makes it visible once the article is in the cache, so the layout never moves.
 */
export function withOfflineBadges(html: string): string {
  return html.replace(
    /(<li class="article-card">[\s\S]*?<p class="meta">[\s\S]*?)(<\/p>)/gu,
    (_match, before: string, end: string) =>
      `${before}<span class="offline-badge" data-offline-badge> · ${escapeHtml(appStrings.availableOffline)}</span>${end}`,
  );
}

function manifestJson(catalog: Catalog, screenshots: readonly ScreenshotSpec[]): string {
  return `${JSON.stringify(buildManifest(catalog, screenshots), null, 2)}\n`;
}
