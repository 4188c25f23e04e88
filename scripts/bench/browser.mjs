// The figures measured in Debian's Chromium: time to speak (2), highlight cost (3), load (5) and
// memory (6); load (5) is in load.mjs, the Up next gap (2) in queue.mjs. The browser is launched by the end-to-end tests' own helper (tests/e2e/support,
// compiled for Node by esbuild), with the same flags and real speech through speech-dispatcher.
/* global window, document -- in the functions that Playwright runs in the page */

import path from 'node:path';
import {
  CLICK_TIMES_SCRIPT,
  highlightFrames,
  makeFakePlayer,
  measureHighlights,
  playEnabled,
  readParagraphs,
  scrollSettled,
} from './page.js';
import { bundleForNode, CACHE, ms, ratio, REPEATS, ROOT, row, spread, summarize } from './lib.mjs';
import { queueFigures } from './queue.mjs';
import { SPEAK_SIZES } from './site.mjs';

const FRAME_MS = 16;
const HIGHLIGHT_TARGET_MS = 1;
const HIGHLIGHT_RATIO_TARGET = 1.5;

let supportModule = null;
/** tests/e2e/support (launchBrowser, installSpeechLog, waitForSpeech…), compiled for Node. */
export async function support() {
  if (!supportModule) {
    const url = await bundleForNode(
      path.join(ROOT, 'tests/e2e/support/index.ts'),
      path.join(CACHE, 'support.mjs'),
    );
    supportModule = await import(url);
  }
  return supportModule;
}

export async function browserVersion() {
  const { launchBrowser } = await support();
  const browser = await launchBrowser();
  try {
    return `Chromium ${browser.context.browser()?.version() ?? (await browser.page.evaluate(() => navigator.userAgent))}`;
  } finally {
    await browser.close();
  }
}

const errorText = (error) => String(error?.message ?? error).split('\n')[0];

// ---------------------------------------------------------------------------------------------
// 2. Time to speak

/**
 * Loads a fresh page and clicks Play `clicks` times (stopping in between): each click's times,
 * the first marked (the first Play of a page also chooses the voice).
 */
async function speakPage(context, url, clicks, waitForSpeech, problems) {
  const page = await context.newPage();
  const results = [];
  const stop = () =>
    page.evaluate(() => document.querySelector('article-player')?.stop()).catch(() => undefined);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    await page.waitForFunction(playEnabled, null, { timeout: 30_000, polling: 50 });
    await page.waitForTimeout(300);
    for (let click = 0; click < clicks; click++) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          await page.evaluate(() => {
            if (window.__speechLog) window.__speechLog.length = 0;
            window.__benchClick = {};
          });
          await page.click('article-player button.play');
          const log = await waitForSpeech(page, { type: 'start' }, 8000);
          const times = await page.evaluate(() => window.__benchClick);
          const speak = log.find((entry) => entry.type === 'speak');
          const start = log.find((entry) => entry.type === 'start');
          if (!speak || !start || times?.clickAt === undefined) {
            throw new Error('incomplete speech log');
          }
          results.push({
            first: click === 0,
            toSpeak: speak.time - times.clickAt,
            toStart: start.time - times.clickAt,
            handlers: times.handlersDoneAt - times.clickAt,
            nextFrame: times.nextFrameAt - times.clickAt,
          });
          break;
        } catch (error) {
          problems.push(
            `${url}, click ${String(click + 1)}, attempt ${String(attempt)}: ${errorText(error)}`,
          );
        } finally {
          await stop();
          await page.waitForTimeout(400);
        }
      }
    }
  } finally {
    await stop();
    await page.close().catch(() => undefined);
  }
  return results;
}

export async function speakSection(site) {
  const { launchBrowser, installSpeechLog, waitForSpeech } = await support();
  const browser = await launchBrowser({ failOnPageError: false });
  const samples = new Map(SPEAK_SIZES.map((size) => [size, []]));
  const problems = [];
  const pages = Math.max(1, Math.floor(REPEATS / 2));
  const clicks = Math.max(1, Math.ceil(REPEATS / 2));
  const url = (size) => site.url(`/bench/en-${String(size)}.html`);
  try {
    await installSpeechLog(browser.context);
    await browser.context.addInitScript({ content: CLICK_TIMES_SCRIPT });
    // A warm-up page, not counted: the first utterance of a browser waits for speech-dispatcher
    // to load its voice (seconds), and the first page for the browser's code cache.
    await speakPage(browser.context, url(SPEAK_SIZES[0]), 1, waitForSpeech, []);
    // Sizes interleaved, so that noise from the machine (other speech, other builds) spreads evenly.
    for (let repeat = 0; repeat < pages; repeat++) {
      for (const size of SPEAK_SIZES) {
        samples
          .get(size)
          .push(...(await speakPage(browser.context, url(size), clicks, waitForSpeech, problems)));
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  const rows = [];
  const summaries = {};
  for (const size of SPEAK_SIZES) {
    const list = samples.get(size);
    const toSpeak = summarize(list.map((s) => s.toSpeak));
    const toStart = summarize(list.map((s) => s.toStart));
    summaries[size] = {
      toSpeak,
      toStart,
      nextFrame: summarize(list.map((s) => s.nextFrame)),
      handlers: summarize(list.map((s) => s.handlers)),
      first: summarize(list.filter((s) => s.first).map((s) => s.toSpeak)),
    };
    const label = size.toLocaleString('en');
    rows.push(
      row('Time to speak', `${label} paragraphs: Play click → speak()`, ms(toSpeak.median), {
        spread: spread(toSpeak),
        target: '< 16 ms',
        ok: toSpeak.n > 0 ? toSpeak.median < FRAME_MS : null,
      }),
      row(
        'Time to speak',
        `${label} paragraphs: Play click → engine start (real speech)`,
        ms(toStart.median),
        {
          spread: spread(toStart),
        },
      ),
    );
  }
  const small = summaries[SPEAK_SIZES[0]]?.toSpeak.median;
  const large = summaries[SPEAK_SIZES[SPEAK_SIZES.length - 1]]?.toSpeak.median;
  // Sub-millisecond medians move by a few tenths from run to run here: "flat" allows that.
  const growth = large - small;
  rows.push(
    row(
      'Time to speak',
      'click → speak(), growth from 10 to 10,000 paragraphs',
      Number.isFinite(growth) ? `${growth >= 0 ? '+' : '−'}${ms(Math.abs(growth))}` : 'n/a',
      {
        spread: ratio(large / small),
        target: 'flat (< +1 ms or < 1.5×)',
        ok: Number.isFinite(growth) ? growth < 1 || large / small < 1.5 : null,
      },
    ),
  );
  const details = [
    '### Time to speak: details',
    '',
    `Pages \`/bench/en-N.html\`: the embed and a generated English article of N paragraphs in \`<article-player>\`, served cross-origin isolated (5 µs timers); ${String(pages)} fresh page(s) per size, each with Play clicked (a real mouse click) ${String(clicks)} time(s), stopping in between; sizes interleaved, after one warm-up page. Times from a capturing click listener on window (before the player's handler) to the speech spy's \`speak\` and \`start\` (tests/e2e/support/speech.ts); "handlers" is when the click's handlers are done, "next frame" the first task after the next animation frame.`,
    '',
    '| paragraphs | click → speak() | first click of a page → speak() | click → handlers done | click → next frame | click → start |',
    '| ---: | --- | --- | --- | --- | --- |',
    ...SPEAK_SIZES.map((size) => {
      const s = summaries[size];
      return `| ${size.toLocaleString('en')} | ${ms(s.toSpeak.median)} (${spread(s.toSpeak)}) | ${ms(s.first.median)} (${spread(s.first)}) | ${ms(s.handlers.median)} | ${ms(s.nextFrame.median)} | ${ms(s.toStart.median)} (${spread(s.toStart)}) |`;
    }),
    '',
    ...(problems.length > 0
      ? [
          'Retried clicks (the speech queue is shared with other programs on this machine):',
          '',
          ...problems.map((p) => `- ${p}`),
          '',
        ]
      : []),
  ];
  const failed = SPEAK_SIZES.every((size) => samples.get(size).length === 0);
  if (failed) throw new Error(`no real-speech run succeeded: ${problems.at(-1) ?? 'unknown'}`);
  const queue = await queueFigures(await support(), site);
  rows.push(...queue.rows);
  details.push(...queue.details, '');
  return { rows, details, data: summaries };
}

// ---------------------------------------------------------------------------------------------
// Rendering time from a DevTools trace

/**
 * The main thread's rendering steps (style, layout, pre-paint, paint, layerize, commit), and the
 * intersection computations of the same frame update: `content-visibility: auto` works through an
 * internal IntersectionObserver over every block it applies to, whose cost belongs in the figure.
 */
const RENDERING_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'IntersectionObserverController::computeIntersections',
]);

/** Total length of the union of `[from, to]` intervals (nested events count once). */
function unionLength(intervals) {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

/**
 * Runs `action` under a DevTools trace; returns the main-thread time spent in rendering steps (the
 * union of their intervals, so that nested events count once) in the busiest renderer, and the
 * same for each step (`steps`: event name → ms).
 */
async function renderingTime(cdp, action) {
  const events = [];
  const onData = (event) => events.push(...event.value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink',
    transferMode: 'ReportEvents',
  });
  let result;
  try {
    result = await action();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData);
  }
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${String(e.pid)}:${String(e.tid)}`),
  );
  const busy = new Map();
  for (const e of events) {
    const key = `${String(e.pid)}:${String(e.tid)}`;
    if (mains.has(key) && e.name === 'RunTask' && e.dur)
      busy.set(key, (busy.get(key) ?? 0) + e.dur);
  }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const rendering = events.filter(
    (e) =>
      `${String(e.pid)}:${String(e.tid)}` === main &&
      e.ph === 'X' &&
      e.dur &&
      RENDERING_EVENTS.has(e.name),
  );
  const steps = {};
  for (const name of RENDERING_EVENTS) {
    const intervals = rendering.filter((e) => e.name === name).map((e) => [e.ts, e.ts + e.dur]);
    steps[name] = unionLength(intervals) / 1000;
  }
  const total = unionLength(rendering.map((e) => [e.ts, e.ts + e.dur]));
  return { ms: total / 1000, steps, result };
}

// ---------------------------------------------------------------------------------------------
// 3. Highlight cost

const HIGHLIGHT_SIZES = [10, 10_000];
/**
 * The large article again, its blocks in `<section>`s of this many that the browser lays out only
 * near the view (README, "Long articles in sections", in blank-full.html): a publisher's opt-in,
 * and what the app does with its own long articles.
 */
const SECTION_BLOCKS = 100;
const SECTIONED = 'sectioned';
const SECTIONED_FRAGMENT = `en-${String(HIGHLIGHT_SIZES[1])}-sections-${String(SECTION_BLOCKS)}`;

export async function highlightSection(site) {
  const { launchBrowser } = await support();
  const browser = await launchBrowser({ failOnPageError: false });
  const cases = [
    ...HIGHLIGHT_SIZES.map((size) => ({
      key: size,
      size,
      fragment: `en-${String(size)}`,
      group: 0,
    })),
    {
      key: SECTIONED,
      size: HIGHLIGHT_SIZES[1],
      fragment: SECTIONED_FRAGMENT,
      group: SECTION_BLOCKS,
    },
  ];
  const pooled = new Map(cases.map(({ key }) => [key, {}]));
  // Hundreds of updates per page: one page per size is enough (two from BENCH_REPEATS=8).
  const runs = Math.max(1, Math.floor(REPEATS / 4));
  const notes = [];
  try {
    for (let repeat = 0; repeat < runs; repeat++) {
      for (const { key, size, fragment, group } of cases) {
        const page = await browser.context.newPage();
        try {
          await page.goto(site.url('/bench/blank-full.html'), { waitUntil: 'load' });
          const made = await page.evaluate(makeFakePlayer, {
            fragmentUrl: `/bench/fragments/${fragment}.html`,
            auto: false,
          });
          const result = await page.evaluate(measureHighlights, {
            timerMs: 3000,
            sentences: 30,
            seekTo: size > 100 ? size - 40 : 1,
          });
          const cdp = await browser.context.newCDPSession(page);
          const frames = 60;
          // Settle first: the resumed utterance scrolls its paragraph into view (smoothly), and
          // a scroll under the baseline frames would be subtracted from the highlight's cost.
          await page.evaluate(highlightFrames, { frames: 60, change: false });
          const settled = await page.evaluate(scrollSettled, { frames: 10, timeoutMs: 10_000 });
          const still = await renderingTime(cdp, () =>
            page.evaluate(highlightFrames, { frames, change: false }),
          );
          const moving = await renderingTime(cdp, () =>
            page.evaluate(highlightFrames, { frames, change: true }),
          );
          result.samples.renderPerWord = [(moving.ms - still.ms) / frames];
          result.samples.renderIdle = [still.ms / frames];
          for (const [step, value] of Object.entries(moving.steps))
            result.samples[`step:${step}`] = [(value - still.steps[step]) / frames];
          for (const [kind, values] of Object.entries(result.samples)) {
            const pool = pooled.get(key);
            pool[kind] = [...(pool[kind] ?? []), ...values];
          }
          if (!settled) notes.push(`${String(key)}: the page was still scrolling when measured.`);
          if (repeat === 0)
            notes.push(
              `${size.toLocaleString('en')} paragraphs${group ? ` in sections of ${String(group)}` : ''}: ${String(made.blocks)} blocks, ${String(made.voices)} voices; measured up to block ${String(result.at)}.`,
            );
        } finally {
          await page.close().catch(() => undefined);
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  const kinds = [
    ['boundaryWord', 'word highlight, JS, from a boundary event'],
    ['timerWord', 'word highlight, JS, from the timing estimate (no boundaries, as here)'],
    ['sentenceStart', 'sentence highlight, JS, at an utterance start'],
    ['renderPerWord', 'word highlight, rendering (style, layout, paint) per update'],
    ['total', 'word highlight, main-thread total (JS + rendering)', true],
    ['sentenceChange', 'utterance end → next speak() and update, same paragraph (JS)'],
    ['paragraphChange', 'utterance end → next speak() and update, next paragraph (JS)'],
  ];
  for (const { key } of cases) {
    const pool = pooled.get(key);
    const js = summarize(pool.boundaryWord ?? []).median;
    pool.total = (pool.renderPerWord ?? []).map((render) => js + render);
  }
  const rows = [];
  const data = {};
  for (const [kind, label, targeted = false] of kinds) {
    const [small, large] = HIGHLIGHT_SIZES.map((size) => summarize(pooled.get(size)[kind] ?? []));
    data[kind] = { small, large };
    for (const [size, summary] of [
      [HIGHLIGHT_SIZES[0], small],
      [HIGHLIGHT_SIZES[1], large],
    ]) {
      const perFrame = kind === 'renderPerWord' || kind === 'total';
      rows.push(
        row('Highlight', `${label} (${size.toLocaleString('en')} paragraphs)`, ms(summary.median), {
          spread: perFrame
            ? `mean of 60 frames${summary.n > 1 ? `; pages ${spread(summary)}` : ''}`
            : spread(summary),
          target: targeted ? '< 1 ms' : '',
          ok: targeted && summary.n > 0 ? summary.median < HIGHLIGHT_TARGET_MS : null,
        }),
      );
    }
    const r = large.median / small.median;
    rows.push(
      row('Highlight', `${label}: ratio 10,000 / 10`, ratio(r), {
        target: targeted ? '< 1.5×' : '',
        ok: targeted && Number.isFinite(r) ? r < HIGHLIGHT_RATIO_TARGET : null,
      }),
    );
  }
  // The same article in sections laid out near the view: the app's long articles, and what a
  // publisher's markup can do (the player imposes nothing).
  for (const [kind, label] of kinds.filter(([k]) => k === 'renderPerWord' || k === 'total')) {
    const summary = summarize(pooled.get(SECTIONED)[kind] ?? []);
    const small = data[kind].small;
    rows.push(
      row(
        'Highlight',
        `${label} (10,000 paragraphs in sections of ${String(SECTION_BLOCKS)}, content-visibility: auto)`,
        ms(summary.median),
        { spread: 'mean of 60 frames' },
      ),
      row(
        'Highlight',
        `${label}: ratio sectioned 10,000 / 10`,
        ratio(summary.median / small.median),
      ),
    );
  }
  const idle = HIGHLIGHT_SIZES.map(
    (size) =>
      `${size.toLocaleString('en')} paragraphs ${ms(summarize(pooled.get(size).renderIdle ?? []).median)}`,
  );
  const STEP_NAMES = {
    UpdateLayoutTree: 'style',
    Layout: 'layout',
    PrePaint: 'pre-paint',
    Paint: 'paint',
    Layerize: 'layerize',
    Commit: 'commit',
    'IntersectionObserverController::computeIntersections': 'intersections',
  };
  const stepsOf = (key) =>
    Object.entries(STEP_NAMES)
      .map(
        ([step, name]) => `${name} ${ms(summarize(pooled.get(key)[`step:${step}`] ?? []).median)}`,
      )
      .join(', ');
  const details = [
    '### Highlight cost: details',
    '',
    `A full player made on \`/bench/blank-full.html\` (\`article-player-full.js\` alone, cross-origin isolated for 5 µs timers; the embed highlights words only from boundary events) with a fake engine that answers with the browser's real voices and is driven by the benchmark. JS: first, chunks "play" in real time at rate 3 for 3 s (word highlights from the timing estimate: each timer callback that changed a highlight is timed); then, from a block near the end of the article, 30 utterances get \`start\`, a \`boundary\` for every word, and \`end\` (each handler timed from its call to its return; for \`end\`, to the end of the element's update). Rendering: the main thread's style, layout, pre-paint, paint, layerize and commit time, and its intersection-observer updates (which \`content-visibility: auto\` relies on), in a DevTools trace over 60 animation frames with one word-highlight change before each, minus the same over 60 frames without a change (${idle.join(', ')} per frame); "total" adds the median JS time of a boundary update.`,
    '',
    ...notes.map((note) => `- ${note}`),
    '',
    'Rendering per update, by step (each the union of its trace events, so that the paint of nested layers counts once):',
    '',
    ...cases.map(
      ({ key, size, group }) =>
        `- ${size.toLocaleString('en')} paragraphs${group ? ` in sections of ${String(group)}` : ''}: ${stepsOf(key)}.`,
    ),
    '',
    `Where the time goes (issue 13): a word update makes no style recalculation and no layout; it is paint. Chromium repaints the paint layer that holds the changed text by walking every block box of it, testing each against the cull rect, so the cost grows with the number of blocks side by side, highlights or not (a background change of one paragraph costs the same). Blocks grouped in sections that the browser lays out only near the view (the last case: README, "Long articles in sections"; the app's long articles come so) are skipped a section at a time, and those off screen are not painted at all. The player does not impose containment or change the publisher's markup; \`content-visibility: auto\` on each of 10,000 blocks costs more than it saves (its intersection observer is recomputed over every block at each update).`,
    '',
  ];
  return { rows, details, data };
}

// ---------------------------------------------------------------------------------------------
// 6. Memory

async function collect(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

async function heap(cdp) {
  await collect(cdp);
  const usage = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { used: usage.usedSize, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/** JavaScript values (no compiled code, no browser-native objects), by kind and constructor. */
const JS_TYPES = new Set([
  'object',
  'array',
  'string',
  'closure',
  'regexp',
  'number',
  'concatenated string',
  'sliced string',
  'symbol',
  'bigint',
]);

/** A heap snapshot, summed by `type:name`, and the totals of JS values, code and native objects. */
async function heapSnapshot(cdp) {
  await collect(cdp);
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) =>
    fields.indexOf(field),
  );
  const groups = new Map();
  const totals = { js: 0, code: 0, native: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]];
    const size = snapshot.nodes[i + sizeAt];
    const kind = JS_TYPES.has(type) ? 'js' : type === 'code' ? 'code' : 'native';
    totals[kind] += size;
    const name =
      type === 'string' || type.endsWith(' string')
        ? '(strings)'
        : String(snapshot.strings[snapshot.nodes[i + nameAt]]).slice(0, 50);
    const key = `${type}: ${name}`;
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count++;
    group.size += size;
    groups.set(key, group);
  }
  return { groups, totals };
}

function growth(before, after, paragraphs) {
  const items = [];
  for (const [key, group] of after.groups) {
    const old = before.groups.get(key) ?? { count: 0, size: 0 };
    if (group.size !== old.size)
      items.push({ key, count: group.count - old.count, size: group.size - old.size });
  }
  items.sort((a, b) => b.size - a.size);
  const per = (kind) => (after.totals[kind] - before.totals[kind]) / paragraphs;
  const isJs = (item) => JS_TYPES.has(item.key.split(':')[0]);
  return {
    js: per('js'),
    code: per('code'),
    native: per('native'),
    top: items.slice(0, 8),
    topJs: items.filter(isJs).slice(0, 6),
  };
}

const MiB = (value) => `${(value / 2 ** 20).toFixed(2)} MiB`;
const B = (value) => `${value.toFixed(0)} B`;
/** JS values retained per paragraph read, above which the heap is said to grow with reading. */
const GROWTH_TARGET = 64;
const WARM_UP = 50;
const MEASURED = 100;

export async function memorySection(site) {
  const { launchBrowser } = await support();
  const browser = await launchBrowser({ failOnPageError: false });
  const runs = [];
  const realPage = [];
  try {
    // Heap snapshots of a 10,000-paragraph page are slow: one run (two from BENCH_REPEATS=8).
    for (let repeat = 0; repeat < Math.max(1, Math.floor(REPEATS / 4)); repeat++) {
      const page = await browser.context.newPage();
      try {
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.goto(site.url('/bench/blank.html'), { waitUntil: 'load' });
        const blank = await heap(cdp);
        await page.evaluate(makeFakePlayer, {
          fragmentUrl: '/bench/fragments/en-10000.html',
          auto: true,
        });
        const loaded = await heap(cdp);
        // The playback controller's cache of chunk ranges, by block (an internal, read if present).
        const cached = () =>
          page.evaluate(() => window.__bench.player.playback?.chunks?.size ?? null);
        const cachedAfterLoad = await cached();
        const first = await page.evaluate(readParagraphs, WARM_UP);
        const warm = await heap(cdp);
        const before = await heapSnapshot(cdp);
        const second = await page.evaluate(readParagraphs, MEASURED);
        const after = await heap(cdp);
        const afterSnapshot = await heapSnapshot(cdp);
        runs.push({
          blank,
          loaded,
          warm,
          after,
          first,
          second,
          cache: [cachedAfterLoad, await cached()],
          growth: growth(before, afterSnapshot, MEASURED),
        });
      } finally {
        await page.close().catch(() => undefined);
      }
      // The real page: the embed with the real engine and the article in the markup.
      const real = await browser.context.newPage();
      try {
        const cdp = await browser.context.newCDPSession(real);
        await cdp.send('Performance.enable');
        await real.goto(site.url('/bench/en-10000.html'), { waitUntil: 'load' });
        await real.waitForFunction(playEnabled, null, { timeout: 20_000, polling: 50 });
        realPage.push(await heap(cdp));
      } finally {
        await real.close().catch(() => undefined);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
  }
  const s = (pick) => summarize(runs.map(pick));
  const loaded = s((r) => r.loaded.used);
  const warm = s((r) => r.warm.used);
  const after = s((r) => r.after.used);
  const usedPer = s((r) => (r.after.used - r.warm.used) / MEASURED);
  const jsPer = s((r) => r.growth.js);
  const nativePer = s((r) => r.growth.native);
  const codePer = s((r) => r.growth.code);
  const real = summarize(realPage.map((h) => h.used));
  const rows = [
    row(
      'Memory',
      'JS heap, 10,000-paragraph page (embed, real engine) after load',
      MiB(real.median),
      { spread: spread(real, MiB) },
    ),
    row(
      'Memory',
      'JS heap, 10,000-paragraph article, fast fake engine: after load',
      MiB(loaded.median),
      { spread: spread(loaded, MiB) },
    ),
    row('Memory', `  … after reading ${String(WARM_UP)} paragraphs`, MiB(warm.median), {
      spread: spread(warm, MiB),
    }),
    row('Memory', `  … after reading ${String(MEASURED)} more`, MiB(after.median), {
      spread: spread(after, MiB),
    }),
    row('Memory', 'JS values retained per paragraph read (heap snapshots)', B(jsPer.median), {
      spread: `${B(jsPer.min)}–${B(jsPer.max)}, n=${String(jsPer.n)}`,
      target: `no growth (< ${String(GROWTH_TARGET)} B)`,
      ok: jsPer.n > 0 ? jsPer.median < GROWTH_TARGET : null,
    }),
    row('Memory', '  V8 heap used per paragraph read (with compiled code)', B(usedPer.median), {
      spread: `${B(usedPer.min)}–${B(usedPer.max)}; code ${B(codePer.median)}`,
    }),
    row('Memory', '  browser-native objects per paragraph read (Blink)', B(nativePer.median), {
      spread: `${B(nativePer.min)}–${B(nativePer.max)}`,
    }),
  ];
  const last = runs.at(-1);
  const details = [
    '### Memory: details',
    '',
    `Heaps after two forced garbage collections (DevTools protocol \`HeapProfiler.collectGarbage\`, then \`Runtime.getHeapUsage\`). "Fast fake engine": a player made with an engine that starts and ends each utterance in the next two tasks, so that the element does everything it does for real speech (sentence and word highlights, the paragraph mark, follow-scroll, saving the position, rendering) for hundreds of paragraphs in seconds; it answers with the browser's real voice list. Growth per paragraph is measured over ${String(MEASURED)} paragraphs read after ${String(WARM_UP)} paragraphs of warm-up (compiled code grows at first), from two heap snapshots, split into JavaScript values, compiled code, and browser-native objects.`,
    '',
    last
      ? `Last run: empty page ${MiB(last.blank.used)} (${String(last.blank.nodes)} nodes) → loaded ${MiB(last.loaded.used)} (${String(last.loaded.nodes)} nodes, ${String(last.loaded.listeners)} listeners) → ${String(WARM_UP)} paragraphs ${MiB(last.warm.used)} (${ms(last.first.ms)}) → ${String(WARM_UP + MEASURED)} paragraphs ${MiB(last.after.used)} (${String(last.after.nodes)} nodes, ${String(last.after.listeners)} listeners, ${ms(last.second.ms)}, ${String(last.second.speaks)} utterances in all).`
      : '',
    '',
    ...(last
      ? [
          `What grew most over those ${String(MEASURED)} paragraphs (last run; count and bytes):`,
          '',
          '| type: constructor | count | bytes |',
          '| --- | ---: | ---: |',
          ...last.growth.top.map(
            (item) =>
              `| ${item.key.replaceAll('|', '\\|')} | ${String(item.count)} | ${String(item.size)} |`,
          ),
          '',
          `JavaScript values only:`,
          '',
          '| type: constructor | count | bytes |',
          '| --- | ---: | ---: |',
          ...last.growth.topJs.map(
            (item) =>
              `| ${item.key.replaceAll('|', '\\|')} | ${String(item.count)} | ${String(item.size)} |`,
          ),
          '',
          `The playback controller's cache of chunk ranges held ${String(last.cache[0] ?? 'n/a')} block(s) after load and ${String(last.cache[1] ?? 'n/a')} after ${String(WARM_UP + MEASURED)} paragraphs.`,
          '',
        ]
      : []),
  ];
  return { rows, details, data: { jsPer, usedPer, nativePer, loaded } };
}
