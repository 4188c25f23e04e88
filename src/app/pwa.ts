/**
 * What every page of the app shares: the service worker (registration, updates), the offline indicator,
 * the Install button, persistent storage, and the one `role=status` region where the app announces
 * state changes (never per paragraph: the player announces its own playing/paused state).
 *
 * Updates never interrupt a listener: a new version waits; the page shows "A new version is ready" with a
 * button, and only that button reloads. If the player is playing (or paused) then, its paragraph is kept in
 * sessionStorage and restored after the reload (speech cannot start again without a tap, so the page says
 * where Play will go on from).
 */
import { serviceWorkerUrl } from './trusted-types.js';
import { Workbox } from 'workbox-window';
import { strings } from './strings.js';

/** The service worker's URL and scope. */
export const SW_URL = '/sw.js';
/** How often an open page checks for a new version. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** sessionStorage key of the position kept across an update's reload. */
export const RESUME_KEY = 'article-player:resume';
/** Fired on window when the app is saved for offline use (first install) or the precache changed. */
export const OFFLINE_READY_EVENT = 'app-offline-ready';

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

interface ResumePoint {
  readonly path: string;
  readonly block: number;
}

interface PlayerLike extends HTMLElement {
  readonly status: string;
  seek(index: number): Promise<void>;
  readonly updateComplete?: Promise<unknown>;
}

/** How long a message stays on screen (the status region is a toast over the page's bottom). */
export const MESSAGE_MS = 12_000;

let statusRegion: HTMLElement | null = null;
let actions: HTMLElement | null = null;
let lastAnnouncement = '';
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Announces a state change in the page's one status region (and shows it for a while). */
export function announce(message: string): void {
  statusRegion ??= document.querySelector<HTMLElement>('[data-app-status]');
  if (!statusRegion) return;
  const region = statusRegion;
  // The same message twice in a row is announced again: clear, then set in the next frame.
  if (message === lastAnnouncement && region.textContent === message) {
    region.textContent = '';
    requestAnimationFrame(() => (region.textContent = message));
  } else {
    region.textContent = message;
  }
  lastAnnouncement = message;
  schedulePlaceDock();
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    if (region.textContent === message) region.textContent = '';
  }, MESSAGE_MS);
}

/**
 * Keeps the dock (actions and messages, fixed at the bottom) clear of a player whose control bar is fixed at
 * the bottom of the screen (the player's layout on phones): its documented `bar` part is measured,
 * always in a frame (`schedulePlaceDock`): measured in a page's first task, a long article is laid
 * out there and then (310 ms at 10,000 paragraphs).
 */
function placeDock(): void {
  const bar = document
    .querySelector('article-player')
    ?.shadowRoot?.querySelector<HTMLElement>('[part~="bar"]');
  let offset = 0;
  if (bar) {
    const rect = bar.getBoundingClientRect();
    if (
      rect.height > 0 &&
      rect.bottom >= window.innerHeight - 2 &&
      rect.top > window.innerHeight / 2
    ) {
      offset = Math.ceil(window.innerHeight - rect.top);
    }
  }
  if (offset === dockOffset) return;
  dockOffset = offset;
  // On the dock, not the root: a custom property set on the root restyles the whole page
  // (170 ms for a 10,000-paragraph article).
  document
    .querySelector<HTMLElement>('.app-dock')
    ?.style.setProperty('--app-dock-offset', `${String(offset)}px`);
}

/** The offset the dock has now: the style sheet's default, until a bar is measured. */
let dockOffset = 0;

/** The bar grows while reading (the status line, the voice in use): the dock moves with it. */
async function watchPlayerBar(): Promise<void> {
  const player = document.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
    'article-player',
  );
  await player?.updateComplete;
  const bar = player?.shadowRoot?.querySelector<HTMLElement>('[part~="bar"]');
  if (bar && typeof ResizeObserver === 'function')
    new ResizeObserver(schedulePlaceDock).observe(bar);
  requestAnimationFrame(placeDock);
}

let dockFrame = 0;
function schedulePlaceDock(): void {
  if (dockFrame) return;
  dockFrame = requestAnimationFrame(() => {
    dockFrame = 0;
    placeDock();
  });
}

function actionsContainer(): HTMLElement | null {
  actions ??= document.querySelector<HTMLElement>('[data-app-actions]');
  return actions;
}

function button(className: string, label: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  return element;
}

// ---------------------------------------------------------------------------------------------------------
// Offline indicator

/**
 * Offline, the badge takes the place of Install app at the end of the header's nav (which comes back
 * online): in the dock, it covered the article's text for as long as the network was gone.
 */
function watchConnection(): void {
  const badge = document.createElement('span');
  badge.className = 'connection-badge';
  badge.textContent = strings.offlineBadge;
  badge.hidden = navigator.onLine;
  const install = document.querySelector('.site-header [data-install]');
  if (install) install.before(badge);
  else actionsContainer()?.prepend(badge);
  document.documentElement.toggleAttribute('data-offline', !navigator.onLine);
  if (!navigator.onLine) announce(strings.nowOffline);
  const update = (): void => {
    badge.hidden = navigator.onLine;
    document.documentElement.toggleAttribute('data-offline', !navigator.onLine);
    announce(navigator.onLine ? strings.backOnline : strings.nowOffline);
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
}

// ---------------------------------------------------------------------------------------------------------
// Install button

function isStandalone(): boolean {
  return window.matchMedia('(display-mode: standalone)').matches;
}

/** Puts `next` in `current`'s place, and keeps the keyboard focus there if `current` had it. */
function swap(current: HTMLElement, next: HTMLElement): void {
  const focused = document.activeElement === current;
  current.replaceWith(next);
  if (focused) next.focus();
}

/**
 * Every header holds an "Install app" link to the home page's steps for each browser (Safari has no
 * prompt). Where the browser offers installation, a button in its place installs at once: same label,
 * same box, so the swap moves nothing; in the dock it would cover the article's text all along.
 */
function offerInstall(): void {
  const link = document.querySelector<HTMLElement>('[data-install]');
  if (!link) return;
  let deferred: BeforeInstallPromptEvent | null = null;
  const install = button('install-button', strings.installButton);
  install.dataset['install'] = '';
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    if (isStandalone()) return;
    deferred = event as BeforeInstallPromptEvent;
    if (link.isConnected) swap(link, install);
  });
  install.addEventListener('click', () => {
    const prompt = deferred;
    if (!prompt) return;
    deferred = null;
    void prompt.prompt().then(async () => {
      const { outcome } = await prompt.userChoice;
      if (outcome === 'accepted') {
        install.hidden = true;
        return;
      }
      // The event cannot prompt twice: the link to the steps comes back until the browser offers again.
      swap(install, link);
      announce(strings.installDismissed);
    });
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    install.hidden = true;
    link.hidden = true;
    announce(strings.installed);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Keeping the listener's place across an update

/** The paragraph the player is at, from its `ap-paragraph` events. */
let currentBlock: number | null = null;
document.addEventListener('ap-paragraph', (event) => {
  currentBlock = event.detail.index;
});

function player(): PlayerLike | null {
  return document.querySelector<PlayerLike>('article-player');
}

function rememberPosition(): void {
  const element = player();
  const active = element?.status === 'playing' || element?.status === 'paused';
  if (!element || !active || currentBlock === null) return;
  const point: ResumePoint = { path: location.pathname + location.search, block: currentBlock };
  try {
    sessionStorage.setItem(RESUME_KEY, JSON.stringify(point));
  } catch {
    // No sessionStorage: the update still happens, from the start.
  }
}

function takeResumePoint(): ResumePoint | null {
  try {
    const raw = sessionStorage.getItem(RESUME_KEY);
    if (raw === null) return null;
    sessionStorage.removeItem(RESUME_KEY);
    const value = JSON.parse(raw) as Partial<ResumePoint>;
    if (
      typeof value.path !== 'string' ||
      typeof value.block !== 'number' ||
      !Number.isInteger(value.block)
    ) {
      return null;
    }
    return value.path === location.pathname + location.search
      ? { path: value.path, block: value.block }
      : null;
  } catch {
    return null;
  }
}

/** Waits (bounded) for the page's player, which the listen page creates after reading IndexedDB. */
function whenPlayer(timeoutMs: number): Promise<PlayerLike | null> {
  const found = player();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const element = player();
      if (element) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(element);
      }
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, timeoutMs);
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

async function resumeAfterUpdate(): Promise<void> {
  const point = takeResumePoint();
  if (!point) return;
  const element = await whenPlayer(10_000);
  if (!element) return;
  await customElements.whenDefined('article-player');
  await element.updateComplete;
  // The player reads its article on slotchange, right after its first render.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.seek(point.block);
  currentBlock = point.block;
  announce(strings.updatedResumeHere(point.block + 1));
}

// ---------------------------------------------------------------------------------------------------------
// Service worker and updates

function showUpdatePrompt(accept: () => void): void {
  const container = actionsContainer();
  if (!container || container.querySelector('.update-prompt')) return;
  const prompt = document.createElement('div');
  prompt.className = 'update-prompt';
  const text = document.createElement('span');
  text.textContent = strings.updateReady;
  const update = button('update-button', strings.updateButton);
  prompt.append(text, ' ', update);
  container.append(prompt);
  announce(strings.updateReady);
  update.addEventListener('click', () => {
    update.disabled = true;
    update.textContent = strings.updating;
    accept();
  });
}

async function requestPersistence(): Promise<boolean | null> {
  try {
    // Older browsers (and some embedded views) have no StorageManager, whatever the DOM types say.
    if (!('storage' in navigator) || typeof navigator.storage.persist !== 'function') return null;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

/** Whether this site's storage is persistent (null: the browser does not say). */
export async function storagePersisted(): Promise<boolean | null> {
  try {
    if (!('storage' in navigator) || typeof navigator.storage.persisted !== 'function') return null;
    return await navigator.storage.persisted();
  } catch {
    return null;
  }
}

function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) {
    announce(strings.offlineUnsupported);
    return;
  }
  const wb = new Workbox(serviceWorkerUrl(SW_URL), { scope: '/' });
  let acceptedHere = false;
  // No controller at load: this visit installs the app for offline use.
  const initial = navigator.serviceWorker.controller;
  const firstInstall = initial === null;
  // Workers that installed fine: when one of them becomes redundant, it was replaced, not broken.
  const installed = new WeakSet<ServiceWorker>();
  if (initial) installed.add(initial);
  wb.addEventListener('installed', (event) => {
    if (event.sw) installed.add(event.sw);
  });

  wb.addEventListener('waiting', () => {
    showUpdatePrompt(() => {
      acceptedHere = true;
      rememberPosition();
      wb.messageSkipWaiting();
      // If the waiting worker went away meanwhile, reload anyway after a while: the user asked for it.
      setTimeout(() => location.reload(), 5_000);
    });
  });

  wb.addEventListener('controlling', (event) => {
    if (acceptedHere) {
      location.reload();
    } else if (event.isUpdate) {
      // Another window accepted the update: never reload under this page's listener.
      announce(strings.updatedElsewhere);
    }
  });

  const offlineReady = () => window.dispatchEvent(new Event(OFFLINE_READY_EVENT));
  if (firstInstall) {
    // The first worker takes control of every open page once it has saved everything
    // (clientsClaim): of this page, and of one opened while a page before it, left before the
    // end, had the worker installing (Workbox's events here are for a worker this page
    // registered: that page's home said "Saving the articles…" for good).
    navigator.serviceWorker.addEventListener(
      'controllerchange',
      () => {
        // Ask once, when the app is first saved for offline use (Firefox asks the user; Chromium decides).
        void requestPersistence().then(offlineReady);
        announce(strings.offlineReady);
        offlineReady();
      },
      { once: true },
    );
  } else {
    wb.addEventListener('activated', offlineReady);
  }

  wb.addEventListener('redundant', (event) => {
    // A worker that never installed failed to (a full disk, most often): the page goes on as it is.
    if (event.sw && !installed.has(event.sw))
      announce(strings.offlineSaveFailed(strings.storageFull));
  });

  wb.register({ immediate: true }).then(
    (registration) => {
      if (!registration) return;
      const check = (): void => {
        void registration.update().catch(() => undefined);
      };
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
      window.addEventListener('online', check);
    },
    (error: unknown) => {
      announce(strings.offlineSaveFailed(error instanceof Error ? error.message : String(error)));
    },
  );
}

/** Starts what every page shares. Call once per page. */
export function startApp(): void {
  schedulePlaceDock();
  window.addEventListener('resize', schedulePlaceDock);
  window.addEventListener('scroll', schedulePlaceDock, { passive: true });
  void customElements.whenDefined('article-player').then(watchPlayerBar);
  watchConnection();
  offerInstall();
  registerServiceWorker();
  void resumeAfterUpdate();
}
