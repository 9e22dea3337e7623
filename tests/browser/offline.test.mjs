// Offline reading, saving for later, installing, and deploys that never
// strand a reader (the service worker: crates/prerender/src/offline/), in
// Chromium with a persistent profile (service workers and the
// installability check need one) and playwright-core's setOffline.

import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/cdn-server.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, REPO, SEED_SLUG, screenshot, sourceArticle, waitForApp } from './support.mjs';

const DIST = join(REPO, 'dist');
const ARCHIVE = join(REPO, 'target', 'dist-archive');
const SUBPATH = join(REPO, 'target', 'dist-subpath');
const KILL_SWITCH = join(REPO, 'target', 'dist-killswitch');
const WORK = mkdtempSync(join(tmpdir(), 'reader-offline-'));

/** A fresh persistent profile: a browser of its own, as a reader's is. */
async function browserProfile({ width = 1280, height = 900, colorScheme = 'light' } = {}) {
  const profile = mkdtempSync(join(WORK, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    viewport: { width, height },
    colorScheme,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused/.test(message.text())) problems.push(message.text());
  });
  return { context, page, problems };
}

/** Asks the service worker what this device keeps (as the offline controls do). */
function savedPages(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data.pages);
      registration.active.postMessage({ type: 'list' }, [channel.port2]);
    });
  });
}

/** Waits until the worker keeps `paths` (pages, by their path). */
async function waitUntilSaved(page, paths, timeout = 15_000) {
  const started = Date.now();
  for (;;) {
    const kept = (await savedPages(page)).map((saved) => new URL(saved.url).pathname);
    if (paths.every((path) => kept.includes(path))) return kept;
    if (Date.now() - started > timeout) assert.fail(`not saved: ${paths.filter((p) => !kept.includes(p))} (saved: ${kept})`);
    await page.waitForTimeout(100);
  }
}

/** Opens `url` and does what a reader's first scroll does: the app, the offline controls, the worker. */
async function openAndAct(page, url) {
  await page.goto(url);
  await waitForApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
}

/** Waits until no worker is registered and none of the site's caches is left. */
const workerGone = (page) =>
  page.waitForFunction(
    async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && !(await caches.keys()).some((name) => name.startsWith('reader:/:')),
    null,
    { timeout: 20_000, polling: 250 },
  );

/** The cache names this origin holds. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Serves a copy of `root`, so a test may deploy another build into it. */
async function serveCopy(root, name, options = {}) {
  const copy = join(WORK, name);
  rmSync(copy, { recursive: true, force: true });
  cpSync(root, copy, { recursive: true });
  return { copy, server: await startServer({ root: copy, ...options }) };
}

describe('offline reading', () => {
  let served;
  before(async () => {
    served = await serveCopy(DIST, 'site');
  });
  after(async () => {
    await served?.server.close();
  });

  test('three articles opened fresh, by reload and by a link in the app are read offline after reload, with no request', async () => {
    const { context, page, problems } = await browserProfile();
    const url = served.server.url;
    // Fresh: the first page, loaded before the worker existed.
    await openAndAct(page, `${url}/news/${SEED_SLUG}`);
    await waitUntilSaved(page, [`/news/${SEED_SLUG}`]);
    // By reload.
    const reloaded = '/news/usst-holds-2020-commencement-ceremony';
    await page.goto(`${url}${reloaded}`);
    await page.reload();
    await waitForApp(page);
    // Through a link inside the app: a related article, shown by the app
    // from its JSON, never loaded as a page.
    const link = page.locator('.related a').first();
    const followed = new URL(await link.getAttribute('href'), url).pathname;
    await link.click();
    await page.waitForFunction((path) => location.pathname === path, followed);
    const headline = sourceArticle(followed.split('/').pop()).headline;
    await page.waitForFunction((text) => document.querySelector('main h1')?.textContent.trim() === text, headline);
    await waitUntilSaved(page, [`/news/${SEED_SLUG}`, reloaded, followed]);

    await context.setOffline(true);
    const requestsBefore = served.server.requests.length;
    for (const path of [`/news/${SEED_SLUG}`, reloaded, followed]) {
      await page.goto(`${url}${path}`);
      await page.reload();
      const h1 = (await page.locator('main h1').textContent()).trim();
      assert.notEqual(h1, 'You’re offline', `${path} is saved`);
      if (path === followed) assert.equal(h1, headline);
      // Styled (the stylesheet came from the device too) and dated.
      const header = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(header, 'rgb(11, 61, 122)', `${path}: the styles are there`);
      const note = await page.locator('.saved-copy').textContent();
      assert.match(note, /You are offline: this is the copy saved on this device \w+ \d+, \d{4}/);
    }
    assert.equal(served.server.requests.length, requestsBefore, 'no request reached the server while offline');
    await screenshot(page, 'offline-saved-copy-1280');
    // The app, offline, to a page this device never saved: the line about
    // the saved copy goes with the page it was about, and the page says,
    // as the worker's offline page does, that it is not saved here, and
    // lists what is.
    await waitForApp(page);
    await page.locator('.section-nav a', { hasText: 'Cooperation' }).click();
    const notice = page.locator('.notice--offline');
    await notice.waitFor();
    assert.equal((await page.locator('main h1').textContent()).trim(), 'You’re offline');
    assert.match(await notice.textContent(), /This page isn’t saved on this device/);
    await notice.locator('[data-saved-list] a').first().waitFor();
    assert.ok((await notice.locator('[data-saved-list] a').allTextContents()).includes(headline), 'the saved articles are listed');
    assert.equal(await notice.locator('a[href="/saved"]').textContent(), 'Everything saved on this device');
    assert.equal(await page.locator('.saved-copy').count(), 0, 'the saved copy\'s line outlived its page');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the worker keeps the reading app at install and the whole app once a page asks for it; an article offline starts the reading app from the device', async () => {
    const { context, page, problems } = await browserProfile();
    const url = served.server.url;
    await openAndAct(page, `${url}/news/${SEED_SLUG}`);
    // The app files the worker keeps, by their names less their hashes.
    const kept = () =>
      page.evaluate(async () => {
        const name = (await caches.keys()).find((cache) => cache.includes(':app:'));
        const cache = await caches.open(name);
        return (await cache.keys()).map((request) => new URL(request.url).pathname.replace(/^.*\//, '').replace(/-[0-9a-f]{12,16}/, ''));
      });
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    const installed = await kept();
    assert.ok(installed.includes('reading_bg.wasm') && installed.includes('reading.js'), `the reading app kept: ${installed}`);
    assert.ok(!installed.includes('reader_bg.wasm') && !installed.includes('reader.js'), `the whole app not kept at install: ${installed}`);
    // A page of the whole app's, through the worker: its files kept then.
    await page.goto(`${url}/speakers`);
    await waitForApp(page);
    await page.waitForFunction(
      async () => {
        const name = (await caches.keys()).find((cache) => cache.includes(':app:'));
        const cache = await caches.open(name);
        return (await cache.keys()).some((request) => /\/reader-[0-9a-f]{12,16}_bg\.wasm$/.test(request.url));
      },
      null,
      { timeout: 15_000 },
    );
    // The article again, through the worker (its data kept as the app
    // asks for it); then offline, the page, its data and its app (the
    // reading app) come from the device.
    await page.goto(`${url}/news/${SEED_SLUG}`);
    await waitForApp(page);
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('.wasm')));
    assert.match(wasm.join(), /^\/reading-[0-9a-f]{12,16}_bg\.wasm$/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an unvisited article, offline, gets the offline page listing what is saved; a 404 seen online is not served offline', async () => {
    const { context, page } = await browserProfile({ width: 390, height: 844 });
    const url = served.server.url;
    await openAndAct(page, `${url}/news/${SEED_SLUG}`);
    await page.goto(`${url}/news/no-such-article`);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Page not found');
    await waitUntilSaved(page, [`/news/${SEED_SLUG}`]);
    await context.setOffline(true);
    for (const path of ['/news/usst-campus-radio-station-goes-on-air', '/news/no-such-article', '/search?q=lab']) {
      const response = await page.goto(`${url}${path}`);
      assert.equal(response.status(), 503, path);
      assert.equal((await page.locator('main h1').textContent()).trim(), 'You’re offline', path);
      // With the host's security headers, as every page has them.
      const headers = await response.allHeaders();
      assert.match(headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, path);
      assert.equal(headers['x-content-type-options'], 'nosniff', path);
      assert.equal(headers['cache-control'], 'no-store', path);
    }
    const saved = page.locator('[data-saved-list] a');
    await saved.first().waitFor();
    assert.deepEqual(await saved.allTextContents(), ['Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST']);
    await screenshot(page, 'offline-page-390');
    // Where its link to everything saved goes works offline too, never
    // visited (the Saved page is kept at install): its app starts from the
    // device and lists what is saved.
    assert.equal(await page.locator('main a[href="/saved"]').count(), 1);
    const savedPage = await page.goto(`${url}/saved`);
    assert.equal(savedPage.status(), 200);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Saved on this device');
    await page.locator('.saved__item a').first().waitFor();
    assert.deepEqual(await page.locator('.saved__item a').allTextContents(), ['Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST']);
    await page.goBack();
    await page.locator('[data-retry]').waitFor();
    // Try again: back online, the page itself.
    await context.setOffline(false);
    await page.locator('[data-retry]').click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.includes('Search'));
    await context.close();
  });

  test('the Chinese edition offline: its articles read after reload, its own offline page, in Chinese', async () => {
    const { context, page, problems } = await browserProfile({ width: 390, height: 844 });
    const url = served.server.url;
    const seed = '/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin';
    const reloaded = '/zh/news/5g-shiyanshi-jiepai-qiyong';
    await openAndAct(page, `${url}${seed}`);
    await page.goto(`${url}${reloaded}`);
    await page.reload();
    await waitForApp(page);
    await waitUntilSaved(page, [seed, reloaded]);
    await context.setOffline(true);
    const requestsBefore = served.server.requests.length;
    for (const path of [seed, reloaded]) {
      await page.goto(`${url}${path}`);
      await page.reload();
      assert.notEqual((await page.locator('main h1').textContent()).trim(), '您已离线', `${path} is saved`);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      const header = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(header, 'rgb(11, 61, 122)', `${path}: the styles are there`);
      assert.match(await page.locator('.saved-copy').textContent(), /您已离线：这是保存在本设备上的副本，保存于 .*2\d{3}/);
    }
    assert.equal(served.server.requests.length, requestsBefore, 'no request reached the server while offline');
    // An article of the edition never opened: the edition's offline page.
    const response = await page.goto(`${url}/zh/news/xiaoyezi-zhiyuanzhe-jinbohui`);
    assert.equal(response.status(), 503);
    assert.equal((await page.locator('main h1').textContent()).trim(), '您已离线');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const saved = page.locator('[data-saved-list] a');
    await saved.first().waitFor();
    assert.ok((await saved.allTextContents()).includes('上海高端医疗器械创新中心在上海理工大学揭牌'));
    await screenshot(page, 'offline-page-zh-390');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('save for later: one control on the article, a Saved page that lists and removes', async () => {
    const { context, page, problems } = await browserProfile();
    const url = served.server.url;
    await openAndAct(page, `${url}/news/${SEED_SLUG}`);
    const keep = page.locator('button.keep');
    await keep.waitFor({ state: 'visible' });
    assert.equal(await keep.textContent(), 'Save for offlineSaved on this device · Remove');
    // Its name says what it does (not a toggle whose name changes too).
    assert.equal(await keep.getAttribute('aria-pressed'), null);
    assert.equal(await page.getByRole('button', { name: 'Save for offline', exact: true }).count(), 1);
    // From the keyboard: the button keeps the focus while it works.
    await keep.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('button.keep').dataset.kept === 'true');
    assert.equal(await page.getByRole('button', { name: 'Saved on this device · Remove', exact: true }).count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('button.keep')), true, 'the focus stays on the button');
    // The Saved page, from the site's navigation (in the app).
    await page.locator('.site-nav a', { hasText: 'Saved' }).click();
    await page.waitForFunction(() => location.pathname === '/saved');
    const group = page.locator('.saved__group');
    await group.first().waitFor();
    assert.deepEqual(await group.allTextContents(), ['Saved for later']);
    assert.deepEqual(await page.locator('.saved__item a').allTextContents(), ['Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST']);
    await screenshot(page, 'saved-1280');
    await page.locator('.saved__remove').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('.saved__remove'));
    const kept = (await savedPages(page)).filter((saved) => saved.kept);
    assert.deepEqual(kept, []);
    // The last one removed: its group goes, the list says so, and the
    // focus goes to the page's heading rather than nowhere.
    assert.deepEqual(await group.allTextContents(), []);
    assert.equal(await page.locator('[data-saved-list] .saved__empty').count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement === document.querySelector('main h1')), true, 'the focus is on the heading');
    // Opened directly, the Saved page starts its controls at once.
    await page.goto(`${url}/saved`);
    await page.locator('[data-saved-list] .saved__group, [data-saved-list] .saved__empty').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"Save for offline" leaves no empty place on the article, and nothing moves when it shows or where the browser cannot keep pages', async () => {
    // Where the article's parts stand: the headline, and the block after
    // the header ("who spoke"), with its gap below the dateline.
    const places = (page) => page.evaluate(() => {
      const top = (selector) => Math.round(document.querySelector(selector).getBoundingClientRect().top);
      const dateline = document.querySelector('.dateline').getBoundingClientRect().bottom;
      return {
        headline: top('.article__headline'),
        // What follows the header comes after the dateline with the gap
        // of any other block (28 px), not a band kept for the button
        // (82 px before it stood beside the section's name).
        gap: Math.round(top('.who-spoke') - dateline),
        next: top('.who-spoke'),
      };
    });
    for (const workers of [true, false]) {
      const { context, page, problems } = await browserProfile({ width: 390, height: 800 });
      if (!workers) {
        await page.addInitScript(() => {
          delete Navigator.prototype.serviceWorker;
        });
      }
      await page.goto(`${served.server.url}/news/${SEED_SLUG}`);
      // The page as it loads, before the reader does anything: the
      // button waits, hidden, beside the section's name.
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined);
      const before = await places(page);
      assert.ok(before.gap < 40, `a gap of ${before.gap} px below the dateline`);
      await page.mouse.wheel(0, 1);
      await waitForApp(page);
      const keep = page.locator('button.keep');
      if (workers) {
        await keep.waitFor({ state: 'visible' });
      } else {
        await page.waitForFunction(() => document.querySelector('button.keep')?.dataset.unavailable === '');
        assert.equal(await keep.evaluate((button) => getComputedStyle(button).display), 'none');
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      assert.deepEqual(await places(page), before, workers ? 'the button shown' : 'no button');
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('a reader’s first page keeps its data and pictures; an article removed from Saved stays read and can be saved again offline; a speech’s link opens its saved article', async () => {
    const { context, page, problems } = await browserProfile();
    const url = served.server.url;
    const slug = 'usst-opens-optical-imaging-research-laboratory';
    const headline = sourceArticle(slug).headline;
    // The first page, read to its end (its pictures load as they near the
    // screen) before the worker runs.
    await page.goto(`${url}/news/${slug}`);
    await page.mouse.wheel(0, 10_000);
    await waitForApp(page);
    await page.waitForFunction(() => [...document.querySelectorAll('main img')].every((img) => img.complete && img.naturalWidth > 0));
    await page.evaluate(() => navigator.serviceWorker.ready);
    // What the first page loaded before the worker ran: kept once it does.
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name)).filter((at) => at.origin === location.origin && at.pathname.startsWith('/content/')).map((at) => at.pathname),
    );
    assert.ok(loaded.some((path) => path.endsWith('.json')) && loaded.some((path) => /\.(svg|jpg|webp|png)$/.test(path)), `data and pictures loaded: ${loaded}`);
    await page.waitForFunction(async (paths) => (await Promise.all(paths.map((path) => caches.match(path)))).every(Boolean), loaded, { timeout: 15_000, polling: 200 });
    // Saved, then removed: still on the device, as read.
    const keep = page.locator('button.keep');
    await keep.waitFor({ state: 'visible' });
    await keep.click();
    await page.waitForFunction(() => document.querySelector('button.keep').dataset.kept === 'true');
    await keep.click();
    await page.waitForFunction(() => document.querySelector('button.keep').dataset.kept === 'false');
    const entry = (await savedPages(page)).find((saved) => new URL(saved.url).pathname === `/news/${slug}`);
    assert.equal(entry?.kept, false, 'removed from Saved, still read');
    // Offline: saved again, and read after a reload, its pictures there.
    await context.setOffline(true);
    await keep.click();
    await page.waitForFunction(() => document.querySelector('button.keep').dataset.kept === 'true', null, { timeout: 10_000 });
    await page.reload();
    assert.equal((await page.locator('main h1').textContent()).trim(), headline);
    const pictures = page.locator('main img');
    for (let i = 0; i < (await pictures.count()); i += 1) {
      await pictures.nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => el.complete, await pictures.nth(i).elementHandle());
      assert.ok(await pictures.nth(i).evaluate((el) => el.naturalWidth > 0), `${await pictures.nth(i).getAttribute('src')} shows offline`);
    }
    // A speech's link (as shared) opens the saved article at the speech.
    await page.goto(`${url}/news/${slug}/speech/2`);
    assert.equal((await page.locator('main h1').textContent()).trim(), headline);
    assert.equal(await page.evaluate(() => location.pathname + location.hash), `/news/${slug}#speech-2`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('"Recently read" lists the articles opened, each said as read and titled in its own language; not the other pages', async () => {
    const { context, page, problems } = await browserProfile();
    const url = served.server.url;
    const zhSeed = '/zh/news/shangli-gaoduan-yiliao-qixie-zhongxin';
    await openAndAct(page, `${url}/`);
    for (const path of [`/news/${SEED_SLUG}`, '/speakers', zhSeed, '/zh/speakers/chen-hua']) await page.goto(`${url}${path}`);
    await waitUntilSaved(page, ['/', `/news/${SEED_SLUG}`, '/speakers', zhSeed, '/zh/speakers/chen-hua']);
    await page.goto(`${url}/saved`);
    const links = page.locator('.saved__item a');
    await links.first().waitFor();
    assert.deepEqual(await page.locator('.saved__group').allTextContents(), ['Recently read']);
    assert.deepEqual(await links.allTextContents(), ['上海高端医疗器械创新中心在上海理工大学揭牌', 'Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST']);
    assert.deepEqual(await links.evaluateAll((all) => all.map((a) => a.lang)), ['zh-CN', '']);
    for (const when of await page.locator('.saved__when').allTextContents()) assert.match(when, /^read /);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an article saved on the first visit opens offline through the app’s own links; its other spellings are one saved page', async () => {
    const { context, page, problems } = await browserProfile();
    const url = served.server.url;
    const headline = sourceArticle(SEED_SLUG).headline;
    await openAndAct(page, `${url}/`);
    // The first page had no worker; the worker takes charge of it as it
    // starts, so the article's data the app fetches next goes through it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    await page.locator(`main a[href="/news/${SEED_SLUG}"]`).first().click();
    await page.waitForFunction((text) => document.querySelector('main h1')?.textContent.trim() === text, headline);
    const keep = page.locator('button.keep');
    await keep.waitFor({ state: 'visible' });
    await keep.click();
    await page.waitForFunction(() => document.querySelector('button.keep').dataset.kept === 'true');
    await context.setOffline(true);
    // Offline, in the same tab: the list, then the saved article, by the
    // app's own links (the app fetches its data: the device has it).
    await page.locator('.site-nav a', { hasText: 'News & Events' }).click();
    await page.waitForFunction(() => location.pathname === '/' && document.querySelector('main h1')?.textContent.trim() !== '');
    // The list itself (its data was fetched before the worker ran, and
    // kept when it started), not the page saying it is not saved.
    assert.equal(await page.locator('.notice--offline').count(), 0, 'the list, not "This page isn’t saved"');
    assert.ok((await page.locator('main .news-card').count()) > 1, 'the list’s articles');
    await page.locator(`main a[href="/news/${SEED_SLUG}"]`).first().click();
    await page.waitForFunction((text) => document.querySelector('main h1')?.textContent.trim() === text, headline);
    assert.equal(await page.locator('main .notice--error').count(), 0, 'no "could not load"');
    assert.ok((await page.locator('main').innerText()).includes('Ding Xiaodong'), 'the article whole');
    // Loaded at another spelling of its address, it is the saved page.
    await page.goto(`${url}/news/${SEED_SLUG}/`);
    assert.equal((await page.locator('main h1').textContent()).trim(), headline);
    await context.setOffline(false);
    await page.goto(`${url}/news/${SEED_SLUG}/index.html`);
    await page.locator('main h1').waitFor();
    const saved = (await savedPages(page)).map((entry) => new URL(entry.url).pathname);
    assert.deepEqual(saved.filter((path) => path.startsWith(`/news/${SEED_SLUG}`)), [`/news/${SEED_SLUG}`], `one saved page: ${saved}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('installable: a manifest with relative addresses and maskable icons, and no installability error', async () => {
    const { context, page } = await browserProfile();
    // The manifest comes with the reader's first act.
    await page.goto(`${served.server.url}/`);
    assert.equal(await page.locator('link[rel="manifest"]').count(), 0, 'nothing for installing in the first view');
    await openAndAct(page, `${served.server.url}/`);
    await page.locator('link[rel="manifest"]').waitFor({ state: 'attached' });
    const client = await context.newCDPSession(page);
    const { installabilityErrors } = await client.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, []);
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    assert.deepEqual([manifest.id, manifest.start_url, manifest.scope], ['./', './', './']);
    assert.deepEqual(manifest.icons.map((icon) => [icon.sizes, icon.purpose]), [['192x192', 'any maskable'], ['512x512', 'any maskable']]);
    await context.close();
  });

  test('the worker answers with a strict policy of its own, never cached by the host, and needs nothing unsafe', async () => {
    const response = await fetch(`${served.server.url}/sw.js`);
    assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; connect-src 'self'");
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    const text = await response.text();
    assert.match(text, /^const config = \{/);
    const config = JSON.parse(text.split('\n')[0].replace(/^const config = /, '').replace(/;$/, ''));
    // Its list of files is the build's: every hashed file in dist/.
    const hashed = readdirSync(DIST).filter((name) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/.test(name));
    for (const name of hashed) assert.ok(config.app.includes(`/${name}`), `the worker keeps ${name}`);
    const pageHeaders = (await fetch(`${served.server.url}/news/${SEED_SLUG}`)).headers.get('content-security-policy');
    assert.ok(!pageHeaders.includes('unsafe-inline'));
  });
});

describe('the rolling cache', () => {
  let server;
  before(async () => {
    server = await startServer({ root: ARCHIVE });
  });
  after(async () => {
    await server?.close();
  });

  test('after 250 visits the device keeps at most its cap, and what was saved on purpose stays', async () => {
    const { context, page } = await browserProfile();
    const config = JSON.parse(readFileSync(join(ARCHIVE, 'sw.js'), 'utf8').split('\n')[0].replace(/^const config = /, '').replace(/;$/, ''));
    const articles = readdirSync(join(ARCHIVE, 'news')).filter((name) => name !== 'archive');
    const pages = [
      ...articles.map((slug) => `/news/${slug}`),
      ...readdirSync(join(ARCHIVE, 'news', 'archive')).map((k) => `/news/archive/${k}`),
      ...readdirSync(join(ARCHIVE, 'speakers')).filter((name) => !name.endsWith('.html')).map((slug) => `/speakers/${slug}`),
    ].slice(0, 250);
    assert.equal(pages.length, 250, 'enough pages to visit');
    await openAndAct(page, `${server.url}${pages[0]}`);
    const keep = page.locator('button.keep');
    await keep.waitFor({ state: 'visible' });
    await keep.click();
    await page.waitForFunction(() => document.querySelector('button.keep').dataset.kept === 'true');
    for (const path of pages.slice(1)) await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
    await page.goto(`${server.url}/saved`);
    await page.waitForTimeout(500);
    const saved = await savedPages(page);
    const rolling = saved.filter((entry) => !entry.kept);
    assert.ok(rolling.length <= config.cap, `${rolling.length} pages kept, cap ${config.cap}`);
    assert.ok(rolling.length >= config.cap - 5, `the cache fills up to its cap: ${rolling.length}`);
    assert.deepEqual(saved.filter((entry) => entry.kept).map((entry) => new URL(entry.url).pathname), [pages[0]]);
    // The oldest visits went first.
    const kept = new Set(rolling.map((entry) => new URL(entry.url).pathname));
    assert.ok(!kept.has(pages[1]) && kept.has(pages[249]), 'least recently used first');
    await context.close();
  });
});

describe('a site in a folder', () => {
  let server;
  before(async () => {
    server = await startServer({ root: SUBPATH, prefix: '/news/' });
  });
  after(async () => {
    await server?.close();
  });

  test('the worker keeps to /news/, names its caches with it and leaves other apps’ caches alone', async () => {
    const { context, page } = await browserProfile();
    await page.goto(`${server.url}/news/`);
    // Another app on the same origin, with a cache of its own.
    await page.evaluate(() => caches.open('another-app').then((cache) => cache.put('/x', new Response('x'))));
    await openAndAct(page, `${server.url}/news/news/${SEED_SLUG}`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(new URL(scope).pathname, '/news/');
    await waitUntilSaved(page, [`/news/news/${SEED_SLUG}`]);
    const names = await cacheNames(page);
    assert.ok(names.includes('another-app'));
    assert.ok(names.filter((name) => name !== 'another-app').every((name) => name.startsWith('reader:/news/:')), names.join(', '));
    await context.setOffline(true);
    await page.reload();
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST');
    const manifest = JSON.parse(readFileSync(join(SUBPATH, 'manifest.webmanifest'), 'utf8'));
    assert.equal(manifest.start_url, './');
    await context.close();
  });
});

/**
 * A new build of `from` in `to`, as a deploy brings one: the app's files
 * renamed (new hashes; the pages, the worker and the host files name the
 * new ones), the loader's hash in every policy with them, and a new worker.
 * Returns the old names.
 */
function newBuild(from, to) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  const renames = new Map();
  for (const name of readdirSync(to)) {
    const found = name.match(/^(reader|reading|styles)-([0-9a-f]{12,16})((?:_bg)?\.(?:js|wasm|css))$/);
    if (found) renames.set(name, `${found[1]}-${[...found[2]].reverse().join('')}${found[3]}`);
  }
  for (const [old, fresh] of renames) {
    for (const ext of ['', '.br', '.gz']) if (existsSync(join(to, old + ext))) renameSync(join(to, old + ext), join(to, fresh + ext));
  }
  const oldLoader = readFileSync(join(from, 'index.html'), 'utf8').match(/<script type=module>([\s\S]*?)<\/script>/)[1];
  const hash = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
  const rewrite = (text) => {
    let out = text;
    for (const [old, fresh] of renames) out = out.replaceAll(old, fresh);
    return out;
  };
  const newLoader = rewrite(oldLoader);
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(html)$|^_headers$|^sw\.js$/.test(name)) {
        let text = rewrite(readFileSync(path, 'utf8')).replaceAll(hash(oldLoader), hash(newLoader));
        if (name === 'sw.js') text = text.replace(/"version":"([0-9a-f]+)"/, '"version":"$1-new"');
        writeFileSync(path, text);
      }
    }
  };
  walk(to);
  for (const ext of ['.br', '.gz']) rmSync(join(to, `sw.js${ext}`), { force: true });
  return [...renames.keys()];
}

describe('deploys never strand a reader', () => {
  test('a tab opened on the old build, its app files removed by the deploy, reloads into the new build on the first act', async () => {
    const { copy, server } = await serveCopy(DIST, 'deploy-first-visit');
    const port = Number(new URL(server.url).port);
    const { context, page, problems } = await browserProfile();
    await page.goto(`${server.url}/news/${SEED_SLUG}`);
    await page.locator('main h1').waitFor();
    // The deploy, as an impatient deployer makes it: the old files gone.
    await server.close();
    const old = newBuild(DIST, copy + '-new');
    rmSync(copy, { recursive: true, force: true });
    renameSync(copy + '-new', copy);
    for (const name of old) assert.ok(!existsSync(join(copy, name)));
    const fresh = await startServer({ root: copy, port });
    // The reader acts: the old app is gone, the page reloads into the new.
    await waitForApp(page, 30_000);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated');
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((p) => p.endsWith('.wasm')));
    assert.ok(scripts.every((path) => !old.some((name) => path.endsWith(name))), `the new build's wasm: ${scripts}`);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST');
    assert.deepEqual(problems.filter((p) => !p.includes('Failed to fetch dynamically imported module')), []);
    await context.close();
    await fresh.close();
  });

  test('with the worker: the old tab keeps its app; the next visit gets the new build; old caches go', async () => {
    const { copy, server } = await serveCopy(DIST, 'deploy-worker');
    const port = Number(new URL(server.url).port);
    const { context, page } = await browserProfile();
    await openAndAct(page, `${server.url}/news/${SEED_SLUG}`);
    // The tab, reloaded: the worker's, its app not loaded yet.
    await page.reload();
    await page.locator('main h1').waitFor();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null));
    const oldCaches = (await cacheNames(page)).filter((name) => name.includes(':app:'));
    assert.equal(oldCaches.length, 1);
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    await server.close();
    const old = newBuild(DIST, copy + '-new');
    rmSync(copy, { recursive: true, force: true });
    renameSync(copy + '-new', copy);
    const fresh = await startServer({ root: copy, port });
    // The reader acts after the deploy: the old app comes from the
    // device, whole, in the same page (no reload).
    await waitForApp(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((p) => p.endsWith('.wasm')));
    assert.ok(wasm.length > 0 && wasm.every((path) => old.some((name) => path.endsWith(name))), `the old build's wasm: ${wasm}`);
    // It follows a link in the app.
    await page.locator('.related a').first().click();
    await page.waitForFunction(() => location.pathname !== '/news/usst-medical-equipment-centre');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'in the app');
    // The next visit (the old tab gone) gets the new build's page.
    await page.close();
    const next = await context.newPage();
    await next.goto(`${fresh.url}/news/${SEED_SLUG}`);
    const html = await next.content();
    assert.ok(!old.some((name) => html.includes(name)), 'the new build');
    // Once no page uses the old worker, the new one takes over and the
    // old app's cache is removed.
    await next.close();
    const last = await context.newPage();
    await last.goto(`${fresh.url}/`);
    await last.waitForFunction(
      async (before) => {
        const names = (await caches.keys()).filter((name) => name.includes(':app:'));
        return names.length === 1 && !before.includes(names[0]);
      },
      oldCaches,
      { timeout: 20_000, polling: 250 },
    );
    await context.close();
    await fresh.close();
  });

  test('the kill switch removes the worker and its caches', async () => {
    assert.ok(existsSync(join(KILL_SWITCH, 'sw.js')), 'run scripts/test.sh: it builds the kill switch');
    const { copy, server } = await serveCopy(DIST, 'kill-switch');
    const port = Number(new URL(server.url).port);
    const { context, page } = await browserProfile();
    await openAndAct(page, `${server.url}/news/${SEED_SLUG}`);
    await waitUntilSaved(page, [`/news/${SEED_SLUG}`]);
    assert.ok((await cacheNames(page)).some((name) => name.startsWith('reader:/:')));
    await server.close();
    rmSync(copy, { recursive: true, force: true });
    cpSync(KILL_SWITCH, copy, { recursive: true });
    const fresh = await startServer({ root: copy, port });
    await page.goto(`${fresh.url}/`);
    await workerGone(page);
    await page.close();
    // The kill-switch build's pages run controls that register no worker,
    // and offer nothing to save with.
    const after = await context.newPage();
    await after.goto(`${fresh.url}/news/${SEED_SLUG}`);
    await waitForApp(after);
    // The loader imports the controls once the app has started, so their
    // request may still be on its way when the app is.
    const controls = await (
      await after.waitForFunction(() =>
        performance.getEntriesByType('resource').map((entry) => entry.name).find((name) => name.includes('/offline/controls-')),
      )
    ).jsonValue();
    const config = JSON.parse((await (await fetch(controls)).text()).match(/^const config = (\{.*\});\n/)[1]);
    assert.equal(config.worker, null, 'the kill switch registers no worker');
    assert.equal(config.base, '/');
    await after.waitForTimeout(500);
    assert.equal(await after.locator('[data-keep]').isHidden(), true, 'nothing to save with');
    // And the worker stays gone.
    await after.close();
    const last = await context.newPage();
    await last.goto(`${fresh.url}/`);
    await workerGone(last);
    await context.close();
    await fresh.close();
  });
});

after(() => rmSync(WORK, { recursive: true, force: true }));
