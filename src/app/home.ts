/**
 * The home page's script. The page works without it: the list of articles is pre-rendered at build time.
 * It starts the app (service worker, offline indicator, install and update), marks the articles that are
 * available offline, and lists the texts saved on this device, each with a Delete button.
 */
import type { QueueItem } from '../core/queue.js';
import { addCard, removeCard, startHomeQueue } from './home-queue.js';
import { deleteText, listTexts } from './library.js';
import { announce, OFFLINE_READY_EVENT, startApp, storagePersisted } from './pwa.js';
import { session } from './session.js';
import { strings } from './strings.js';
import { listeningMinutes, type SavedText } from './text.js';

startApp();

// ---------------------------------------------------------------------------------------------------------
// Which articles are available offline

/** Is this page in the service worker's cache? (Precache keys carry a revision in their query.) */
async function isCached(pageUrl: string): Promise<boolean> {
  if (!('caches' in window)) return false;
  try {
    const file = pageUrl.endsWith('/') ? `${pageUrl}index.html` : pageUrl;
    return (await caches.match(file, { ignoreSearch: true })) !== undefined;
  } catch {
    return false;
  }
}

async function markOfflineArticles(): Promise<void> {
  const cards = [...document.querySelectorAll<HTMLElement>('.article-list .article-card')];
  const summary = document.querySelector<HTMLElement>('[data-offline-summary]');
  let saved = 0;
  for (const card of cards) {
    const link = card.querySelector<HTMLAnchorElement>('h3 a');
    if (!link) continue;
    const path = new URL(link.href).pathname;
    const available = (await isCached(path)) && (await isCached(`${path}article.json`));
    if (available) saved += 1;
    // The badge is in the pre-rendered page, invisible (see scripts/build/vite-plugin-app-pwa.ts): no layout shift.
    let badge = card.querySelector<HTMLElement>('[data-offline-badge]');
    if (!badge && available) {
      badge = document.createElement('span');
      badge.className = 'offline-badge';
      badge.dataset['offlineBadge'] = '';
      badge.textContent = ` · ${strings.availableOffline}`;
      (card.querySelector('.meta') ?? card).append(badge);
    }
    badge?.toggleAttribute('data-available', available);
  }
  if (!summary) return;
  if (cards.length === 0) {
    summary.textContent = '';
    return;
  }
  let text =
    saved === cards.length
      ? strings.allAvailableOffline(saved)
      : saved === 0 && 'serviceWorker' in navigator && navigator.onLine
        ? strings.savingForOffline
        : strings.someAvailableOffline(saved, cards.length);
  if (saved > 0) {
    const persisted = await storagePersisted();
    if (persisted !== null)
      text += ` ${persisted ? strings.storagePersistent : strings.storageBestEffort}`;
  }
  summary.textContent = text;
}

void markOfflineArticles();
window.addEventListener(OFFLINE_READY_EVENT, () => void markOfflineArticles());

// ---------------------------------------------------------------------------------------------------------
// Texts saved on this device

const savedSection = document.querySelector<HTMLElement>('[data-saved]');
const savedList = document.querySelector<HTMLElement>('[data-saved-list]');

function formatDate(time: number): string {
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(time);
}

function renderSavedItem(text: SavedText): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'article-card saved-card';
  item.dataset['id'] = text.id;
  const heading = document.createElement('h3');
  heading.lang = text.lang;
  const link = document.createElement('a');
  link.href = `/listen/?id=${encodeURIComponent(text.id)}`;
  link.textContent = text.title;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = strings.savedMeta(listeningMinutes(text.characters), formatDate(text.savedAt));
  addCard(
    item,
    {
      kind: 'saved',
      id: text.id,
      title: text.title,
      url: link.getAttribute('href') ?? '',
      lang: text.lang,
    },
    listeningMinutes(text.characters),
  );
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'delete-button';
  remove.textContent = strings.deleteLabel;
  remove.setAttribute('aria-label', strings.deleteSaved(text.title));
  remove.addEventListener('click', () => void onDelete(text, item));
  item.prepend(heading, meta, remove);
  return item;
}

async function renderSaved(): Promise<void> {
  if (!savedSection || !savedList) return;
  savedSection.hidden = false;
  let texts: SavedText[];
  try {
    texts = await listTexts();
  } catch {
    savedList.replaceChildren(paragraph(strings.libraryUnavailable, 'empty'));
    return;
  }
  if (texts.length === 0) {
    savedList.replaceChildren(paragraph(strings.savedEmpty, 'empty'));
    return;
  }
  const list = document.createElement('ul');
  list.className = 'article-list';
  list.setAttribute('role', 'list');
  list.append(...texts.map(renderSavedItem));
  savedList.replaceChildren(list);
}

async function onDelete(text: SavedText, item: HTMLElement): Promise<void> {
  try {
    await deleteText(text.id);
  } catch {
    announce(strings.deleteFailed(text.title));
    return;
  }
  removeCard(text.id);
  // A deleted text leaves Up next too.
  session.update({ type: 'missing', id: text.id });
  // Keep focus somewhere sensible: the next item's link, or the section heading.
  const next = item.nextElementSibling ?? item.previousElementSibling;
  item.remove();
  announce(strings.deleted(text.title));
  const target = next?.querySelector<HTMLElement>('a') ?? document.getElementById('saved-heading');
  if (target) {
    if (target.tagName === 'H2') target.tabIndex = -1;
    target.focus();
  }
  if (savedList && !savedList.querySelector('li'))
    savedList.replaceChildren(paragraph(strings.savedEmpty, 'empty'));
}

function paragraph(text: string, className: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

// ---------------------------------------------------------------------------------------------------------
// Listening: Up next and the progress of each article

/** The catalog's listening times, by article address; empty when it cannot be read. */
async function catalogMinutes(): Promise<Map<string, number>> {
  try {
    const response = await fetch('/articles/index.json');
    const data = (await response.json()) as {
      articles?: { url?: unknown; readingMinutes?: unknown }[];
    };
    const minutes = new Map<string, number>();
    for (const entry of data.articles ?? []) {
      if (typeof entry.url === 'string' && typeof entry.readingMinutes === 'number') {
        minutes.set(new URL(entry.url, location.href).pathname, entry.readingMinutes);
      }
    }
    return minutes;
  } catch {
    return new Map();
  }
}

async function startListening(): Promise<void> {
  const minutes = await catalogMinutes();
  for (const card of document.querySelectorAll<HTMLElement>('.article-list .article-card')) {
    const link = card.querySelector<HTMLAnchorElement>('h3 a');
    if (!link || card.classList.contains('saved-card')) continue;
    const path = new URL(link.href).pathname;
    const title = link.textContent.trim() || path;
    const item: QueueItem = { kind: 'article', id: path, title, url: path };
    const lang = link.closest('[lang]')?.getAttribute('lang');
    addCard(card, lang ? { ...item, lang } : item, minutes.get(path) ?? null);
  }
  await startHomeQueue();
}

void renderSaved().then(startListening);
