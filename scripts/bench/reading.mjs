// Figure 8, reading (issue 14): how much of each real-world article both paths read — the embed
// (the article's markup in <article-player>, spoken through with a fake engine) and the paste
// (/listen/'s import: size checks, Readability, DOMPurify, the reading model) — over the corpus
// of tests/fixtures/corpus. It runs the component test tests/component/corpus.test.ts (in
// Chromium, by web-test-runner), which writes its figures to .cache/bench/reading.json.

import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CACHE, ROOT, row } from './lib.mjs';

const RESULTS = path.join(CACHE, 'reading.json');
const TARGET = 0.99;
const percent = (value) => `${(value * 100).toFixed(1)} %`;

export function readingSection() {
  rmSync(RESULTS, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/@web/test-runner/dist/bin.js'),
      '--files',
      'tests/component/corpus.test.ts',
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 300_000 },
  );
  let results;
  try {
    results = JSON.parse(readFileSync(RESULTS, 'utf8'));
  } catch {
    throw new Error(
      `the corpus test wrote no figures (exit ${String(run.status)}): ${run.stdout.slice(-400)}`,
    );
  }
  const pages = Object.entries(results.pages);
  const rows = [];
  for (const way of ['embed', 'paste']) {
    const measured = pages
      .map(([name, figures]) => ({ name, ...figures[way] }))
      .filter((f) => f.expected);
    const worst = measured.reduce((a, b) => (b.coverage < a.coverage ? b : a));
    const words = measured.reduce((sum, f) => sum + f.expected, 0);
    const inOrder = measured.reduce((sum, f) => sum + f.inOrder, 0);
    const twice = measured.reduce((sum, f) => sum + f.twice, 0);
    const extra = measured.reduce((sum, f) => sum + f.extra, 0);
    const label = way === 'embed' ? 'Embed' : 'Paste (/listen/)';
    rows.push(
      row('reading', `${label}: article words read in order, worst page`, percent(worst.coverage), {
        spread: `${worst.name}; ${String(measured.length)} of ${String(pages.length)} pages read`,
        target: '≥ 99 % on every page',
        ok: worst.coverage >= TARGET && measured.length === pages.length,
      }),
      row('reading', `${label}: article words read in order, all pages`, percent(inOrder / words), {
        spread: `${String(inOrder)} of ${String(words)} words`,
      }),
      row('reading', `${label}: words read twice`, String(twice), { target: '0', ok: twice === 0 }),
      row('reading', `${label}: words read that are not article text`, String(extra), {
        spread: measured
          .filter((f) => f.extra > 0)
          .map((f) => `${f.name} ${String(f.extra)}`)
          .join(', '),
      }),
    );
  }
  const largest = pages.reduce((a, b) => (b[1].htmlCharacters > a[1].htmlCharacters ? b : a));
  rows.push(
    row(
      'reading',
      'Largest page pasted (HTML characters)',
      largest[1].htmlCharacters.toLocaleString('en'),
      {
        spread: `${largest[0]}; the article text limit is 1,000,000 characters, the HTML's 10,000,000`,
      },
    ),
  );
  return {
    rows,
    details: [
      '### Reading: details',
      '',
      `- Corpus: ${String(pages.length)} pages in tests/fixtures/corpus (generate.mjs: reproductions of news, blog, Wikipedia-like, documentation and other pages in 5 languages, with their expected text). Measured ${results.date}.`,
      '- Words by Intl.Segmenter (word-like segments, lower-cased); "in order" is the longest common subsequence of the expected and the read words (jsdiff); "twice" counts the words of any 3-word run read more often than the article has it; the rest of what was read and is not in that subsequence is "not article text" (chrome inside the article element, such as share buttons, newsletter boxes, comments).',
      "- The embed reads the element a publisher would wrap (the page's <article>, or its main content), with the page's style sheets; the paste reads the whole page's HTML, its title first.",
      '',
    ],
  };
}
