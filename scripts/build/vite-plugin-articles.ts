/**
 * Vite plugin: turns `content/*.md` into pre-rendered article pages, their JSON and the catalog, and fills the
 * home page's list. The same output in `vite build` and in the dev server.
 *
 * Build:
 * - `buildStart` loads and validates every article (a fault fails the build, naming the file);
 * - `transformIndexHtml` fills `<!--articles:list-->` in the home page;
 * - `generateBundle` takes the template page that Vite processed (its script and CSS already hashed), emits
 *   `articles/<slug>/index.html` for each article, `articles/<slug>/article.json` and `articles/index.json`,
 *   and deletes the template from the bundle.
 *
 * Each article page carries the player's shadow root, rendered by Lit SSR (`prerender-player.ts`, loaded
 * through Vite's module runner, in Node, with Lit's server build) as declarative shadow DOM: its first paint
 * has the control bar at its final size, and the element takes that root over when it upgrades.
 *
 * Dev: a middleware answers `/articles/index.json`, `/articles/<slug>/article.json` and `/articles/<slug>/`
 * (redirecting `/articles/<slug>`) from the current files; editing a content file or the template reloads
 * the page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import {
  runnerImport,
  type Connect,
  type Plugin,
  type ResolvedConfig,
  type ViteDevServer,
} from 'vite';
import {
  buildCatalog,
  renderArticleJson,
  renderArticlePage,
  renderCatalogJson,
  renderHomePage,
  toArticleModel,
  type ParsedArticle,
} from '../content/articles.js';
import { contentFiles, loadArticles } from '../content/load.js';
import type { prerenderPageStyles, prerenderPlayer } from './prerender-player.js';

type PrerenderPlayer = typeof prerenderPlayer;
interface PrerenderModule {
  prerenderPlayer: PrerenderPlayer;
  prerenderPageStyles: typeof prerenderPageStyles;
}

/** The module that renders the player's shadow root (a file name, for Vite's module runner). */
const PRERENDER_MODULE = fileURLToPath(new URL('./prerender-player.ts', import.meta.url));

export interface ArticlesPluginOptions {
  /** The directory of Markdown articles. */
  contentDir: string;
  /** The article page template, an HTML input of the build (inside Vite's `root`). */
  template: string;
  /** The home page whose `<!--articles:list-->` is filled (inside Vite's `root`). */
  home: string;
  /** File names in messages are relative to this (the repository). Defaults to the content directory's parent. */
  rootDir?: string;
}

/** `/articles/<slug>`, with an optional trailing part. */
const ARTICLE_ROUTE =
  /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)(\/|\/index\.html|\/article\.json)?$/u;

export default function articlesPlugin(options: ArticlesPluginOptions): Plugin {
  const contentDir = path.resolve(options.contentDir);
  const template = path.resolve(options.template);
  const home = path.resolve(options.home);
  const rootDir = path.resolve(options.rootDir ?? path.dirname(contentDir));
  const load = (): ParsedArticle[] => loadArticles(contentDir, rootDir);

  let config: ResolvedConfig;
  /** The articles of the current build; in dev, read afresh on every request. */
  let built: ParsedArticle[] | undefined;
  /** Renders the player's shadow root, in the build (in dev, loaded afresh by the dev server). */
  let prerender: PrerenderPlayer | undefined;
  let pageStyles = '';

  /** The template's file name in the bundle, e.g. `article.html`. */
  const templateFileName = (): string =>
    path.relative(config.root, template).split(path.sep).join('/');

  return {
    name: 'article-player:articles',

    configResolved(resolved) {
      config = resolved;
    },

    async buildStart() {
      if (config.command !== 'build') return;
      for (const file of contentFiles(contentDir)) this.addWatchFile(file);
      built = load();
      // Its own module graph, without this build's plugins: Lit's server build and the element's sources.
      const { module } = await runnerImport<PrerenderModule>(PRERENDER_MODULE, {
        configFile: false,
        root: rootDir,
        logLevel: 'warn',
      });
      prerender = module.prerenderPlayer;
      pageStyles = module.prerenderPageStyles();
    },

    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        if (path.resolve(ctx.filename) !== home) return undefined;
        const articles = ctx.server !== undefined || built === undefined ? load() : built;
        return renderHomePage(html, buildCatalog(articles), path.relative(rootDir, home));
      },
    },

    generateBundle: {
      order: 'post',
      handler(_output, bundle) {
        const name = templateFileName();
        const asset = bundle[name];
        if (asset === undefined || asset.type !== 'asset') {
          this.error(
            `${path.relative(rootDir, template)}: the article template is not in the bundle as "${name}"`,
          );
        }
        const page =
          typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        const articles = built ?? load();
        for (const article of articles) {
          this.emitFile({
            type: 'asset',
            fileName: `articles/${article.slug}/index.html`,
            source: renderArticlePage(
              page,
              article,
              path.relative(rootDir, template),
              prerender?.(toArticleModel(article), article.lang),
              pageStyles,
            ),
          });
          this.emitFile({
            type: 'asset',
            fileName: `articles/${article.slug}/article.json`,
            source: renderArticleJson(article),
          });
        }
        this.emitFile({
          type: 'asset',
          fileName: 'articles/index.json',
          source: renderCatalogJson(buildCatalog(articles)),
        });
        // The template itself is not a page of the site.
        // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- Rollup removes an output file this way
        delete bundle[name];
      },
    },

    configureServer(server) {
      server.watcher.add(contentDir);
      const reload = (file: string): void => {
        const resolved = path.resolve(file);
        const isContent = path.dirname(resolved) === contentDir && resolved.endsWith('.md');
        if (isContent || resolved === template) server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);

      server.middlewares.use((req, res, next) => {
        serveArticles(server, req, res).then(
          (handled) => {
            if (!handled) next();
          },
          (error: unknown) => next(error),
        );
      });
    },

    configurePreviewServer(server) {
      // `vite preview` serves `/articles/<slug>/`; send `/articles/<slug>` there as the dev server does.
      server.middlewares.use((req, res, next) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const match = ARTICLE_ROUTE.exec(url.pathname);
        if (match !== null && match[2] === undefined)
          redirect(res, `${url.pathname}/${url.search}`);
        else next();
      });
    },
  };

  /** Answers the article routes in dev; resolves false for any other URL. */
  async function serveArticles(
    server: ViteDevServer,
    req: Connect.IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/articles/index.json') {
      send(res, 'application/json', renderCatalogJson(buildCatalog(load())));
      return true;
    }
    const match = ARTICLE_ROUTE.exec(url.pathname);
    if (match === null) return false;
    const [, slug, rest] = match;
    const article = load().find((candidate) => candidate.slug === slug);
    if (article === undefined) return false;
    if (rest === undefined) {
      redirect(res, `${url.pathname}/${url.search}`);
    } else if (rest === '/article.json') {
      send(res, 'application/json', renderArticleJson(article));
    } else {
      // Process the template as Vite would an HTML page, then inject the article, as the build does.
      const raw = readFileSync(template, 'utf8');
      const page = await server.transformIndexHtml(url.pathname, raw, req.originalUrl);
      const { prerenderPlayer: prerenderInDev, prerenderPageStyles: pageStylesInDev } =
        (await server.ssrLoadModule(PRERENDER_MODULE)) as PrerenderModule;
      const shadowRoot = prerenderInDev(toArticleModel(article), article.lang);
      send(
        res,
        'text/html',
        renderArticlePage(
          page,
          article,
          path.relative(rootDir, template),
          shadowRoot,
          pageStylesInDev(),
        ),
      );
    }
    return true;
  }
}

function send(res: ServerResponse, type: string, body: string): void {
  res.statusCode = 200;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-cache');
  res.end(body);
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 301;
  res.setHeader('Location', location);
  res.end();
}
