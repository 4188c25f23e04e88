/**
 * The service worker, built from TypeScript by vite-plugin-pwa (injectManifest): workbox-build replaces
 * `self.__WB_MANIFEST` with the list of every file of the build that the app needs offline (the shell, the
 * player, every article page and its JSON, the catalog, the icons and the manifest).
 *
 * - Precached files are answered from the cache, whatever their query (the share target's `?text=`).
 * - `/articles/<slug>` (no slash) redirects to `/articles/<slug>/`, as the server does.
 * - Any other navigation goes to the network; offline, it gets the offline page instead of the browser's error.
 * - A new version waits until a page asks it to take over (`{ type: 'SKIP_WAITING' }`): the app asks only
 *   when the user accepts the update, so nobody's listening is interrupted.
 *
 * Imports nothing of the app: only Workbox modules.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  getCacheKeyForURL,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

/** The page for a navigation that fails offline (a Vite input of the build, so it is precached). */
const OFFLINE_PAGE = '/offline.html';

/** `/articles/<slug>` without its trailing slash. */
const NO_SLASH = /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*$/u;

// Redirect the slash-less article address, as `vite preview` and the dev server do, when the article is here.
registerRoute(
  ({ request, url }) =>
    request.mode === 'navigate' &&
    url.origin === self.location.origin &&
    NO_SLASH.test(url.pathname) &&
    getCacheKeyForURL(`${url.pathname}/index.html`) !== undefined,
  ({ url }) => Promise.resolve(Response.redirect(`${url.pathname}/${url.search}`, 301)),
);

precacheAndRoute(self.__WB_MANIFEST, {
  // Pages read their state from the query string; the files themselves never vary by it.
  ignoreURLParametersMatching: [/.*/u],
});
cleanupOutdatedCaches();

// Every other navigation: the network, and the offline page when there is none.
registerRoute(new NavigationRoute(new NetworkOnly()));

setCatchHandler(async ({ request }) => {
  if (request.mode === 'navigate') {
    const page = await matchPrecache(OFFLINE_PAGE);
    if (page) return page;
  }
  return Response.error();
});

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (
    typeof data === 'object' &&
    data !== null &&
    (data as { type?: unknown }).type === 'SKIP_WAITING'
  ) {
    void self.skipWaiting();
  }
});

// The first version takes control of the open pages at once, so they work offline from now on. A later
// version only activates after SKIP_WAITING (the user's choice); it then takes control too.
clientsClaim();
