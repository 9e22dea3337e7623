// A generated archive (scripts/test.sh builds it into target/dist-archive
// with `reader-content generate`): more articles than one page holds, so the
// list's pages, the sections' pages and automatic related links are tested
// with what a reader sees and clicks.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heading, isDataFetch, openPage, openStaticPage, REPO, screenshot, waitForHeading, withApp } from './support.mjs';

const DIST = join(REPO, 'target', 'dist-archive');
const json = (path) => JSON.parse(readFileSync(join(DIST, 'content', path), 'utf8'));
const site = () => json('site.json');
const cards = (page) => page.locator('.news-list__items .news-card__headline a').allTextContents();

/** Tracks requests: fetches made by the app, and whether a document loaded. */
function track(page) {
  const fetched = [];
  page.on('request', (request) => {
    if (isDataFetch(request)) fetched.push(new URL(request.url()).pathname);
  });
  return fetched;
}

describe('a generated archive: pages, sections, related articles', () => {
  const app = withApp({ root: DIST });

  test('the list is in pages of 20, newest first; Older and Newer move between them in the app', async () => {
    const first = json('list/1.json');
    const second = json('list/2.json');
    assert.ok(first.pages >= 3, `the archive needs 3 pages or more, has ${first.pages}`);
    const { page, context, problems } = await openPage(app.browser);
    const fetched = track(page);
    await page.goto(app.server.url + '/');
    assert.equal(await heading(page), 'News & Events');
    assert.deepEqual(await cards(page), first.articles.map((a) => a.headline));
    assert.equal((await page.locator('.pagination__position').textContent()).trim(), `Page 1 of ${first.pages}`);
    assert.equal(await page.locator('.pagination__newer').count(), 0, 'no newer page before the first');
    await page.evaluate(() => { window.__sameDocument = true; });

    await page.locator('.pagination__older').click();
    await page.waitForURL(`${app.server.url}/news/page/2`);
    await page.waitForFunction((h) => document.querySelector('.news-card__headline a')?.textContent === h, second.articles[0].headline);
    assert.deepEqual(await cards(page), second.articles.map((a) => a.headline));
    assert.equal(await page.title(), 'News & Events, page 2 · USST News');
    assert.deepEqual(fetched, ['/content/list/2.json'], 'one page of the list, nothing more');

    await page.locator('.pagination__newer').click();
    await page.waitForURL(`${app.server.url}/`);
    await page.waitForFunction((h) => document.querySelector('.news-card__headline a')?.textContent === h, first.articles[0].headline);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a full page load happened');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the last page is an address of its own, and one past it is not found', async () => {
    const { pages, total } = json('list/1.json');
    const { page, context } = await openPage(app.browser);
    const response = await page.goto(`${app.server.url}/news/page/${pages}`);
    assert.equal(response.status(), 200);
    await heading(page);
    assert.equal((await cards(page)).length, total - 20 * (pages - 1));
    assert.equal(await page.locator('.pagination__older').count(), 0);
    const past = await page.goto(`${app.server.url}/news/page/${pages + 1}`);
    assert.equal(past.status(), 404);
    assert.equal(await heading(page), 'Page not found');
    await context.close();
  });

  test('every section is in the navigation; a section lists only its own articles, in pages', async () => {
    const sections = site().sections;
    assert.ok(sections.length >= 3);
    const biggest = sections
      .map((section) => ({ ...section, list: json(`sections/${section.slug}/1.json`) }))
      .sort((a, b) => b.list.total - a.list.total)[0];
    assert.ok(biggest.list.pages >= 2, `${biggest.name} needs two pages, has ${biggest.list.total} articles`);
    const { page, context, problems } = await openPage(app.browser);
    const fetched = track(page);
    await page.goto(app.server.url + '/');
    await heading(page);
    assert.deepEqual(await page.locator('.section-nav a').allTextContents(), sections.map((s) => s.name));
    await page.locator('.section-nav a', { hasText: biggest.name }).click();
    await waitForHeading(page, biggest.name);
    assert.equal(page.url(), `${app.server.url}/section/${biggest.slug}`);
    assert.equal(await page.locator(`.section-nav a[aria-current="page"]`).textContent(), biggest.name);
    assert.deepEqual(await cards(page), biggest.list.articles.map((a) => a.headline));
    const shown = await page.locator('.news-list__items .news-card__section').allTextContents();
    assert.ok(shown.every((name) => name === biggest.name), `other sections listed: ${shown}`);

    await page.locator('.pagination__older').click();
    await page.waitForURL(`${app.server.url}/section/${biggest.slug}/page/2`);
    const second = json(`sections/${biggest.slug}/2.json`);
    await page.waitForFunction((h) => document.querySelector('.news-card__headline a')?.textContent === h, second.articles[0].headline);
    assert.deepEqual(await cards(page), second.articles.map((a) => a.headline));
    assert.deepEqual(fetched, [`/content/sections/${biggest.slug}/1.json`, `/content/sections/${biggest.slug}/2.json`]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with JavaScript off, each page of a list is readable and links to its neighbours', async () => {
    const section = site().sections[0];
    const { page, context } = await openStaticPage(app.browser);
    await page.goto(`${app.server.url}/news/page/2`);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'News & Events');
    assert.deepEqual(await cards(page), json('list/2.json').articles.map((a) => a.headline));
    assert.equal(await page.locator('.pagination__newer').getAttribute('href'), '/');
    assert.equal(await page.locator('.pagination__older').getAttribute('href'), '/news/page/3');
    await page.goto(`${app.server.url}/section/${section.slug}`);
    assert.equal((await page.locator('main h1').textContent()).trim(), section.name);
    assert.equal(await page.locator('.section-nav a').count(), site().sections.length);
    // Page 1 at its number is the list's first page, naming the list's own address.
    for (const [numbered, own, list] of [
      ['/news/page/1', '/', 'list/1.json'],
      [`/section/${section.slug}/page/1`, `/section/${section.slug}`, `sections/${section.slug}/1.json`],
    ]) {
      const response = await page.goto(app.server.url + numbered);
      assert.equal(response.status(), 200, numbered);
      assert.deepEqual(await cards(page), json(list).articles.map((a) => a.headline), numbered);
      assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), site().origin + own, numbered);
    }
    await context.close();
  });

  test('the sitemap lists every page of the list and of each section, and each is served', async () => {
    const xml = await (await fetch(`${app.server.url}/sitemap.xml`)).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(site().origin, ''));
    const expected = ['/'];
    for (let n = 2; n <= json('list/1.json').pages; n += 1) expected.push(`/news/page/${n}`);
    for (const section of site().sections) {
      const { pages } = json(`sections/${section.slug}/1.json`);
      expected.push(`/section/${section.slug}`);
      for (let n = 2; n <= pages; n += 1) expected.push(`/section/${section.slug}/page/${n}`);
    }
    assert.deepEqual(locs.slice(0, expected.length), expected);
    for (const path of expected) {
      assert.equal((await fetch(app.server.url + path)).status, 200, path);
    }
  });

  test('search results come ten at a time; More results leads to the next ten, as an address', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search?q=university`);
    await heading(page);
    await page.waitForFunction(() => document.querySelector('.search-page__count')?.textContent.includes('“university”'));
    const count = (await page.locator('.search-page__count').textContent()).trim();
    const total = Number(count.match(/^(\d+) articles/)?.[1]);
    assert.ok(total > 20, count);
    const first = await page.locator('.search-result__headline a').allTextContents();
    assert.equal(first.length, 10);
    assert.equal((await page.locator('.search-results + .pagination .pagination__position').textContent()).trim(), `Page 1 of ${Math.ceil(total / 10)}`);
    await page.locator('.pagination__older', { hasText: 'More results' }).click();
    await page.waitForURL(`${app.server.url}/search?q=university&page=2`);
    await page.waitForFunction(() => document.querySelector('.search-results')?.getAttribute('start') === '11');
    const second = await page.locator('.search-result__headline a').allTextContents();
    assert.equal(second.length, 10);
    assert.ok(second.every((headline) => !first.includes(headline)), 'page 2 repeats page 1');
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.search-results')?.getAttribute('start') === '11');
    assert.deepEqual(await page.locator('.search-result__headline a').allTextContents(), second);
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const width of [390, 1280]) {
    test(`a middle page at ${width} px: both page links and the position fit, nothing scrolls sideways`, async () => {
      const { page, context } = await openPage(app.browser, { width });
      await page.goto(`${app.server.url}/news/page/2`);
      await heading(page);
      for (const part of ['.pagination__newer', '.pagination__position', '.pagination__older']) {
        assert.ok(await page.locator(part).isVisible(), `${part} is not visible`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await screenshot(page, `archive-page-2-${width}`);
      await context.close();
    });
  }

  test('an article whose editor named no related articles shows the nearest of its section', async () => {
    const item = json('list/1.json').articles[5];
    const published = json(`articles/${item.slug}.json`);
    assert.equal(published.related.length, 3);
    const { page, context } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${item.slug}`);
    assert.equal(await heading(page), item.headline);
    const links = page.locator('.related a');
    assert.deepEqual(await links.allTextContents(), published.related.map((r) => r.headline));
    for (const related of published.related) {
      const other = json(`articles/${related.slug}.json`);
      const speakers = (article) => article.body.filter((b) => b.type === 'speech').map((b) => b.speaker);
      const shared = speakers(other).some((name) => speakers(published).includes(name));
      assert.ok(other.section === published.section || shared, `${related.slug} is unrelated`);
    }
    await links.first().click();
    await waitForHeading(page, published.related[0].headline);
    await context.close();
  });
});
