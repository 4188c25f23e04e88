/**
 * Vite plugin: HTML partials, so that the pieces every page repeats (the head's common lines, the
 * header, the app's dock, the footer) exist once, in `src/app/partials/`.
 *
 * - `<!--partial:NAME-->`, alone on its line, is replaced by the file `NAME.html` of the partials
 *   directory, each line indented as the comment was.
 * - Parameters: `<!--partial:head title="Offline · Article player"-->` puts its value in place of each
 *   `{{title}}` of the partial, as written (HTML, like an attribute's value). A `{{…}}` without a value,
 *   or a value that the partial does not use, is an error.
 * - A link of a partial that points to the page it is included in (`href="/listen/"` in `/listen/`)
 *   gets `aria-current="page"`: the site's navigation marks the current page by itself.
 *
 * The same in `vite build` and in the dev server. `order: 'pre'`, so that Vite then processes what the
 * partials bring (the style sheet's `<link>`); the article pages, made from `src/app/article.html`, get
 * theirs there. A missing partial fails the build (or the dev request), naming the file looked for and
 * the page. In dev, editing a partial reloads the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

export interface HtmlPartialsOptions {
  /** The directory of the partials, `NAME.html` each. */
  dir: string;
  /** File names in messages are relative to this (the repository). Defaults to the working directory. */
  rootDir?: string;
}

export interface IncludeContext {
  /** The text of partial `name`, or undefined when there is none. */
  read: (name: string) => string | undefined;
  /** The page's public path (`/`, `/listen/`, `/offline.html`): its links in partials are marked current. */
  pagePath: string;
  /** The page, for messages. */
  pageName: string;
  /** Where partial `name` is looked for, for messages. */
  fileOf: (name: string) => string;
}

/** `<!--partial:…-->` alone on its line (after its indentation). */
const INCLUDE = /^([ \t]*)<!--\s*partial:(.*?)\s*-->[ \t]*$/gmu;
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const PARAMETER = /\s+([a-z][a-z0-9-]*)="([^"]*)"/uy;
const PLACEHOLDER = /\{\{([^{}]*)\}\}/gu;

/** `html` with each `<!--partial:…-->` replaced by that partial. Throws on a missing or misused partial. */
export function includePartials(html: string, context: IncludeContext): string {
  const fail = (message: string): never => {
    throw new Error(`${context.pageName}: ${message}`);
  };
  const included = html.replace(INCLUDE, (include: string, indent: string, inside: string) => {
    const { name, values } = parseInclude(inside) ?? fail(`cannot read "${include.trim()}"`);
    if (!NAME.test(name)) fail(`"${name}" is not a partial's name (lowercase words joined by "-")`);
    const file = context.fileOf(name);
    const text = context.read(name) ?? fail(`partial "${name}" not found: there is no ${file}`);
    const unused = new Set(values.keys());
    const filled = text.trimEnd().replace(PLACEHOLDER, (_placeholder, key: string) => {
      unused.delete(key);
      return values.get(key) ?? fail(`${file} needs ${key}="…" in "${include.trim()}"`);
    });
    for (const key of unused) fail(`${file} has no {{${key}}} for ${key}="…"`);
    return markCurrentLink(filled, context.pagePath)
      .split('\n')
      .map((line) => (line === '' ? line : `${indent}${line}`))
      .join('\n');
  });
  const stray = /<!--\s*partial:[^>]*?-->/u.exec(included);
  if (stray !== null) {
    fail(
      `"${stray[0]}" was not included: an include is alone on its line, and a partial cannot include another`,
    );
  }
  return included;
}

/** `head title="x"` → the name and the values, or null when the text is not that. */
function parseInclude(inside: string): { name: string; values: Map<string, string> } | null {
  const name = /^[^\s]*/u.exec(inside)?.[0] ?? '';
  const values = new Map<string, string>();
  PARAMETER.lastIndex = name.length;
  while (PARAMETER.lastIndex < inside.length) {
    const match = PARAMETER.exec(inside);
    if (match === null) return null;
    const [, key = '', value = ''] = match;
    values.set(key, value);
  }
  return { name, values };
}

/** Adds `aria-current="page"` to each `<a href="pagePath">` of `html` that has no `aria-current` yet. */
export function markCurrentLink(html: string, pagePath: string): string {
  return html.replace(/<a\b[^>]*>/gu, (tag) => {
    if (/\saria-current=/u.test(tag)) return tag;
    const href = /\shref="([^"]*)"/u.exec(tag);
    if (href?.[1] !== pagePath) return tag;
    const end = href.index + href[0].length;
    return `${tag.slice(0, end)} aria-current="page"${tag.slice(end)}`;
  });
}

/** A page's public path from Vite's `ctx.path`: `/listen/index.html` → `/listen/`. */
export function pagePathOf(vitePath: string): string {
  const pathname = vitePath.split(/[?#]/u)[0] ?? '/';
  return pathname.replace(/(^|\/)index\.html$/u, '$1') || '/';
}

export default function htmlPartials(options: HtmlPartialsOptions): Plugin {
  const dir = path.resolve(options.dir);
  const rootDir = path.resolve(options.rootDir ?? process.cwd());
  const fileOf = (name: string): string => path.join(dir, `${name}.html`);
  const relative = (file: string): string => path.relative(rootDir, file).split(path.sep).join('/');

  return {
    name: 'article-player:html-partials',

    transformIndexHtml: {
      order: 'pre',
      handler(html, ctx) {
        return includePartials(html, {
          read: (name) => {
            try {
              return readFileSync(fileOf(name), 'utf8');
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
              throw error;
            }
          },
          pagePath: pagePathOf(ctx.path),
          pageName: relative(ctx.filename),
          fileOf: (name) => relative(fileOf(name)),
        });
      },
    },

    configureServer(server) {
      server.watcher.add(dir);
      const reload = (file: string): void => {
        if (path.dirname(path.resolve(file)) === dir)
          server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
    },
  };
}
