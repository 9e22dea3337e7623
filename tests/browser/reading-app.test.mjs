// The reading app (src/bin/reading.rs, `ReadingApp` in src/app.rs): the
// lists, an article and its speeches, and the Saved page start a smaller
// wasm than the whole app's; its links stay in it; anything it has no
// route for (search, the speakers' pages) is loaded whole from the host,
// whose page starts the whole app.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_SLUG, heading, openPage, waitForApp, withApp } from './support.mjs';

const app = withApp();

/** The wasm files this document asked for, by name. */
const wasmAskedFor = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.replace(/^.*\//, ''))
      .filter((name) => name.endsWith('.wasm')),
  );

/** Marks the document: a page loaded afresh has lost the mark. */
const mark = (page) => page.evaluate(() => (window.__sameDocument = true));
const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

describe('the reading app', () => {
  for (const [name, path] of [
    ['an article', `/news/${SEED_SLUG}`],
    ["a speech's page", `/news/${SEED_SLUG}/speech/1`],
    ['the news list', '/'],
    ['a section', '/section/campus'],
    ['the Saved page', '/saved'],
  ]) {
    test(`${name} starts the reading app, not the whole app`, async () => {
      const { page, context, problems } = await openPage(app.browser);
      await page.goto(app.server.url + path);
      await heading(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated');
      assert.deepEqual((await wasmAskedFor(page)).map((file) => file.replace(/-[0-9a-f]+_bg/, '')), ['reading.wasm']);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  for (const [name, path] of [
    ['the search page', '/search?q=campus'],
    ["everyone who spoke's page", '/speakers'],
    ['a page not found', '/news/no-such-article'],
  ]) {
    test(`${name} starts the whole app`, async () => {
      const { page, context } = await openPage(app.browser);
      await page.goto(app.server.url + path);
      await waitForApp(page);
      assert.deepEqual((await wasmAskedFor(page)).map((file) => file.replace(/-[0-9a-f]+_bg/, '')), ['reader.wasm']);
      await context.close();
    });
  }

  test("an article's links to other articles stay in the reading app", async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await mark(page);
    const link = page.locator('.related a').first();
    const headline = (await link.textContent()).trim();
    await link.click();
    await page.waitForFunction((text) => document.querySelector('main h1')?.textContent.trim() === text, headline);
    assert.equal(await sameDocument(page), true, 'a route change, not a page load');
    assert.equal((await wasmAskedFor(page)).length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a search from the header of an article loads the search page, which the whole app shows; Back returns to the article', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    const article = await heading(page);
    await mark(page);
    // Focusing the box asks for the whole app (at low priority), which the
    // search page will start: that page finds it in the browser's cache.
    await page.focus('#site-search');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/reader-[0-9a-f]+_bg\.wasm$/.test(entry.name) && entry.responseEnd > 0));
    await page.fill('#site-search', 'campus');
    await page.press('#site-search', 'Enter');
    await page.waitForFunction(() => location.pathname === '/search' && window.__sameDocument !== true);
    await waitForApp(page);
    await page.waitForFunction(() => /7 articles match/.test(document.querySelector('main')?.textContent ?? ''));
    assert.equal(new URL(page.url()).search, '?q=campus');
    assert.deepEqual((await wasmAskedFor(page)).map((file) => file.replace(/-[0-9a-f]+_bg/, '')), ['reader.wasm']);
    const transferred = await page.evaluate(() => performance.getEntriesByType('resource').filter((entry) => /\.(wasm|js)$/.test(entry.name) && /\/reader-/.test(entry.name)).map((entry) => entry.transferSize));
    assert.deepEqual(transferred, [0, 0], "the whole app came from the browser's cache");
    await page.goBack();
    await page.waitForFunction((text) => document.querySelector('main h1')?.textContent.trim() === text, article);
    assert.equal(new URL(page.url()).pathname, `/news/${SEED_SLUG}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the header's link to the speakers loads their page whole, and its links then stay in the whole app", async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await heading(page);
    await mark(page);
    const entries = await page.evaluate(() => history.length);
    await page.locator('header a[href="/speakers"]').first().click();
    await page.waitForFunction(() => location.pathname === '/speakers' && window.__sameDocument !== true);
    assert.equal(await heading(page), 'Speakers');
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'one history entry for the one click');
    await mark(page);
    const speaker = page.locator('main a[href^="/speakers/"]').first();
    await speaker.click();
    await page.waitForFunction(() => location.pathname.startsWith('/speakers/'));
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() !== 'Speakers');
    assert.equal(await sameDocument(page), true, 'a route change in the whole app');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Back from the speakers' page, loaded whole from an article, shows the article", async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    const article = await heading(page);
    await page.mouse.move(5, 5);
    await waitForApp(page);
    await page.locator('header a[href="/speakers"]').first().click();
    await page.waitForFunction(() => location.pathname === '/speakers' && document.querySelector('main h1')?.textContent.trim() === 'Speakers');
    await page.goBack();
    await page.waitForFunction((text) => document.querySelector('main h1')?.textContent.trim() === text, article);
    assert.equal(new URL(page.url()).pathname, `/news/${SEED_SLUG}`);
    assert.equal(await page.title().then((title) => title.startsWith(article)), true, await page.title());
    assert.deepEqual(problems, []);
    await context.close();
  });
});
