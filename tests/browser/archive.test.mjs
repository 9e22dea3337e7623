// A generated archive (scripts/test.sh builds it into target/dist-archive
// with `reader-content generate`): more articles than one page holds, so the
// list's pages, the sections' pages and automatic related links are tested
// with what a reader sees and clicks.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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

/** How many archive pages a list has (`dir` below content/). */
const archivePages = (dir) => readdirSync(join(DIST, 'content', dir)).filter((f) => /^\d+\.json$/.test(f)).length;
/** Whether archive page `k` of the list in `dir` is one its front shows whole (after the page its "older" link names). */
const onFront = (dir, k) => k > (json(`${dir}/front.json`).older ?? 0);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const long = (iso) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;

/** What an archive page says it covers: the days of its oldest and newest article. */
function dates(list) {
  const days = list.articles.map((a) => a.published).filter(Boolean).sort();
  if (days.length === 0) return null;
  const [first, last] = [days[0], days[days.length - 1]];
  return first === last ? long(last) : `${long(first)} to ${long(last)}`;
}

describe('a generated archive: pages, sections, related articles', () => {
  const app = withApp({ root: DIST });

  test('the front shows the newest; Older and Newer move between archive pages in the app', async () => {
    const front = json('list/front.json');
    assert.ok(front.older >= 3, `the archive needs 3 pages before the front, has ${front.older}`);
    const older = json(`list/${front.older}.json`);
    const { page, context, problems } = await openPage(app.browser);
    const fetched = track(page);
    await page.goto(app.server.url + '/');
    assert.equal(await heading(page), 'News & Events');
    // The page's own data came with the app (prerender.test.mjs checks
    // it); from here on, what the app fetches.
    fetched.length = 0;
    assert.ok(front.articles.length >= 20, `${front.articles.length} on the front`);
    assert.deepEqual(await cards(page), front.articles.map((a) => a.headline));
    assert.equal(await page.locator('.pagination__newer').count(), 0, 'nothing newer than the front');
    assert.equal(await page.locator('.pagination__position').count(), 0, 'the front names no page');
    await page.evaluate(() => { window.__sameDocument = true; });

    await page.locator('.pagination__older').click();
    await page.waitForURL(`${app.server.url}/news/archive/${front.older}`);
    await page.waitForFunction((h) => document.querySelector('.news-card__headline a')?.textContent === h, older.articles[0].headline);
    const shown = await cards(page);
    assert.deepEqual(shown, older.articles.map((a) => a.headline));
    assert.ok(shown.every((h) => !front.articles.some((a) => a.headline === h)), 'an article of the front is shown again');
    assert.equal(await page.title(), `News & Events, archive page ${front.older} · USST News`);
    assert.equal((await page.locator('.pagination__position').textContent()).trim(), dates(older));
    assert.deepEqual(fetched, [`/content/list/${front.older}.json`], 'one page of the list, nothing more');

    await page.locator('.pagination__older').click();
    await page.waitForURL(`${app.server.url}/news/archive/${front.older - 1}`);
    await page.waitForFunction((h) => document.querySelector('.news-card__headline a')?.textContent === h, json(`list/${front.older - 1}.json`).articles[0].headline);
    await page.locator('.pagination__newer').click();
    await page.waitForURL(`${app.server.url}/news/archive/${front.older}`);
    await page.locator('.pagination__newer').click();
    await page.waitForURL(`${app.server.url}/`);
    await page.waitForFunction((h) => document.querySelector('.news-card__headline a')?.textContent === h, front.articles[0].headline);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a full page load happened');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('archive pages count from the oldest: page 1 is the oldest, one past the newest is not found', async () => {
    const last = archivePages('list');
    const all = [];
    for (let k = last; k >= 1; k -= 1) all.push(...json(`list/${k}.json`).articles.map((a) => a.published));
    assert.deepEqual(all, [...all].sort().reverse(), 'newest first from the last page to the first');
    const { page, context } = await openPage(app.browser);
    const response = await page.goto(`${app.server.url}/news/archive/1`);
    assert.equal(response.status(), 200);
    await heading(page);
    assert.deepEqual(await cards(page), json('list/1.json').articles.map((a) => a.headline));
    assert.equal(await page.locator('.pagination__older').count(), 0);
    const past = await page.goto(`${app.server.url}/news/archive/${last + 1}`);
    assert.equal(past.status(), 404);
    assert.equal(await heading(page), 'Page not found');
    await context.close();
  });

  test('an address of the old page numbering (from the newest) leads to the page that now holds its articles', async () => {
    const front = json('list/front.json');
    const newestFirst = [...front.articles];
    for (let k = front.older; k >= 1; k -= 1) newestFirst.push(...json(`list/${k}.json`).articles);
    // Old page 3 began with the 41st newest article.
    const wanted = newestFirst[40];
    const k = Math.floor((front.total - 41) / 20) + 1;
    assert.ok(json(`list/${k}.json`).articles.some((a) => a.slug === wanted.slug));
    const { page, context, problems } = await openPage(app.browser);
    const response = await page.goto(`${app.server.url}/news/page/3`);
    assert.equal(response.status(), 404, 'the host has no such page');
    await page.waitForURL(`${app.server.url}/news/archive/${k}`);
    await waitForHeading(page, 'News & Events');
    assert.ok((await cards(page)).includes(wanted.headline));
    await page.goto(`${app.server.url}/section/${site().sections[0].slug}/page/1`);
    await page.waitForURL(`${app.server.url}/section/${site().sections[0].slug}`);
    await waitForHeading(page, site().sections[0].name);
    await page.goto(`${app.server.url}/news/page/${Math.ceil(front.total / 20) + 1}`);
    assert.equal(await heading(page), 'Page not found');
    await page.waitForTimeout(300);
    assert.equal(page.url(), `${app.server.url}/news/page/${Math.ceil(front.total / 20) + 1}`, 'past the end stays not found');
    assert.deepEqual(problems.filter((p) => !p.includes('404 (Not Found)')), []);
    await context.close();
  });

  test('every section is in the navigation; a section lists only its own articles, in pages', async () => {
    const sections = site().sections;
    assert.ok(sections.length >= 3);
    const biggest = sections
      .map((section) => ({ ...section, list: json(`sections/${section.slug}/front.json`) }))
      .sort((a, b) => b.list.total - a.list.total)[0];
    assert.ok(biggest.list.older >= 1, `${biggest.name} needs an archive page before its front, has ${biggest.list.total} articles`);
    const { page, context, problems } = await openPage(app.browser);
    const fetched = track(page);
    await page.goto(app.server.url + '/');
    await heading(page);
    fetched.length = 0; // the page's own data, with the app
    assert.deepEqual(await page.locator('.section-nav a').allTextContents(), sections.map((s) => s.name));
    await page.locator('.section-nav a', { hasText: biggest.name }).click();
    await waitForHeading(page, biggest.name);
    assert.equal(page.url(), `${app.server.url}/section/${biggest.slug}`);
    assert.equal(await page.locator(`.section-nav a[aria-current="page"]`).textContent(), biggest.name);
    assert.deepEqual(await cards(page), biggest.list.articles.map((a) => a.headline));
    const shown = await page.locator('.news-list__items .news-card__section').allTextContents();
    assert.ok(shown.every((name) => name === biggest.name), `other sections listed: ${shown}`);

    await page.locator('.pagination__older').click();
    const k = biggest.list.older;
    await page.waitForURL(`${app.server.url}/section/${biggest.slug}/archive/${k}`);
    const older = json(`sections/${biggest.slug}/${k}.json`);
    await page.waitForFunction((h) => document.querySelector('.news-card__headline a')?.textContent === h, older.articles[0].headline);
    assert.deepEqual(await cards(page), older.articles.map((a) => a.headline));
    assert.equal(await page.locator(`.section-nav a[aria-current="page"]`).textContent(), biggest.name);
    assert.deepEqual(fetched, [`/content/sections/${biggest.slug}/front.json`, `/content/sections/${biggest.slug}/${k}.json`]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with JavaScript off, each page of a list is readable and links to its neighbours', async () => {
    const section = site().sections[0];
    const second = json('list/2.json');
    const { page, context } = await openStaticPage(app.browser);
    await page.goto(`${app.server.url}/news/archive/2`);
    assert.equal((await page.locator('main h1').textContent()).trim(), 'News & Events');
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `${site().origin}/news/archive/2`);
    assert.deepEqual(await cards(page), second.articles.map((a) => a.headline));
    assert.equal(await page.locator('.pagination__newer').getAttribute('href'), second.newer ? `/news/archive/${second.newer}` : '/');
    assert.equal(await page.locator('.pagination__older').getAttribute('href'), '/news/archive/1');
    assert.equal((await page.locator('.news-list__position').textContent()).trim(), dates(second));
    await page.goto(`${app.server.url}/section/${section.slug}`);
    assert.equal((await page.locator('main h1').textContent()).trim(), section.name);
    assert.equal(await page.locator('.section-nav a').count(), site().sections.length);
    assert.deepEqual(await cards(page), json(`sections/${section.slug}/front.json`).articles.map((a) => a.headline));
    await page.goto(`${app.server.url}/section/${section.slug}/archive/1`);
    assert.deepEqual(await cards(page), json(`sections/${section.slug}/1.json`).articles.map((a) => a.headline));
    // Its own page to index, unless the front shows it whole: then the front.
    const own = onFront(`sections/${section.slug}`, 1) ? '' : '/archive/1';
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `${site().origin}/section/${section.slug}${own}`);
    // The news list's newest archive page is on its front: the front is its canonical page.
    const newest = archivePages('list');
    assert.ok(onFront('list', newest));
    await page.goto(`${app.server.url}/news/archive/${newest}`);
    assert.equal(await page.locator('link[rel=canonical]').getAttribute('href'), `${site().origin}/`);
    await context.close();
  });

  test('the sitemap lists the front and every archive page of the list and of each section but those the front shows whole, and each is served', async () => {
    const xml = await (await fetch(`${app.server.url}/sitemap.xml`)).text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(site().origin, ''));
    const expected = ['/'];
    const served = [];
    const pages = (dir, path) => {
      for (let k = 1; k <= archivePages(dir); k += 1) (onFront(dir, k) ? served : expected).push(`${path}/archive/${k}`);
    };
    pages('list', '/news');
    for (const section of site().sections) {
      expected.push(`/section/${section.slug}`);
      pages(`sections/${section.slug}`, `/section/${section.slug}`);
    }
    assert.ok(served.length > 0, 'some archive pages are on their fronts');
    assert.deepEqual(locs.slice(0, expected.length), expected);
    for (const path of [...expected, ...served]) {
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
      await page.goto(`${app.server.url}/news/archive/2`);
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
    const item = json('list/front.json').articles[5];
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
