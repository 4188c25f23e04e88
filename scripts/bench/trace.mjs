// Where a page load's main-thread time goes, from a Chromium trace (issue 13): each task over
// 50 ms, what it spent on layout, style, script, pre-paint and paint, and which of them ran the
// player's own JavaScript. A summary of the trace, not a guess: the figures of section 5 say how
// long; this says what for.

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
const LONG_TASK_US = 50_000;

/** The trace events that are the work a task does, by the name the summary gives them. */
const KINDS = {
  Layout: 'layout',
  UpdateLayoutTree: 'style',
  ParseHTML: 'parse',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  EvaluateScript: 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  'v8.compile': 'script',
  'v8.compileModule': 'script',
  'v8.evaluateModule': 'script',
  EventDispatch: 'script',
  ParseAuthorStyleSheet: 'style',
};

/**
 * Loads `url` in `page` with tracing on, until `ready(page)` resolves and `settleMs` more, and
 * summarises the renderer's main thread. `isPlayerScript(url)` tells the player's scripts apart.
 */
export async function traceLoad(page, url, { ready, isPlayerScript, settleMs = 500 }) {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a browser that is not a persistent context');
  await browser.startTracing(page, { categories: CATEGORIES });
  let buffer;
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await ready(page);
    await page.waitForTimeout(settleMs);
  } finally {
    buffer = await browser.stopTracing();
  }
  return summarizeTrace(JSON.parse(buffer.toString()).traceEvents, isPlayerScript);
}

/** The main thread's long tasks and their parts, from Chrome trace events. */
export function summarizeTrace(events, isPlayerScript) {
  // The page's renderer: of the renderer main threads (an isolated page gets a process of its
  // own, beside the first one's), the busiest.
  const busy = new Map();
  for (const event of events) {
    if (event.ph === 'X' && event.name === 'RunTask') {
      const key = `${String(event.pid)}:${String(event.tid)}`;
      busy.set(key, (busy.get(key) ?? 0) + event.dur);
    }
  }
  const mainThread = events
    .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
    .sort(
      (a, b) =>
        (busy.get(`${String(b.pid)}:${String(b.tid)}`) ?? 0) -
        (busy.get(`${String(a.pid)}:${String(a.tid)}`) ?? 0),
    )[0];
  if (!mainThread) throw new Error('no renderer main thread in the trace');
  const onMain = events
    .filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter(
    (e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask',
  );
  const start = onMain.find((e) => e.name === 'ResourceSendRequest')?.ts ?? onMain[0]?.ts ?? 0;
  const long = [];
  const totals = {};
  let cursor = 0;
  for (const task of tasks) {
    if (task.dur < LONG_TASK_US) continue;
    const end = task.ts + task.dur;
    while (cursor < onMain.length && onMain[cursor].ts < task.ts) cursor++;
    const parts = {};
    let player = false;
    // Only the outermost event of each kind counts: a FunctionCall inside an EventDispatch is
    // the same time twice.
    const open = [];
    for (let i = cursor; i < onMain.length && onMain[i].ts < end; i++) {
      const event = onMain[i];
      while (open.length > 0 && open.at(-1).end <= event.ts) open.pop();
      const kind = KINDS[event.name];
      if (!kind) continue;
      const url = event.args?.data?.url ?? event.args?.data?.stackTrace?.[0]?.url ?? '';
      if (kind === 'script' && url && isPlayerScript(url)) player = true;
      if (!open.some((outer) => outer.kind === kind)) {
        parts[kind] = (parts[kind] ?? 0) + event.dur / 1000;
      }
      open.push({ kind, end: event.ts + event.dur });
    }
    // Time in events the summary does not name (compiling, garbage collection, the task's own).
    const named = Object.values(parts).reduce((sum, value) => sum + value, 0);
    if (task.dur / 1000 - named >= 1) parts.other = task.dur / 1000 - named;
    for (const [kind, value] of Object.entries(parts)) totals[kind] = (totals[kind] ?? 0) + value;
    long.push({ start: (task.ts - start) / 1000, duration: task.dur / 1000, player, parts });
  }
  const longest = long.reduce(
    (max, task) => (task.duration > (max?.duration ?? 0) ? task : max),
    null,
  );
  const playerTasks = long.filter((task) => task.player);
  return { long, longest, totals, playerTasks };
}

/** "layout 880 ms, script 133 ms, …", largest first. */
export function partsText(parts, format) {
  return Object.entries(parts)
    .filter(([, value]) => value >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, value]) => `${kind} ${format(value)}`)
    .join(', ');
}
