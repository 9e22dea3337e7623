// The app's loader, as every prerendered page runs it (its inline module
// script, hashed into the Content-Security-Policy).
//
// The prerender (crates/prerender/src/loader.rs) writes one line before
// this file: `const config = {…};`, with this build's values:
//   script, scriptIntegrity  the app's script (hashed name) and its SRI hash
//   wasm, wasmIntegrity      the app's wasm and its SRI hash
//   reading                  the reading app's four of the same, or null
//   readingAttribute         the attribute of the page's data that says
//                            the reading app can take the page over
//   searchBoxId              the id of the header's search box
//   triggers                 what the reader does that starts the app
//   dataId                   the id of the page's data (in the page, or
//                            the files it names: crates/prerender/src/data.rs)
//   notFoundId               the id of the "not found" heading
//   failedState              the history state of a failed hydration
//   queryParam               the search page's query parameter
//   savedListId              the id of the Saved page's list
//   offline                  the offline controls' script (they register
//                            the service worker), or null
//   staleState               the history state of a reload into a newer build
//   stylesId                 the id of the links to the styles the page
//                            did not inline
//   didNotStartId            the id of the notice a page that is empty
//                            without the app (search) shows when it did
//                            not start
// and drops the lines that are only comments, and each line's indent.
//
// A prerendered page needs none of the app to be read: the app only has
// to be there for the reader's next step. So the app is asked for once the
// reader does something on the page (a touch, a scroll, a key, the mouse
// moving) and the page has loaded and painted: a reader who only reads
// downloads and runs nothing but the page. Pages that need the app to
// show what they are for start it at once: a page served without its data
// (the app fetches what it shows), "not found" (the app may know the
// address), the search page opened at a query, and a page reloaded after
// a failed hydration (the app renders it afresh).

// A deploy removed this page's app (its files are named by their content,
// and the host no longer has them): the page reloads once into the newer
// build, marked so it never loops; the page stays readable meanwhile.
// (Only a file that is gone: an app that fails as it starts reports it
// itself, with its panic notice, see src/prerendered.rs. Nor a device
// that is offline: the files could not be had, which says nothing of the
// host's, and the page stays readable as it is.)
const stale = () => {
  if (navigator.onLine !== false && history.state !== config.staleState) {
    history.replaceState(config.staleState, '');
    location.reload();
  }
};

// The page's data, for the app to take the page over: a list's, an
// article's or a speaker's names its files (the site's settings and its
// own, which the app fetches anyway when it shows such a page), asked for
// here with the app and put where the app reads them; the other pages'
// is in the page. Resolves to whether the app has what it needs: a file
// that cannot be had (offline, and never fetched here) leaves the page as
// it is, readable, without the app.
const pageData = () => {
  const data = document.getElementById(config.dataId);
  const named = data && data.dataset && data.dataset.src;
  if (!named) return Promise.resolve(true);
  const text = (url) => fetch(url).then((response) => (response.ok ? response.text() : Promise.reject(new Error(url))));
  return Promise.all([text(data.dataset.site), text(named)]).then(
    ([site, own]) => {
      data.textContent = `{"site":${site},"${data.dataset.field}":${own}}`;
      return true;
    },
    () => false,
  );
};

// The wasm compiled as it streams in; where the host does not send it as
// `application/wasm` (which streaming needs), compiled once it is all
// here. The app's bindings instantiate it a task after it is compiled
// (`nextTask`), so that taking in its last bytes and starting the app never
// make one long task.
const compile = (response) =>
  WebAssembly.compileStreaming(response).catch(() => response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes)));
const nextTask = (value) => new Promise((resolve) => setTimeout(() => resolve(value)));

// The app that takes the page over: the reading app (the lists, the
// articles and their speeches, the Saved page: most of what readers
// open, in a smaller wasm) where the build has one and the page says it
// can, unless this load follows a failed hydration; the whole app
// otherwise.
const chosen = () => {
  const data = document.getElementById(config.dataId);
  const reading =
    config.reading && data && data.hasAttribute(config.readingAttribute) && history.state !== config.failedState;
  return reading ? config.reading : config;
};

// A reader who focuses the header's search box on a page the reading app
// takes over is about to load the search page, which starts the whole
// app: its files are asked for now, at low priority, so that the search
// page finds them in the browser's cache (they are named by their
// content, and kept for a year).
const warmWhole = (event) => {
  if (!event.target || event.target.id !== config.searchBoxId) return;
  removeEventListener('focusin', warmWhole, options);
  [
    [config.script, config.scriptIntegrity],
    [config.wasm, config.wasmIntegrity],
  ].forEach(([url, integrity]) => fetch(url, { integrity, priority: 'low' }).catch(() => undefined));
};

// Trunk's own start, with the integrity hashes kept: the script through a
// modulepreload link (which the import then uses), the wasm through
// fetch's integrity, both asked for at once (the wasm is not held up by a
// round trip for the script: on a phone's network that is a tenth of a
// second or more), and the wasm compiled as it streams in; the page's
// data with them. The app's bindings are `window.wasmBindings`. The
// offline controls come once the app has started (or could not): they
// register the service worker, whose first install keeps the app's files
// and the offline pages, and those requests never share the phone's
// network with the app's own.
// The page served at another spelling of its address (`/news/x/`,
// `/news/x/index.html`, `/index.html`: a static host serves them all) is
// given its own address's spelling (its `og:url`, which a speech page has
// of its own, where its canonical link names the article) before the app
// starts, whose router knows only that spelling (it would find no route
// for `index.html`).
const ownAddress = () => {
  const own = document.querySelector('meta[property="og:url"]');
  if (!own) return;
  const path = new URL(own.content).pathname;
  const here = location.pathname;
  if (here !== path && [`${path}/`, `${path}index.html`, `${path}/index.html`].includes(here)) {
    history.replaceState(history.state, '', path + location.search + location.hash);
  }
};

// The app did not start (its files or the page's data could not be had,
// or the browser could not run it): a page that is empty without it says
// so, where the reader looks (the search page; the others stay readable
// as they are).
const didNotStart = () => {
  const notice = document.getElementById(config.didNotStartId);
  if (notice) notice.hidden = false;
};

const start = () => {
  ownAddress();
  const app = chosen();
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = app.script;
  link.integrity = app.scriptIntegrity;
  link.crossOrigin = 'anonymous';
  document.head.append(link);
  const wasm = fetch(app.wasm, { integrity: app.wasmIntegrity });
  wasm.then((response) => response.ok || stale(), stale);
  const compiled = wasm.then(compile).then(nextTask);
  // Not an error of its own when the app is not started (the page's data
  // or the script could not be had): the app's start reports it otherwise.
  compiled.catch(() => undefined);
  const data = pageData();
  const started = import(app.script).then((bindings) => {
    return data
      .then((ready) => ready && bindings.default({ module_or_path: compiled }))
      .then((wasm) => {
        if (!wasm) return didNotStart();
        window.wasmBindings = bindings;
        dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
        // The parts of the stylesheet this page did not inline (other
        // pages', the running app's own), a few kilobytes: linked once the
        // app runs, so that they never hold up its wasm or its data, and
        // here long before the reader's first route change.
        const styles = document.getElementById(config.stylesId);
        if (styles && styles.content) document.head.append(styles.content);
      })
      .catch(didNotStart);
  }, () => {
    stale();
    didNotStart();
  });
  if (config.offline) started.then(() => import(config.offline)).catch(() => undefined);
};

// Whether the page has painted; after `load`, wait for its first paint
// (a frame at a time, at most 60), so the app never delays it.
const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
const afterPaint = (tries) =>
  requestAnimationFrame(() => setTimeout(() => (painted() || tries < 1 ? start() : afterPaint(tries - 1))));
const loaded = () => afterPaint(60);
const begin = () =>
  document.readyState === 'complete' ? loaded() : addEventListener('load', loaded, { once: true });

// The reader's first act: listened for on the window, while capturing,
// passively (a scroll is never held up), and only once.
const options = { capture: true, passive: true };
const first = () => {
  config.triggers.forEach((name) => removeEventListener(name, first, options));
  begin();
};

if (chosen() !== config) addEventListener('focusin', warmWhole, options);

// A link the keyboard focuses in a row that scrolls sideways (the header's,
// on a phone) is brought into the row's view: browsers leave one that is
// half in view where it is, its name cut.
document.addEventListener(
  'focusin',
  (event) => {
    const row = event.target.closest && event.target.closest('.section-nav,.site-nav');
    if (row && row.scrollWidth > row.clientWidth) event.target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  },
  options,
);

// A speech's own page (a link shared to one speech) opens at that speech,
// marked by its focus, as an address with its fragment (`#speech-2`) does:
// the page names it (`data-part`). Only on a navigation to it: a reload or
// Back puts the reader back where they were. Whether it moved the reader.
const arrive = () => {
  const data = document.getElementById(config.dataId);
  const part = data && data.dataset && data.dataset.part && document.getElementById(data.dataset.part);
  const navigation = performance.getEntriesByType('navigation')[0];
  if (!part || location.hash || scrollY !== 0 || (navigation && navigation.type !== 'navigate')) return false;
  part.tabIndex = -1;
  part.focus({ preventScroll: true });
  part.scrollIntoView();
  return true;
};
const listen = () => config.triggers.forEach((name) => addEventListener(name, first, options));

// A row of the header that scrolls sideways (a phone's) opens at the
// page's own link, the section the reader is in, not at its start with
// that link out of sight. (CSS's scroll-initial-target does this too, but
// where the row fits it scrolls the page, a scroll event like a reader's.)
// Whether it moved a row.
const showCurrent = () => {
  let moved = false;
  document.querySelectorAll('.section-nav,.site-nav').forEach((row) => {
    const link = row.querySelector('[aria-current="page"]');
    if (!link || row.scrollWidth <= row.clientWidth) return;
    const [a, r] = [link.getBoundingClientRect(), row.getBoundingClientRect()];
    if (a.right > r.right) {
      row.scrollLeft += a.right - r.right + 48;
      moved = true;
    }
  });
  return moved;
};

const eager =
  !document.getElementById(config.dataId) ||
  document.getElementById(config.notFoundId) ||
  history.state === config.failedState ||
  new URLSearchParams(location.search).has(config.queryParam) ||
  document.getElementById(config.savedListId);
const moved = [arrive(), showCurrent()].some(Boolean);
if (eager) {
  begin();
} else if (moved) {
  // Not started by the page's own scrolls (the arrival's, the header
  // row's): their events come with the next frame's scroll steps, before
  // that frame's callbacks.
  requestAnimationFrame(listen);
} else {
  listen();
}
