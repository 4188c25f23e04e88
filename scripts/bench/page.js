// Code that runs in the page (Playwright serializes each function: no imports, no outer names).
/* global window, document, customElements, speechSynthesis, CSS, requestAnimationFrame, location */

/**
 * Init script of the time-to-speak pages: the time of the Play click (capture, before any handler
 * of the page), when the click's handlers are done (bubbling, after the player's), and the next
 * frame after it (requestAnimationFrame, then a task: about when it is painted).
 */
export const CLICK_TIMES_SCRIPT = `(() => {
  try { localStorage.clear(); } catch {}
  window.__benchClick = {};
  window.addEventListener('click', () => { window.__benchClick.clickAt = performance.now(); }, true);
  window.addEventListener('click', () => {
    const times = window.__benchClick;
    times.handlersDoneAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { times.nextFrameAt = performance.now(); };
      channel.port2.postMessage(0);
    });
  });
})();`;

/**
 * Init script of the load measurements: paint timings, long tasks, and when the player is defined,
 * rendered (its controls) and ready (Play enabled: the voices are in).
 */
export const LOAD_TIMES_SCRIPT = `(() => {
  try { localStorage.clear(); } catch {}
  const m = (window.__benchLoad = { longTasks: [], fcp: null, lcp: null, lcpTag: null, defined: null, rendered: null, playEnabled: null, playShown: null, cls: 0, shifts: [] });
  const observe = (type, callback) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(callback)).observe({ type, buffered: true }); } catch {}
  };
  observe('longtask', (e) => m.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
  // Cumulative Layout Shift as Lighthouse counts it: the load gets no input, so every shift
  // (Chromium marks those of a page's first 500 ms as after input: the emulated viewport counts
  // as one; Lighthouse counts them anyway).
  observe('layout-shift', (e) => {
    m.cls += e.value;
    m.shifts.push({ start: e.startTime, value: e.value, sources: (e.sources || []).map((s) => s.node ? s.node.nodeName : '?').join(' ') });
  });
  observe('largest-contentful-paint', (e) => { m.lcp = e.startTime; m.lcpTag = e.element ? e.element.localName : null; });
  customElements.whenDefined('article-player').then(() => {
    m.defined = performance.now();
    // Its shadow root is there now (no mutation of the document said so).
    check();
    const player = document.querySelector('article-player');
    return player && player.updateComplete;
  }).then(() => { m.rendered = performance.now(); });
  // Watched, not polled: while Chromium parses a long page it runs no timer until the parse is
  // over, and a poll would see Play enabled only then. The first frame after it is when it shows.
  let watched = null;
  const observers = [];
  const watch = (target, options) => {
    const observer = new MutationObserver(check);
    observer.observe(target, options);
    observers.push(observer);
  };
  const check = () => {
    if (m.playEnabled !== null) return;
    const player = document.querySelector('article-player');
    const root = player && player.shadowRoot;
    if (root && root !== watched) {
      watched = root;
      watch(root, { subtree: true, childList: true, attributes: true });
    }
    const play = root && root.querySelector('button.play');
    if (play && !play.disabled) {
      m.playEnabled = performance.now();
      // Seen: the page's own work no longer pays for watching it.
      for (const observer of observers) observer.disconnect();
      requestAnimationFrame(() => { m.playShown = performance.now(); });
    }
  };
  watch(document, { subtree: true, childList: true });
  check();
})();`;

/** True once the page's player has its Play button enabled (voices loaded, article read). */
export function playEnabled() {
  const player = document.querySelector('article-player');
  const play = player?.shadowRoot?.querySelector('button.play');
  return Boolean(play && !play.disabled);
}

/**
 * Makes a player with a fake engine for `fragmentUrl`'s article, on `window.__bench`.
 * The fake engine answers with the browser's real voices (so that the player renders as with the
 * real engine), and either waits to be driven (`auto: false`: `window.__bench.current` holds the
 * last speak's request and handlers) or plays each chunk at once (`auto: true`: start and end in
 * the next two tasks), the fast path of the memory figure.
 */
export async function makeFakePlayer({ fragmentUrl, auto }) {
  try {
    localStorage.clear();
  } catch {
    /* none */
  }
  const html = await (await fetch(fragmentUrl)).text();
  await customElements.whenDefined('article-player');
  const Player = customElements.get('article-player');
  const voices = await new Promise((resolve) => {
    const now = speechSynthesis.getVoices();
    if (now.length > 0) {
      resolve(now);
      return;
    }
    const done = () => resolve(speechSynthesis.getVoices());
    speechSynthesis.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, 10_000);
  });
  const voiceInfo = voices.map((voice) => ({
    name: voice.name,
    lang: voice.lang,
    voiceURI: voice.voiceURI,
    localService: voice.localService,
    default: voice.default,
  }));
  if (voiceInfo.length === 0) {
    voiceInfo.push({
      name: 'Bench',
      lang: 'en-US',
      voiceURI: 'bench',
      localService: true,
      default: true,
    });
  }
  const bench = { current: null, speaks: 0, paragraphs: 0, lastParagraph: -1 };
  window.__bench = bench;
  const engine = {
    supported: true,
    getVoices: () => Promise.resolve(voiceInfo),
    speak(request, handlers) {
      bench.speaks++;
      const token = { request, handlers };
      bench.current = token;
      if (!auto) return;
      // Tasks through a message channel: nested setTimeout(0) would be clamped to 4 ms.
      const task = (callback) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          callback();
        };
        channel.port2.postMessage(0);
      };
      task(() => {
        if (bench.current !== token) return;
        handlers.onStart();
        task(() => {
          if (bench.current !== token) return;
          bench.current = null;
          handlers.onEnd();
        });
      });
    },
    cancel() {
      bench.current = null;
    },
    isBusy() {
      return bench.current !== null;
    },
  };
  const player = new Player(engine);
  player.innerHTML = html;
  player.addEventListener('ap-paragraph', (event) => {
    bench.paragraphs++;
    bench.lastParagraph = event.detail.index;
  });
  (document.querySelector('main') ?? document.body).append(player);
  bench.player = player;
  const deadline = performance.now() + 20_000;
  for (;;) {
    await player.updateComplete;
    const play = player.shadowRoot?.querySelector('button.play');
    if (play && !play.disabled) break;
    if (performance.now() > deadline) throw new Error('the player never enabled Play');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { blocks: player.querySelectorAll('p, h1').length, voices: voiceInfo.length };
}

/**
 * The highlight figure, on the player of `makeFakePlayer({ auto: false })`. Times, on the main
 * thread, each update the read-along makes:
 * - `timerWord`: a word highlight from the timing estimate (the path of voices without boundary
 *   events, as here): the timer callbacks that changed a highlight, while chunks play at rate 3
 *   for `timerMs`;
 * - `boundaryWord`: a word highlight from a `boundary` event (the engine's handler, to its return);
 * - `sentenceStart`: the sentence highlight at an utterance's `start` (with the word schedule);
 * - `sentenceChange` / `paragraphChange`: an utterance's `end` to the next `speak()` and the
 *   element's update (render, paragraph mark, follow-scroll), when the paragraph stays or changes.
 */
export async function measureHighlights({ timerMs, sentences, seekTo }) {
  const bench = window.__bench;
  const player = bench.player;
  const samples = {
    timerWord: [],
    boundaryWord: [],
    sentenceStart: [],
    sentenceChange: [],
    paragraphChange: [],
  };
  const registry = CSS.highlights;
  const set = registry.set.bind(registry);
  let highlightSets = 0;
  registry.set = (name, highlight) => {
    highlightSets++;
    return set(name, highlight);
  };
  const setTimeoutOriginal = window.setTimeout;
  let timing = true;
  window.setTimeout = (callback, delay, ...args) =>
    setTimeoutOriginal(() => {
      const before = highlightSets;
      const start = performance.now();
      callback(...args);
      const elapsed = performance.now() - start;
      if (timing && highlightSets > before) samples.timerWord.push(elapsed);
    }, delay);
  const wait = (ms) => new Promise((resolve) => setTimeoutOriginal(resolve, ms));
  try {
    // 1. The estimated-word path, in real time at rate 3.
    player.rate = 3;
    await player.updateComplete;
    await player.play();
    const until = performance.now() + timerMs;
    while (performance.now() < until && bench.current) {
      const chunk = bench.current;
      let start = performance.now();
      chunk.handlers.onStart();
      samples.sentenceStart.push(performance.now() - start);
      const expected = (chunk.request.text.length / (14 * chunk.request.rate)) * 1000;
      await wait(Math.min(expected, until - performance.now() + 50));
      if (bench.current !== chunk) break;
      if (performance.now() >= until) break;
      const paragraphsBefore = bench.paragraphs;
      start = performance.now();
      chunk.handlers.onEnd();
      await player.updateComplete;
      const elapsed = performance.now() - start;
      (bench.paragraphs > paragraphsBefore ? samples.paragraphChange : samples.sentenceChange).push(
        elapsed,
      );
    }
    timing = false;

    // 2. Boundary events, sentence starts and changes, from block `seekTo` on.
    await player.seek(seekTo);
    const words = new Map();
    for (let i = 0; i < sentences && bench.current; i++) {
      const chunk = bench.current;
      let start = performance.now();
      chunk.handlers.onStart();
      samples.sentenceStart.push(performance.now() - start);
      const { text, lang } = chunk.request;
      let segmenter = words.get(lang);
      if (!segmenter) {
        segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
        words.set(lang, segmenter);
      }
      for (const word of segmenter.segment(text)) {
        if (!word.isWordLike) continue;
        start = performance.now();
        chunk.handlers.onBoundary(word.index, word.segment.length);
        samples.boundaryWord.push(performance.now() - start);
      }
      const paragraphsBefore = bench.paragraphs;
      start = performance.now();
      chunk.handlers.onEnd();
      await player.updateComplete;
      const elapsed = performance.now() - start;
      (bench.paragraphs > paragraphsBefore ? samples.paragraphChange : samples.sentenceChange).push(
        elapsed,
      );
      // Let the page render between sentences, as it does between real utterances.
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    }
    await player.pause();
  } finally {
    window.setTimeout = setTimeoutOriginal;
    delete registry.set;
  }
  return { samples, at: window.__bench.lastParagraph, url: location.pathname };
}

/** Plays the fast fake player until `count` more paragraphs have started, then pauses. */
export async function readParagraphs(count) {
  const bench = window.__bench;
  const player = bench.player;
  const target = bench.paragraphs + count;
  const started = performance.now();
  await player.play();
  while (bench.paragraphs < target) {
    if (player.status !== 'playing') throw new Error(`the player stopped: ${player.status}`);
    if (performance.now() - started > 60_000) throw new Error('reading took over a minute');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await player.pause();
  return { paragraph: bench.lastParagraph, ms: performance.now() - started, speaks: bench.speaks };
}

/**
 * Frames for the rendering cost of a word highlight, on the player of `makeFakePlayer`: starts an
 * utterance (sentence highlight) unless one is started, waits two frames, then runs `frames`
 * animation frames, changing the word highlight (a boundary event) once before each when `change`
 * is set.
 */
export async function highlightFrames({ frames, change }) {
  const bench = window.__bench;
  const player = bench.player;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  if (!bench.current) await player.play();
  const chunk = bench.current;
  if (!chunk) throw new Error('nothing to speak');
  if (bench.started !== chunk) {
    bench.started = chunk;
    chunk.handlers.onStart();
  }
  await nextFrame();
  await nextFrame();
  const words = [
    ...new Intl.Segmenter(chunk.request.lang, { granularity: 'word' }).segment(chunk.request.text),
  ].filter((word) => word.isWordLike);
  for (let i = 0; i < frames; i++) {
    const word = words[i % words.length];
    if (change && word) chunk.handlers.onBoundary(word.index, word.segment.length);
    await nextFrame();
  }
  return { frames, words: words.length };
}

/**
 * Waits until the page has kept still for `frames` animation frames (a smooth scroll started by
 * follow-scroll has ended), for at most `timeoutMs`; true if it did. A scroll under the baseline
 * frames of the rendering figure would count its paint as the baseline's.
 */
export async function scrollSettled({ frames, timeoutMs }) {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const deadline = performance.now() + timeoutMs;
  let last = window.scrollY;
  let still = 0;
  while (still < frames && performance.now() < deadline) {
    await nextFrame();
    if (window.scrollY === last) still++;
    else {
      still = 0;
      last = window.scrollY;
    }
  }
  return still >= frames;
}
