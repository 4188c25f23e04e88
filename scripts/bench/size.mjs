// Figure 1, size: min+gzip (gzip -9) of the embed and of its parts, of the article page's
// JavaScript and CSS, and, bundled and measured the same way in the same run, of the
// alternatives a publisher would pick for the speech part and of Lit alone (the floor).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { partOfSource, sizeByPart } from '../build/size-by-part.mjs';
import { bundleForBrowser, bytes, gzipSize, kB, readJson, ROOT, row, SEED_SLUG } from './lib.mjs';

const EMBED_ENTRY = path.join(ROOT, 'src/element/article-player.ts');
const FULL_ENTRY = path.join(ROOT, 'src/element/article-player-full.ts');
// Issue 12: the guard rail is 18 KB (the build fails past package.json's size-limit); the aim 16 KB.
const TARGET_EMBED = 18_000;
const AIM_EMBED = 16_000;

/** A template literal made of CSS rules: a style sheet wherever it is written. */
const CSS_TEXT = /`[^`]*[\w\])*-]\s*\{[^{}<`]*:[^{}<`]*\}[^`]*`/u;

/** The bundle's bytes by part (lit, core, speech, element, styles, other), through its source map. */
function splitByPart(code, map) {
  const parts = sizeByPart(code, map, {
    // esbuild maps the shadow style sheet to its module: count the module as styles.
    partOf: (source) =>
      source.endsWith('src/element/player-styles.ts') ? 'styles' : partOfSource(source),
    styles: CSS_TEXT,
  });
  return new Map(parts.map((part) => [part.name, part.text]));
}

/** The article page's JavaScript (following static imports) and CSS, from the built page. */
function articlePageAssets(DIST) {
  const page = path.join(DIST, 'articles', SEED_SLUG, 'index.html');
  const html = readFileSync(page, 'utf8');
  const js = new Set();
  const css = new Set();
  for (const match of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/gu)) js.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/gu))
    js.add(match[1]);
  for (const match of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/gu))
    css.add(match[1]);
  const lazy = new Set();
  // Static imports of each chunk, recursively (a chunk imports its siblings as "./x.js").
  const queue = [...js];
  while (queue.length > 0) {
    const url = queue.shift();
    const file = path.join(DIST, url);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(
      /(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/gu,
    )) {
      const target = path.posix.join(path.posix.dirname(url), match[1]);
      if (!js.has(target)) {
        js.add(target);
        queue.push(target);
      }
    }
    for (const match of code.matchAll(/import\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/gu)) {
      lazy.add(path.posix.join(path.posix.dirname(url), match[1]));
    }
  }
  const measure = (urls) =>
    [...urls]
      .filter((url) => existsSync(path.join(DIST, url)))
      .map((url) => {
        const data = readFileSync(path.join(DIST, url));
        return { url, min: data.length, gzip: gzipSize(data) };
      });
  return {
    js: measure(js),
    css: [
      ...measure(css),
      // Style sheets the build inlined into the page (scripts/build/vite-plugin-inline-css.ts).
      ...[...html.matchAll(/<style>([^]*?)<\/style>/gu)].map((match, index) => ({
        url: `inline <style> ${String(index + 1)}`,
        min: Buffer.byteLength(match[1]),
        gzip: gzipSize(match[1]),
      })),
    ],
    lazy: measure([...lazy].filter((url) => !js.has(url))),
  };
}

const sum = (files, key) => files.reduce((total, file) => total + file[key], 0);

/** @param {string} DIST the built site (a snapshot of dist/) */
export async function sizeSection(DIST) {
  const EMBED_FILE = path.join(DIST, 'embed/article-player.js');
  const rows = [];
  const details = [];

  // The embed as shipped.
  if (!existsSync(EMBED_FILE))
    throw new Error('dist/embed/article-player.js is missing: the build made no embed');
  const shipped = readFileSync(EMBED_FILE);
  const shippedGzip = gzipSize(shipped);
  rows.push(
    row('Size', 'Embed, dist/embed/article-player.js (Lit included)', `${kB(shippedGzip)} gz`, {
      spread: `${kB(shipped.length)} min; exact`,
      target: `≤ ${kB(TARGET_EMBED)} (aim ${kB(AIM_EMBED)})`,
      ok: shippedGzip <= TARGET_EMBED,
    }),
  );

  // The full player (the app's, and for publishers who want the listening extras).
  const FULL_FILE = path.join(DIST, 'embed/article-player-full.js');
  if (existsSync(FULL_FILE)) {
    const full = readFileSync(FULL_FILE);
    rows.push(
      row(
        'Size',
        'Full player, dist/embed/article-player-full.js (Lit included)',
        `${kB(gzipSize(full))} gz`,
        { spread: `${kB(full.length)} min; exact` },
      ),
    );
  }

  // Their parts: the same entries bundled by esbuild (minified), split through the source map.
  const ours = await bundleForBrowser(EMBED_ENTRY, { sourcemap: true, metafile: true });
  const oursGzip = gzipSize(ours.code);
  const partRows = (label, bundle) => {
    const parts = splitByPart(bundle.code, bundle.map);
    for (const name of ['lit', 'core', 'speech', 'element', 'styles', 'other']) {
      const text = parts.get(name);
      if (!text) continue;
      rows.push(
        row('Size', `  ${label}part: ${name}`, `${kB(gzipSize(text))} gz`, {
          spread: `${kB(bytes(text))} min`,
        }),
      );
    }
    return parts;
  };
  const parts = partRows('', ours);
  rows.push(
    row('Size', 'Embed entry bundled by esbuild (same method as below)', `${kB(oursGzip)} gz`, {
      spread: `${kB(bytes(ours.code))} min`,
    }),
  );
  const fullBundle = await bundleForBrowser(FULL_ENTRY, { sourcemap: true, metafile: true });
  partRows('full player ', fullBundle);
  rows.push(
    row('Size', 'Full player entry bundled by esbuild', `${kB(gzipSize(fullBundle.code))} gz`, {
      spread: `${kB(bytes(fullBundle.code))} min`,
    }),
  );

  // The floor and the alternatives, bundled the same way.
  const litFloor = await bundleForBrowser({
    contents: `import { LitElement, html, css } from 'lit';
      class Floor extends LitElement {
        static properties = { count: { type: Number } };
        static styles = css\`:host { display: block }\`;
        constructor() { super(); this.count = 0; }
        render() { return html\`<button @click=\${() => this.count++}>\${this.count}</button>\`; }
      }
      customElements.define('lit-floor', Floor);`,
  });
  const litGzip = gzipSize(litFloor.code);
  rows.push(
    row('Size', 'Lit alone (a minimal LitElement: the floor)', `${kB(litGzip)} gz`, {
      spread: `${kB(bytes(litFloor.code))} min`,
    }),
  );
  const speechAlone = await bundleForBrowser({
    contents: `export { WebSpeechEngine } from './src/speech/web-speech-engine.ts';`,
  });
  rows.push(
    row(
      'Size',
      'Our speech engine alone (WebSpeechEngine)',
      `${kB(gzipSize(speechAlone.code))} gz`,
      {
        spread: `${kB(bytes(speechAlone.code))} min`,
      },
    ),
  );
  for (const [name, contents] of [
    ['easy-speech', `import EasySpeech from 'easy-speech'; window.EasySpeech = EasySpeech;`],
    ['speak-tts', `import Speech from 'speak-tts'; window.Speech = Speech;`],
  ]) {
    const version = readJson(path.join(ROOT, 'node_modules', name, 'package.json')).version;
    try {
      const bundle = await bundleForBrowser({ contents });
      rows.push(
        row('Size', `${name} ${version} (speech only, no UI)`, `${kB(gzipSize(bundle.code))} gz`, {
          spread: `${kB(bytes(bundle.code))} min`,
        }),
      );
    } catch (error) {
      rows.push(row('Size', `${name}`, `n/a: ${String(error?.message ?? error).split('\n')[0]}`));
    }
  }

  // The article page.
  const page = articlePageAssets(DIST);
  rows.push(
    row(
      'Size',
      `Article page JavaScript (${String(page.js.length)} files, static imports)`,
      `${kB(sum(page.js, 'gzip'))} gz`,
      {
        spread: `${kB(sum(page.js, 'min'))} min`,
      },
    ),
    row(
      'Size',
      `Article page CSS (${String(page.css.length)} style sheets, linked or inline)`,
      `${kB(sum(page.css, 'gzip'))} gz`,
      {
        spread: `${kB(sum(page.css, 'min'))} min`,
      },
    ),
  );

  // Details: the heaviest modules of the embed (esbuild's count of minified bytes per input).
  const inputs =
    Object.entries(ours.metafile.outputs).find(([file]) => file.endsWith('.js'))?.[1]?.inputs ?? {};
  const heaviest = Object.entries(inputs)
    .map(([file, info]) => ({ file, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 15);
  details.push(
    '### Size: details',
    '',
    `gzip -9 throughout. Parts come from an esbuild bundle of \`src/element/article-player.ts\` (minified, with a source map): each byte is attributed to the module it comes from; CSS template literals count as \`styles\` wherever they are written. A part's gzip size is measured alone, so the parts add up to more than the whole.`,
    '',
    '| module (esbuild, minified bytes in the bundle) | bytes |',
    '| --- | ---: |',
    ...heaviest.map((item) => `| ${item.file} | ${String(item.bytes)} |`),
    '',
    '| article page file | min | gzip |',
    '| --- | ---: | ---: |',
    ...[...page.js, ...page.css].map(
      (file) => `| ${file.url} | ${String(file.min)} | ${String(file.gzip)} |`,
    ),
    ...page.lazy.map(
      (file) => `| ${file.url} (lazy, not counted) | ${String(file.min)} | ${String(file.gzip)} |`,
    ),
    '',
  );
  const listedFiles = readdirSync(path.join(DIST, 'assets')).length;
  details.push(`(dist/assets holds ${String(listedFiles)} files in all.)`, '');
  return {
    rows,
    details,
    data: {
      embedGzip: shippedGzip,
      litGzip,
      parts: Object.fromEntries([...parts].map(([k, v]) => [k, gzipSize(v)])),
    },
  };
}
