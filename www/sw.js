// Heapwise's service worker: makes the app work offline after one visit.
// Registered by register-sw.js with the bundle's base URL as its scope, so
// it works wherever the bundle is served (/, or a sub-path).
//
// What it keeps (Cache Storage):
//  - `heapwise-<build>`: the app shell (index.html, stored under the scope
//    URL) and every file of the bundle listed in MANIFEST below, fetched
//    when this worker installs. MANIFEST is written into this file at build
//    time by scripts/sw-manifest.mjs (a Trunk post_build hook), so a new
//    build is a new sw.js: the browser notices it on the next visit,
//    installs it, and it takes over at once (skipWaiting + clients.claim);
//    the caches of older builds are deleted then. register-sw.js announces
//    the change on the page.
//  - `heapwise-runtime`: anything else in scope the app fetched while
//    controlled, in particular the Python runtime under python/, which is
//    large and loaded only when an exercise needs it. The page's
//    python/runtime.js also puts every file a Python run needs here once
//    it has loaded them (a first visit's downloads may come before this
//    worker controls the page), and only then says Python works offline.
//
// How it answers (GET requests in scope only; everything else is left to
// the network):
//  - Page navigations: the network first (so an online visit always gets
//    the current page, and a rebuild is seen on reload); offline, the page
//    the build prerendered for that path (exercise/<slug>/index.html, in
//    MANIFEST), else the stored shell: the app routes on the client.
//  - Content-hashed files (Trunk's `name-<hash>.ext`): the cache first;
//    their content never changes under a name.
//  - Other files (worker.js, worker_bg.wasm, python/...): the network first,
//    then the cache. Online they are revalidated (a 304 when unchanged), so
//    they always match the page that asks for them.
// Unstamped (a bundle built without the hook), MANIFEST is empty and only
// what was fetched while this worker controlled the page works offline.

const MANIFEST = { build: 'unstamped', files: [] }; // @heapwise-manifest (scripts/sw-manifest.mjs)

const SCOPE = self.registration.scope;
const SHELL_CACHE = `heapwise-${MANIFEST.build}`;
const RUNTIME_CACHE = 'heapwise-runtime';
const HASHED = /-[0-9a-f]{12,16}(?:_bg)?\.[A-Za-z0-9]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const urls = [SCOPE, ...MANIFEST.files.map((file) => new URL(file, SCOPE).href)];
      // Hashed files may come from the HTTP cache (they never change);
      // the others are revalidated.
      await cache.addAll(urls.map((url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('heapwise-') && name !== SHELL_CACHE && name !== RUNTIME_CACHE) {
          await caches.delete(name);
        }
      }
      // Lets the navigation request start while this worker boots.
      await self.registration.navigationPreload?.enable();
      await self.clients.claim();
    })(),
  );
});

// The page asks which build this worker serves (register-sw.js).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'heapwise-version') {
    event.ports[0]?.postMessage({ build: MANIFEST.build, files: MANIFEST.files });
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    event.respondWith(navigation(event));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(event));
  } else {
    event.respondWith(networkFirst(event));
  }
});

const storable = (response) => response && response.ok && response.type === 'basic' && response.status === 200;

/**
 * Keeps a copy of `response` (taken now, stored in the background, so the
 * page gets the body as it streams in). This build's cache is written only
 * while it exists: once a newer worker has taken over and deleted it,
 * requests this one is still answering must not bring it back.
 */
function store(event, cacheName, key, response) {
  const copy = response.clone();
  event.waitUntil(
    (async () => {
      if (cacheName !== RUNTIME_CACHE && !(await caches.has(cacheName))) return;
      await (await caches.open(cacheName)).put(key, copy);
    })().catch(() => {}),
  );
}

/**
 * The stored page for a navigation to `url`: the shell (index.html, the
 * catalogue) under the scope URL, or an exercise's prerendered page,
 * `exercise/<slug>/index.html`, as MANIFEST lists it. Any other path gets
 * the page file it would have; none is stored, so it falls back to the shell.
 */
function pageKey(url) {
  const below = new URL(url).pathname.slice(new URL(SCOPE).pathname.length).replace(/\/+$/, '');
  if (below === '' || below === 'index.html') return SCOPE;
  return new URL(`${below}/index.html`, SCOPE).href;
}

async function navigation(event) {
  const key = pageKey(event.request.url);
  try {
    const preloaded = await Promise.resolve(event.preloadResponse).catch(() => undefined);
    const response = preloaded ?? (await fetch(event.request));
    // Kept for offline use: the shell, and a page this build prerendered
    // (stored at install), never a page the server made up for another path.
    const known = key === SCOPE || (await caches.match(key, { cacheName: SHELL_CACHE })) !== undefined;
    if (known && storable(response) && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
      store(event, SHELL_CACHE, key, response);
    }
    return response;
  } catch (error) {
    const page =
      (await caches.match(key, { cacheName: SHELL_CACHE })) ??
      (await caches.match(SCOPE, { cacheName: SHELL_CACHE })) ??
      (await caches.match(SCOPE));
    if (page) return page;
    throw error;
  }
}

async function cacheFirst(event) {
  const cached = await caches.match(event.request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (storable(response)) store(event, SHELL_CACHE, event.request, response);
  return response;
}

async function networkFirst(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (storable(response)) {
      const inShell = await caches.match(request, { ignoreSearch: true, cacheName: SHELL_CACHE });
      store(event, inShell ? SHELL_CACHE : RUNTIME_CACHE, request, response);
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}
