// The app hydrates the prerendered page: it attaches to the nodes already on
// screen instead of replacing them. A node marked while the HTML is still
// being parsed (before any script can run) is the very node the app uses
// once it is interactive, on every kind of page; and a page whose HTML and
// the app disagree still ends up working.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, SEED_SLUG, heading, markStaticNodes, openPage, seedLine, stillStatic, waitForApp, waitForHeading, withApp } from './support.mjs';

const app = withApp();

/** Every kind of page the site prerenders, with the search page opened at a
 * query (the static page has an empty box; the app fills it) and a list's
 * archive page. */
export const HYDRATED_PAGES = [
  ...PAGES,
  ['list-archive', '/news/archive/1'],
  ['search', '/search'],
  ['search-query', '/search?q=optical'],
  ['not-found-list', '/news/archive/99'],
];

describe('the app hydrates the prerendered page', () => {
  for (const [name, path] of HYDRATED_PAGES) {
    test(`${name}: the nodes on screen are the ones the app uses`, async () => {
      const { page, context, problems } = await openPage(app.browser);
      await markStaticNodes(page);
      await page.goto(app.server.url + path);
      await heading(page);
      assert.deepEqual(await stillStatic(page), { how: 'hydrated', heading: true, header: true });
      if (!name.startsWith('search')) {
        assert.equal(await page.evaluate(() => window.__removedFromMain), 0, 'the app removed nodes from the page');
      }
      assert.deepEqual(problems.filter((p) => !p.includes('404 (Not Found)')), []);
      await context.close();
    });
  }

  for (const [spelled, canonical] of [
    [`/news/${SEED_SLUG}/index.html`, `/news/${SEED_SLUG}`],
    [`/news/${SEED_SLUG}/`, `/news/${SEED_SLUG}`],
    ['/index.html', '/'],
    ['/speakers/index.html', '/speakers'],
    [`/news/${SEED_SLUG}/speech/1/`, `/news/${SEED_SLUG}/speech/1`],
  ]) {
    test(`${spelled}: the page at another spelling of its address is hydrated at its canonical address`, async () => {
      const { page, context, problems } = await openPage(app.browser);
      await page.goto(app.server.url + spelled);
      const before = await heading(page);
      await waitForApp(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated');
      assert.equal(new URL(page.url()).pathname, canonical);
      assert.equal(await heading(page), before, 'the same page, not "not found"');
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('a hydrated page is live: its links stay in the app, and the node it kept is the one that changes', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await markStaticNodes(page);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    assert.equal(await heading(page), seedLine(3));
    assert.equal((await stillStatic(page)).heading, true);
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    await page.locator('.breadcrumb a', { hasText: 'News & Events' }).click();
    await waitForHeading(page, 'News & Events');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a full page load happened');
    // The header was hydrated, not replaced, and still is the parser's.
    assert.equal((await stillStatic(page)).header, true);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the parts attached a task after the rest (an article\'s text, a list\'s cards) are the parser\'s nodes, and live', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await markStaticNodes(page);
    // The nodes inside the later parts, marked as the parser adds them.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.readyState !== 'loading') return;
        for (const node of document.querySelectorAll('#speech-2 .speech__copy, .news-card__headline a')) node.__parsed = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    assert.equal(await heading(page), seedLine(3));
    assert.equal((await stillStatic(page)).how, 'hydrated');
    const copy = page.locator('#speech-2 .speech__copy');
    assert.equal(await copy.evaluate((node) => node.__parsed === true), true, 'the speech\'s button was replaced');
    await copy.click();
    await page.waitForFunction(() => document.querySelector('#speech-2 .speech__copy')?.textContent.startsWith('Link copied'));
    assert.equal(await copy.evaluate((node) => node.__parsed === true), true);
    assert.equal(await page.evaluate(() => window.__removedFromMain), 0, 'the app removed nodes from the page');

    await page.goto(`${app.server.url}/`);
    await heading(page);
    assert.equal((await stillStatic(page)).how, 'hydrated');
    const card = page.locator('.news-card__headline a').first();
    assert.equal(await card.evaluate((node) => node.__parsed === true), true, 'the card\'s link was replaced');
    const headline = await card.textContent();
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    await card.click();
    await waitForHeading(page, headline);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a card\'s link was followed by a full load');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link followed while the app attaches to the page is the browser\'s to follow (a full load), not a route change under the page being attached', async () => {
    const { page, context, problems } = await openPage(app.browser);
    // Every task the app waits for (a timer of 0 ms) waits 600 ms here, so
    // that the moment between the app's views being made (the router
    // listening) and their attaching to the page is long enough to click in.
    await page.addInitScript(() => {
      const setTimeoutAsGiven = window.setTimeout;
      window.setTimeout = (callback, ms, ...rest) => setTimeoutAsGiven(callback, ms || 600, ...rest);
    });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    // The page's data read (`<html class="app">`); the views are made 600
    // ms later and attached 600 ms after that: click in between.
    await page.waitForFunction(
      () => {
        if (document.documentElement.classList.contains('app')) return true;
        dispatchEvent(new Event('scroll'));
        return false;
      },
      null,
      { timeout: 15_000, polling: 50 },
    );
    await page.waitForTimeout(900);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app ?? 'not yet'), 'not yet', 'the app attached before the click');
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    await Promise.all([page.waitForNavigation(), page.locator('.breadcrumb a', { hasText: 'News & Events' }).click()]);
    assert.equal(await heading(page), 'News & Events');
    assert.equal(await page.evaluate(() => window.__sameDocument), undefined, 'the router changed the route under the page being attached');
    assert.notEqual(await page.evaluate(() => history.state), 'reader:hydration-failed');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a search opened at its address shows its results on the hydrated page', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await markStaticNodes(page);
    await page.goto(`${app.server.url}/search?q=optical`);
    await heading(page);
    await page.locator('.search-results a').first().waitFor();
    assert.equal(await page.locator('#search-query').inputValue(), 'optical');
    assert.deepEqual(await stillStatic(page), { how: 'hydrated', heading: true, header: true });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('when the page and the app disagree', () => {
  test('a page whose HTML was edited is rendered afresh, whole and working', async () => {
    // The worker would load the page again itself, past the edit below.
    const { page, context, problems } = await openPage(app.browser, { serviceWorkers: 'block' });
    const articlePath = `/news/${SEED_SLUG}`;
    let loads = 0;
    // A hostile or stale edit: one paragraph of the body gone from the HTML
    // (the data it carries still has it).
    await page.route(`${app.server.url}${articlePath}`, async (route) => {
      loads += 1;
      const response = await route.fetch();
      const html = await response.text();
      const body = html.indexOf('class="article__body"');
      const start = html.indexOf('<p>', body);
      const end = html.indexOf('</p>', start) + '</p>'.length;
      const edited = body < 0 || start < 0 ? html : html.slice(0, start) + html.slice(end);
      assert.notEqual(edited, html, 'the test could not edit the page');
      await route.fulfill({ response, body: edited, headers: { ...response.headers(), 'content-encoding': '' } });
    });
    await page.goto(app.server.url + articlePath);
    // The reader's first scroll starts the app; its hydration fails, and the
    // page reloads once and starts the app at once to render afresh.
    await waitForApp(page);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'rendered', null, { timeout: 15_000 });
    assert.equal(await heading(page), seedLine(3));
    // Rendered from the data: the paragraph the HTML lost is back.
    assert.equal(await page.locator('.article__body > p').first().textContent(), seedLine(7));
    assert.equal(await page.locator('#panic-notice').count(), 0, 'the panic notice is shown');
    assert.equal(loads, 2, 'the page was not loaded once more to render afresh');
    // And it works: navigation stays in the app.
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    await page.locator('.breadcrumb a', { hasText: 'News & Events' }).click();
    await waitForHeading(page, 'News & Events');
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
    assert.deepEqual(unexpectedPanic(problems), []);
    await context.close();
  });
});

/** Problems other than the panic message the failed hydration logged. */
function unexpectedPanic(problems) {
  return problems.filter((p) => !/panicked|unreachable|RuntimeError/.test(p));
}
