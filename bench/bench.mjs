// The performance bench: the release dist/ against the physical limit: the
// limit page (the seed article's text and CSS, no script) and the bare page
// (its text alone: no stylesheet, no script).
//
//   node bench/bench.mjs            (scripts/bench.sh builds dist/ first)
//
// Measures, in headless Chromium (Debian's), with Lighthouse 12 from npm:
// mobile (Lighthouse's Slow 4G and 4x CPU slowdown, simulated) and desktop,
// for the list, the seed article, the limit and bare pages: FCP, LCP, TBT, CLS,
// time to interactive, bytes transferred by type (as the test server sends
// them: the build's Brotli copies), and the four Lighthouse scores. Then,
// with playwright-core, the reader's first act under the same throttling
// (observed, not simulated: bytes before and after the first scroll, the
// time to interactive, the longest task, the worst tap) and the cost of a client-side route
// change (list -> article -> list, median of many runs). Prints a table
// with each figure's ratio to the limit, checks the budgets (pass/fail),
// and writes BENCHMARKS.md with the table and a chart.
//
// The photo article (target/dist-photos, built by scripts/bench.sh from
// scripts/photo-content.sh) is measured the same way beside its own limit:
// its prerendered page without scripts, showing the photographs as the
// editor saved them (the camera originals) instead of the build's copies.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, REPO, SEED_SLUG, heading, launchBrowser, waitForApp } from '../tests/browser/support.mjs';
import { startServer } from '../scripts/cdn-server.mjs';
import { READING_WASM, WHOLE_WASM, sizeReport } from './size-report.mjs';
import { describe, longTasks } from './long-tasks.mjs';
import { kb, median } from './figures.mjs';

const DIST = join(REPO, 'dist');
const LIMIT = join(REPO, 'target', 'bench', 'limit');
// The physical limit of showing the article's text: its page as bare HTML,
// with no stylesheet and no script.
const BARE = join(REPO, 'target', 'bench', 'bare');
const PHOTOS_DIST = join(REPO, 'target', 'dist-photos');
const PHOTOS_LIMIT = join(REPO, 'target', 'bench', 'photos-as-saved');
// The Chinese article's own limit: its page with every script removed.
const ZH_LIMIT = join(REPO, 'target', 'bench', 'zh-limit');
const PHOTO_ORIGINALS = join(REPO, 'target', 'photo-content', 'images');
const PHOTO_SLUG = 'usst-hosts-night-of-space-photography';
// The seed's Chinese version, in the Chinese edition (/zh/).
const ZH_SEED_SLUG = 'shangli-gaoduan-yiliao-qixie-zhongxin';
const ROUTE_RUNS = Number(process.env.ROUTE_RUNS ?? 30);
// Single Lighthouse runs vary widely: each page is measured this many times
// per profile and every figure is the median.
const RUNS = Number(process.env.RUNS ?? 5);
const KB = 1024;
/** The app's script or wasm, by path (Trunk's hashed names). */
const isAppFile = (path) => /\/(reader|reading)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(path);
/**
 * An app's wasm and script as served with Brotli (the build's .br copies):
 * `stem` is `reading` (the reading app, which the lists and articles start)
 * or `reader` (the whole app, on the other pages).
 */
function appBrotliBytes(stem) {
  const names = readdirSync(DIST).filter((n) => isAppFile(`/${n}`) && n.startsWith(`${stem}-`));
  return names.reduce((sum, n) => sum + readFileSync(join(DIST, `${n}.br`)).length, 0);
}

const BUDGETS = {
  firstViewBytes: 120 * KB,
  lcpRatio: 1.1,
  appBrotli: 140 * KB,
  actToInteractiveMs: 1200,
  appTaskMs: 50,
  tapMs: 100,
  tbtMs: 0,
  cls: 0,
  routeChangeMs: 16,
  performanceScore: 100,
};

// Lighthouse's own mobile profile: "Slow 4G" and a 4x slower CPU.
const MOBILE_NETWORK = { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const MOBILE_CPU = 4;

/** The limit: the seed article's prerendered page without any script, its CSS and pictures; and the bare page, without its CSS too. */
function writeLimitPage() {
  writeStaticPage(DIST, LIMIT, `news/${SEED_SLUG}`, (page) => page);
  writeStaticPage(DIST, BARE, `news/${SEED_SLUG}`, (page) => page
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<link\b[^>]*\bstylesheet\b[^>]*>/g, ''));
  writeStaticPage(DIST, ZH_LIMIT, `zh/news/${ZH_SEED_SLUG}`, (page) => page);
}

/**
 * The photo article's limit: its page without any script, each photograph
 * shown as the editor saved it (the camera original, in the same box)
 * instead of the build's copies.
 */
function writePhotoLimitPage() {
  writeStaticPage(PHOTOS_DIST, PHOTOS_LIMIT, `news/${PHOTO_SLUG}`, (page) => page
    .replace(/<picture>\s*<source\b[^>]*>([\s\S]*?)<\/picture>/g, '$1')
    .replace(/\s(srcset|sizes)="[^"]*"/g, '')
    .replace(/\/content\/photos\/([a-z0-9-]+)\.[0-9a-f]{12}-\d+\.(jpg|webp)/g, '/content/images/$1.jpg'));
  cpSync(PHOTO_ORIGINALS, join(PHOTOS_LIMIT, 'content', 'images'), { recursive: true });
}

/** `dist`'s page at `path` (`news/<slug>`) in `out`, without scripts, rewritten by `edit`, with its CSS, drawings and headers. */
function writeStaticPage(dist, out, path, edit) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, path), { recursive: true });
  const page = edit(readFileSync(join(dist, path, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*\b(modulepreload|preload)\b[^>]*>/g, ''));
  writeFileSync(join(out, path, 'index.html'), page);
  for (const name of readdirSync(dist).filter((n) => /\.(css|svg)$/.test(n))) cpSync(join(dist, name), join(out, name));
  // The drawings the page shows (a build whose photographs are all
  // replaced by their copies publishes none).
  if (existsSync(join(dist, 'content', 'images'))) cpSync(join(dist, 'content', 'images'), join(out, 'content', 'images'), { recursive: true });
  // The same response headers (CSP and the rest), so bytes compare fairly.
  cpSync(join(dist, '_headers'), join(out, '_headers'));
  for (const file of [join(out, path, 'index.html'), ...readdirSync(out).filter((n) => n.endsWith('.css')).map((n) => join(out, n))]) {
    const data = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
  }
}

function kind(url, resourceType) {
  const path = new URL(url).pathname;
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'JS';
  if (path.endsWith('.css')) return 'CSS';
  if (path.endsWith('.json')) return 'JSON';
  if (resourceType === 'Document' || path.endsWith('.html') || path.endsWith('/')) return 'HTML';
  if (resourceType === 'Image' || /\.(svg|png|jpe?g|webp|avif|ico)$/.test(path)) return 'images';
  return 'other';
}

/** The median of the runs that gave a figure (a Lighthouse run whose audit
 * errored gives NaN, which would otherwise scramble the sort). */
/** [lowest, highest] of the runs that gave a figure. */
const spread = (values) => {
  const finite = values.filter(Number.isFinite);
  return [Math.min(...finite), Math.max(...finite)];
};

/**
 * `runs` Lighthouse runs of each of `pages` ({ name: url }) under `profile`,
 * taken in turn (list, article, limit, …, then again), so that a busy
 * moment of the machine falls on every page alike; for each page, every
 * figure the median over its runs.
 */
async function lighthouseMedians(chrome, pages, profile, runs) {
  const all = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    process.stdout.write(`lighthouse ${profile} run ${run + 1}/${runs} … `);
    for (const [name, url] of Object.entries(pages)) all[name].push(await lighthouseRun(chrome, url, profile));
    console.log('done');
  }
  return Object.fromEntries(Object.entries(all).map(([name, pageRuns]) => [`${profile}/${name}`, medians(pageRuns)]));
}

/** One page's Lighthouse runs: each figure the median over them. */
function medians(all) {
  const runs = all.length;
  const of = (pick) => median(all.map(pick));
  return {
    fcp: of((r) => r.fcp),
    lcp: of((r) => r.lcp),
    tbt: of((r) => r.tbt),
    cls: of((r) => r.cls),
    tti: of((r) => r.tti),
    bytes: Object.fromEntries(Object.keys(all[0].bytes).map((type) => [type, of((r) => r.bytes[type])])),
    total: of((r) => r.total),
    longTask: of((r) => r.longTask),
    scores: Object.fromEntries(Object.keys(all[0].scores).map((id) => [id, of((r) => r.scores[id])])),
    spread: { lcp: spread(all.map((r) => r.lcp)), tbt: spread(all.map((r) => r.tbt)) },
    // The long tasks of the run whose TBT is the median, named, and the
    // app's long tasks in any run.
    tasks: [...all].sort((a, b) => a.tbt - b.tbt)[Math.floor(all.length / 2)].tasks,
    appTasks: all.flatMap((r) => r.tasks.filter((t) => t.app)),
    runs,
  };
}

async function lighthouseRun(chrome, url, profile) {
  const flags = { port: chrome.port, output: 'json', logLevel: 'error' };
  const result = await lighthouse(url, flags, profile === 'desktop' ? desktopConfig : undefined);
  const report = result.lhr;
  const audit = (id) => report.audits[id]?.numericValue ?? NaN;
  const bytes = { HTML: 0, CSS: 0, JS: 0, wasm: 0, JSON: 0, images: 0, other: 0 };
  for (const request of report.audits['network-requests'].details.items) {
    bytes[kind(request.url, request.resourceType)] += request.transferSize ?? 0;
  }
  const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]));
  // The longest main-thread task, as Lighthouse's simulation has it (what
  // each long task did: `longTasks`, from the trace).
  const longest = Math.max(0, ...(report.audits['long-tasks']?.details?.items ?? []).map((task) => task.duration));
  const slowdown = report.configSettings.throttlingMethod === 'simulate' ? report.configSettings.throttling.cpuSlowdownMultiplier : 1;
  return {
    tasks: longTasks(result.artifacts.Trace, report.mainDocumentUrl ?? url, slowdown, isAppFile),
    longTask: longest,
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    tti: audit('interactive'),
    bytes,
    total: Object.values(bytes).reduce((a, b) => a + b, 0),
    scores,
  };
}

/**
 * Observed (not simulated), the median of `runs`, under throttling: from
 * navigation to the app being interactive (the page hydrated) when the
 * reader scrolls as soon as the page has loaded (the app loads only once
 * the reader does something: crates/prerender/src/loader.rs), and the
 * bytes the page then took in all, the app's included.
 */
async function firstAct(browser, url, mobile, runs = RUNS) {
  const all = [];
  for (let run = 0; run < runs; run += 1) all.push(await firstActOnce(browser, url, mobile));
  const byTask = [...all].sort((a, b) => a.longest.ms - b.longest.ms);
  return {
    before: median(all.map((r) => r.before)),
    after: median(all.map((r) => r.after)),
    ms: median(all.map((r) => r.ms)),
    longest: byTask[Math.floor(byTask.length / 2)].longest,
    worstLongest: byTask[byTask.length - 1].longest,
    tap: median(all.map((r) => r.tap)),
    worstTap: Math.max(...all.map((r) => r.tap)),
    taps: median(all.map((r) => r.taps)),
  };
}

/**
 * One visit: the page loads and settles; then the reader scrolls (the
 * first act, which starts the app) and taps the page's heading every
 * 150 ms until the app has taken over. The service worker is blocked, so
 * every byte goes through this page's throttled network (a worker's own
 * fetches would not be throttled, nor counted). Long tasks and the taps'
 * Event Timing are observed in the page; a long task is the app's when a
 * long animation frame over it ran a script (every script of these pages
 * is the app's own).
 */
async function firstActOnce(browser, url, mobile) {
  const context = await browser.newContext({
    ...(mobile ? { viewport: { width: 390, height: 844 }, isMobile: true } : { viewport: { width: 1280, height: 900 } }),
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    window.__frames = [];
    window.__events = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration })))).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => window.__frames.push(...list.getEntries().map((e) => ({ start: e.startTime, end: e.startTime + e.duration, scripts: e.scripts.map((x) => x.sourceURL || `${x.invoker} (no file)`) })))).observe({ type: 'long-animation-frame', buffered: true });
    new PerformanceObserver((list) => window.__events.push(...list.getEntries().map((e) => ({ name: e.name, start: e.startTime, ms: e.duration, wait: e.processingStart - e.startTime })))).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  if (mobile) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...MOBILE_NETWORK });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE_CPU });
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const before = bytes;
  // The page's heading: text, not a link, on every page.
  const box = await page.locator('main h1').first().boundingBox();
  const act = await page.evaluate(() => {
    const at = performance.now();
    scrollBy(0, 40);
    return at;
  });
  let taps = 0;
  while (taps < 40 && !(await page.evaluate(() => Boolean(document.documentElement.dataset.app)))) {
    if (box) await page.mouse.click(box.x + 8, box.y + 4);
    taps += 1;
    await page.waitForTimeout(150);
  }
  await waitForApp(page, 60_000);
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => ({
    interactive: performance.getEntriesByName('reader:interactive')[0]?.startTime ?? performance.now(),
    tasks: window.__tasks,
    frames: window.__frames,
    events: window.__events,
  }));
  await context.close();
  const after = seen.tasks.filter((t) => t.start >= act);
  const whose = (task) => {
    const scripts = seen.frames.filter((f) => f.start <= task.start + task.ms && f.end >= task.start).flatMap((f) => f.scripts);
    // Every script these pages run is the app's own (the loader, the app's
    // script and wasm, the offline controls: no third-party script), so a
    // long task that ran any script is the app's. The name says which: a
    // file, the inline loader, or the invoker of a callback with no file
    // (the wasm, called back from a timer or a promise).
    const name = (u) => {
      if (/^https?:/.test(u) && isAppFile(new URL(u).pathname)) return new URL(u).pathname.replace(/^.*\//, '');
      if (/^https?:/.test(u) && new URL(u).pathname === new URL(url).pathname) return 'the inline loader';
      return u;
    };
    return scripts.length ? `the app (${[...new Set(scripts.map(name))].join(', ')})` : 'the browser (no script)';
  };
  const longestTask = after.sort((a, b) => b.ms - a.ms)[0];
  const tapEvents = seen.events.filter((e) => e.start >= act && /^(pointerdown|pointerup|mousedown|mouseup|click)$/.test(e.name));
  return {
    before,
    after: bytes,
    ms: seen.interactive - act,
    longest: longestTask ? { ms: longestTask.ms, whose: whose(longestTask), app: whose(longestTask).startsWith('the app') } : { ms: 0, whose: 'none', app: false },
    tap: Math.max(0, ...tapEvents.map((e) => e.ms)),
    taps,
  };
}

/** list -> article -> list, client-side, `runs` times: the time from the data being in to the new page in the DOM. */
async function routeChanges(browser, baseUrl, runs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  // The reader's first scroll starts the app.
  await heading(page);
  const headline = await page.locator('.news-card__headline a').first().textContent();
  const afterData = [];
  const afterClick = [];
  const byRoute = { article: [], list: [] };
  for (let i = 0; i < runs; i += 1) {
    for (const [selector, expected] of [['.news-card__headline a', headline.trim()], ['.breadcrumb a:nth-of-type(1)', 'News & Events']]) {
      const target = selector.startsWith('.breadcrumb') ? page.locator('.breadcrumb a', { hasText: 'News & Events' }) : page.locator(selector).first();
      await page.evaluate((text) => {
        performance.clearResourceTimings();
        performance.clearMarks();
        performance.clearMeasures();
        window.__route = new Promise((done) => {
          // The click itself, as the page gets it: not this script's call,
          // which comes before the browser automation's own round trips.
          document.addEventListener('click', () => performance.mark('route:click'), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            if (document.querySelector('main h1')?.textContent === text) {
              observer.disconnect();
              performance.mark('route:rendered');
              // The data is in when its response ended (or at the click, if the app had it).
              const responses = performance.getEntriesByType('resource').filter((e) => e.name.includes('/content/'));
              const dataIn = Math.max(performance.getEntriesByName('route:click')[0].startTime, ...responses.map((e) => e.responseEnd));
              performance.mark('route:data-in', { startTime: dataIn });
              done({
                afterData: performance.measure('route:after-data', 'route:data-in', 'route:rendered').duration,
                afterClick: performance.measure('route:after-click', 'route:click', 'route:rendered').duration,
              });
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      }, expected);
      await target.click();
      const timing = await page.evaluate(() => window.__route);
      afterData.push(timing.afterData);
      afterClick.push(timing.afterClick);
      byRoute[selector.startsWith('.breadcrumb') ? 'list' : 'article'].push(timing.afterData);
    }
  }
  await context.close();
  return {
    afterData: median(afterData),
    afterClick: median(afterClick),
    toArticle: median(byRoute.article),
    toList: median(byRoute.list),
    samples: afterData.length,
  };
}

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '—');
const ratio = (v, limit) => (limit > 0 && Number.isFinite(v) ? `${(v / limit).toFixed(2)}×` : '—');

/** `node bench/bench.mjs --act`: the first act alone, printed (a quick look while working on it; writes nothing). */
async function actOnly() {
  const app = await startServer({ root: DIST });
  const browser = await launchBrowser();
  try {
    for (const [name, path] of [['list', '/'], ['article', `/news/${SEED_SLUG}`]]) {
      for (const mobile of [true, false]) {
        const a = await firstAct(browser, `${app.url}${path}`, mobile);
        console.log(`${mobile ? 'mobile' : 'desktop'} ${name}: ${kb(a.before)} before input, ${kb(a.after)} after the first scroll, interactive ${ms(a.ms)} after it; longest task ${ms(a.longest.ms)} (${a.longest.whose}), in any run ${ms(a.worstLongest.ms)} (${a.worstLongest.whose}); tap ${ms(a.tap)}, worst ${ms(a.worstTap)} (${a.taps} taps)`);
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

async function main() {
  if (process.argv.includes('--act')) return actOnly();
  writeLimitPage();
  writePhotoLimitPage();
  const app = await startServer({ root: DIST });
  const limit = await startServer({ root: LIMIT });
  const bare = await startServer({ root: BARE });
  const photosApp = await startServer({ root: PHOTOS_DIST });
  const photosLimit = await startServer({ root: PHOTOS_LIMIT });
  const zhLimit = await startServer({ root: ZH_LIMIT });
  const profile = mkdtempSync(join(tmpdir(), 'reader-bench-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    userDataDir: profile,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
  const pages = {
    list: `${app.url}/`,
    article: `${app.url}/news/${SEED_SLUG}`,
    limit: `${limit.url}/news/${SEED_SLUG}/`,
    bare: `${bare.url}/news/${SEED_SLUG}/`,
    photos: `${photosApp.url}/news/${PHOTO_SLUG}`,
    'photos as saved': `${photosLimit.url}/news/${PHOTO_SLUG}/`,
    'zh article': `${app.url}/zh/news/${ZH_SEED_SLUG}`,
    'zh limit': `${zhLimit.url}/zh/news/${ZH_SEED_SLUG}/`,
  };
  const results = {};
  try {
    for (const profile of ['mobile', 'desktop']) Object.assign(results, await lighthouseMedians(chrome, pages, profile, RUNS));
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  const browser = await launchBrowser();
  const act = {
    mobile: { list: await firstAct(browser, pages.list, true), article: await firstAct(browser, pages.article, true) },
    desktop: { list: await firstAct(browser, pages.list, false), article: await firstAct(browser, pages.article, false) },
  };
  const route = await routeChanges(browser, app.url, ROUTE_RUNS);
  await browser.close();
  await app.close();
  await limit.close();
  await bare.close();
  await photosApp.close();
  await photosLimit.close();
  await zhLimit.close();

  // The table: one row per figure, one column per page and profile, ratio to the bare page.
  const header = ['figure', ...['mobile', 'desktop'].flatMap((p) => [`${p} list`, `${p} article`, `${p} limit`, `${p} bare`, `${p} article ÷ bare`])];
  const rows = [];
  const row = (label, pick, fmt) => {
    const cells = [label];
    for (const p of ['mobile', 'desktop']) {
      const [l, a, s, b] = ['list', 'article', 'limit', 'bare'].map((n) => pick(results[`${p}/${n}`], p, n));
      cells.push(fmt(l), fmt(a), fmt(s), fmt(b), ratio(a, b));
    }
    rows.push(cells);
  };
  const isStatic = (n) => n === 'limit' || n === 'bare';
  row('FCP', (r) => r.fcp, ms);
  row('LCP', (r) => r.lcp, ms);
  row('TBT', (r) => r.tbt, ms);
  row('CLS', (r) => r.cls, (v) => v.toFixed(3));
  row('Time to interactive (Lighthouse)', (r) => r.tti, ms);
  row('Longest main-thread task', (r) => r.longTask, ms);
  row('App interactive after the first act (observed)', (_, p, n) => (isStatic(n) ? NaN : act[p][n].ms), ms);
  for (const type of ['HTML', 'CSS', 'JS', 'wasm', 'JSON', 'images']) row(`bytes: ${type}`, (r) => r.bytes[type], kb);
  row('bytes: total', (r) => r.total, kb);
  row('bytes before any input (observed)', (r, p, n) => (isStatic(n) ? r.total : act[p][n].before), kb);
  row('bytes after the first scroll (observed)', (r, p, n) => (isStatic(n) ? r.total : act[p][n].after), kb);

  // The first act, alone: what the reader's first scroll costs.
  const actHeader = ['page', 'bytes before any input', 'bytes after the first scroll', 'act → interactive', 'longest task after the act (median run): whose', 'longest in any run', 'worst tap delay (median run; worst run)'];
  const actRows = ['mobile', 'desktop'].flatMap((p) => ['list', 'article'].map((n) => {
    const a = act[p][n];
    return [`${p} ${n}`, kb(a.before), kb(a.after), ms(a.ms), `${ms(a.longest.ms)}: ${a.longest.whose}`, `${ms(a.worstLongest.ms)}: ${a.worstLongest.whose}`, `${ms(a.tap)}; ${ms(a.worstTap)} (${a.taps} taps)`];
  }));
  const appBrotli = appBrotliBytes('reading');
  const wholeAppBrotli = appBrotliBytes('reader');
  for (const category of ['performance', 'accessibility', 'best-practices', 'seo']) {
    row(`Lighthouse ${category}`, (r) => r.scores[category], (v) => String(v));
  }

  // The photo article beside its limit: the same page showing the photos as saved.
  const photoHeader = ['figure', ...['mobile', 'desktop'].flatMap((p) => [`${p} photo article`, `${p} photos as saved (no script)`, `${p} article ÷ as saved`])];
  const photoRows = [];
  const photoRow = (label, pick, fmt) => {
    const cells = [label];
    for (const p of ['mobile', 'desktop']) {
      const [a, s] = ['photos', 'photos as saved'].map((n) => pick(results[`${p}/${n}`]));
      cells.push(fmt(a), fmt(s), ratio(a, s));
    }
    photoRows.push(cells);
  };
  photoRow('LCP', (r) => r.lcp, ms);
  photoRow('FCP', (r) => r.fcp, ms);
  photoRow('CLS', (r) => r.cls, (v) => v.toFixed(3));
  photoRow('bytes: images', (r) => r.bytes.images, kb);
  photoRow('bytes: total', (r) => r.total, kb);
  photoRow('Lighthouse performance', (r) => r.scores.performance, (v) => String(v));

  // The Chinese edition's first view beside the English one's, same run.
  const zhHeader = ['figure', ...['mobile', 'desktop'].flatMap((p) => [`${p} English article`, `${p} Chinese article`, `${p} Chinese limit`, `${p} Chinese ÷ its limit`, `${p} Chinese ÷ English`])];
  const zhRows = [];
  const zhRow = (label, pick, fmt) => {
    const cells = [label];
    for (const p of ['mobile', 'desktop']) {
      const [en, zh, zhStatic] = ['article', 'zh article', 'zh limit'].map((n) => pick(results[`${p}/${n}`]));
      cells.push(fmt(en), fmt(zh), fmt(zhStatic), ratio(zh, zhStatic), ratio(zh, en));
    }
    zhRows.push(cells);
  };
  zhRow('FCP', (r) => r.fcp, ms);
  zhRow('LCP', (r) => r.lcp, ms);
  zhRow('TBT', (r) => r.tbt, ms);
  zhRow('CLS', (r) => r.cls, (v) => v.toFixed(3));
  zhRow('bytes: HTML', (r) => r.bytes.HTML, kb);
  zhRow('bytes: total', (r) => r.total, kb);
  zhRow('Lighthouse performance', (r) => r.scores.performance, (v) => String(v));

  const mobileArticle = results['mobile/article'];
  const mobileZh = results['mobile/zh article'];
  const mobileZhLimit = results['mobile/zh limit'];
  const mobileList = results['mobile/list'];
  const mobileLimit = results['mobile/limit'];
  const mobileBare = results['mobile/bare'];
  const budgets = [
    ['first article view ≤ 120 KB compressed', `${kb(mobileArticle.total)} (the app's ${kb(act.mobile.article.after - act.mobile.article.before)} more once the reader does something)`, mobileArticle.total <= BUDGETS.firstViewBytes],
    ['the app’s wasm and script ≤ 140 KB Brotli (the reading app, which the lists and articles start)', `${kb(appBrotli)} (the whole app, on search and the speakers’ pages: ${kb(wholeAppBrotli)})`, appBrotli <= BUDGETS.appBrotli],
    ['mobile LCP ≤ 1.1 × the bare page’s (article; no stylesheet, no script)', `${ms(mobileArticle.lcp)} vs ${ms(mobileBare.lcp)} (${ratio(mobileArticle.lcp, mobileBare.lcp)}; the limit page, styles kept: ${ms(mobileLimit.lcp)})`, mobileArticle.lcp <= BUDGETS.lcpRatio * mobileBare.lcp],
    ['mobile LCP ≤ 1.1 × the bare page’s (list)', `${ms(mobileList.lcp)} vs ${ms(mobileBare.lcp)} (${ratio(mobileList.lcp, mobileBare.lcp)})`, mobileList.lcp <= BUDGETS.lcpRatio * mobileBare.lcp],
    ['app interactive ≤ 1.2 s after the first act (mobile list and article)', `${ms(act.mobile.list.ms)}, ${ms(act.mobile.article.ms)}`, act.mobile.list.ms <= BUDGETS.actToInteractiveMs && act.mobile.article.ms <= BUDGETS.actToInteractiveMs],
    ['no task of 50 ms or more runs the app after the first act (mobile, every run)', ['list', 'article'].map((n) => `${n}: longest ${ms(act.mobile[n].worstLongest.ms)}, ${act.mobile[n].worstLongest.whose}`).join('; '), ['list', 'article'].every((n) => !(act.mobile[n].worstLongest.app && act.mobile[n].worstLongest.ms >= BUDGETS.appTaskMs))],
    ['a tap while the app loads answered ≤ 100 ms (mobile, Event Timing, worst run)', `${ms(act.mobile.list.worstTap)}, ${ms(act.mobile.article.worstTap)}`, act.mobile.list.worstTap <= BUDGETS.tapMs && act.mobile.article.worstTap <= BUDGETS.tapMs],
    ['Chinese article: mobile LCP ≤ 1.1 × its static page’s, as the English article’s', `${ms(mobileZh.lcp)} vs ${ms(mobileZhLimit.lcp)} (${ratio(mobileZh.lcp, mobileZhLimit.lcp)}; the English article ${ratio(mobileArticle.lcp, mobileLimit.lcp)} of its own), ${kb(mobileZh.total)} vs the English ${kb(mobileArticle.total)}, TBT ${ms(mobileZh.tbt)}`, mobileZh.lcp <= BUDGETS.lcpRatio * mobileZhLimit.lcp],
    ['TBT 0 ms (mobile list and article)', `${ms(mobileList.tbt)}, ${ms(mobileArticle.tbt)} (the limit page, no script: ${ms(mobileLimit.tbt)}; the long tasks named by what they did: see them listed)`, mobileList.tbt <= BUDGETS.tbtMs && mobileArticle.tbt <= BUDGETS.tbtMs],
    ['no long task runs the app’s script or wasm (mobile list and article, every run)', [mobileList, mobileArticle].flatMap((r) => r.appTasks).map((t) => `${Math.round(t.ms)} ms ${t.what}`).join('; ') || 'none', mobileList.appTasks.length === 0 && mobileArticle.appTasks.length === 0],
    ['CLS 0 (mobile list and article)', `${mobileList.cls.toFixed(3)}, ${mobileArticle.cls.toFixed(3)}`, mobileList.cls <= BUDGETS.cls && mobileArticle.cls <= BUDGETS.cls],
    ['route change ≤ 16 ms after its data is in', `${route.afterData.toFixed(1)} ms (median of ${route.samples})`, route.afterData <= BUDGETS.routeChangeMs],
    ['Lighthouse performance 100 on mobile (list and article)', `${mobileList.scores.performance}, ${mobileArticle.scores.performance}`, mobileList.scores.performance >= 100 && mobileArticle.scores.performance >= 100],
  ];

  console.log();
  console.table(Object.fromEntries(rows.map(([label, ...cells]) => [label, Object.fromEntries(header.slice(1).map((h, i) => [h, cells[i]]))])));
  console.log('\nthe photo article (a lead photo, three speakers) beside the same page with the photos as saved:');
  console.table(Object.fromEntries(photoRows.map(([label, ...cells]) => [label, Object.fromEntries(photoHeader.slice(1).map((h, i) => [h, cells[i]]))])));
  console.log('\nthe Chinese edition: the seed’s translation beside the English seed:');
  console.table(Object.fromEntries(zhRows.map(([label, ...cells]) => [label, Object.fromEntries(zhHeader.slice(1).map((h, i) => [h, cells[i]]))])));
  console.log(`route change (desktop, unthrottled, median of ${route.samples}): ${route.afterData.toFixed(1)} ms after the data is in, ${route.afterClick.toFixed(1)} ms after the click`);
  console.log('long tasks, mobile, at 4× CPU (the run with the median TBT), by what they did:');
  for (const [name, r] of [['list', mobileList], ['article', mobileArticle], ['limit', mobileLimit]]) console.log(`  ${name} (TBT ${ms(r.tbt)}): ${describe(r.tasks)}`);
  console.log('\nthe first act (the reader\'s first scroll, taps while the app loads; medians of the runs):');
  console.table(Object.fromEntries(actRows.map(([label, ...cells]) => [label, Object.fromEntries(actHeader.slice(1).map((h, i) => [h, cells[i]]))])));
  console.log('\nbudgets:');
  for (const [name, value, pass] of budgets) console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${name}: ${value}`);

  const sizes = { whole: sizeReport(WHOLE_WASM), reading: sizeReport(READING_WASM) };
  console.log('\nthe reading app\'s wasm by crate (before wasm-opt):');
  for (const { crate, bytes, share } of sizes.reading.crates.slice(0, 12)) console.log(`  ${String(bytes).padStart(8)}  ${(share * 100).toFixed(1).padStart(5)}%  ${crate}`);
  writeFileSync(join(REPO, 'BENCHMARKS.md'), markdown({ header, rows, actHeader, actRows, photoHeader, photoRows, zhHeader, zhRows, budgets, route, results, sizes }));
  console.log('\nwrote BENCHMARKS.md');
  process.exitCode = budgets.every(([, , pass]) => pass) ? 0 : 1;
}

/** The two apps' wasm by crate, side by side: the reading app's 15 biggest crates. */
function sizeTable({ whole, reading }, line) {
  const of = new Map(whole.crates.map((r) => [r.crate, r]));
  const pct = (share) => `${(share * 100).toFixed(1)}%`;
  return [
    line(['crate', 'reading app', 'share', 'whole app', 'share']),
    line(['---', '---:', '---:', '---:', '---:']),
    ...reading.crates.slice(0, 15).map((r) => line([r.crate, String(r.bytes), pct(r.share), String(of.get(r.crate)?.bytes ?? 0), pct(of.get(r.crate)?.share ?? 0)])),
    line(['all', String(reading.total), '100%', String(whole.total), '100%']),
  ].join('\n');
}

function markdown({ header, rows, actHeader, actRows, photoHeader, photoRows, zhHeader, zhRows, budgets, route, results, sizes }) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const chartPages = ['list', 'article', 'limit', 'bare'];
  const bars = (metric) => chartPages.map((n) => Math.round(results[`mobile/${n}`][metric])).join(', ');
  return `# Benchmarks

Written by \`scripts/bench.sh\` (see docs/benchmarks.md) on ${new Date().toISOString().slice(0, 10)}:
${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 1024 ** 3)} GiB, headless Chromium,
Lighthouse 12. **mobile**: Lighthouse's default profile (Slow 4G: 150 ms RTT,
1.6 Mbit/s; CPU 4× slower; simulated). **desktop**: Lighthouse's desktop
preset. **limit**: the seed article's own prerendered page with every
script removed (same HTML, text and CSS), served the same way: what a plain
static page costs, with the same response headers. **bare**: the same page
without its styles too (no stylesheet, no script): the physical limit of
showing its text, against which LCP is budgeted. Every Lighthouse figure
is the median of ${results['mobile/article'].runs} runs of each page in the
same session, the pages taken in turn (list, article, limit, …, then
again) so that a busy moment of the machine falls on all of them (mobile article LCP ranged ${ms(results['mobile/article'].spread.lcp[0])}–${ms(results['mobile/article'].spread.lcp[1])},
TBT ${ms(results['mobile/article'].spread.tbt[0])}–${ms(results['mobile/article'].spread.tbt[1])}). Bytes are as
transferred (Brotli, as a CDN sends them, headers included); the pages'
HTML is bigger than the limit's by the app's loader (a list's or an
article's data is only named, and fetched with the app). The
app's script and wasm are asked for only once the reader does something
on the page (a scroll, a touch, a key, the mouse moving:
\`crates/prerender/src/loader.rs\`); Lighthouse does none of these, so its
figures are those of a reader who only reads. The first act's figures are
observed in Chromium under the same throttling (CDP; the service worker
blocked, so that every byte goes through the throttled page), the median of
${results['mobile/article'].runs} loads: the page loads and settles, the reader scrolls (the act that
starts the app) and taps the heading every 150 ms until the app has hydrated
the page (its \`reader:interactive\` mark). Ratios are article ÷ bare.

${line(header)}
${line(header.map(() => '---'))}
${rows.map(line).join('\n')}

### The first act

The reader's first scroll, measured as above: bytes before any input and
after the scroll, the time from the scroll to the app interactive, the
longest main-thread task after the scroll (\`longtask\` entries; whose, by
the long animation frames over it: the app's script, its wasm or the
inline loader, another script, or the browser alone), and the worst Event
Timing duration of the taps while the app loaded.

${line(actHeader)}
${line(actHeader.map(() => '---'))}
${actRows.map(line).join('\n')}

Route change (client-side, list → article → list, desktop, unthrottled,
median of ${route.samples}): **${route.afterData.toFixed(1)} ms** from the
data being in to the new page in the DOM (to the article, its data
fetched: ${route.toArticle.toFixed(1)} ms; back to the list, its data at
hand: ${route.toList.toFixed(1)} ms); ${route.afterClick.toFixed(1)} ms
from the click (the local server answers in about a millisecond). The
click is timed where the page receives it.

## The photo article

The photo article (\`scripts/photo-content.sh\`: a lead photo and three
speakers' photos, scikit-image's sample photographs saved as a phone saves
them, ${Math.round(readdirSync(PHOTO_ORIGINALS).reduce((sum, name) => sum + readFileSync(join(PHOTO_ORIGINALS, name)).length, 0) / KB)} KB of JPEGs)
as the app serves it, beside its own limit: the same prerendered page with
no script, showing the photos as the editor saved them. Medians of
${results['mobile/photos'].runs} runs, measured as above.

${line(photoHeader)}
${line(photoHeader.map(() => '---'))}
${photoRows.map(line).join('\n')}

## The Chinese edition

The seed's Chinese version (\`/zh/news/${ZH_SEED_SLUG}\`: Chinese text, a
Chinese font stack, the Chinese chrome) beside the English seed and beside
its own limit (the same Chinese page with every script removed), measured
in the same session as above (medians of ${results['mobile/zh article'].runs}). Lighthouse's simulated
LCP of a text page is either its first paint or a later one, run by run
(the English article's ranged ${ms(results['mobile/article'].spread.lcp[0])}–${ms(results['mobile/article'].spread.lcp[1])}), so each article is held to its own
static page, as the budget does.

${line(zhHeader)}
${line(zhHeader.map(() => '---'))}
${zhRows.map(line).join('\n')}

## Budgets

${line(['budget', 'measured', 'result'])}
${line(['---', '---', '---'])}
${budgets.map(([name, value, pass]) => line([name, value, pass ? 'pass' : '**FAIL**'])).join('\n')}

The long tasks (50 ms or more at 4× CPU) of the mobile run with the
median TBT, named by what they spent their time on in the trace
(\`bench/long-tasks.mjs\`). Only a task's part after the first paint counts
toward TBT; where a task falls in Lighthouse's simulation varies run to
run, on the limit page as on ours.

${line(['page', 'TBT', 'long tasks'])}
${line(['---', '---:', '---'])}
${['list', 'article', 'limit', 'bare'].map((n) => line([n, ms(results[`mobile/${n}`].tbt), describe(results[`mobile/${n}`].tasks)])).join('\n')}

## Where the wasm's bytes go

\`twiggy top\` on wasm-bindgen's output before wasm-opt (names kept), each
function's bytes summed under its crate (\`node bench/size-report.mjs\`);
shares of the code and data, the names section left out. The reading app
(\`src/bin/reading.rs\`) is what the lists and articles start; search and
the speakers' pages start the whole app.

${sizeTable(sizes, line)}

The reading app's biggest functions, each generic's copies (one per type
it is used with, told apart by their hash) summed as one:

${line(['function', 'copies', 'bytes', 'share'])}
${line(['---', '---:', '---:', '---:'])}
${sizes.reading.functions.slice(0, 15).map(({ fn, copies, bytes, share }) => line([`\`${fn.replaceAll('|', '\\|')}\``, String(copies), String(bytes), `${(share * 100).toFixed(1)}%`])).join('\n')}

${readFileSync(join(REPO, 'bench', 'size-levers.md'), 'utf8').trim()}

## Chart: mobile paint and interactivity, in ms

\`\`\`mermaid
xychart-beta
  title "Mobile (Slow 4G, 4x CPU): list, article, limit, bare"
  x-axis [${chartPages.map((n) => `"${n} FCP"`).join(', ')}, ${chartPages.map((n) => `"${n} LCP"`).join(', ')}, ${chartPages.map((n) => `"${n} TTI"`).join(', ')}]
  y-axis "ms"
  bar [${bars('fcp')}, ${bars('lcp')}, ${bars('tti')}]
\`\`\`
`;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
