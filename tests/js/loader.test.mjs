// The app's loader (crates/prerender/src/loader.js) run as JavaScript, in a
// page of stubs: when it asks for the app, and how. The prerender writes it
// into every page after a `config` line, minified (crates/prerender/src/
// scripts.rs; the browser tests run that form), or, should oxc not read
// it, without its comments and indents (crates/prerender/src/loader.rs);
// both the file and that last form are run.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const FILE = new URL('../../crates/prerender/src/loader.js', import.meta.url);
const SOURCE = readFileSync(FILE, 'utf8');

/** The loader as the prerender writes it: no comment lines, no indents. */
const PRERENDERED = SOURCE.split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('//'))
  .join('\n');

const CONFIG = {
  script: '/reader-1a2b.js',
  scriptIntegrity: 'sha384-JS',
  wasm: '/reader-1a2b_bg.wasm',
  wasmIntegrity: 'sha384-WASM',
  triggers: ['pointerdown', 'pointermove', 'touchstart', 'keydown', 'wheel', 'scroll'],
  dataId: 'reader-data',
  notFoundId: 'not-found-heading',
  failedState: 'reader:hydration-failed',
  queryParam: 'q',
  savedListId: 'saved-list',
  offline: '/offline/controls-1.js',
  staleState: 'reader:stale-build',
  stylesId: 'reader-styles',
  didNotStartId: 'search-did-not-start',
};

/** A build with a reading app (src/bin/reading.rs). */
const READING_CONFIG = {
  ...CONFIG,
  reading: {
    script: '/reading-3c4d.js',
    scriptIntegrity: 'sha384-RJS',
    wasm: '/reading-3c4d_bg.wasm',
    wasmIntegrity: 'sha384-RWASM',
  },
  readingAttribute: 'data-reading',
  searchBoxId: 'site-search',
};

/**
 * Runs `source` in a page of stubs: `ids` are the elements the page has,
 * `search` its query string, `state` its history state, `ready` its
 * readyState, `paintAfter` how many frames until its first paint, `rows`
 * the header's rows that may scroll sideways (`{ width, scrollWidth, link }`:
 * the page's own link's left and right, or none).
 * Returns what the loader did.
 */
async function run(source, { ids = ['reader-data'], search = '', state = null, ready = 'complete', paintAfter = 0, gone = false, wasmGone = false, failsToStart = false, named = false, dataGone = false, wrongType = false, readingPage = false, readingApp = false, offline = false, path = '/news/a', canonical = null, hash = '', part = null, scrolled = 0, navigation = 'navigate', rows = [] } = {}) {
  const did = { listeners: new Map(), documentListeners: new Map(), appended: [], imported: [], fetched: [], events: [], frames: 0, reloads: 0, states: [], started: 0, sequence: [] };
  // The page's data element: in the page, or naming its files.
  const data = named
    ? { id: 'reader-data', dataset: { site: '/content/site.json', field: 'article', src: '/content/articles/a.json' }, textContent: '' }
    : { id: 'reader-data' };
  did.data = data;
  // A speech's page names its speech (`part`), an element of the page.
  const element = { tabIndex: 0, focused: null, scrolled: 0, focus(options) { this.focused = options; }, scrollIntoView() { this.scrolled += 1; } };
  did.part = element;
  // The search page's notice that the app did not start.
  did.notice = { id: CONFIG.didNotStartId, hidden: true };
  if (part) data.dataset = { ...data.dataset, part };
  // A page the reading app can take over says so on its data element.
  data.hasAttribute = (name) => readingPage && name === READING_CONFIG.readingAttribute;
  did.rows = rows.map(({ width, scrollWidth, link }) => {
    const row = {
      clientWidth: width,
      scrollWidth,
      scrollLeft: 0,
      getBoundingClientRect: () => ({ left: 0, right: width }),
    };
    row.querySelector = (selector) =>
      selector === '[aria-current="page"]' && link
        ? { getBoundingClientRect: () => ({ left: link[0] - row.scrollLeft, right: link[1] - row.scrollLeft }) }
        : null;
    return row;
  });
  let frames = 0;
  const listen = (name, fn, options) => did.listeners.set(name, { fn, options });
  const context = {
    config: readingApp ? READING_CONFIG : CONFIG,
    document: {
      readyState: ready,
      // The styles' <template>: its content is what the loader moves.
      getElementById: (id) => {
        if (!ids.includes(id)) return null;
        if (id === CONFIG.stylesId) return { id, content: { links: 'the other parts' } };
        if (id === part) return element;
        if (id === CONFIG.didNotStartId) return did.notice;
        return id === CONFIG.dataId ? data : { id };
      },
      createElement: (tag) => ({ tag }),
      head: { append: (el) => did.appended.push(el) },
      addEventListener: (name, fn, options) => did.documentListeners.set(name, { fn, options }),
      // The page's own address (its `og:url`), if it has one.
      querySelector: (selector) => (selector === 'meta[property="og:url"]' && canonical ? { content: canonical } : null),
      querySelectorAll: (selector) => (selector === '.section-nav,.site-nav' ? did.rows : []),
    },
    history: {
      state,
      replaceState(value, _title, url) {
        this.state = value;
        did.states.push(value);
        if (url !== undefined) did.address = url;
      },
    },
    location: { pathname: path, search, hash, reload: () => (did.reloads += 1) },
    URL,
    navigator: { onLine: !offline },
    URLSearchParams,
    performance: {
      getEntriesByName: (name) => (name === 'first-contentful-paint' && frames > paintAfter ? [{}] : []),
      getEntriesByType: (type) => (type === 'navigation' ? [{ type: navigation }] : []),
    },
    scrollY: scrolled,
    requestAnimationFrame: (fn) => {
      frames += 1;
      did.frames = frames;
      queueMicrotask(fn);
    },
    setTimeout: (fn) => {
      did.sequence.push('timer');
      queueMicrotask(fn);
    },
    addEventListener: listen,
    removeEventListener: (name, fn) => {
      if (did.listeners.get(name)?.fn === fn) did.listeners.delete(name);
    },
    dispatchEvent: (event) => did.events.push(event),
    CustomEvent: class {
      constructor(type, init) {
        this.type = type;
        this.detail = init?.detail;
      }
    },
    fetch: (url, init) => {
      did.fetched.push({ url, init });
      const missing = (wasmGone && url === CONFIG.wasm) || (dataGone && url.startsWith('/content/articles/'));
      return Promise.resolve({
        ok: !missing,
        status: missing ? 404 : 200,
        url,
        // A host that does not say `application/wasm` (`wrongType`).
        type: wrongType ? 'application/octet-stream' : 'application/wasm',
        text: () => Promise.resolve(`{"from":"${url}"}`),
        arrayBuffer: () => Promise.resolve(missing ? 'a page that says not found' : `the bytes of ${url}`),
      });
    },
    // The browser's compiler: streaming needs a good response with the
    // wasm's type; bytes compile only if they are the wasm's.
    WebAssembly: {
      compileStreaming: async (response) => {
        if (!response.ok || response.type !== 'application/wasm') throw new TypeError('cannot stream this response');
        did.sequence.push('compiled as it streamed');
        return { module: response.url };
      },
      compile: async (bytes) => {
        if (!String(bytes).startsWith('the bytes of ')) throw new Error('not wasm');
        did.sequence.push('compiled from its bytes');
        return { module: String(bytes).slice('the bytes of '.length) };
      },
    },
    __import: (url) => {
      did.imported.push(url);
      did.sequence.push(`import ${url}`);
      if (did.imported.length === 1) did.fetchedBeforeScript = did.fetched.length;
      // A deploy removed the app's files: the import fails.
      if (gone && url === CONFIG.script) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      return Promise.resolve({
        // As wasm-bindgen's start: it awaits the module, then instantiates it.
        default: async (init) => {
          did.started += 1;
          did.dataWhenStarted = data.textContent;
          did.module = await init.module_or_path;
          did.sequence.push('instantiated');
          // The app's own start failing (a failed hydration, say).
          if (failsToStart) throw new Error('unreachable');
          return { started: init };
        },
      });
    },
  };
  context.window = context;
  // `import()` cannot be stubbed; it is the one word changed.
  vm.runInNewContext(source.replaceAll('import(', '__import('), context);
  await settle();
  did.context = context;
  return did;
}

const settle = () => new Promise((done) => setImmediate(done));

for (const [name, source] of [['as written', SOURCE], ['as prerendered', PRERENDERED]]) {
  test(`the loader ${name} is valid JavaScript`, () => {
    assert.doesNotThrow(() => new vm.Script(`const config = {};\n${source}`, { filename: 'loader.js' }));
  });

  test(`the loader ${name} waits for the reader, then starts the app once, with its integrity`, async () => {
    const did = await run(source);
    assert.deepEqual([...did.listeners.keys()], CONFIG.triggers);
    for (const { options } of did.listeners.values()) assert.deepEqual({ ...options }, { capture: true, passive: true });
    assert.equal(did.imported.length, 0, 'nothing is asked for before the reader acts');
    did.listeners.get('scroll').fn();
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(did.listeners.size, 0, 'every trigger is removed after the first');
    assert.deepEqual(did.imported, ['/reader-1a2b.js', '/offline/controls-1.js'], 'the app, and the offline controls after it');
    assert.deepEqual(did.sequence.filter((step) => step === 'instantiated' || step.startsWith('import')), ['import /reader-1a2b.js', 'instantiated', 'import /offline/controls-1.js'], 'the offline controls once the app has started');
    assert.deepEqual(did.appended.map(({ tag, rel, href, integrity, crossOrigin }) => ({ tag, rel, href, integrity, crossOrigin })), [
      { tag: 'link', rel: 'modulepreload', href: '/reader-1a2b.js', integrity: 'sha384-JS', crossOrigin: 'anonymous' },
    ]);
    assert.equal(did.fetched.length, 1);
    assert.equal(did.fetchedBeforeScript, 1, 'the wasm is asked for with the script, not after it has come');
    assert.equal(did.fetched[0].url, '/reader-1a2b_bg.wasm');
    assert.deepEqual({ ...did.fetched[0].init }, { integrity: 'sha384-WASM' });
    assert.deepEqual(did.module, { module: '/reader-1a2b_bg.wasm' }, 'the app is given the module compiled as it streamed');
    assert.deepEqual(did.sequence.filter((step) => !step.startsWith('import')).slice(-3), ['compiled as it streamed', 'timer', 'instantiated'], 'instantiated a task after it is compiled');
    assert.equal(did.events.length, 1);
    assert.equal(did.events[0].type, 'TrunkApplicationStarted');
    assert.ok(did.context.wasmBindings, 'the bindings are window.wasmBindings');
  });

  test(`the loader ${name} opens a speech's page at that speech, focused, without starting the app by that scroll`, async () => {
    const ids = ['reader-data', 'speech-2'];
    const did = await run(source, { ids, part: 'speech-2' });
    assert.equal(did.part.scrolled, 1, 'scrolled to the speech');
    assert.deepEqual({ ...did.part.focused }, { preventScroll: true });
    assert.equal(did.part.tabIndex, -1);
    assert.deepEqual([...did.listeners.keys()], CONFIG.triggers, 'the reader\'s first act is listened for, from the next frame');
    assert.equal(did.frames, 1);
    assert.equal(did.imported.length, 0, 'the arrival\'s scroll does not start the app');
    // Not at a fragment, after a reload or Back, or once the reader has scrolled.
    for (const options of [{ hash: '#speech-1' }, { navigation: 'reload' }, { navigation: 'back_forward' }, { scrolled: 120 }]) {
      const stays = await run(source, { ids, part: 'speech-2', ...options });
      assert.equal(stays.part.scrolled, 0, JSON.stringify(options));
      assert.equal(stays.part.focused, null, JSON.stringify(options));
      assert.deepEqual([...stays.listeners.keys()], CONFIG.triggers);
    }
  });

  test(`the loader ${name} opens the header's row at the page's own link, without starting the app by that scroll`, async () => {
    // A phone's row of sections, the reader's section out of sight at its end.
    const did = await run(source, { rows: [{ width: 390, scrollWidth: 700, link: [420, 480] }] });
    assert.equal(did.rows[0].scrollLeft, 480 - 390 + 48, 'scrolled to the link, clear of the fade');
    assert.equal(did.frames, 1, 'the reader\'s first act is listened for from the next frame');
    assert.deepEqual([...did.listeners.keys()], CONFIG.triggers);
    assert.equal(did.imported.length, 0, 'the row\'s scroll does not start the app');
    // A row that fits, one whose link is in sight, one with no link of the page's: left as they are.
    const stays = await run(source, {
      rows: [
        { width: 1280, scrollWidth: 1280, link: [420, 480] },
        { width: 390, scrollWidth: 700, link: [100, 180] },
        { width: 390, scrollWidth: 700 },
      ],
    });
    assert.deepEqual(stays.rows.map((row) => row.scrollLeft), [0, 0, 0]);
    assert.equal(stays.frames, 0, 'listened for at once');
  });

  test(`the loader ${name} gives a page served at another spelling of its address its canonical one as the app starts`, async () => {
    for (const [path, canonical, address] of [
      ['/news/a/index.html', 'https://news.example.edu/news/a', '/news/a?page=2#speech-1'],
      ['/news/a/', 'https://news.example.edu/news/a', '/news/a?page=2#speech-1'],
      ['/index.html', 'https://news.example.edu/', '/?page=2#speech-1'],
      ['/news/a', 'https://news.example.edu/news/a', undefined],
      ['/news/other', 'https://news.example.edu/news/a', undefined],
      ['/news/a/index.html', null, undefined],
      ['/news/a/speech/2/', 'https://news.example.edu/news/a/speech/2', '/news/a/speech/2?page=2#speech-1'],
    ]) {
      const did = await run(source, { path, canonical, search: '?page=2', hash: '#speech-1' });
      assert.equal(did.address, undefined, 'not before the app starts');
      did.listeners.get('scroll').fn();
      for (let i = 0; i < 5; i += 1) await settle();
      assert.equal(did.address, address, `${path} with ${canonical}`);
      assert.equal(did.imported[0], '/reader-1a2b.js', 'and the app starts');
    }
  });

  test(`the loader ${name} starts the reading app on a page that says it can, the whole app elsewhere`, async () => {
    const started = async (options) => {
      const did = await run(source, options);
      did.listeners.get('scroll').fn();
      for (let i = 0; i < 5; i += 1) await settle();
      return {
        imported: did.imported,
        preloaded: did.appended.map(({ href, integrity }) => [href, integrity]),
        fetched: did.fetched.map(({ url, init }) => [url, init.integrity]),
        module: did.module,
      };
    };
    assert.deepEqual(await started({ readingApp: true, readingPage: true }), {
      imported: ['/reading-3c4d.js', '/offline/controls-1.js'],
      preloaded: [['/reading-3c4d.js', 'sha384-RJS']],
      fetched: [['/reading-3c4d_bg.wasm', 'sha384-RWASM']],
      module: { module: '/reading-3c4d_bg.wasm' },
    });
    const whole = {
      imported: ['/reader-1a2b.js', '/offline/controls-1.js'],
      preloaded: [['/reader-1a2b.js', 'sha384-JS']],
      fetched: [['/reader-1a2b_bg.wasm', 'sha384-WASM']],
      module: { module: '/reader-1a2b_bg.wasm' },
    };
    assert.deepEqual(await started({ readingApp: true }), whole, 'a page the reading app has no route for');
    assert.deepEqual(await started({ readingPage: true }), whole, 'a build without a reading app');
  });

  test(`the loader ${name} brings a header link the keyboard focuses whole into its row, where the row scrolls`, async () => {
    const did = await run(source);
    const focus = did.documentListeners.get('focusin');
    assert.ok(focus, 'listening for focus on the document');
    const link = (scrolls) => {
      const row = { scrollWidth: scrolls ? 500 : 300, clientWidth: 300 };
      return { closest: (selector) => (selector === '.section-nav,.site-nav' ? row : null), scrolled: [], scrollIntoView(options) { this.scrolled.push(options); } };
    };
    const inScrollingRow = link(true);
    focus.fn({ target: inScrollingRow });
    assert.deepEqual(inScrollingRow.scrolled.map((o) => ({ ...o })), [{ block: 'nearest', inline: 'nearest' }]);
    const inRowThatFits = link(false);
    focus.fn({ target: inRowThatFits });
    assert.deepEqual(inRowThatFits.scrolled, [], 'a row that fits is left alone');
    const elsewhere = { closest: () => null, scrollIntoView: () => assert.fail('scrolled an element outside the rows') };
    focus.fn({ target: elsewhere });
    focus.fn({ target: {} });
  });

  test(`the loader ${name} asks for the whole app at low priority once the reader focuses the search box on a reading page`, async () => {
    const did = await run(source, { readingApp: true, readingPage: true });
    const focus = did.listeners.get('focusin');
    assert.ok(focus, 'listening for focus');
    assert.deepEqual({ ...focus.options }, { capture: true, passive: true });
    focus.fn({ target: { id: 'an-article-link' } });
    assert.equal(did.fetched.length, 0, 'another element: nothing');
    focus.fn({ target: { id: 'site-search' } });
    assert.deepEqual(did.fetched.map(({ url, init }) => [url, { ...init }]), [
      ['/reader-1a2b.js', { integrity: 'sha384-JS', priority: 'low' }],
      ['/reader-1a2b_bg.wasm', { integrity: 'sha384-WASM', priority: 'low' }],
    ]);
    assert.equal(did.listeners.has('focusin'), false, 'once');
    for (const options of [{ readingApp: true }, { readingPage: true }, {}]) {
      const whole = await run(source, options);
      assert.equal(whole.listeners.has('focusin'), false, `the whole app's page: ${JSON.stringify(options)}`);
    }
  });

  test(`the loader ${name} starts the whole app after a failed hydration, even on a reading page`, async () => {
    const did = await run(source, { readingApp: true, readingPage: true, state: CONFIG.failedState });
    for (let i = 0; i < 5; i += 1) await settle();
    assert.deepEqual(did.imported, ['/reader-1a2b.js', '/offline/controls-1.js']);
  });

  test(`the loader ${name} links the styles the page did not inline once the app runs, after its wasm and data`, async () => {
    const did = await run(source, { ids: ['reader-data', 'reader-styles'] });
    assert.equal(did.appended.length, 0, 'nothing before the reader acts');
    did.listeners.get('scroll').fn();
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(did.started, 1);
    assert.equal(did.appended.length, 2);
    assert.equal(did.appended[0].rel, 'modulepreload');
    assert.deepEqual(did.appended[1], { links: 'the other parts' });
    const none = await run(source, { ids: [] });
    assert.equal(none.appended.length, 1, 'a page that inlined every part: only the script');
    const failing = await run(source, { ids: ['reader-data', 'reader-styles'], named: true, dataGone: true });
    failing.listeners.get('scroll').fn();
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(failing.appended.length, 1, 'no app, no styles for it');
  });

  test(`the loader ${name} compiles the wasm from its bytes where the host does not send it as application/wasm`, async () => {
    const did = await run(source, { wrongType: true });
    did.listeners.get('scroll').fn();
    for (let i = 0; i < 5; i += 1) await settle();
    assert.deepEqual(did.module, { module: '/reader-1a2b_bg.wasm' });
    assert.deepEqual(did.sequence.filter((step) => !step.startsWith('import')).slice(-3), ['compiled from its bytes', 'timer', 'instantiated']);
    assert.equal(did.events.length, 1);
  });

  test(`the loader ${name} asks for the files a page's data is in with the app, and puts the data where the app reads it first`, async () => {
    const did = await run(source, { named: true });
    assert.equal(did.fetched.length, 0, 'nothing before the reader acts');
    did.listeners.get('scroll').fn();
    for (let i = 0; i < 5; i += 1) await settle();
    assert.deepEqual(did.fetched.map(({ url }) => url), ['/reader-1a2b_bg.wasm', '/content/site.json', '/content/articles/a.json']);
    assert.equal(did.fetchedBeforeScript, 3, 'all asked for at once, with the script');
    assert.equal(did.started, 1);
    assert.equal(did.dataWhenStarted, '{"site":{"from":"/content/site.json"},"article":{"from":"/content/articles/a.json"}}');
    assert.equal(did.events.length, 1);
  });

  test(`the loader ${name} leaves the page as it is when its data cannot be had`, async () => {
    const did = await run(source, { named: true, dataGone: true });
    did.listeners.get('scroll').fn();
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(did.started, 0, 'the app is not started on a page it could not take over');
    assert.equal(did.events.length, 0);
    assert.equal(did.reloads, 0, 'not a stale build');
    assert.equal(did.data.textContent, '');
    assert.deepEqual(did.imported, ['/reader-1a2b.js', '/offline/controls-1.js'], 'the offline controls still come (the page may be read offline)');
  });

  for (const [why, page] of [
    ['a page without its data', { ids: [] }],
    ['"not found"', { ids: ['reader-data', 'not-found-heading'] }],
    ['a reload after a failed hydration', { state: 'reader:hydration-failed' }],
    ['the search page at a query', { search: '?q=optical' }],
    ['the Saved page', { ids: ['reader-data', 'saved-list'] }],
  ]) {
    test(`the loader ${name} starts the app at once on ${why}`, async () => {
      const did = await run(source, page);
      assert.equal(did.listeners.size, 0);
      assert.equal(did.imported[0], '/reader-1a2b.js');
    });
  }

  test(`the loader ${name} reloads once into a newer build when a deploy removed the app`, async () => {
    const did = await run(source, { ids: [], gone: true });
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(did.reloads, 1);
    assert.deepEqual(did.states, ['reader:stale-build']);
    const wasm = await run(source, { ids: [], wasmGone: true });
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(wasm.reloads, 1, 'the wasm gone: one reload too');
    assert.equal(wasm.sequence.includes('instantiated'), false, 'no module to start');
    assert.equal(wasm.events.length, 0);
    // Reloaded, and the app is still gone: no second reload.
    const again = await run(source, { ids: [], gone: true, state: 'reader:stale-build' });
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(again.reloads, 0, 'never a loop');
    // An app that fails as it starts is not a stale build.
    const failing = await run(source, { ids: [], failsToStart: true });
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(failing.reloads, 0);
    // Nor is a device that is offline (the files could not be had).
    const offline = await run(source, { ids: [], gone: true, wasmGone: true, offline: true });
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(offline.reloads, 0, 'offline: the page stays as it is');
    assert.deepEqual(offline.states, []);
  });

  test(`the loader ${name} shows the search page's notice when the app did not start, and only then`, async () => {
    const search = { ids: ['reader-data', CONFIG.didNotStartId], search: '?q=library' };
    for (const [why, options] of [
      ['offline', { gone: true, wasmGone: true, offline: true }],
      ['the script gone', { gone: true }],
      ['the wasm gone', { wasmGone: true }],
      ['the app failing as it starts', { failsToStart: true }],
    ]) {
      const did = await run(source, { ...search, ...options });
      for (let i = 0; i < 5; i += 1) await settle();
      assert.equal(did.notice.hidden, false, why);
    }
    const started = await run(source, search);
    for (let i = 0; i < 5; i += 1) await settle();
    assert.equal(started.events.length, 1, 'the app started');
    assert.equal(started.notice.hidden, true, 'no notice when it started');
  });

  test(`the loader ${name} waits for the load event and the first paint`, async () => {
    const did = await run(source, { ids: [], ready: 'loading', paintAfter: 3 });
    assert.equal(did.imported.length, 0, 'not before load');
    const load = did.listeners.get('load');
    assert.deepEqual({ ...load.options }, { once: true });
    load.fn();
    for (let i = 0; i < 10; i += 1) await settle();
    assert.equal(did.imported[0], '/reader-1a2b.js');
    assert.equal(did.frames, 4, 'a frame at a time until the page painted');
  });

  test(`the loader ${name} starts the app after 60 frames even if no paint is reported`, async () => {
    const did = await run(source, { ids: [], paintAfter: Infinity });
    for (let i = 0; i < 200 && did.imported.length === 0; i += 1) await settle();
    assert.equal(did.imported[0], '/reader-1a2b.js');
    assert.equal(did.frames, 61);
  });
}
