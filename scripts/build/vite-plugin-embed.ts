/**
 * Vite plugin: the embeddable `<article-player>`, `dist/embed/article-player.js`.
 *
 * One self-contained, minified ES module (Lit included) that defines the element and makes no
 * other request, for publishers who add a single script tag. It is a second Vite build in library
 * mode, run when the app's build has written its files (`closeBundle`), into the app's output so
 * that the site serves it (`/embed/article-player.js`, used by the `/embed/` page).
 *
 * The build fails when the file's gzip size is over the budget that `size-limit` checks (the
 * `size-limit` entry of package.json for this file), so a too-large element never ships.
 *
 * Dev: `/embed/article-player.js` is answered with the element's source module, transformed by
 * Vite, so that the `/embed/` page works in `npm run dev` too (unminified, with its imports).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import MagicString from 'magic-string';
import { minify } from 'terser';
import { build, type InlineConfig, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';
import { gzipSize, sizeByPart } from './size-by-part.mjs';

export { gzipSize } from './size-by-part.mjs';

export interface EmbedPluginOptions {
  /** The module that defines the element: `src/element/article-player.ts`. */
  entry: string;
  /** Where the file goes: `dist/embed`. */
  outDir: string;
  /** The file's name in `outDir`. */
  fileName?: string;
  /** The repository: package.json (for the size budget) and file names in messages. */
  rootDir: string;
  /**
   * Past the budget, `'error'` fails the build (the default); `'warn'` only says so, loudly, while
   * `npm run size` (size-limit, in `npm run verify`) still fails.
   */
  overBudget?: 'error' | 'warn';
}

export const EMBED_FILE_NAME = 'article-player.js';

/** The notice of the one library bundled in the embed (each of its modules carries it). */
const LICENCE_BANNER =
  '/*! Lit: Copyright 2017-2019 Google LLC, SPDX-License-Identifier: BSD-3-Clause */';

/** The library build of the embed: shared by the plugin's build and its in-memory size report. */
export function embedBuildConfig(
  options: Pick<EmbedPluginOptions, 'entry' | 'outDir' | 'fileName' | 'rootDir'>,
  overrides: { write?: boolean; sourcemap?: boolean | 'hidden'; cssTexts?: Set<string> } = {},
): InlineConfig {
  const fileName = options.fileName ?? EMBED_FILE_NAME;
  return {
    plugins: [minifyTemplates(overrides.cssTexts)],
    configFile: false,
    root: options.rootDir,
    // Nothing from public/ belongs in the embed's folder.
    publicDir: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      target: 'es2022',
      outDir: options.outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: overrides.sourcemap ?? false,
      write: overrides.write ?? true,
      reportCompressedSize: false,
      lib: {
        entry: options.entry,
        formats: ['es'],
        fileName: () => fileName,
      },
      rolldownOptions: {
        // Lit and everything else inside: a publisher's page has no import map.
        external: [],
        output: {
          codeSplitting: false,
          // Vite keeps the white space of an ES library (for the consumer's own minifier); this
          // file goes to browsers as it is, so minify it fully. Lit's four modules each carry the
          // same licence: it is said once, for all of them.
          minify: true,
          comments: { legal: false, annotation: false, jsdoc: false },
          postBanner: (chunk) =>
            chunk.moduleIds.some((id) => /node_modules\/(?:lit|@lit)/u.test(id))
              ? LICENCE_BANNER
              : '',
        },
      },
    },
  };
}

/** The gzip budget (bytes) that package.json's `size-limit` sets for `file`, if any. */
export function sizeBudget(rootDir: string, file: string): number | undefined {
  const pkg = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as {
    'size-limit'?: { path: string | string[]; limit?: string; gzip?: boolean }[];
  };
  const wanted = path.resolve(file);
  for (const check of pkg['size-limit'] ?? []) {
    const paths = Array.isArray(check.path) ? check.path : [check.path];
    if (check.limit && paths.some((p) => path.resolve(rootDir, p) === wanted)) {
      return parseBytes(check.limit);
    }
  }
  return undefined;
}

/** `16 KB` → 16000, `16 KiB` → 16384: the units of size-limit (bytes-iec). */
export function parseBytes(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KB|KiB)?\s*$/u.exec(text);
  if (!match) throw new Error(`Cannot read the size "${text}"`);
  const unit = match[2] ?? 'B';
  const factor = unit === 'B' ? 1 : unit === 'KiB' ? 1024 : 1000;
  return Math.round(Number(match[1]) * factor);
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`;

interface EmbedOutput {
  readonly code: string;
  /** The style sheets' text in `code`. */
  readonly cssTexts: ReadonlySet<string>;
  /** The source map (not written: publishers get the file alone). */
  readonly map: { readonly mappings: string; readonly sources: readonly string[] } | null;
}

/** Builds the embed in memory, with a source map for the size report. */
export async function buildEmbed(
  options: Pick<EmbedPluginOptions, 'entry' | 'outDir' | 'fileName' | 'rootDir'>,
): Promise<EmbedOutput> {
  const cssTexts = new Set<string>();
  const result = await build(
    embedBuildConfig(options, { write: false, sourcemap: 'hidden', cssTexts }),
  );
  const outputs = (Array.isArray(result) ? result : [result]) as {
    output: Rolldown.RolldownOutput['output'];
  }[];
  const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  if (chunks.length !== 1 || !chunks[0]) {
    throw new Error(`The embed must be one file; the build made ${String(chunks.length)} chunks.`);
  }
  const chunk = chunks[0];
  // A second minifier after the bundler's: Terser's three passes take about 0.3 KB gzip more.
  const minified = await minify(chunk.code, {
    ecma: 2020,
    module: true,
    compress: { passes: 3 },
    // The licence banner (see LICENCE_BANNER), no other comment.
    format: { comments: /^!/u },
    sourceMap: chunk.map ? { content: JSON.stringify(chunk.map), asObject: true } : false,
  });
  if (minified.code === undefined) throw new Error('Terser returned no code for the embed.');
  const terserMap = minified.map as { mappings: string; sources: string[] } | undefined;
  const map = terserMap ? { mappings: terserMap.mappings, sources: terserMap.sources } : null;
  return { code: minified.code, cssTexts, map };
}

interface AstNode {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly [key: string]: unknown;
}

/** A plain template literal made of CSS rules (`selector { property: value }`), not markup. */
const CSS_RULE = /[\w\])*-]\s*\{[^{}<]*:[^{}<]*\}/u;

/** CSS: drop comments, fold white space that holds a line break, none around `{ } ; ,`. */
export function minifyCssText(text: string): string {
  return (
    text
      .replace(/\/\*[^]*?\*\//gu, '')
      .replace(/\s*\n\s*/gu, ' ')
      .replace(/\s*([{};,])\s*/gu, '$1')
      // `property: value` (a selector's pseudo-class is never followed by white space).
      .replace(/([\w-]):\s+/gu, '$1:')
      .replace(/;\}/gu, '}')
  );
}

/** Markup: white space that holds a line break becomes one space (never removed: it may be text). */
export function minifyMarkupText(text: string): string {
  return text.replace(/\s*\n\s*/gu, ' ');
}

/**
 * Minifies the static text of Lit's `css`, `html` and `svg` templates, and of plain template
 * literals that hold CSS rules: the JavaScript minifier leaves template text as written, with
 * its indentation. `cssTexts` collects the CSS as it will appear in the output, for the size
 * report.
 */
export function minifyTemplates(cssTexts: Set<string> = new Set()): Plugin {
  return {
    name: 'article-player:minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.[cm]?[jt]s$/u.test(id) || !code.includes('`')) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      const done = new Set<unknown>();
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) {
          for (const child of node) visit(child);
          return;
        }
        if (!node || typeof node !== 'object') return;
        const ast = node as AstNode;
        if (
          (ast.type === 'TaggedTemplateExpression' || ast.type === 'TemplateLiteral') &&
          !done.has(ast)
        ) {
          const tag = ast.type === 'TaggedTemplateExpression' ? (ast['tag'] as AstNode) : null;
          const quasi = (tag ? ast['quasi'] : ast) as AstNode;
          done.add(quasi);
          const quasis = quasi['quasis'] as (AstNode & { value: { raw: string } })[];
          const tagName = tag?.type === 'Identifier' ? (tag['name'] as string) : null;
          const kind =
            tagName === 'css'
              ? 'css'
              : tagName === 'html' || tagName === 'svg'
                ? 'markup'
                : !tag && quasis.some((q) => CSS_RULE.test(q.value.raw))
                  ? 'css'
                  : null;
          if (kind) {
            for (const element of quasis) {
              const raw = code.slice(element.start, element.end);
              if (raw !== element.value.raw) continue;
              const text = kind === 'css' ? minifyCssText(raw) : minifyMarkupText(raw);
              if (kind === 'css') cssTexts.add(text);
              if (text !== raw) edits.push({ start: element.start, end: element.end, text });
            }
          }
        }
        for (const [key, value] of Object.entries(ast)) {
          if (key !== 'type' && value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      if (edits.length === 0) return null;
      const edited = new MagicString(code);
      for (const edit of edits) edited.update(edit.start, edit.end, edit.text);
      return { code: edited.toString(), map: edited.generateMap({ source: id }) };
    },
  };
}

export default function embedPlugin(options: EmbedPluginOptions): Plugin {
  const fileName = options.fileName ?? EMBED_FILE_NAME;
  const entry = path.resolve(options.entry);
  const outDir = path.resolve(options.outDir);
  const rootDir = path.resolve(options.rootDir);
  let config: ResolvedConfig;

  return {
    name: 'article-player:embed',

    configResolved(resolved) {
      config = resolved;
    },

    configureServer(server) {
      const url = `/${path.relative(path.resolve(config.build.outDir), outDir).split(path.sep).join('/')}/${fileName}`;
      server.middlewares.use((req, _res, next) => {
        if (req.url?.split('?')[0] === url) req.url = `/@fs${entry}`;
        next();
      });
    },

    async closeBundle() {
      if (config.command !== 'build' || config.build.watch) return;
      const { code, map, cssTexts } = await buildEmbed({ entry, outDir, fileName, rootDir });
      mkdirSync(outDir, { recursive: true });
      const file = path.join(outDir, fileName);
      writeFileSync(file, code);
      const gzip = gzipSize(code);
      const budget = sizeBudget(rootDir, file);
      const name = path.relative(rootDir, file);
      config.logger.info(
        `${name}  ${kb(Buffer.byteLength(code))} │ gzip: ${kb(gzip)}${budget ? ` (budget ${kb(budget)})` : ''}`,
      );
      if (map) {
        const parts = sizeByPart(code, map, { styles: cssTexts });
        config.logger.info(
          `  parts, min │ gzip alone: ${parts.map((part) => `${part.name} ${kb(part.min)} │ ${kb(part.gzip)}`).join(' · ')}`,
        );
      }
      if (budget !== undefined && gzip > budget) {
        const message = `${name} is ${kb(gzip)} min+gzip, over its budget of ${kb(budget)} (package.json "size-limit") by ${kb(gzip - budget)}.`;
        if ((options.overBudget ?? 'error') === 'error') throw new Error(message);
        config.logger.warn(`\n⚠ ${message}\n`);
      }
    },
  };
}
