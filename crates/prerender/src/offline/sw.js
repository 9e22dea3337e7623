// The site's service worker: articles a reader opened stay readable
// offline, and a deploy never strands a reader.
//
// The prerender (crates/prerender/src/offline/mod.rs) writes it as
// `<base>sw.js`, served `no-cache`, with one line before this file:
// `const config = {…};`, this build's values:
//   version    changes with every build whose app or worker changed
//   base       the folder the site is served from (`/`, `/news/`)
//   caches     the start of every cache's name (`reader:<base>:`), which
//              the kill switch deletes
//   app        the build's hashed files (its script, wasm, styles, favicon)
//   later      those of them kept once a page asks for them, not at
//              install (the whole app, where the build has a reading
//              app: the pages read offline need only the reading app)
//   shell      the manifest and the icons (not hashed: from the network
//              first, kept for offline)
//   editions   each edition of the site (one per language), deepest
//              folder first: its folder (`base`), its offline page
//              (`page`), its Saved page (`saved`, kept at install under
//              its canonical address, for the offline page's link to
//              it), its language (`lang`) and the line over a saved
//              copy (`saved_copy`)
//   script     the script of the offline controls
//   cap        how many pages, data files and photos the rolling cache keeps
//
// Caches, all named `reader:<base>:…` so that another app on the same
// origin is never touched:
//   app:<version>  this build's hashed files, kept at install (best
//                  effort: a file that fails never fails the install),
//                  those in `later` once a page asks for them
//   pages          what the reader opened: pages, their JSON, photos;
//                  at most `cap`, the least recently used dropped first
//   kept           what the reader saved on purpose: never dropped
//
// Pages and data come from the network first (never stale online), from
// the saved copy when the network fails, with a line saying when it was
// saved; anything not saved gets the offline page. Only a response that
// is OK, not redirected and of this origin is ever stored: a 404 or a 5xx
// is never served offline. A new worker waits until no page uses the old
// one (no skipWaiting: it never takes over a page an older worker serves);
// the pages open with no worker at all (a reader's first visit) it takes
// charge of as it starts (clients.claim), so that what the app fetches
// there is kept too. A page saved on purpose is kept with its data (the
// JSON its app reads), so that the app can show it offline as well.

const PREFIX = config.caches;
const APP_CACHE = `${PREFIX}app:${config.version}`;
const PAGES = `${PREFIX}pages`;
const KEPT = `${PREFIX}kept`;
// The worker's own addresses, below the base: its index of the rolling
// cache is kept under one; none is ever asked of the network.
const API = `${config.base}__reader/`;
const INDEX = `${API}index.json`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(APP_CACHE).then((cache) =>
      Promise.allSettled(
        [
          ...config.app.filter((url) => !config.later.includes(url)),
          ...config.shell,
          ...config.editions.map((edition) => edition.page),
          config.script,
        ]
          .map((url) => cache.add(url))
          .concat(
            config.editions.map(async (edition) => {
              const response = await fetch(edition.saved);
              if (storable(response)) await cache.put(key(new URL(edition.saved, self.location.origin).href), response);
            }),
          ),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(`${PREFIX}app:`) && name !== APP_CACHE)
          .map((name) => caches.delete(name)),
      );
      // The pages open when the worker first took charge were loaded
      // without it: keep them now, as if they had been opened through it.
      const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      await Promise.allSettled(open.map((client) => remember(new Request(client.url))));
      // And from now on through it (no older worker serves them: it is
      // only activated once none does).
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(config.base)) return;
  if (request.method !== 'GET' || url.pathname.startsWith(API)) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(event, request));
  } else if (immutable(url)) {
    event.respondWith(cacheFirst(event, request));
  } else if (url.pathname.startsWith(`${edition(url.pathname).base}content/`)) {
    event.respondWith(networkFirst(event, request));
  } else if (config.shell.includes(url.pathname)) {
    event.respondWith(fetch(request).catch(() => find(request.url).then((saved) => saved || Response.error())));
  }
});

/** The edition an address is in: the one with the deepest folder holding it. */
function edition(path) {
  return config.editions.find((edition) => path.startsWith(edition.base)) || config.editions[config.editions.length - 1];
}

/** Files whose name changes when their bytes do: the app's, the photos'. */
function immutable(url) {
  const path = url.pathname;
  return config.app.includes(path) || path === config.script || path.startsWith(`${edition(path).base}content/photos/`);
}

/**
 * The address a page or file is saved under: no query, no fragment, and
 * a page's other spellings (`/news/x/`, `/news/x/index.html`, which a
 * static host serves too) its canonical one (`/news/x`; an edition's home
 * keeps its slash).
 */
function key(url) {
  const clean = new URL(url);
  clean.search = '';
  clean.hash = '';
  let path = clean.pathname.replace(/\/index\.html$/, '/');
  const home = path === config.base || config.editions.some((edition) => edition.base === path);
  if (path.endsWith('/') && !home) path = path.slice(0, -1);
  clean.pathname = path;
  return clean.href;
}

/** Whether `response` may be stored: OK, not redirected, this origin's. */
function storable(response) {
  return response && response.ok && !response.redirected && response.type === 'basic';
}

/** A page: the network's, else the saved copy, else the offline page. */
async function page(event, request) {
  try {
    const response = await fetch(request);
    if (storable(response) && (response.headers.get('content-type') || '').includes('text/html')) {
      event.waitUntil(store(request.url, response.clone(), 'page'));
    } else if (response.status === 404 || response.status === 410) {
      // Gone from the site: gone from the rolling cache too.
      event.waitUntil(forget(request.url, false));
    }
    return response;
  } catch (offline) {
    const saved = await find(request.url);
    if (saved) {
      event.waitUntil(touch(request.url));
      return stamped(saved, edition(new URL(request.url).pathname));
    }
    // A speech's address (a shared link to it) is its article's page, at
    // the speech: the article's saved copy serves it.
    const speech = new URL(key(request.url)).pathname.match(/^(.*\/news\/[^/]+)\/speech\/(\d+)$/);
    if (speech && (await find(new URL(speech[1], self.location.origin).href))) {
      return Response.redirect(new URL(`${speech[1]}#speech-${speech[2]}`, self.location.origin).href, 302);
    }
    return offlinePage(edition(new URL(request.url).pathname));
  }
}

/** Data (the articles' and lists' JSON): the network's, else the saved copy. */
async function networkFirst(event, request) {
  try {
    const response = await fetch(request);
    if (storable(response)) event.waitUntil(store(request.url, response.clone(), 'data'));
    return response;
  } catch (offline) {
    const saved = await find(request.url);
    if (saved) return saved;
    throw offline;
  }
}

/** A hashed file: the saved copy, else the network's (then saved). */
async function cacheFirst(event, request) {
  const saved = await find(request.url);
  if (saved) return saved;
  const response = await fetch(request);
  if (storable(response)) {
    const path = new URL(request.url).pathname;
    if (config.app.includes(path) || path === config.script) {
      event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.put(request, response.clone())));
    } else {
      event.waitUntil(store(request.url, response.clone(), 'photo'));
    }
  }
  return response;
}

/** The saved copy of `url`: kept on purpose, in the rolling cache, or the app's. */
async function find(url) {
  for (const name of [KEPT, PAGES, APP_CACHE]) {
    const cache = await caches.open(name);
    const found = await cache.match(key(url));
    if (found) return found;
  }
  return undefined;
}

/** The edition's offline page, as this build made it; never stored under another address. */
async function offlinePage(edition) {
  const cache = await caches.open(APP_CACHE);
  const found = await cache.match(new URL(edition.page, self.location.origin).href);
  const body = found ? await found.text() : '<!doctype html><title>Offline</title><p>You are offline.</p>';
  // The headers the host sent with it (its security policy among them),
  // but for the status and caching of a page that is not the one asked for.
  const headers = new Headers(found ? found.headers : {});
  headers.set('content-type', 'text/html; charset=utf-8');
  headers.set('cache-control', 'no-store');
  headers.delete('content-length');
  return new Response(body, { status: 503, headers });
}

/**
 * A saved page, with a line at the top saying it is a copy saved on this
 * device, and when (plain text in the page's own markup: no script, no
 * style attribute, so the page's policy holds).
 */
async function stamped(response, edition) {
  const type = response.headers.get('content-type') || '';
  const saved = Number(response.headers.get('x-reader-saved')) || 0;
  if (!type.includes('text/html') || !saved) return response;
  const when = new Date(saved);
  const shown = when.toLocaleString(edition.lang, { dateStyle: 'long', timeStyle: 'short' });
  const time = `<time datetime="${when.toISOString()}">${shown}</time>`;
  const escaped = edition.saved_copy.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const note = `<p class="saved-copy" role="status">${escaped.replace('{when}', time)}</p>`;
  const html = (await response.text()).replace(/<body([^>]*)>/, (body) => `${body}${note}`);
  return new Response(html, { status: 200, headers: response.headers });
}

// ---- The rolling cache's index: what it holds, when each was last used.
//
// Kept in memory and saved in the cache itself (the worker may be stopped
// at any moment); changed one at a time, in order.

let index = null;
let queue = Promise.resolve();

/** Runs `change(entries)` on the index, after every change before it (one
 * that fails does not stop the next). */
function withIndex(change) {
  const turn = queue.then(async () => {
    if (!index) {
      const cache = await caches.open(PAGES);
      const saved = await cache.match(INDEX);
      index = saved ? await saved.json().catch(() => ({})) : {};
    }
    const result = await change(index);
    const cache = await caches.open(PAGES);
    await cache.put(INDEX, new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } }));
    return result;
  });
  queue = turn.catch(() => undefined);
  return turn;
}

/**
 * Stores `response` for `url`: in the kept cache if the reader saved it on
 * purpose, else in the rolling cache, dropping the least recently used
 * past the cap. Decided and done in the index's turn, so a page saved
 * while it is being stored stays saved.
 */
async function store(url, response, kind) {
  const stored = await markSaved(response);
  const about = kind === 'page' ? await describe(stored.clone()) : { title: '' };
  const address = key(url);
  return withIndex(async (entries) => {
    const now = Date.now();
    const entry = entries[address];
    if (entry?.kept) {
      await (await caches.open(KEPT)).put(address, stored);
      entries[address] = { ...entry, ...about, title: about.title || entry.title, saved: now, used: now };
      return;
    }
    const cache = await caches.open(PAGES);
    await cache.put(address, stored);
    entries[address] = { ...about, saved: now, used: now, kind, kept: false };
    const rolling = Object.entries(entries).filter(([, entry]) => !entry.kept);
    if (rolling.length > config.cap) {
      rolling.sort((a, b) => a[1].used - b[1].used);
      for (const [old] of rolling.slice(0, rolling.length - config.cap)) {
        delete entries[old];
        await cache.delete(old);
      }
    }
  });
}

/** Marks a saved copy with the time it was saved. */
async function markSaved(response) {
  const headers = new Headers(response.headers);
  headers.set('x-reader-saved', String(Date.now()));
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

/**
 * What the Saved list says of a page: its own title (its sharing title,
 * else its `<title>`), as text; its language (`<html lang>`), for the
 * title's pronunciation on a page of another edition; and whether it is
 * an article (its sharing type), which is what "Recently read" lists.
 */
async function describe(response) {
  const html = await response.text();
  const match =
    html.match(/<meta[^>]*property="og:title"[^>]*content="([^"]*)"/) || html.match(/<title>([^<]*)<\/title>/);
  const lang = html.match(/<html[^>]*\slang="([^"]*)"/);
  const type = html.match(/<meta[^>]*property="og:type"[^>]*content="([^"]*)"/);
  return {
    title: match
      ? match[1].replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[name])
      : '',
    lang: lang ? lang[1] : '',
    article: Boolean(type && type[1] === 'article'),
  };
}

/** Keeps `url`'s page fresh from the network (the tabs open at activation). */
async function remember(request) {
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(config.base) || url.pathname.startsWith(API)) return;
  const response = await fetch(request);
  if (storable(response) && (response.headers.get('content-type') || '').includes('text/html')) {
    await store(request.url, response, 'page');
  }
}

/** Marks `url` as just used. */
function touch(url) {
  return withIndex((entries) => {
    if (entries[key(url)]) entries[key(url)].used = Date.now();
  });
}

/** Drops `url` from the rolling cache, as a page gone from the site; or,
 * `kept`, from the pages saved on purpose, back to the rolling cache (as
 * any page read: the reader may save it again, offline too). The data
 * files a kept page was saved with go back to the rolling cache, unless
 * another kept page was saved with them too. */
function forget(url, kept) {
  const address = key(url);
  return withIndex(async (entries) => {
    const entry = entries[address];
    if (!entry || (entry.kept && !kept)) return;
    const keptCache = await caches.open(KEPT);
    const copy = kept && (await keptCache.match(address));
    if (copy) {
      await (await caches.open(PAGES)).put(address, copy);
      entries[address] = { ...entry, kept: false, data: undefined };
    } else {
      delete entries[address];
      await (await caches.open(PAGES)).delete(address);
    }
    await keptCache.delete(address);
    const stillKept = new Set(Object.values(entries).flatMap((other) => (other.kept && other.data) || []));
    for (const file of entry.data || []) {
      const copy = await keptCache.match(file);
      if (stillKept.has(file) || !copy || !entries[file]) continue;
      await (await caches.open(PAGES)).put(file, copy);
      await keptCache.delete(file);
      entries[file].kept = false;
    }
  });
}

/** The data files a page's app reads (its data element's `data-site` and
 * `data-src`), as the addresses they are saved under. */
function dataFiles(html) {
  const element = html.match(/<script[^>]*\sid="?reader-data"?[^>]*>/);
  if (!element) return [];
  return ['data-site', 'data-src']
    .map((name) => element[0].match(new RegExp(`\\s${name}="([^"]+)"`)))
    .filter(Boolean)
    .map((found) => key(new URL(found[1].replace(/&amp;/g, '&'), self.location.origin).href));
}

// ---- What the pages ask of the worker (the offline controls, offline.js),
// as messages with a port for the answer: a page the worker does not
// control (the first one a reader opens) can ask too.

self.addEventListener('message', (event) => {
  const port = event.ports[0];
  const message = event.data || {};
  if (!port || event.origin !== self.location.origin) return;
  event.waitUntil(
    answer(message)
      .then((reply) => port.postMessage(reply))
      .catch((error) => port.postMessage({ error: String(error) })),
  );
});

/** `{type: 'list'}`: the pages saved on this device; `{type: 'keep' | 'drop', url}`. */
async function answer(message) {
  if (message.type === 'list') {
    const entries = await withIndex((entries) => ({ ...entries }));
    const pages = Object.entries(entries)
      .filter(([, entry]) => entry.kind === 'page')
      .map(([address, entry]) => ({ url: address, title: entry.title, lang: entry.lang, article: entry.article, saved: entry.saved, kept: entry.kept }))
      .sort((a, b) => b.saved - a.saved);
    return { pages };
  }
  if (message.type === 'loaded') {
    // What a page loaded before the worker took charge of it (a reader's
    // first page): its data and pictures, kept as if loaded through it.
    const files = (Array.isArray(message.files) ? message.files : []).slice(0, 200);
    for (const file of files) {
      const at = typeof file === 'string' ? new URL(file, self.location.origin) : null;
      if (!at || at.origin !== self.location.origin || !at.pathname.startsWith(`${edition(at.pathname).base}content/`)) continue;
      if (await find(at.href)) continue;
      const response = await fetch(at.href).catch(() => null);
      const photo = at.pathname.startsWith(`${edition(at.pathname).base}content/photos/`);
      if (storable(response)) await store(at.href, response, photo ? 'photo' : 'data');
    }
    return { seen: true };
  }
  const url = typeof message.url === 'string' ? new URL(message.url, self.location.origin) : null;
  if (!url || url.origin !== self.location.origin || !url.pathname.startsWith(config.base)) {
    return { error: 'not a page of this site' };
  }
  if (message.type === 'keep') return { kept: await keep(url.href) };
  if (message.type === 'visit') {
    // A page the app showed without loading it (a link followed in the
    // app): kept as if it had been loaded, unless it just was.
    const entries = await withIndex((entries) => ({ ...entries }));
    const seen = entries[key(url.href)];
    if (!seen || Date.now() - seen.saved > 60_000) await remember(new Request(url.href)).catch(() => undefined);
    return { seen: true };
  }
  if (message.type === 'drop') {
    await forget(url.href, true);
    return { kept: false };
  }
  return { error: 'unknown message' };
}

/** Saves `url`'s page on purpose, and the data its app reads: each from
 * the rolling cache, else the network. */
async function keep(url) {
  const address = key(url);
  const saved = async (file) => {
    if ((await (await caches.open(PAGES)).match(file)) || (await (await caches.open(KEPT)).match(file))) return null;
    const response = await fetch(file).catch(() => null);
    return storable(response) ? markSaved(response) : undefined;
  };
  const fetched = await saved(address);
  if (fetched === undefined) return false;
  const page = fetched || (await find(address));
  const data = page ? dataFiles(await page.clone().text()) : [];
  const fetchedData = new Map();
  for (const file of data) fetchedData.set(file, await saved(file));
  return withIndex(async (entries) => {
    const pages = await caches.open(PAGES);
    const kept = await caches.open(KEPT);
    const copy = (await pages.match(address)) || (await kept.match(address)) || fetched;
    if (!copy) return false;
    const about = await describe(copy.clone());
    await kept.put(address, copy);
    await pages.delete(address);
    const now = Date.now();
    const entry = entries[address];
    entries[address] = { ...entry, ...about, saved: entry?.saved || now, used: now, kind: 'page', kept: true, data };
    for (const file of data) {
      const dataCopy = (await pages.match(file)) || (await kept.match(file)) || fetchedData.get(file);
      if (!dataCopy) continue;
      await kept.put(file, dataCopy);
      await pages.delete(file);
      entries[file] = { ...entries[file], title: '', saved: entries[file]?.saved || now, used: now, kind: 'data', kept: true };
    }
    return true;
  });
}
