// The sites the browser sections load: a snapshot of dist/ (served as built), and a copy of it
// with the generated articles added:
//   /bench/en-<N>.html              the embed (dist/embed/article-player.js) and an article of N paragraphs
//   /bench/fragments/<name>.html    the article markup alone, for pages that make the element themselves
//                                   (en-10000-sections-100: in sections of 100)
//   /bench/blank.html               the embed alone
//   /bench/blank-full.html          the full player alone (highlight cost)
//   /bench/sections-10000.html      the embed and 10,000 paragraphs in sections (README, "Long articles in
//                                   sections"); sections-early-: started early too; plain-sections-: no player
//   /articles/bench-en-10000/       the article page template with 10,000 paragraphs as the content
//                                   pipeline renders them (in parts), added to the service worker's
//                                   precache (so that its second visit is served by it)

import { readmeCss, readmeHtml } from '../readme-snippet.mjs';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runnerImport } from 'vite';
import { articleHtml, articleMarkdown, generateArticle } from '../generate-articles.mjs';
import { CACHE, DIST, SEED_SLUG, sleep } from './lib.mjs';

export const SNAPSHOT = path.join(CACHE, 'dist');
export const SITE = path.join(CACHE, 'site');
export const LARGE_SLUG = 'bench-en-10000';
export const SPEAK_SIZES = [10, 1000, 10_000];

/** Files without which the build is not complete (another build may be writing dist/ right now). */
const REQUIRED = [
  'index.html',
  'sw.js',
  'embed/article-player.js',
  `articles/${SEED_SLUG}/index.html`,
];

export function distComplete(dir = DIST) {
  return REQUIRED.every((file) => existsSync(path.join(dir, file)));
}

/** Newest modification time of the files under `target` (a file or a folder), 0 when missing. */
export function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/**
 * Copies dist/ to the snapshot, so that another engineer's build (which empties dist/) cannot
 * change what is measured halfway. Retries while dist/ is incomplete or changes under the copy.
 */
export async function snapshotDist() {
  for (let attempt = 1; ; attempt++) {
    try {
      if (!distComplete()) throw new Error('dist/ is incomplete');
      rmSync(SNAPSHOT, { recursive: true, force: true });
      cpSync(DIST, SNAPSHOT, { recursive: true });
      if (!distComplete(SNAPSHOT)) throw new Error('dist/ changed during the copy');
      return SNAPSHOT;
    } catch (error) {
      if (attempt >= 20)
        throw new Error(`Cannot take a complete copy of dist/: ${String(error?.message ?? error)}`);
      await sleep(3000);
    }
  }
}

const page = (title, head, body) =>
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;

const EMBED_SCRIPT = '<script type="module" src="/embed/article-player.js"></script>';
/** README, "Reserve the player's box": what a publisher puts in the page's own style sheet. */
const RESERVE_SNIPPET = `<style>\n${readmeCss("Reserve the player's box")}</style>`;
/** README, "Start the player early": the embed started by a classic script in the head. */
const EARLY_SNIPPET = readmeHtml('Start the player early (long articles)');
/** README, "Long articles in sections": the CSS that lets the browser lay out only sections near the view. */
const SECTIONS_SNIPPET = `<style>\n${readmeCss('Long articles in sections')}</style>`;
/** The size of the embed's long article in sections. */
const SECTIONED_SIZE = 10_000;
const FULL_SCRIPT = '<script type="module" src="/embed/article-player-full.js"></script>';

/** The content pipeline (TypeScript), loaded through Vite's module runner as the build loads its own. */
async function contentPipeline() {
  const { module } = await runnerImport(
    fileURLToPath(new URL('../content/articles.ts', import.meta.url)),
    { configFile: false, root: fileURLToPath(new URL('../..', import.meta.url)), logLevel: 'warn' },
  );
  return module;
}

/** Builds the bench site from the snapshot; returns what it could set up. */
export async function buildSite() {
  const content = await contentPipeline();
  rmSync(SITE, { recursive: true, force: true });
  cpSync(SNAPSHOT, SITE, { recursive: true });
  const benchDir = path.join(SITE, 'bench');
  mkdirSync(path.join(benchDir, 'fragments'), { recursive: true });
  writeFileSync(
    path.join(benchDir, 'blank.html'),
    page('bench: the embed alone', EMBED_SCRIPT, '<main></main>'),
  );
  // The full player: its word highlight also runs on the timing estimate (the embed's does not).
  writeFileSync(
    path.join(benchDir, 'blank-full.html'),
    page('bench: the full player alone', `${FULL_SCRIPT}\n${SECTIONS_SNIPPET}`, '<main></main>'),
  );
  for (const count of SPEAK_SIZES) {
    const markup = articleHtml(generateArticle('en', count));
    writeFileSync(path.join(benchDir, 'fragments', `en-${String(count)}.html`), markup);
    // The floor: the same page without the player.
    writeFileSync(
      path.join(benchDir, `plain-${String(count)}.html`),
      page(`bench: ${String(count)} paragraphs, no player`, '', markup),
    );
    writeFileSync(
      path.join(benchDir, `en-${String(count)}.html`),
      page(
        `bench: ${String(count)} paragraphs`,
        EMBED_SCRIPT,
        `<article-player>\n${markup}\n</article-player>`,
      ),
    );
    // Started early, as the README shows for long articles (the box reserved as well).
    writeFileSync(
      path.join(benchDir, `early-${String(count)}.html`),
      page(
        `bench: ${String(count)} paragraphs, the player started early`,
        `${EARLY_SNIPPET}${RESERVE_SNIPPET}`,
        `<article-player>\n${markup}\n</article-player>`,
      ),
    );
    // The same with the README's snippet that reserves the player's box before the script comes.
    writeFileSync(
      path.join(benchDir, `reserved-${String(count)}.html`),
      page(
        `bench: ${String(count)} paragraphs, the player's box reserved`,
        `${EMBED_SCRIPT}\n${RESERVE_SNIPPET}`,
        `<article-player>\n${markup}\n</article-player>`,
      ),
    );
  }

  // The long article in sections that the browser lays out near the view (README, "Long articles
  // in sections"), with the box reserved; alone, and with the player started early as well.
  const sectioned = articleHtml(generateArticle('en', SECTIONED_SIZE), { sections: 100 });
  // The highlight figure's sectioned case makes its player from this.
  writeFileSync(
    path.join(benchDir, 'fragments', `en-${String(SECTIONED_SIZE)}-sections-100.html`),
    sectioned,
  );
  const inSections = (title, head) =>
    page(title, head, `<article-player>\n${sectioned}\n</article-player>`);
  writeFileSync(
    path.join(benchDir, `sections-${String(SECTIONED_SIZE)}.html`),
    inSections(
      `bench: ${String(SECTIONED_SIZE)} paragraphs in sections`,
      `${EMBED_SCRIPT}\n${RESERVE_SNIPPET}${SECTIONS_SNIPPET}`,
    ),
  );
  writeFileSync(
    path.join(benchDir, `sections-early-${String(SECTIONED_SIZE)}.html`),
    inSections(
      `bench: ${String(SECTIONED_SIZE)} paragraphs in sections, the player started early`,
      `${EARLY_SNIPPET}${RESERVE_SNIPPET}${SECTIONS_SNIPPET}`,
    ),
  );
  writeFileSync(
    path.join(benchDir, `plain-sections-${String(SECTIONED_SIZE)}.html`),
    page(
      `bench: ${String(SECTIONED_SIZE)} paragraphs in sections, no player`,
      SECTIONS_SNIPPET,
      sectioned,
    ),
  );

  // The 10,000-paragraph article in the article page template, precached like the seed article.
  const template = readFileSync(path.join(SITE, 'articles', SEED_SLUG, 'index.html'), 'utf8');
  const article = generateArticle('en', 10_000);
  const start = template.indexOf('<article-player');
  const end = template.indexOf('</article-player>');
  let precached = false;
  if (start >= 0 && end > start) {
    // The player's pre-rendered shadow root (declarative shadow DOM) stays, as the build made it.
    const opened = template.indexOf('>', start) + 1;
    const shadow = template.slice(opened).trimStart().startsWith('<template shadowroot')
      ? template.slice(opened, template.indexOf('</template>', opened) + '</template>'.length)
      : '';
    // The article as the app's content pipeline renders a content file (long ones in parts).
    const parsed = content.parseArticle(`content/${LARGE_SLUG}.md`, articleMarkdown(article));
    if (parsed.body.length !== article.blocks.length - 1)
      throw new Error(`the generated article came out with ${String(parsed.body.length)} blocks`);
    const html =
      template
        .slice(0, start)
        .replace(/<title>[^<]*<\/title>/u, `<title>${parsed.title} · Article player</title>`) +
      content.renderArticleMarkup(parsed, shadow) +
      template.slice(end + '</article-player>'.length);
    const dir = path.join(SITE, 'articles', LARGE_SLUG);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), html);
    const revision = createHash('md5').update(html).digest('hex');
    const swFile = path.join(SITE, 'sw.js');
    const sw = readFileSync(swFile, 'utf8');
    const entry =
      /\{\s*"?revision"?\s*:\s*(?:"[^"]*"|null)\s*,\s*"?url"?\s*:\s*"articles\/index\.json"\s*\}/u.exec(
        sw,
      );
    if (entry) {
      const added = `,{"revision":"${revision}","url":"articles/${LARGE_SLUG}/index.html"}`;
      writeFileSync(
        swFile,
        sw.slice(0, entry.index + entry[0].length) +
          added +
          sw.slice(entry.index + entry[0].length),
      );
      precached = true;
    }
  }
  gzipTextFiles(SITE);
  return { precached };
}

/** The site's text files that a host sends compressed. */
const TEXT_FILE = /\.(?:html|js|mjs|css|json|svg|webmanifest|txt|xml)$/u;

/**
 * A gzipped copy beside each text file, sent in its place to a browser that accepts gzip
 * (scripts/static-server.mjs): as a real host sends the site, so that the load section's slow
 * network carries the bytes a phone's would, not the bare files.
 */
function gzipTextFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !TEXT_FILE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
  }
}
