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
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig, type Plugin, type ResolvedConfig, type Rolldown } from 'vite';

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
          // file goes to browsers as it is, so minify it fully. Licence comments stay.
          minify: true,
          comments: { legal: true, annotation: false, jsdoc: false },
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

export function gzipSize(source: string | Uint8Array): number {
  return gzipSync(source, { level: 9 }).length;
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
  const map = chunk.map ? { mappings: chunk.map.mappings, sources: chunk.map.sources } : null;
  return { code: chunk.code, cssTexts, map };
}

export interface PartSize {
  readonly name: string;
  /** Minified bytes of the part in the file. */
  readonly min: number;
  /** gzip size of those bytes alone (the parts' gzip sizes add up to more than the file's). */
  readonly gzip: number;
}

/** The parts of the embed, by where its bytes come from. */
const PARTS: readonly { name: string; test: (source: string) => boolean }[] = [
  {
    name: 'lit',
    test: (source) => /node_modules\/(lit|lit-html|lit-element|@lit)\//u.test(source),
  },
  { name: 'core', test: (source) => source.includes('src/core/') },
  { name: 'speech', test: (source) => source.includes('src/speech/') },
  { name: 'element', test: (source) => source.includes('src/element/') },
];

/**
 * Splits the minified file by the source of each byte (through its source map). The style
 * sheets (`cssTexts`, as the minifying plugin left them) count as `styles`, wherever they are;
 * bytes that map to nothing (the bundler's own glue) as `other`.
 */
export function sizeByPart(
  code: string,
  map: NonNullable<EmbedOutput['map']>,
  /** The file's folder: the map's sources are relative to it. */
  outDir: string,
  cssTexts: Iterable<string> = [],
): PartSize[] {
  const isStyle = new Uint8Array(code.length);
  for (const text of cssTexts) {
    if (text.length < 16) continue;
    for (let at = code.indexOf(text); at >= 0; at = code.indexOf(text, at + text.length)) {
      isStyle.fill(1, at, at + text.length);
    }
  }
  const sourcePaths = map.sources.map((source) =>
    path.resolve(outDir, source).split(path.sep).join('/'),
  );
  const partOf = (sourceIndex: number): string => {
    const source = sourcePaths[sourceIndex] ?? '';
    return PARTS.find((part) => part.test(source))?.name ?? 'other';
  };
  const texts = new Map<string, string[]>();
  const add = (name: string, from: number, to: number) => {
    for (let at = from; at < to;) {
      const style = isStyle[at] === 1;
      let end = at;
      while (end < to && (isStyle[end] === 1) === style) end++;
      const key = style ? 'styles' : name;
      const list = texts.get(key) ?? [];
      list.push(code.slice(at, end));
      texts.set(key, list);
      at = end;
    }
  };
  // Offsets of line starts, to turn (line, column) into an offset.
  const lineStarts = [0];
  for (let at = code.indexOf('\n'); at >= 0; at = code.indexOf('\n', at + 1))
    lineStarts.push(at + 1);
  // A segment runs to the next one, across line ends (a template literal keeps its new lines).
  let previous = { offset: 0, part: 'other' };
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const lineStart = lineStarts[lineIndex] ?? code.length;
    let column = 0;
    for (const segment of lineMappings ? lineMappings.split(',') : []) {
      const fields = decodeVlq(segment);
      column += fields[0] ?? 0;
      const offset = lineStart + column;
      add(previous.part, previous.offset, offset);
      let part = 'other';
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        part = partOf(sourceIndex);
      }
      previous = { offset, part };
    }
  });
  add(previous.part, previous.offset, code.length);
  const order = ['lit', 'core', 'speech', 'element', 'styles', 'other'];
  return order
    .filter((name) => texts.has(name))
    .map((name) => {
      const text = (texts.get(name) ?? []).join('');
      return { name, min: Buffer.byteLength(text), gzip: gzipSize(text) };
    });
}

const VLQ_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VLQ = new Map(Array.from(VLQ_DIGITS, (digit, value) => [digit, value]));

/** One segment of a source map's `mappings`: its fields, still relative. */
function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = VLQ.get(char) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * A coarse source map for `edited`, made from `original` by replacing ranges: each line of the
 * result points to where its first character came from. Enough to tell which module a byte of
 * the bundle comes from (the size report), and for stack traces to the right line.
 */
function lineMap(
  original: string,
  edited: string,
  edits: readonly { start: number; end: number; text: string }[],
  source: string,
): { version: 3; sources: string[]; names: string[]; mappings: string } {
  /** Original offset of an offset in the edited text. */
  const originalOffset = (offset: number): number => {
    let shift = 0;
    for (const edit of edits) {
      const editedStart = edit.start + shift;
      if (offset < editedStart) break;
      if (offset < editedStart + edit.text.length)
        return edit.start + Math.min(offset - editedStart, edit.end - edit.start);
      shift += edit.text.length - (edit.end - edit.start);
    }
    return offset - shift;
  };
  const originalLineStarts = [0];
  for (let at = original.indexOf('\n'); at >= 0; at = original.indexOf('\n', at + 1))
    originalLineStarts.push(at + 1);
  const position = (offset: number) => {
    let low = 0;
    let high = originalLineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((originalLineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - (originalLineStarts[low] ?? 0) };
  };
  const lines: string[] = [];
  let previous = { line: 0, column: 0 };
  let lineStart = 0;
  for (const line of edited.split('\n')) {
    const at = position(originalOffset(lineStart));
    lines.push(encodeVlq([0, 0, at.line - previous.line, at.column - previous.column]));
    previous = at;
    lineStart += line.length + 1;
  }
  return { version: 3, sources: [source], names: [], mappings: lines.join(';') };
}

function encodeVlq(values: readonly number[]): string {
  let out = '';
  for (const value of values) {
    let rest = value < 0 ? (-value << 1) | 1 : value << 1;
    do {
      let digit = rest & 31;
      rest >>>= 5;
      if (rest > 0) digit |= 32;
      out += VLQ_DIGITS[digit] ?? '';
    } while (rest > 0);
  }
  return out;
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
      edits.sort((a, b) => a.start - b.start);
      let result = '';
      let from = 0;
      for (const edit of edits) {
        result += code.slice(from, edit.start) + edit.text;
        from = edit.end;
      }
      result += code.slice(from);
      return { code: result, map: lineMap(code, result, edits, id) };
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
        const parts = sizeByPart(code, map, outDir, cssTexts);
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
