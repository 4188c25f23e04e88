/**
 * The listening session of the running page: the "Up next" queue (kept on the device), and
 * opening its articles one after another in this same page, so that one tap on Play all is
 * enough for all of them (iOS refuses a `speak()` that no tap started after a page load) and the
 * lock-screen controls stay. Each article's own address is pushed to the history, so that the
 * address, Back and Forward work; its text comes from its pre-rendered page (or, for a saved
 * text, from IndexedDB), the same as when the page is opened on its own.
 */
import { START, type Position } from '../core/article.js';
import { describeProgress, type Progress } from '../core/progress.js';
import {
  currentItem,
  EMPTY_QUEUE,
  nextItem,
  placeOf,
  previousItem,
  reduceQueue,
  type Queue,
  type QueueAction,
  type QueueItem,
} from '../core/queue.js';
import type { FullArticlePlayer } from '../element/full-player-element.js';
import type { SpeechEngine } from '../speech/engine.js';
import { getText } from './library.js';
import { announce } from './pwa.js';
import { savedTextArticle } from './saved-article.js';
import type { ListeningSession } from './queue-feature.js';
import { loadProgress, loadQueue, progressKey, saveProgress, saveQueue } from './session-store.js';
import { strings } from './strings.js';
import { ownPageHtml } from './trusted-types.js';

/** What is put into the player for an item. */
interface Content {
  readonly title: string;
  readonly lang: string;
  /** Fresh nodes each call: a prepared content can be shown again (Back, then Forward). */
  nodes(): Node[];
  /** Where listening stopped last time, or null. */
  readonly progress: Progress | null;
}

class MissingError extends Error {}

/** The history entries this session pushed carry this, to be shown again on Back and Forward. */
interface HistoryState {
  readonly apSession: { readonly item: QueueItem };
}

function isHistoryState(value: unknown): value is HistoryState {
  const state = (value as { apSession?: { item?: Partial<QueueItem> } } | null)?.apSession;
  return typeof state?.item?.url === 'string' && typeof state.item.id === 'string';
}

interface PlayerElement extends HTMLElement {
  pause(): Promise<void>;
}

/** The address without its fragment: a skip link's `#main` is no other page. */
const pageOf = (url: URL | Location) => `${url.pathname}${url.search}`;

async function fetchArticlePage(item: QueueItem): Promise<Content> {
  const response = await fetch(item.url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
  // Our own pre-rendered page, parsed inert (no script runs in a DOMParser document).
  const html = ownPageHtml(await response.text(), new URL(response.url, location.href));
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const source = doc.querySelector('main article-player');
  if (!source) throw new Error('not an article page');
  const progress = await loadProgress(progressKey(new URL(item.url, location.href)));
  return {
    title: doc.title,
    lang: source.getAttribute('lang') ?? '',
    nodes: () => [...source.childNodes].map((node) => document.importNode(node, true)),
    progress,
  };
}

async function readSavedText(item: QueueItem): Promise<Content> {
  const text = await getText(item.id);
  if (!text) throw new MissingError(item.id);
  const progress = await loadProgress(progressKey(new URL(item.url, location.href)));
  return {
    title: `${text.title} · Article player`,
    lang: text.lang,
    nodes: () => [savedTextArticle(text)],
    progress,
  };
}

/** Where to start an item: where it was left, unless it was finished or not started. */
function startOf(progress: Progress | null): Position {
  return describeProgress(progress).state === 'started' && progress ? progress.position : START;
}

export class Session implements ListeningSession {
  #queue: Queue = EMPTY_QUEUE;
  readonly ready: Promise<void>;
  readonly #listeners = new Set<(queue: Queue) => void>();
  readonly #prepared = new Map<string, Promise<Content>>();
  readonly #resolved = new Map<string, Content>();
  #autoplay: Position | null = null;
  /** An engine whose voices are loaded, for a player created in a tap (see `useEngine`). */
  #engine: SpeechEngine | null = null;
  /** The page shown now (see `pageOf`). */
  #shown = pageOf(location);

  constructor() {
    this.ready = loadQueue().then((stored) => {
      // Whatever was changed before the stored queue came in wins over it.
      if (this.#queue === EMPTY_QUEUE) this.#queue = stored;
      this.#emit();
    });
    window.addEventListener('popstate', (event) => void this.#onPopState(event));
  }

  get queue(): Queue {
    return this.#queue;
  }

  /** Calls `listener` after every change of the queue. */
  subscribe(listener: (queue: Queue) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Changes the queue, stores it, and tells the listeners. */
  update(action: QueueAction): Queue {
    const next = reduceQueue(this.#queue, action);
    if (next !== this.#queue) {
      this.#queue = next;
      void saveQueue(next);
      this.#emit();
    }
    return next;
  }

  #emit(): void {
    for (const listener of this.#listeners) listener(this.#queue);
  }

  /**
   * The engine for the player this session creates on a page without one (the library): its
   * voices already loaded, it speaks inside the tap, where a new engine would wait for them.
   */
  useEngine(engine: SpeechEngine): void {
    this.#engine = engine;
  }

  /** Fetches an item's content ahead, so that a tap can show it at once. */
  prepare(item: QueueItem): Promise<Content> {
    let pending = this.#prepared.get(item.url);
    if (!pending) {
      pending = item.kind === 'saved' ? readSavedText(item) : fetchArticlePage(item);
      this.#prepared.set(item.url, pending);
      pending.then(
        (content) => this.#resolved.set(item.url, content),
        () => this.#prepared.delete(item.url),
      );
    }
    return pending;
  }

  /**
   * Plays `item` in this page: from the queue (`fromQueue`), going on to the next ones, or alone.
   * Call it from the listener's tap: when the item was prepared, speech starts inside the tap.
   */
  play(item: QueueItem, options: { fromQueue: boolean; position?: Position }): void {
    if (options.fromQueue) this.update({ type: 'play', id: item.id });
    else this.update({ type: 'stop' });
    void this.#open(item, options.position);
  }

  // ---- ListeningSession (what the player's feature calls)

  place(): { index: number; total: number } | null {
    return placeOf(this.#queue);
  }

  upNext(): QueueItem | null {
    return this.#queue.continuous && currentItem(this.#queue) ? nextItem(this.#queue) : null;
  }

  prepareNext(): void {
    const next = nextItem(this.#queue);
    if (next) void this.prepare(next).catch(() => undefined);
  }

  playNext(): void {
    this.#advance({ type: 'ended' });
  }

  skip(by: 1 | -1): boolean {
    if (!currentItem(this.#queue)) return false;
    const target = by > 0 ? nextItem(this.#queue) : previousItem(this.#queue);
    if (!target) {
      announce(by > 0 ? strings.lastInQueue : strings.firstInQueue);
      return true;
    }
    this.#advance({ type: by > 0 ? 'next' : 'previous' });
    return true;
  }

  cancelNext(): void {
    this.update({ type: 'stop' });
  }

  takeAutoplay(): Position | null {
    const start = this.#autoplay;
    this.#autoplay = null;
    return start;
  }

  progressKey(): string {
    return progressKey(location);
  }

  recordProgress(key: string, progress: Progress): void {
    void saveProgress(key, progress);
  }

  announce(message: string): void {
    announce(message);
  }

  now(): number {
    return Date.now();
  }

  // ----

  #advance(action: QueueAction): void {
    const queue = this.update(action);
    const item = currentItem(queue);
    if (!item) {
      announce(strings.queueFinished);
      return;
    }
    void this.#open(item);
  }

  async #open(item: QueueItem, position?: Position): Promise<void> {
    let content = this.#resolved.get(item.url);
    if (!content) {
      try {
        content = await this.prepare(item);
      } catch (error) {
        if (error instanceof MissingError) {
          announce(strings.skippedMissing(item.title));
          const playing = currentItem(this.#queue)?.id === item.id;
          this.update({ type: 'missing', id: item.id });
          if (playing) this.#advance({ type: 'ended' });
        } else {
          announce(strings.queueUnavailable);
          this.update({ type: 'stop' });
        }
        return;
      }
    }
    // Used once: the next time it is fetched again, with its progress as it will be then.
    this.#prepared.delete(item.url);
    this.#resolved.delete(item.url);
    history.pushState({ apSession: { item } } satisfies HistoryState, '', item.url);
    this.#autoplay = position ?? startOf(content.progress);
    this.#show(content);
    // Tell it once, not per paragraph (the player's own status line says "Playing").
    const place = placeOf(this.#queue);
    if (place) announce(strings.nowPlaying(item.title, place.index, place.total));
    // The next one is fetched while this one is heard.
    this.prepareNext();
  }

  /** Puts the content into the page's player (creating it on a page without one). */
  #show(content: Content): void {
    this.#shown = pageOf(location);
    document.title = content.title;
    const main = document.querySelector('main');
    if (!main) return;
    const existing = main.querySelector<PlayerElement>('article-player');
    const Player = customElements.get('article-player') as typeof FullArticlePlayer | undefined;
    const player =
      existing ??
      (Player && this.#engine
        ? new Player(this.#engine)
        : document.createElement('article-player'));
    // Children first, then the language: the player reads the article once, in its language.
    // (The same player goes on: its speech and its lock-screen session are not interrupted.)
    player.replaceChildren(...content.nodes());
    if (content.lang) player.lang = content.lang;
    else player.removeAttribute('lang');
    if (existing) {
      // What was around the player belongs to the page it was (a saved text's Delete button).
      for (let node: Element = player; node !== main && node.parentElement;) {
        const parent: HTMLElement = node.parentElement;
        for (const sibling of [...parent.children]) if (sibling !== node) sibling.remove();
        node = parent;
      }
    } else {
      // Connected with its article: it reads it and starts speaking inside the listener's tap.
      main.replaceChildren(player);
    }
    // The button that started it went with the page it was on: focus the new content rather
    // than leave it nowhere. A focus that is still in the page (the player's buttons) stays.
    if (!document.activeElement || document.activeElement === document.body) {
      main.focus({ preventScroll: true });
    }
    window.scrollTo({ top: 0 });
  }

  async #onPopState(event: PopStateEvent): Promise<void> {
    if (pageOf(location) === this.#shown) return;
    if (!isHistoryState(event.state)) {
      // An address of the page this session started on: load it as it is.
      location.reload();
      return;
    }
    const { item } = event.state.apSession;
    this.update({ type: 'stop' });
    const player = document.querySelector<PlayerElement>('main article-player');
    await player?.pause();
    let content: Content;
    try {
      content = await (item.kind === 'saved' ? readSavedText(item) : fetchArticlePage(item));
    } catch {
      location.reload();
      return;
    }
    this.#autoplay = null;
    this.#show(content);
  }
}

export const session = new Session();
