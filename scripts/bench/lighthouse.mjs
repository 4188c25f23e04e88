// Figure 7: Lighthouse 12.2.3 (performance, accessibility, best practices, SEO) of the home page
// and the seed article page, served by `vite preview` of dist/, in Debian's Chromium
// (CHROME_PATH=/usr/bin/chromium, with the flags of the test-environment notes).

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM_ARGS } from '../chromium.mjs';
import { REPEATS, ROOT, row, SEED_PATH, summarize } from './lib.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

function runLighthouse(url, outFile) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/lighthouse/cli/index.js'),
        url,
        '--output=json',
        `--output-path=${outFile}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
        '--quiet',
        '--max-wait-for-load=45000',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(
          new Error(
            `lighthouse exited with ${String(code)}: ${output.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
        return;
      }
      try {
        resolve(JSON.parse(readFileSync(outFile, 'utf8')));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Audits that cost points: weighted, scored below 1. */
function losses(report, category) {
  const refs = report.categories[category]?.auditRefs ?? [];
  return refs
    .filter((ref) => ref.weight > 0)
    .map((ref) => ({ ref, audit: report.audits[ref.id] }))
    .filter(({ audit }) => audit && audit.score !== null && audit.score < 1)
    .map(
      ({ ref, audit }) =>
        `${ref.id} (${audit.displayValue ? `${audit.displayValue}, ` : ''}score ${String(audit.score)}, weight ${String(ref.weight)})`,
    );
}

export async function lighthouseSection(dist) {
  const pages = [
    { name: 'home page', url: dist.url('/') },
    { name: 'seed article page', url: dist.url(SEED_PATH) },
  ];
  // Issue 13: 100 in every run of three, not in the median only.
  const runs = Math.max(3, Math.floor(REPEATS / 2));
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-lh-'));
  const rows = [];
  const details = ['### Lighthouse: details', ''];
  try {
    for (const page of pages) {
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
      const metrics = [];
      const lost = new Map();
      for (let i = 0; i < runs; i++) {
        const report = await runLighthouse(page.url, path.join(dir, `report-${String(i)}.json`));
        if (i === 0)
          details.push(
            `- ${page.name}: Lighthouse ${String(report.lighthouseVersion)}, ${String(report.environment?.hostUserAgent ?? '')}, ${report.configSettings?.formFactor ?? ''} with ${report.configSettings?.throttlingMethod ?? ''} throttling.`,
          );
        for (const category of CATEGORIES) {
          const score = report.categories[category]?.score;
          scores[category].push(typeof score === 'number' ? Math.round(score * 100) : NaN);
          for (const item of losses(report, category))
            lost.set(`${category}: ${item.split(' (')[0]}`, item);
        }
        const audit = (id) => report.audits[id]?.displayValue ?? 'n/a';
        metrics.push(
          `FCP ${audit('first-contentful-paint')}, LCP ${audit('largest-contentful-paint')}, TBT ${audit('total-blocking-time')}, CLS ${audit('cumulative-layout-shift')}, SI ${audit('speed-index')}`,
        );
      }
      for (const category of CATEGORIES) {
        const summary = summarize(scores[category]);
        rows.push(
          row('Lighthouse', `${page.name}: ${category}`, String(Math.round(summary.median)), {
            spread:
              summary.n > 1
                ? `${String(summary.min)}–${String(summary.max)}, n=${String(summary.n)}`
                : 'n=1',
            target: `100 in ${String(runs)}/${String(runs)} runs`,
            ok: summary.n > 0 ? summary.n === runs && summary.min >= 100 : null,
          }),
        );
      }
      details.push(`  - metrics per run: ${metrics.join(' · ')}`);
      details.push(
        `  - audits that cost points (any run): ${lost.size > 0 ? [...lost.entries()].map(([key, item]) => `${key.split(':')[0]}: ${item}`).join('; ') : 'none'}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  details.push('');
  return { rows, details };
}
