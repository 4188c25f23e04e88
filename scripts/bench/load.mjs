// 5. Load (issue 13): how soon Play is enabled after the text is visible, the long tasks until
// then, and whether anything moves when the player appears (CLS) — in the app (the seed article
// and a 10,000-paragraph article, cold and from the service worker) and in the embed (a plain
// page of 10 and 10,000 paragraphs), beside the same plain pages without the player (the floor).
// Then one traced load of each page says where the long tasks' time goes.
/* global window -- in the functions that Playwright runs in the page */

import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, SPEECH_ARG } from '../chromium.mjs';
import { CHROMIUM_PATH } from '../system-deps.mjs';
import { support } from './browser.mjs';
import { ms, REPEATS, row, SEED_PATH, spread, summarize } from './lib.mjs';
import { LOAD_TIMES_SCRIPT } from './page.js';
import { LARGE_SLUG } from './site.mjs';
import { partsText, traceLoad } from './trace.mjs';

const READY_AFTER_FCP_TARGET = 100;
const LONG_TASK_TARGET = 50;
/** How late the scripts arrive in the "slow script" runs: after the text has been painted. */
const SCRIPT_DELAY_MS = 600;
/** The throttled loads' network, megabits per second. */
const NETWORK_MBPS = 10;

const errorText = (error) => String(error?.message ?? error).split('\n')[0];
const cls = (value) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');

function targetsOf(dist, site) {
  return [
    { name: 'app, seed article', url: dist.url(SEED_PATH), player: true, sw: true, runs: 3 },
    {
      name: 'app, 10,000-paragraph article',
      url: site.url(`/articles/${LARGE_SLUG}/`),
      player: true,
      sw: true,
      runs: 2,
    },
    { name: 'embed, 10 paragraphs', url: site.url('/bench/en-10.html'), player: true, runs: 3 },
    {
      name: 'embed, box reserved (README), 10 paragraphs',
      url: site.url('/bench/reserved-10.html'),
      player: true,
      runs: 2,
    },
    {
      name: 'embed, started early (README), 10 paragraphs',
      url: site.url('/bench/early-10.html'),
      player: true,
      runs: 2,
    },
    { name: 'no player, 10 paragraphs', url: site.url('/bench/plain-10.html'), runs: 3 },
    {
      name: 'embed, 10,000 paragraphs',
      url: site.url('/bench/en-10000.html'),
      player: true,
      runs: 2,
    },
    {
      name: 'embed, box reserved (README), 10,000 paragraphs',
      url: site.url('/bench/reserved-10000.html'),
      player: true,
      runs: 2,
    },
    {
      name: 'embed, started early (README), 10,000 paragraphs',
      url: site.url('/bench/early-10000.html'),
      player: true,
      runs: 2,
    },
    { name: 'no player, 10,000 paragraphs', url: site.url('/bench/plain-10000.html'), runs: 2 },
    {
      name: 'embed, in sections (README), 10,000 paragraphs',
      url: site.url('/bench/sections-10000.html'),
      player: true,
      runs: 2,
    },
    {
      name: 'embed, in sections and started early (README), 10,000 paragraphs',
      url: site.url('/bench/sections-early-10000.html'),
      player: true,
      runs: 2,
    },
    {
      name: 'no player, 10,000 paragraphs in sections',
      url: site.url('/bench/plain-sections-10000.html'),
      runs: 2,
    },
    // Over a network that brings the page in over seconds (as a phone's does), not all at once:
    // the parser then waits for data, and the player can start while the article arrives.
    {
      name: `app, 10,000-paragraph article, ${String(NETWORK_MBPS)} Mbit/s`,
      url: site.url(`/articles/${LARGE_SLUG}/`),
      player: true,
      runs: 2,
      network: NETWORK_MBPS,
    },
    {
      name: `no player, 10,000 paragraphs, ${String(NETWORK_MBPS)} Mbit/s`,
      url: site.url('/bench/plain-10000.html'),
      runs: 2,
      network: NETWORK_MBPS,
    },
  ];
}

/** Emulates a network of `mbps` megabits per second (Chromium's devtools protocol). */
async function throttle(page, mbps) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 40,
    downloadThroughput: (mbps * 1e6) / 8,
    uploadThroughput: (mbps * 1e6) / 8,
  });
}

/** Waits until the page is done: Play enabled (a page with the player), else its load. */
async function settled(page, player) {
  if (player) {
    await page.waitForFunction(() => window.__benchLoad?.playShown != null, null, {
      timeout: 30_000,
      polling: 50,
    });
  }
  await page.waitForFunction(() => window.__benchLoad?.fcp != null, null, { timeout: 30_000 });
  // Shifts and long tasks are reported a little after they happen.
  await page.waitForTimeout(300);
}

async function loadOnce(page, target) {
  if (target.network) await throttle(page, target.network);
  const response = await page.goto(target.url, { waitUntil: 'load', timeout: 60_000 });
  await settled(page, target.player);
  const metrics = await page.evaluate(() => ({ ...window.__benchLoad, now: performance.now() }));
  const until = target.player ? metrics.playEnabled : metrics.now;
  const tasks = metrics.longTasks.filter((task) => task.start <= until);
  return {
    ...metrics,
    readyAfterFcp: target.player ? metrics.playEnabled - metrics.fcp : NaN,
    shownAfterFcp: target.player ? metrics.playShown - metrics.fcp : NaN,
    fromServiceWorker: response?.fromServiceWorker() ?? false,
    longTaskCount: tasks.length,
    longTaskMax: tasks.reduce((max, task) => Math.max(max, task.duration), 0),
  };
}

/** A load where every script arrives SCRIPT_DELAY_MS late: the text is painted before the player. */
async function slowScriptLoad(page, target) {
  await page.route(
    (url) => url.pathname.endsWith('.js') && !url.pathname.endsWith('/sw.js'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, SCRIPT_DELAY_MS));
      await route.continue();
    },
  );
  try {
    return await loadOnce(page, target);
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
}

export async function loadSection(dist, site, { largePrecached }) {
  const { launchBrowser } = await support();
  const targets = targetsOf(dist, site);
  const results = new Map(targets.map((t) => [t.name, { cold: [], sw: [], slow: [] }]));
  const problems = [];
  const runsOf = (target) => Math.max(1, Math.round((target.runs * REPEATS) / 5));
  for (let repeat = 0; repeat < Math.max(...targets.map(runsOf)); repeat++) {
    for (const target of targets.filter((t) => repeat < runsOf(t))) {
      // A fresh profile each run: no HTTP cache, no service worker.
      const browser = await launchBrowser({ failOnPageError: false });
      try {
        await browser.context.addInitScript({ content: LOAD_TIMES_SCRIPT });
        const result = results.get(target.name);
        result.cold.push(await loadOnce(browser.page, target));
        if (target.sw) {
          const controlled = await browser.page.evaluate(async () => {
            await navigator.serviceWorker.ready;
            for (let i = 0; i < 200 && !navigator.serviceWorker.controller; i++) {
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
            return Boolean(navigator.serviceWorker.controller);
          });
          if (!controlled) throw new Error('the service worker did not take control');
          result.sw.push(await loadOnce(browser.page, target));
        }
      } catch (error) {
        problems.push(`${target.name}, run ${String(repeat + 1)}: ${errorText(error)}`);
      } finally {
        await browser.close().catch(() => undefined);
      }
      if (repeat > 0 || target.network) continue;
      // A browser of its own: no service worker answers before the delay, nothing cached.
      const slow = await launchBrowser({ failOnPageError: false });
      try {
        await slow.context.addInitScript({ content: LOAD_TIMES_SCRIPT });
        results.get(target.name).slow.push(await slowScriptLoad(slow.page, target));
      } catch (error) {
        problems.push(`${target.name}, slow scripts: ${errorText(error)}`);
      } finally {
        await slow.close().catch(() => undefined);
      }
    }
  }

  const traces = await traceTargets(targets, problems);

  const rows = [];
  const detailRows = [];
  for (const target of targets) {
    for (const visit of ['cold', 'sw']) {
      const list = results.get(target.name)[visit];
      if (list.length === 0) continue;
      const visitName = visit === 'cold' ? 'cold' : 'service worker';
      const label = `${target.name}, ${visitName}`;
      const fcp = summarize(list.map((m) => m.fcp));
      const longMax = summarize(list.map((m) => m.longTaskMax));
      const shift = summarize(list.map((m) => m.cls));
      const fromSw = list.filter((m) => m.fromServiceWorker).length;
      const swNote =
        visit === 'sw' ? `; ${String(fromSw)}/${String(list.length)} answered by the SW` : '';
      rows.push(
        row('Load', `${label}: text visible (FCP)`, ms(fcp.median), {
          spread: spread(fcp) + swNote,
        }),
      );
      if (target.player) {
        const ready = summarize(list.map((m) => m.playEnabled));
        const after = summarize(list.map((m) => m.readyAfterFcp));
        const shown = summarize(list.map((m) => m.shownAfterFcp));
        rows.push(
          row('Load', `${label}: Play enabled`, ms(ready.median), { spread: spread(ready) }),
          row('Load', `${label}: Play enabled after FCP`, ms(after.median), {
            spread: spread(after),
            target: `≤ ${String(READY_AFTER_FCP_TARGET)} ms`,
            ok: after.median <= READY_AFTER_FCP_TARGET,
          }),
          row('Load', `${label}: first frame with Play enabled, after FCP`, ms(shown.median), {
            spread: spread(shown),
          }),
        );
      }
      rows.push(
        row(
          'Load',
          `${label}: longest task until ${target.player ? 'Play is enabled' : 'load'}`,
          ms(longMax.median),
          {
            spread: `${spread(longMax)}; ${String(summarize(list.map((m) => m.longTaskCount)).median)} task(s) > 50 ms`,
          },
        ),
        row('Load', `${label}: layout shift (CLS)`, cls(shift.median), {
          spread: `${cls(shift.min)}–${cls(shift.max)}`,
          ...(target.player ? { target: '0', ok: shift.max === 0 } : {}),
        }),
      );
      detailRows.push(
        `| ${target.name} | ${visitName} | ${ms(fcp.median)} | ${target.player ? ms(summarize(list.map((m) => m.playEnabled)).median) : '–'} | ${cls(shift.median)} | ${list.map((m) => `${String(m.longTaskCount)}: ${m.longTasks.map((t) => `${t.duration.toFixed(0)}@${t.start.toFixed(0)}`).join(' ')}`).join(' / ')} | ${list.flatMap((m) => m.shifts.map((s) => `${s.value.toFixed(3)}@${s.start.toFixed(0)} ${s.sources}`)).join('; ') || 'none'} |`,
      );
    }
    const slow = results.get(target.name).slow[0];
    if (slow) {
      rows.push(
        row(
          'Load',
          `${target.name}, scripts ${String(SCRIPT_DELAY_MS)} ms late: layout shift (CLS)`,
          cls(slow.cls),
          {
            spread: slow.shifts.length
              ? slow.shifts
                  .map((s) => `${s.value.toFixed(3)}@${s.start.toFixed(0)} ${s.sources}`)
                  .join('; ')
              : 'no shift',
            ...(target.player ? { target: '0', ok: slow.cls === 0 } : {}),
          },
        ),
      );
    }
    const trace = traces.get(target.name);
    if (trace) {
      const longest = trace.longest;
      const player = trace.playerTasks.reduce((max, t) => Math.max(max, t.duration), 0);
      rows.push(
        row(
          'Load',
          `${target.name}, traced: longest main-thread task`,
          ms(longest?.duration ?? 0),
          {
            spread: longest
              ? partsText(longest.parts, ms) || 'nothing over 1 ms'
              : 'no task > 50 ms',
          },
        ),
      );
      if (target.player) {
        rows.push(
          row(
            'Load',
            `${target.name}, traced: longest task running the player's script`,
            ms(player),
            {
              spread: `${String(trace.playerTasks.length)} such task(s) > 50 ms`,
              target: `≤ ${String(LONG_TASK_TARGET)} ms`,
              ok: player <= LONG_TASK_TARGET,
            },
          ),
        );
      }
    }
  }

  const traceRows = [...traces].flatMap(([name, trace]) =>
    trace.long.map(
      (task) =>
        `| ${name} | ${ms(task.start)} | ${ms(task.duration)} | ${task.player ? 'yes' : ''} | ${partsText(task.parts, ms)} |`,
    ),
  );
  const details = [
    '### Load: details',
    '',
    `Each run launches a fresh Chromium profile (no HTTP cache, no service worker), loads the page and waits until Play is enabled (a page without the player: its load); an app page is then loaded again, answered by the service worker's precache. The first run of each page also loads it once more in a new tab with every script held back ${String(SCRIPT_DELAY_MS)} ms (the text is painted first, as on a slow network or a publisher's page where the script comes last), for the layout shift. The seed article comes from \`vite preview\` of dist/; the 10,000-paragraph article is the article page template filled with a generated article, in a copy of dist/ whose service worker precaches it too (${largePrecached ? 'added to its precache list' : 'COULD NOT be added to its precache list: its second visit came from the network'}). The embed pages are a plain page with the embed's script and the article inside \`<article-player>\`; "no player" is the same page without both: the floor. Both sites send text gzipped, as a host does (\`vite preview\` compresses as it serves; the copy has a gzipped file beside each text file); the ${String(NETWORK_MBPS)} Mbit/s loads also add 40 ms to each request. Times from navigation start. CLS counts layout shifts not caused by input, as Lighthouse does.`,
    '',
    '| page | visit | FCP | Play enabled | CLS | long tasks until ready, per run (ms@start) | layout shifts (value@ms, moved nodes) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...detailRows,
    '',
    '### Load: trace summary',
    '',
    "One traced cold load of each page (Chromium's devtools.timeline trace; scripts/bench/trace.mjs): every main-thread task over 50 ms until Play is enabled and half a second after, and what it spent its time on. \"Player\" marks the tasks that ran the player's script (the embed's file, or the app's own scripts).",
    '',
    '| page | start | task | player | where the time went |',
    '| --- | ---: | ---: | :-: | --- |',
    ...traceRows,
    '',
    ...(problems.length > 0 ? ['Failed runs:', '', ...problems.map((p) => `- ${p}`), ''] : []),
  ];
  if ([...results.values()].every((r) => r.cold.length === 0))
    throw new Error(`no load run succeeded: ${problems.at(-1) ?? ''}`);
  return { rows, details, data: Object.fromEntries(results) };
}

/** One traced cold load of each page; tracing needs a browser of its own (not a persistent profile). */
async function traceTargets(targets, problems) {
  const traces = new Map();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, SPEECH_ARG],
  });
  try {
    for (const target of targets.filter((t) => !t.network)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      try {
        const page = await context.newPage();
        await page.addInitScript({ content: LOAD_TIMES_SCRIPT });
        const origin = new URL(target.url).origin;
        traces.set(
          target.name,
          await traceLoad(page, target.url, {
            ready: (p) => settled(p, target.player),
            isPlayerScript: (url) => url.startsWith(origin) && !url.endsWith('/sw.js'),
          }),
        );
      } catch (error) {
        problems.push(`${target.name}, trace: ${errorText(error)}`);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return traces;
}
