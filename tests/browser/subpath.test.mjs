// The same app built for a site in a folder of a bigger host
// (`--public-url /news/`), served there: assets, routes, content, pictures
// and the CSP all work under the base.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { REPO, SEED_SLUG, heading, loadImages, markStaticNodes, openPage, stillStatic, openStaticPage, unexpected, seedLine, sourceArticle, sourceArticles, waitForHeading, withApp } from './support.mjs';

const app = withApp({ root: join(REPO, 'target', 'dist-subpath'), prefix: '/news/' });

describe('site under /news/', () => {
  for (const path of ['/news/', `/news/news/${SEED_SLUG}`, `/news/news/${SEED_SLUG}/speech/1`, '/news/speakers', '/news/search?q=optical', '/news/no-such-page']) {
    test(`${path} is hydrated: the nodes on screen are the ones the app uses`, async () => {
      const { page, context, problems } = await openPage(app.browser);
      await markStaticNodes(page);
      await page.goto(app.server.url + path);
      await heading(page);
      assert.deepEqual(await stillStatic(page), { how: 'hydrated', heading: true, header: true });
      assert.deepEqual(problems.filter((p) => !p.includes('404 (Not Found)')), []);
      await context.close();
    });
  }

  test('the list, an article, a related article, a reload and Back all stay under the base', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/`);
    assert.equal(await heading(page), 'News & Events');
    const hrefs = await page.locator('.news-card__headline a').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    assert.equal(hrefs.length, sourceArticles().length);
    assert.ok(hrefs.every((href) => href.startsWith('/news/news/')), hrefs.join());
    assert.equal(await loadImages(page), 0, 'a picture did not load under the base');
    assert.equal(await page.locator('.site-brand').getAttribute('href'), '/news/');

    await page.locator('.news-card__headline a', { hasText: seedLine(3) }).click();
    await page.waitForURL(`**/news/news/${SEED_SLUG}`);
    await waitForHeading(page, seedLine(3));
    assert.equal((await page.locator('.dateline').textContent()).trim(), seedLine(5));
    const related = sourceArticle(SEED_SLUG).related[0];
    await page.locator('.related a').first().click();
    await page.waitForURL(`**/news/news/${related}`);
    await waitForHeading(page, sourceArticle(related).headline);
    await page.reload();
    assert.equal(await heading(page), sourceArticle(related).headline);
    await page.goBack();
    await page.waitForURL(`**/news/news/${SEED_SLUG}`);
    await waitForHeading(page, seedLine(3));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('searching from the header box and typing on the search page stay under the base', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/`);
    await heading(page);
    await page.locator('#site-search').fill('optical');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`${app.server.url}/news/search?q=optical`);
    const lab = sourceArticle('usst-opens-optical-imaging-research-laboratory');
    await page.waitForFunction((h) => [...document.querySelectorAll('.search-result__headline a')].some((a) => a.textContent === h), lab.headline);
    await page.locator('#search-query').fill('renovation');
    await page.waitForURL(`${app.server.url}/news/search?q=renovation`);
    assert.equal(await page.locator('main h1').textContent(), 'Search');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the Chinese edition lives under the base too, and the switch leads between the two', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/zh/`);
    assert.equal(await heading(page), '新闻动态');
    const hrefs = await page.locator('.news-card__headline a').evaluateAll((els) => els.map((el) => el.getAttribute('href')));
    assert.ok(hrefs.length > 0 && hrefs.every((href) => href.startsWith('/news/zh/news/')), hrefs.join());
    assert.equal(await page.locator('.language-switch a').getAttribute('href'), '/news/');
    await page.locator('#site-search').fill('理工');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`${app.server.url}/news/zh/search?q=%E7%90%86%E5%B7%A5`);
    await page.waitForFunction(() => document.querySelectorAll('.search-result__headline a').length > 0);
    // The search page is in both editions: the switch goes to the other's,
    // with the words searched, under the base.
    assert.equal(await page.locator('.language-switch a').getAttribute('href'), '/news/search?q=%E7%90%86%E5%B7%A5');
    await page.locator('.language-switch a').click();
    await page.waitForURL(`${app.server.url}/news/search?q=%E7%90%86%E5%B7%A5`);
    assert.equal(await heading(page), 'Search');
    assert.equal(await page.locator('#search-query').inputValue(), '理工');
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href') === '/news/zh/search?q=%E7%90%86%E5%B7%A5');
    // (The English index has no file for these characters: its 404 is
    // how a search learns that no word starts so.)
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('the prerendered pages, read with JavaScript off, link and point under the base', async () => {
    const { page, context } = await openStaticPage(app.browser);
    await page.goto(`${app.server.url}/news/news/${SEED_SLUG}`);
    assert.equal(await page.locator('main h1').textContent(), seedLine(3));
    const related = sourceArticle(SEED_SLUG).related;
    assert.deepEqual(
      await page.locator('.related a').evaluateAll((els) => els.map((el) => el.getAttribute('href'))),
      related.map((slug) => `/news/news/${slug}`),
    );
    assert.equal(await page.locator('.site-brand').getAttribute('href'), '/news/');
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute('href'),
      `https://news.usst.edu.cn/news/news/${SEED_SLUG}`,
    );
    await page.locator('.related a').first().click();
    await page.waitForURL(`**/news/news/${related[0]}`);
    assert.equal(await page.locator('main h1').textContent(), sourceArticle(related[0]).headline);
    await context.close();
  });

  test('unknown pages show the not-found view with a real 404; missing content is a real 404', async () => {
    const { page, context } = await openPage(app.browser);
    const response = await page.goto(`${app.server.url}/news/news/no-such-article`);
    assert.equal(response.status(), 404);
    assert.equal(await heading(page), 'Page not found');
    assert.equal(await page.locator('main a.button').getAttribute('href'), '/news/');
    await context.close();
    assert.equal((await fetch(`${app.server.url}/news/content/articles/missing.json`)).status, 404);
    assert.equal((await fetch(`${app.server.url}/news/content/list/front.json`)).status, 200);
  });
});
