// Shared by the browser tests: Debian's Chromium driven by playwright-core,
// the CDN-like server over the release dist/, and what the content says.

import { readFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/cdn-server.mjs';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(REPO, 'target', 'screenshots');
export const SEED_SLUG = 'usst-medical-equipment-centre';

/** One page of each kind: [short name, path]. */
export const PAGES = [
  ['list', '/'],
  ['article', `/news/${SEED_SLUG}`],
  ['article-pictures', '/news/usst-opens-optical-imaging-research-laboratory'],
  ['not-found', '/news/no-such-article'],
  ['speech', `/news/${SEED_SLUG}/speech/2`],
  ['speakers', '/speakers'],
  ['speaker', '/speakers/ding-xiaodong'],
  ['section', '/section/research'],
];

/** The seed text, line by line (1-based, as the seed README numbers it). */
export function seedLine(n) {
  const text = readFileSync(join(REPO, 'tests/fixtures/seed/usst-medical-equipment-centre.txt'), 'utf8');
  return text.split('\n')[n - 1];
}

/** Every article the editors wrote in content/articles/ (JSON or
 * Markdown), as the build read it: its published JSON in dist/, with
 * related articles back to the slugs the editor named. */
export function sourceArticles() {
  const dir = join(REPO, 'content', 'articles');
  return readdirSync(dir)
    .filter((name) => /\.(json|md)$/.test(name))
    .map((name) => sourceArticle(name.replace(/\.(json|md)$/, '')));
}

/** The list's order: newest first, undated articles after every dated
 * one, then by headline. */
export function newestFirst(articles) {
  return articles.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.headline.localeCompare(b.headline));
}

/** An editor's `author` (one name or a list) or `authors`, as a list. */
export function authorsOf(article) {
  const names = article.authors ?? article.author ?? [];
  return (Array.isArray(names) ? names : [names]).map((n) => n.trim()).filter(Boolean);
}

export function sourceArticle(slug) {
  const published = JSON.parse(readFileSync(join(REPO, 'dist', 'content', 'articles', `${slug}.json`), 'utf8'));
  return { ...published, related: published.related.map((link) => link.slug) };
}

/** Serves a release build (dist/ unless `root` says otherwise) under `prefix`. */
export async function startApp({ root = join(REPO, 'dist'), prefix = '/', pageData = true } = {}) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root} is missing: run scripts/test.sh, which builds it`);
  }
  return startServer({ root, prefix, pageData });
}

/** Debian's Chromium, or the one $CHROMIUM names. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** How every test starts Chromium: no sandbox (containers), nothing that
 * reaches the network on its own. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser() {
  // playwright-core starts Chromium headless with a fresh profile.
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

/**
 * A new page in a fresh context. `problems` collects console errors and
 * uncaught exceptions; `warnings` collects console warnings. `scale` is the
 * screen's device pixel ratio (3 on most phones); `touch`, a touch screen;
 * `serviceWorkers: 'block'` keeps the site's worker out (for a test whose
 * requests the page's routes must see, as a worker's are not).
 */
export async function openPage(browser, { width = 1280, height = 900, colorScheme = 'light', scale = 1, touch = false, serviceWorkers = 'allow' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, deviceScaleFactor: scale, hasTouch: touch, serviceWorkers });
  const page = await context.newPage();
  const problems = [];
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { page, context, problems, warnings };
}

/**
 * Waits until the app has taken over the prerendered page (hydrated it, or
 * rendered it afresh: `<html data-app>` says which) and shows a page (its
 * one h1); returns the h1's text. The app loads once the reader does
 * something on the page (crates/prerender/src/loader.rs): until it has,
 * this does what a reader's first scroll does.
 */
export async function heading(page) {
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelector('main h1'), null, { timeout: 15_000 });
  return (await page.locator('main h1').textContent()).trim();
}

/** Waits until the app has taken over the page (`<html data-app>`), as
 * a reader's first scroll starts it (see `heading`). */
export async function waitForApp(page, timeout = 15_000) {
  await page.waitForFunction(
    () => {
      if (document.documentElement.dataset.app) return true;
      dispatchEvent(new Event('scroll'));
      return false;
    },
    null,
    { timeout, polling: 100 },
  );
}

/**
 * Marks the page's nodes while the parser adds them: `main h1`, the header
 * and the first link in `main` get `__static`, and every node later
 * removed from `main` is counted.
 */
export async function markStaticNodes(page) {
  await page.addInitScript(() => {
    window.__removedFromMain = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          for (const selector of ['main h1', '.site-header', 'main a[href]']) {
            const found = node.matches(selector) ? node : node.querySelector(selector);
            if (found && document.readyState === 'loading') found.__static = true;
          }
        }
        if (record.target.closest?.('main')) window.__removedFromMain += record.removedNodes.length;
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Whether the page's nodes are still the ones the parser made. */
export const stillStatic = (page) =>
  page.evaluate(() => ({
    how: document.documentElement.dataset.app,
    heading: document.querySelector('main h1').__static === true,
    header: document.querySelector('.site-header').__static === true,
  }));

/** Counts, from the page's start, how far it moves on its own (the sum
 * of its layout shifts with no input before them): read it with
 * `layoutShifted`. Call before `goto`. */
export function watchLayoutShifts(page) {
  return page.addInitScript(() => {
    window.__shifted = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifted += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** How far the page has moved on its own since `watchLayoutShifts`. */
export const layoutShifted = (page) => page.evaluate(() => window.__shifted);

/** A page in a fresh context with JavaScript off: what crawlers and
 * readers without scripts get. */
export async function openStaticPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
  const page = await context.newPage();
  return { page, context };
}

/**
 * Waits until the page's h1 reads `text`. After a navigation within the
 * same route the previous page stays on screen until the next one's data
 * arrives, so `heading()` alone could still see the previous page.
 */
export async function waitForHeading(page, text) {
  await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, text);
  return text;
}

/** The trimmed text of each element `selector` finds, in page order. */
export async function texts(page, selector) {
  return (await page.locator(selector).allTextContents()).map((t) => t.trim());
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Whether `request` is the app fetching data (the content JSON), not its
 * loader fetching the app's own wasm. */
export function isDataFetch(request) {
  return request.resourceType() === 'fetch' && !new URL(request.url()).pathname.endsWith('.wasm');
}

/** Console errors other than the browser's own line for a failed request. */
export function unexpected(problems) {
  return problems.filter((p) => !p.includes('Failed to load resource'));
}

/**
 * Loads every picture on the page now (lazy ones included, as a reader
 * scrolling down would) and waits for them, at most `ms` milliseconds.
 * Resolves to how many pictures failed to load.
 */
export async function loadImages(page, ms = 5000) {
  return page.evaluate(async (limit) => {
    const images = [...document.images];
    for (const img of images) img.loading = 'eager';
    const settled = Promise.all(images.map((img) => img.decode().then(() => 0, () => 1)));
    const timeout = new Promise((done) => setTimeout(() => done(null), limit));
    const result = await Promise.race([settled, timeout]);
    return result === null ? images.length : result.reduce((a, b) => a + b, 0);
  }, ms);
}

/**
 * Registers hooks that start the server over dist/ and Chromium before a
 * test file's tests and stop them after; returns { server, browser },
 * filled in once they are up.
 */
export function withApp(options) {
  const app = {};
  before(async () => {
    app.server = await startApp(options);
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

const AXE = readFileSync(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.2 A/AA and best-practice rules on the page as it is:
 * { violations: ['rule: help (targets)'], passes: count }.
 */
export async function axe(page) {
  await page.evaluate(AXE); // evaluated by DevTools, not injected: the CSP stays as it is
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return {
      violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      passes: result.passes.length,
    };
  });
}
