/**
 * The home page's listening session: the "Up next" list (Play all, Move up and down, Remove,
 * Clear, continuous play), and on each article and saved text how far it was heard, with Play or
 * Continue, Start over, Mark as finished and Add to Up next. Every change is announced once in
 * the app's status region; focus stays on the button that was pressed.
 */
import { START } from '../core/article.js';
import {
  describeProgress,
  finishedProgress,
  minutesLeft,
  type Progress,
} from '../core/progress.js';
import { indexOf, type Queue, type QueueItem } from '../core/queue.js';
import { announce } from './pwa.js';
import { session } from './session.js';
import { loadAllProgress, progressKey, saveProgress } from './session-store.js';
import { strings } from './strings.js';

interface Card {
  readonly item: QueueItem;
  /** Listening time of the whole article, or null when not known. */
  readonly minutes: number | null;
  readonly progressLine: HTMLElement;
  readonly actions: HTMLElement;
}

const cards = new Map<string, Card>();
let progress = new Map<string, Progress>();

const keyOf = (item: QueueItem) => progressKey(new URL(item.url, location.href));

/** A button whose name is its visible text followed by what it acts on. */
function button(text: string, about: string, className: string, onClick: () => void) {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  setButtonText(element, text, about);
  element.addEventListener('click', () => {
    if (element.getAttribute('aria-disabled') !== 'true') onClick();
  });
  return element;
}

/** The name starts with the visible text, so that speech control users can say what they see. */
function setButtonText(element: HTMLButtonElement, text: string, about: string): void {
  element.textContent = text;
  element.setAttribute('aria-label', `${text}: ${about}`);
}

// ---------------------------------------------------------------------------------------------------------
// Progress and actions on each article

/** Shows an item's progress and actions in its card (`card` is its `<li>`). */
export function addCard(element: HTMLElement, item: QueueItem, minutes: number | null): void {
  let progressLine = element.querySelector<HTMLElement>('.progress');
  if (!progressLine) {
    progressLine = document.createElement('p');
    progressLine.className = 'progress';
    element.append(progressLine);
  }
  let actions = element.querySelector<HTMLElement>('.card-actions');
  if (!actions) {
    actions = document.createElement('div');
    actions.className = 'card-actions';
    element.append(actions);
  }
  const card = { item, minutes, progressLine, actions };
  cards.set(item.id, card);
  renderCard(card);
}

export function removeCard(id: string): void {
  cards.delete(id);
}

function renderCard(card: Card): void {
  const { item, minutes } = card;
  const record = progress.get(keyOf(item)) ?? null;
  const state = describeProgress(record);
  const parts = [
    state.state === 'finished'
      ? strings.finished
      : state.state === 'started'
        ? strings.percentHeard(state.percent)
        : strings.notStarted,
  ];
  if (minutes !== null && state.state !== 'finished') {
    parts.push(strings.minutesLeft(minutesLeft(minutes, record)));
  }
  card.progressLine.textContent = parts.join(' · ');
  card.progressLine.dataset['state'] = state.state;

  // The same buttons stay (with new text), so that focus stays on the one pressed.
  const actions = card.actions;
  const find = (name: string) =>
    actions.querySelector<HTMLButtonElement>(`[data-action="${name}"]`);
  const ensure = (name: string, make: () => HTMLButtonElement): HTMLButtonElement => {
    const found = find(name);
    if (found) return found;
    const made = make();
    made.dataset['action'] = name;
    return made;
  };
  const play = ensure('play', () =>
    button(strings.play, item.title, 'primary-button', () => {
      const now = progress.get(keyOf(item)) ?? null;
      const start = describeProgress(now).state === 'started' && now ? now.position : START;
      session.play(item, { fromQueue: false, position: start });
    }),
  );
  setButtonText(
    play,
    state.state === 'started' ? strings.continueButton : strings.play,
    item.title,
  );
  const startOver = ensure('start-over', () =>
    button(strings.startOver, item.title, 'secondary-button', () => {
      progress.delete(keyOf(item));
      void saveProgress(keyOf(item), null);
      session.play(item, { fromQueue: false, position: START });
    }),
  );
  startOver.hidden = state.state === 'not-started';
  const finish = ensure('finish', () =>
    button(strings.markFinished, item.title, 'secondary-button', () => {
      const done = finishedProgress(Date.now());
      progress.set(keyOf(item), done);
      void saveProgress(keyOf(item), done);
      renderCard(card);
      announce(strings.markedFinished(item.title));
    }),
  );
  finish.setAttribute('aria-disabled', String(state.state === 'finished'));
  const queued = indexOf(session.queue, item.id) >= 0;
  const toggle = ensure('queue', () =>
    button(strings.addToQueue, item.title, 'secondary-button', () => {
      if (indexOf(session.queue, item.id) >= 0) {
        const queue = session.update({ type: 'remove', id: item.id });
        announce(strings.removed(item.title, queue.items.length));
      } else {
        const queue = session.update({ type: 'add', item });
        announce(strings.added(item.title, queue.items.length));
      }
    }),
  );
  setButtonText(toggle, queued ? strings.removeFromQueueCard : strings.addToQueue, item.title);
  toggle.setAttribute('aria-pressed', String(queued));
  if (actions.childElementCount === 0) {
    actions.append(play, startOver, finish, toggle);
    // Fetched as the finger lands (or the keyboard arrives), so that the tap itself can start
    // speech: iOS refuses a speak() that comes after an await.
    const ready = () => void session.prepare(item).catch(() => undefined);
    for (const starter of [play, startOver]) {
      starter.addEventListener('pointerdown', ready);
      starter.addEventListener('focus', ready);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The Up next list

const section = document.querySelector<HTMLElement>('[data-queue]');
const list = section?.querySelector<HTMLOListElement>('[data-queue-list]') ?? null;
const empty = section?.querySelector<HTMLElement>('[data-queue-empty]') ?? null;
const playAll = section?.querySelector<HTMLButtonElement>('[data-play-all]') ?? null;
const clear = section?.querySelector<HTMLButtonElement>('[data-clear-queue]') ?? null;
const continuous = section?.querySelector<HTMLInputElement>('[data-continuous]') ?? null;
const rows = new Map<string, HTMLLIElement>();

function row(item: QueueItem): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'queue-item';
  li.dataset['id'] = item.id;
  const link = document.createElement('a');
  link.href = item.url;
  link.textContent = item.title;
  link.className = 'queue-title';
  if (item.lang) link.lang = item.lang;
  const move = (by: -1 | 1, name: string) =>
    Object.assign(
      button(by < 0 ? strings.moveUp : strings.moveDown, item.title, 'secondary-button', () => {
        const queue = session.update({ type: 'move', id: item.id, by });
        announce(strings.moved(item.title, indexOf(queue, item.id) + 1, queue.items.length));
      }),
      { name },
    );
  const remove = button(strings.removeFromQueue, item.title, 'secondary-button', () => {
    const index = indexOf(session.queue, item.id);
    const queue = session.update({ type: 'remove', id: item.id });
    announce(strings.removed(item.title, queue.items.length));
    // Focus goes to the next item's Remove, or the previous one's, or Play all.
    const target = rows.get(queue.items[Math.min(index, queue.items.length - 1)]?.id ?? '');
    (target?.querySelector<HTMLElement>('[name="remove"]') ?? playAll)?.focus();
  });
  remove.name = 'remove';
  const controls = document.createElement('div');
  controls.className = 'queue-controls';
  controls.append(move(-1, 'up'), move(1, 'down'), remove);
  li.append(link, controls);
  return li;
}

function renderQueue(queue: Queue): void {
  for (const card of cards.values()) renderCard(card);
  if (!section || !list) return;
  // A moved row is moved, not rebuilt: its buttons stay the same elements.
  const focused = document.activeElement;
  const ids = new Set(queue.items.map((item) => item.id));
  for (const [id, li] of rows) {
    if (!ids.has(id)) {
      li.remove();
      rows.delete(id);
    }
  }
  queue.items.forEach((item, index) => {
    let li = rows.get(item.id);
    if (!li) {
      li = row(item);
      rows.set(item.id, li);
    }
    if (list.children[index] !== li) list.insertBefore(li, list.children[index] ?? null);
    li.querySelector('[name="up"]')?.setAttribute('aria-disabled', String(index === 0));
    li.querySelector('[name="down"]')?.setAttribute(
      'aria-disabled',
      String(index === queue.items.length - 1),
    );
  });
  // Moving a row's element takes the focus out of it: it goes back to the same button.
  if (focused instanceof HTMLElement && focused.isConnected && document.activeElement !== focused) {
    focused.focus();
  }
  const none = queue.items.length === 0;
  list.hidden = none;
  if (empty) empty.hidden = !none;
  if (playAll) playAll.setAttribute('aria-disabled', String(none));
  if (clear) clear.setAttribute('aria-disabled', String(none));
  if (continuous) continuous.checked = queue.continuous;
  // Fetched ahead, so that Play all starts speaking inside the tap.
  const first = queue.items[0];
  playAll?.toggleAttribute('data-ready', false);
  if (first) {
    void session
      .prepare(first)
      .catch(() => undefined)
      .then(() => {
        firstPrepared = first.url;
        markReady();
      });
  }
}

/** The player is defined (it loads after the page). */
let playerDefined = false;
let firstPrepared: string | null = null;

/** `data-ready` on Play all: a tap now starts speech inside the tap itself. */
function markReady(): void {
  const ready = playerDefined && firstPrepared === session.queue.items[0]?.url;
  playAll?.toggleAttribute('data-ready', ready);
}

playAll?.addEventListener('click', () => {
  const first = session.queue.items[0];
  if (first) session.play(first, { fromQueue: true });
});
clear?.addEventListener('click', () => {
  if (session.queue.items.length === 0) return;
  session.update({ type: 'clear' });
  announce(strings.cleared);
  playAll?.focus();
});
continuous?.addEventListener('change', () => {
  session.update({ type: 'continuous', on: continuous.checked });
  announce(continuous.checked ? strings.continuousOn : strings.continuousOff);
});

session.subscribe(renderQueue);

/** Starts the session part of the home page: the progress of every card, and Up next. */
export async function startHomeQueue(): Promise<void> {
  const [records] = await Promise.all([loadAllProgress(), session.ready]);
  progress = records;
  renderQueue(session.queue);
  // The player is loaded after the page, not with it, but before a tap on Play needs it (a tap
  // before that still plays, once it has loaded).
  const { defineAppPlayer, WebSpeechEngine } = await import('./app-player.js');
  defineAppPlayer();
  const engine = new WebSpeechEngine();
  await engine.getVoices();
  session.useEngine(engine);
  playerDefined = true;
  markReady();
}
