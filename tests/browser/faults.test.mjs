// Bad networks and bad content: each ends in a clear message in the page,
// Retry recovers once the fault is gone, and nothing else on the page is lost.

import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEED_SLUG,
  heading,
  openPage,
  seedLine,
  sourceArticle,
  withApp,
  unexpected,
  waitForHeading,
} from './support.mjs';

// Pages are served without the data they carry: these tests are about what
// the app fetches (as after a client-side navigation), not about the page.
const app = withApp({ pageData: false });

afterEach(() => app.server.clearFaults());

const ARTICLE_JSON = `/content/articles/${SEED_SLUG}.json`;

/** Opens `path` with `fault` on `faultPath`; returns once the error view shows. */
async function openWithFault(path, faultPath, fault) {
  app.server.fault(faultPath, fault);
  const opened = await openPage(app.browser);
  await opened.page.goto(app.server.url + path);
  await opened.page.locator('.notice--error').waitFor({ timeout: 15_000 });
  return opened;
}

async function retryAndExpect(page, expectedHeading) {
  app.server.clearFaults();
  await page.getByRole('button', { name: 'Retry' }).click();
  await waitForHeading(page, expectedHeading);
  assert.equal(await page.locator('.notice--error').count(), 0);
  // The page that came takes the focus (the Retry button it was on is
  // gone) and is announced, as a new page is.
  await page.waitForFunction(() => document.activeElement === document.querySelector('main h1'));
  await page.waitForFunction((text) => [...document.querySelectorAll('[role="status"]')].some((region) => region.textContent.trim() === text), expectedHeading);
}

describe('faults', () => {
  test('a missing list index shows the error view, and Retry recovers', async () => {
    const { page, context, problems } = await openWithFault('/', '/content/list/front.json', { status: 404 });
    assert.equal(await heading(page), 'We couldn’t load the news list');
    assert.match(await page.locator('.notice--error').textContent(), /missing from the server/);
    // The rest of the page is still there.
    assert.equal((await page.locator('.site-brand').textContent()).trim(), 'USST News');
    await retryAndExpect(page, 'News & Events');
    assert.ok((await page.locator('.news-card').count()) >= 10);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a server error on an article shows the error view, and Retry recovers', async () => {
    const { page, context, problems } = await openWithFault(`/news/${SEED_SLUG}`, ARTICLE_JSON, { status: 500 });
    assert.equal(await heading(page), 'We couldn’t load this article');
    assert.match(await page.locator('.notice--error').textContent(), /had a problem answering/);
    assert.match(await page.locator('.notice--error').textContent(), /HTTP 500/);
    // The technical line is there for a bug report, folded away.
    assert.equal(await page.locator('.notice--error summary').textContent(), 'Technical details');
    assert.equal(await page.locator('details.notice__detail').evaluate((details) => details.open), false);
    assert.doesNotMatch(await page.locator('.notice--error').innerText(), /HTTP 500/);
    assert.match(await page.title(), /We couldn’t load this article/);
    await retryAndExpect(page, seedLine(3));
    assert.equal((await page.locator('.dateline').textContent()).trim(), seedLine(5));
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('Retry that fails again keeps the error view and can be tried once more', async () => {
    const { page, context } = await openWithFault(`/news/${SEED_SLUG}`, ARTICLE_JSON, { status: 503 });
    // From the keyboard: the focus stays on the button while it retries.
    await page.getByRole('button', { name: 'Retry' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Retry', exact: true }).waitFor();
    assert.equal(await heading(page), 'We couldn’t load this article');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'Retry', 'the focus is on Retry');
    await retryAndExpect(page, seedLine(3));
    await context.close();
  });

  test('a CDN answering the JSON with its HTML page says so instead of failing obscurely', async () => {
    const { page, context } = await openWithFault(`/news/${SEED_SLUG}`, ARTICLE_JSON, { html: true });
    assert.match(await page.locator('.notice--error').textContent(), /sent a web page where the news content should be/);
    await retryAndExpect(page, seedLine(3));
    await context.close();
  });

  test('a dropped connection is a network error', async () => {
    const { page, context } = await openWithFault(`/news/${SEED_SLUG}`, ARTICLE_JSON, { drop: true });
    assert.match(await page.locator('.notice--error').textContent(), /couldn’t reach the news server/);
    await retryAndExpect(page, seedLine(3));
    await context.close();
  });

  test('truncated JSON is reported as damaged content', async () => {
    const { page, context } = await openWithFault(`/news/${SEED_SLUG}`, ARTICLE_JSON, { truncate: 200 });
    assert.match(await page.locator('.notice--error').textContent(), /damaged/);
    await retryAndExpect(page, seedLine(3));
    await context.close();
  });

  test('when the site data fails, the article still shows and the footer offers a retry', async () => {
    app.server.fault('/content/site.json', { status: 500 });
    const { page, context } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    assert.equal(await heading(page), seedLine(3));
    const footer = page.locator('.site-footer');
    await footer.getByRole('button', { name: 'Retry' }).waitFor();
    assert.equal((await page.locator('.site-brand').textContent()).trim(), 'News');
    app.server.clearFaults();
    await footer.getByRole('button', { name: 'Retry' }).click();
    await footer.locator('h2', { hasText: 'Stay Connected' }).waitFor();
    assert.equal((await page.locator('.site-brand').textContent()).trim(), 'USST News');
    assert.equal(await heading(page), seedLine(3), 'the article was lost');
    await context.close();
  });

  test('a search on a page without its data asks for the index files it can name beside the site, not after it', async () => {
    // The page does not say how the site names its index files (two
    // characters or three): a Chinese character's file is named alike
    // either way, so it is asked for while the site is still coming; an
    // English word's waits for the site, and only its right name is asked for.
    for (const [path, query, early, late, wrong] of [
      ['/zh/search', '理工', '/zh/content/search/e79086.json', null, null],
      ['/search', 'optical', null, '/content/search/6f70.json', '/content/search/6f7074.json'],
    ]) {
      const site = `${path.replace(/search$/, '')}content/site.json`;
      app.server.fault(site, { delayMs: 1500 });
      const { page, context, problems } = await openPage(app.browser);
      let siteAnswered = false;
      page.on('requestfinished', (request) => {
        if (new URL(request.url()).pathname === site) siteAnswered = true;
      });
      const asked = new Map();
      page.on('request', (request) => {
        const at = new URL(request.url()).pathname;
        if (at.includes('/content/search/')) asked.set(at, siteAnswered);
      });
      await page.goto(`${app.server.url}${path}?q=${encodeURIComponent(query)}`);
      await page.locator('.search-result').first().waitFor({ timeout: 15_000 });
      if (early) assert.equal(asked.get(early), false, `${query}: ${[...asked.keys()]} asked for after the site`);
      if (late) assert.equal(asked.get(late), true, `${query}: ${[...asked.keys()]}`);
      if (wrong) assert.ok(!asked.has(wrong), `${query}: asked for ${wrong}`);
      assert.deepEqual(unexpected(problems), []);
      app.server.clearFaults();
      await context.close();
    }
  });

  test('a body block of an unknown type is skipped with a console warning; the rest renders', async () => {
    const article = sourceArticle(SEED_SLUG);
    article.related = [];
    article.body.splice(1, 0, { type: 'video', src: 'https://example.edu/v.mp4' });
    app.server.fault(ARTICLE_JSON, { body: JSON.stringify(article) });
    const { page, context, problems, warnings } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    assert.equal(await heading(page), seedLine(3));
    assert.equal(await page.locator('.article__body > p').count(), 5);
    assert.equal(await page.locator('figure.speech').count(), 3);
    assert.ok(warnings.some((w) => /unknown type/.test(w) && /\[1\]/.test(w)), `no warning in ${warnings}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('unsafe links and image sources in content are dropped, the rest kept', async () => {
    const site = {
      name: 'USST News',
      description: 'd',
      list_title: 'News & Events',
      nav: [{ label: 'Evil', href: 'javascript:alert(1)' }, { label: 'News & Events', href: '/' }],
      footer: {
        heading: 'Stay Connected',
        links: [
          { label: 'Data', href: 'data:text/html,<script>alert(1)</script>' },
          { label: 'Tab', href: 'java\tscript:alert(1)' },
          { label: 'Mail', href: 'mailto:news@example.edu' },
        ],
      },
    };
    const article = sourceArticle(SEED_SLUG);
    article.related = [];
    article.body[2].photo = { src: 'javascript:alert(1)', alt: 'x' };
    article.body[0].text = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    app.server.fault('/content/site.json', { body: JSON.stringify(site) });
    app.server.fault(ARTICLE_JSON, { body: JSON.stringify(article) });
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await page.locator('.site-footer h2').waitFor();
    assert.deepEqual(await page.locator('.site-nav a').allTextContents(), ['News & Events']);
    assert.deepEqual(await page.locator('.site-footer__links a').allTextContents(), ['Mail']);
    assert.equal(await page.locator('a[href^="javascript"], a[href^="data"], img[src^="javascript"]').count(), 0);
    // The dropped photo falls back to the placeholder; markup in text stays text.
    assert.equal(await page.locator('figure.speech').first().locator('.speech__photo--placeholder').count(), 1);
    assert.equal(await page.locator('.article__body > p').first().textContent(), article.body[0].text);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('moving to a slow related article keeps the current one on screen under a loading bar', async () => {
    const next = sourceArticle(SEED_SLUG).related[0];
    app.server.fault(`/content/articles/${next}.json`, { delayMs: 1500 });
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await page.locator('.related a').first().click();
    await page.locator('.loading-bar').waitFor();
    assert.equal(await heading(page), seedLine(3), 'the current article left the screen early');
    app.server.clearFaults();
    await waitForHeading(page, sourceArticle(next).headline);
    await page.locator('.loading-bar').waitFor({ state: 'detached' });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('offline, a page not on the device says so, and shows itself once the device is back online', async () => {
    const { page, context } = await openPage(app.browser, { width: 390 });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await context.setOffline(true);
    const related = page.locator('.related a').first();
    const slug = (await related.getAttribute('href')).split('/').pop();
    await related.click();
    await waitForHeading(page, 'You’re offline');
    await context.setOffline(false);
    await waitForHeading(page, sourceArticle(slug).headline);
    await context.close();
  });

  test('a slow article shows the skeleton, and leaving aborts its request', async () => {
    app.server.fault(ARTICLE_JSON, { delayMs: 4000 });
    const { page, context } = await openPage(app.browser);
    const aborted = [];
    page.on('requestfailed', (request) => aborted.push([request.url(), request.failure()?.errorText]));
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await page.locator('.skeleton-page--article[aria-busy="true"]').waitFor();
    await page.locator('.site-brand').click();
    await waitForHeading(page, 'News & Events');
    // The article's request ends well before its 4 s delay would.
    const ended = () => aborted.filter(([url]) => url.endsWith(ARTICLE_JSON)).map(([, why]) => why);
    for (let tries = 0; tries < 20 && ended().length === 0; tries += 1) await new Promise((done) => setTimeout(done, 100));
    assert.deepEqual(ended(), ['net::ERR_ABORTED']);
    await context.close();
  });
});
