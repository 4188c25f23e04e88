// `npm run bench`: how fast and small the player is, beside the alternatives, and how its cost
// grows with the article (issue 6). Measurements, not tests: it prints one table, writes the
// figures of the run to tests/bench/RESULTS.md, and exits non-zero only when it cannot run (no
// build, no browser, a section that could not measure at all); a missed target is reported, not
// failed.
//
//   npm run bench                     builds when dist/ is missing or older than the sources
//   npm run bench -- --build          always builds first;  --no-build: never
//   npm run bench -- --only=size,load sections: size, segmentation, speak, highlight, memory, load, lighthouse, reading
//                                     (a partial run keeps the other sections of RESULTS.md as they were)
//   npm run bench -- --save-baseline  also keeps this run's figures in tests/bench/baseline.json:
//                                     later runs show them as the "Before" column (issue 13)
//   BENCH_REPEATS=9 npm run bench     more runs per figure (default 5)
//   BENCH_PORT=4391                   the first of the two fixed ports it serves on (127.0.0.1)
//
// It measures a snapshot of dist/ (.cache/bench/dist: another build cannot change it halfway),
// served by `vite preview` on BENCH_PORT, and a copy of it with generated articles
// (scripts/generate-articles.mjs) served on BENCH_PORT + 1 by a small static server of its own;
// starts the audio sink for real speech (scripts/audio-sink.mjs); and stops all of it at the end,
// or on Ctrl-C. The Node figures (size, segmentation) need no browser.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startAudioSink } from '../audio-sink.mjs';
import { startSpeechServer } from '../speech-server.mjs';
import { ensureSystemDeps } from '../system-deps.mjs';
import { browserVersion, highlightSection, memorySection, speakSection } from './browser.mjs';
import {
  CACHE,
  DIST,
  machine,
  mark,
  REPEATS,
  ROOT,
  row,
  startPreview,
  startStaticServer,
} from './lib.mjs';
import { lighthouseSection } from './lighthouse.mjs';
import { loadSection } from './load.mjs';
import { readingSection } from './reading.mjs';
import { segmentationSection } from './segmentation.mjs';
import { buildSite, distComplete, newestMtime, snapshotDist } from './site.mjs';
import { sizeSection } from './size.mjs';

const RESULTS = path.join(ROOT, 'tests/bench/RESULTS.md');
const BASELINE = path.join(ROOT, 'tests/bench/baseline.json');
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const SECTIONS = [
  'size',
  'segmentation',
  'speak',
  'highlight',
  'memory',
  'load',
  'lighthouse',
  'reading',
];
const TITLES = {
  size: '1. Size (min+gzip)',
  segmentation: '4. Segmentation (Node)',
  speak: '2. Time to speak (real speech)',
  highlight: '3. Highlight cost',
  memory: '6. Memory',
  load: '5. Load',
  lighthouse: '7. Lighthouse 12.2.3',
  reading: '8. Reading real-world markup (corpus)',
};

const args = process.argv.slice(2);
const only =
  args
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? SECTIONS;
for (const name of only) {
  if (!SECTIONS.includes(name)) {
    console.error(`Unknown section "${name}"; sections: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}

const started = Date.now();
const log = (message) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

// ---------------------------------------------------------------------------------------------
// Clean-up of whatever was started, also on Ctrl-C.

const cleanups = [];
let cleanedUp = false;
function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const cleanup of cleanups.reverse()) {
    try {
      cleanup();
    } catch {
      /* best effort */
    }
  }
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: cleaning up`);
    cleanUp();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// The build

function npmRunBuild() {
  return new Promise((resolve) => {
    const npmCli = process.env.npm_execpath;
    const [command, commandArgs] = npmCli?.endsWith('.js')
      ? [process.execPath, [npmCli, 'run', 'build']]
      : ['npm', ['run', 'build']];
    const child = spawn(command, commandArgs, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

const SOURCES = [
  'src',
  'content',
  'public',
  'vite.config.ts',
  'scripts/content',
  'scripts/pwa',
  'scripts/build/vite-plugin-articles.ts',
  'scripts/build/vite-plugin-embed.ts',
  'scripts/build/vite-plugin-app-pwa.ts',
];

async function ensureBuild() {
  const force = args.includes('--build');
  const never = args.includes('--no-build');
  const builtAt = newestMtime(path.join(DIST, 'index.html'));
  const sourcesAt = Math.max(...SOURCES.map((source) => newestMtime(path.join(ROOT, source))));
  const reason = force
    ? '--build'
    : !distComplete()
      ? 'dist/ is missing or incomplete'
      : sourcesAt > builtAt
        ? 'dist/ is older than the sources'
        : null;
  if (!reason || never)
    return reason && never ? `${reason}, but --no-build: measured as it is` : 'dist/ is up to date';
  log(`npm run build (${reason})`);
  const code = await npmRunBuild();
  if (code === 0) return `built now (${reason})`;
  if (distComplete())
    return `npm run build failed (exit ${String(code)}): measured the dist/ that was there`;
  throw new Error(`npm run build failed (exit ${String(code)}) and there is no complete dist/`);
}

// ---------------------------------------------------------------------------------------------
// Output

/** The figures of the run kept with --save-baseline, by name: what "Before" shows. */
function readBaseline() {
  if (!existsSync(BASELINE)) return null;
  try {
    return JSON.parse(readFileSync(BASELINE, 'utf8'));
  } catch {
    return null;
  }
}

function saveBaseline(sections) {
  const previous = readBaseline()?.figures ?? {};
  const figures = { ...previous };
  for (const section of sections) {
    for (const r of section.rows) if (r.value !== '') figures[r.key] = r.value;
  }
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const baseline = {
    note: 'Figures of an earlier `npm run bench -- --save-baseline`: the "Before" column of tests/bench/RESULTS.md.',
    date: new Date().toISOString(),
    commit: commit.stdout.trim() || null,
    figures,
  };
  writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
}

function table(rows, markdown, before = null) {
  const header = [
    'Figure',
    ...(before ? ['Before'] : []),
    'Median',
    'Spread / detail',
    'Target',
    '',
  ];
  const cells = rows.map((r) => [
    r.figure,
    ...(before ? [(r.key && before[r.key]) ?? ''] : []),
    r.value,
    r.spread,
    r.target,
    mark(r.ok),
  ]);
  if (markdown) {
    const escape = (text) => String(text).replaceAll('|', '\\|');
    return [
      `| ${header.join(' | ')} |`,
      `| --- | ${before ? '---: | ' : ''}---: | --- | --- | :-: |`,
      ...cells.map((c) => `| ${c.map(escape).join(' | ')} |`),
    ].join('\n');
  }
  const widths = header.map((h, i) =>
    Math.min(i === 0 ? 72 : 60, Math.max(h.length, ...cells.map((c) => String(c[i]).length))),
  );
  const line = (c) =>
    c
      .map((cell, i) => String(cell).padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function writeResults({ info, build, sections, failures, before }) {
  const date = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/u, ' UTC');
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (scripts/bench/run.mjs): the figures of the last run, replaced on every run. Medians over repeated runs, with min–max (and the interquartile range where there are 8 samples or more). Targets from issue 6; ✓ met, ✗ missed.',
    '',
    `- Date: ${date}`,
    `- Machine: ${info.nproc} CPUs (\`nproc\`), ${info.memory} memory, ${info.cpuModel}; load average at start ${info.loadAverage}`,
    `- Browser: ${info.browser} (${info.chromium})`,
    `- Node ${info.node}; ${String(REPEATS)} runs per timed figure (BENCH_REPEATS)`,
    `- Build: ${build}`,
    `- Run time: ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the end ${machine().loadAverage}`,
    '',
    'Other programs share this machine (and its one speech queue) while it runs: timings of a single run can be noisy; compare medians, and look at the spread.',
    '',
  ];
  // A partial run (--only) keeps the sections it did not measure as the last run wrote them.
  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const kept = (heading) => {
    const start = previous.indexOf(`${heading}\n`);
    if (start < 0) return null;
    const level = heading.startsWith('### ') ? /\n#{2,3} /u : /\n## /u;
    const next = previous.slice(start + heading.length).search(level);
    return previous.slice(start, next < 0 ? undefined : start + heading.length + next).trimEnd();
  };
  const ran = new Map(sections.map((section) => [section.name, section]));
  for (const name of SECTIONS) {
    const section = ran.get(name);
    if (section) lines.push(`## ${TITLES[name]}`, '', table(section.rows, true, before), '');
    else {
      const old = kept(`## ${TITLES[name]}`);
      if (old) lines.push(old, '');
    }
  }
  if (failures.length > 0)
    lines.push('## Could not measure', '', ...failures.map((f) => `- ${f}`), '');
  lines.push('## Details and method', '');
  const oldDetails = new Set([...previous.matchAll(/^### .+$/gmu)].map((match) => match[0]));
  // Every heading a section wrote this run (one section may write several).
  const newDetails = new Set(
    sections.flatMap((section) =>
      (section.details ?? []).filter((line) => line.startsWith('### ')),
    ),
  );
  for (const heading of oldDetails) {
    if (!newDetails.has(heading)) lines.push(kept(heading), '');
  }
  for (const section of sections) lines.push(...(section.details ?? []));
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${lines.join('\n').trimEnd()}\n`);
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const info = machine();
  mkdirSync(CACHE, { recursive: true });
  // The reading figure brings its own browser (web-test-runner's).
  const needsBrowser = only.some((name) => !['size', 'segmentation', 'reading'].includes(name));

  // Setup: anything failing here means the benchmark cannot run.
  const build = await ensureBuild();
  log(build);
  const snapshot = await snapshotDist();
  let largePrecached = false;
  let dist = null;
  let site = null;
  if (needsBrowser) {
    ensureSystemDeps();
    const sink = startAudioSink({ quiet: true });
    cleanups.push(() => sink.stop());
    const speech = startSpeechServer({ quiet: true });
    cleanups.push(() => speech.stop());
    largePrecached = (await buildSite()).precached;
    dist = await startPreview(PORT, snapshot);
    cleanups.push(() => dist.stop());
    site = await startStaticServer(PORT + 1, path.join(CACHE, 'site'));
    cleanups.push(() => site.stop());
    log(`serving dist/ on ${dist.origin} and the bench site on ${site.origin}`);
    info.browser = await browserVersion();
  } else {
    info.browser = 'not used';
  }

  const runners = {
    size: () => sizeSection(snapshot),
    segmentation: () => segmentationSection(),
    speak: () => speakSection(site),
    highlight: () => highlightSection(site),
    memory: () => memorySection(site),
    load: () => loadSection(dist, site, { largePrecached }),
    lighthouse: () => lighthouseSection(dist),
    reading: () => readingSection(),
  };
  const sections = [];
  const failures = [];
  for (const name of SECTIONS.filter((section) => only.includes(section))) {
    log(`${TITLES[name]}…`);
    try {
      sections.push({ name, ...(await runners[name]()) });
    } catch (error) {
      const message = String(error?.stack ?? error);
      console.error(message);
      failures.push(`${TITLES[name]}: ${message.split('\n')[0]}`);
      sections.push({
        name,
        rows: [row(name, 'could not measure', String(error?.message ?? error).split('\n')[0])],
        details: [],
      });
    }
  }

  for (const section of sections) {
    for (const r of section.rows) r.key = `${section.name}: ${r.figure}`;
  }
  const before = readBaseline()?.figures ?? null;
  const allRows = sections.flatMap((section) => [
    { figure: `── ${TITLES[section.name]}`, value: '', spread: '', target: '', ok: null },
    ...section.rows,
  ]);
  console.log(`\n${table(allRows, false, before)}\n`);
  writeResults({ info, build, sections, failures, before });
  if (args.includes('--save-baseline')) saveBaseline(sections);
  const missed = allRows.filter((r) => r.ok === false).length;
  log(
    `wrote ${path.relative(ROOT, RESULTS)}; ${String(missed)} figure(s) miss their target${failures.length > 0 ? `; ${String(failures.length)} section(s) could not measure` : ''}`,
  );
  return failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    cleanUp();
    process.exitCode = code;
  },
  (error) => {
    console.error(`[bench] cannot run: ${String(error?.stack ?? error)}`);
    cleanUp();
    process.exitCode = 1;
  },
);
