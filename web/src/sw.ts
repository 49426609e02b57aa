/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

/**
 * The app's service worker (issue 17): the app shell (index.html, every script, style, font and
 * image of the build) is kept in the browser, so the app opens with no server at all after one
 * visit. API calls are never cached here: what the app keeps for offline use is sealed per user
 * in IndexedDB (offline/), not in a cache any user of the browser could read.
 *
 * A new build's worker waits until the app asks it to take over (the "new version" notice), so a
 * form being typed is never reloaded from under the user.
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first visit's page is kept from then on, without a reload; a later build's worker takes
// over only when the app asks (the "new version" notice reloads the page onto it).
clientsClaim();

/** The server's own pages (web-app.ts SERVER_PATHS): never answered with the app. */
const SERVER_PATHS = [/^\/api(\/|$)/i, /^\/verify(\/|$)/i, /^\/s(\/|$)/i, /^\/fonts(\/|$)/i, /^\/health(\/|$)/i, /^\/metrics(\/|$)/i, /^\/admin\/queues(\/|$)/i];
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: SERVER_PATHS }));

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
