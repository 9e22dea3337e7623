// The reading path, in a real browser against the real release build.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEED_SLUG,
  heading,
  newestFirst,
  loadImages,
  openPage,
  screenshot,
  seedLine,
  sourceArticle,
  sourceArticles,
  texts,
  withApp,
  unexpected,
  waitForHeading,
} from './support.mjs';

const app = withApp();

/** Opens `path`, returns the page once the app has rendered its h1. */
async function visit(path, options) {
  const opened = await openPage(app.browser, options);
  await opened.page.goto(app.server.url + path);
  opened.h1 = await heading(opened.page);
  return opened;
}

describe('news list', () => {
  test('shows the seed and every sample, newest first, each linking to its article', async () => {
    const { page, context, problems, h1 } = await visit('/');
    assert.equal(h1, 'News & Events');
    const expected = newestFirst(sourceArticles());
    assert.ok(expected.length >= 9);
    assert.deepEqual(await texts(page, '.news-card__headline'), expected.map((a) => a.headline));
    assert.deepEqual(
      await page.locator('.news-card time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime'))),
      expected.filter((a) => a.published).map((a) => a.published),
    );
    assert.deepEqual(
      await page.locator('.news-card__headline a').evaluateAll((els) => els.map((el) => el.getAttribute('href'))),
      expected.map((a) => `/news/${a.slug}`),
    );
    // Dates for readers, sections and summaries as written.
    const seedCard = page.locator('.news-card', { hasText: seedLine(3) });
    assert.match(await seedCard.textContent(), /November 22, 2020/);
    assert.match(await seedCard.textContent(), /Research/);
    // Each card has its picture or a designed placeholder, never nothing.
    const withPicture = expected.filter((a) => a.thumbnail).length;
    assert.equal(await page.locator('.news-card img.thumbnail').count(), withPicture);
    assert.equal(await page.locator('.news-card .thumbnail--placeholder').count(), expected.length - withPicture);
    assert.equal(await page.title(), 'News & Events · USST News');
    assert.match(await page.locator('meta[name="description"]').getAttribute('content'), /University of Shanghai/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('article', () => {
  test('clicking the seed opens it client-side with headline, dateline, body and the three captions in order', async () => {
    const { page, context, problems } = await visit('/');
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('.news-card__headline a', { hasText: seedLine(3) }).click();
    await page.waitForURL(`**/news/${SEED_SLUG}`);
    await waitForHeading(page, seedLine(3));
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'navigation reloaded the page');
    assert.equal((await page.locator('.dateline').textContent()).trim(), seedLine(5));
    assert.equal(await page.locator('.dateline time').getAttribute('datetime'), '2020-11-22');
    // Every paragraph exactly as published, typos and spacing included.
    assert.deepEqual(
      await page.locator('.article__body > p').allTextContents(),
      [7, 9, 13, 17, 21].map(seedLine),
    );
    // Speech sections: <figure> + <figcaption> naming speaker and role, in published order.
    assert.deepEqual(await texts(page, 'figure.speech figcaption .speech__caption'), [11, 15, 19].map(seedLine));
    assert.deepEqual(await texts(page, 'figure.speech .speech__speaker'), ['Wu Jincheng', 'Wu Jianyong', 'Ding Xiaodong']);
    assert.deepEqual(await texts(page, 'figure.speech .speech__role'), [
      'Director of Shanghai Economic and Information Comission',
      'Secretary of Party Committee of USST',
      'USST President',
    ]);
    // The order of the whole body: paragraph, paragraph, speech, paragraph, speech, paragraph, speech, paragraph.
    assert.deepEqual(
      await page.locator('.article__body > *').evaluateAll((els) => els.map((el) => el.tagName.toLowerCase())),
      ['p', 'p', 'figure', 'p', 'figure', 'p', 'figure', 'p'],
    );
    assert.deepEqual(await texts(page, '.breadcrumb li'), ['Home', 'News & Events', seedLine(3)]);
    assert.equal(await page.title(), `${seedLine(3)} · USST News`);
    assert.equal(
      await page.locator('meta[name="description"]').getAttribute('content'),
      sourceArticle(SEED_SLUG).summary,
    );
    assert.equal(await page.locator('h1').count(), 1);
    // Landmarks: header, navigation, main with the article, footer.
    for (const landmark of ['body > #shell > header', 'nav[aria-label="Main"]', 'nav[aria-label="Breadcrumb"]', 'main article', 'body > #shell > footer']) {
      assert.equal(await page.locator(landmark).count(), 1, landmark);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a related link opens that article', async () => {
    const { page, context, problems } = await visit(`/news/${SEED_SLUG}`);
    const related = sourceArticle(SEED_SLUG).related;
    assert.deepEqual(
      await texts(page, '.related a'),
      related.map((slug) => sourceArticle(slug).headline),
    );
    await page.locator('.related a').first().click();
    await page.waitForURL(`**/news/${related[0]}`);
    await waitForHeading(page, sourceArticle(related[0]).headline);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a deep link renders on first load and on reload', async () => {
    const { page, context, problems, h1 } = await visit(`/news/${SEED_SLUG}`);
    assert.equal(h1, seedLine(3));
    await page.reload();
    assert.equal(await heading(page), seedLine(3));
    assert.equal((await page.locator('.dateline').textContent()).trim(), seedLine(5));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('from the “not found” page, its button leads to the list, the address follows, and Back returns', async () => {
    for (const path of ['/news/does-not-exist', `/news/${SEED_SLUG}/speech/99`]) {
      const { page, context, problems, h1 } = await visit(path);
      assert.equal(h1, 'Page not found');
      await page.evaluate(() => { window.__sameDocument = true; });
      await page.locator('.notice--not-found a.button').click();
      await waitForHeading(page, 'News & Events');
      await page.waitForURL(app.server.url + '/');
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the list was loaded whole');
      await page.goBack();
      await page.waitForURL(app.server.url + path);
      await waitForHeading(page, 'Page not found');
      assert.deepEqual(unexpected(problems), []);
      await context.close();
    }
  });

  test('an address with an empty segment shows the page it names, tidied, and the app takes it over', async () => {
    const { page, context, problems, h1 } = await visit(`/news/${SEED_SLUG}//speech/1`);
    assert.equal(h1, seedLine(3));
    assert.equal(page.url(), `${app.server.url}/news/${SEED_SLUG}/speech/1`);
    await page.waitForTimeout(500);
    assert.equal(await heading(page), seedLine(3), 'the page changed once the app had it');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('Back returns to the list', async () => {
    const { page, context, problems } = await visit('/');
    const first = page.locator('.news-card__headline a').first();
    const headline = (await first.textContent()).trim();
    await first.click();
    await page.waitForURL('**/news/**');
    await waitForHeading(page, headline);
    await page.goBack();
    await page.waitForURL(app.server.url + '/');
    await waitForHeading(page, 'News & Events');
    assert.ok((await page.locator('.news-card').count()) >= 10);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an article with pictures, figures and quotes shows them all', async () => {
    const slug = 'usst-opens-optical-imaging-research-laboratory';
    const source = sourceArticle(slug);
    const { page, context, problems } = await visit(`/news/${slug}`);
    const photo = page.locator('figure.speech img.speech__photo');
    assert.equal(await photo.count(), source.body.filter((b) => b.type === 'speech' && b.photo).length);
    assert.equal(await loadImages(page), 0, 'a picture did not load');
    assert.ok(await photo.first().evaluate((img) => img.naturalWidth > 0), 'speaker photo did not load');
    const figures = source.body.filter((b) => b.type === 'figure');
    assert.deepEqual(await texts(page, 'figure.figure figcaption'), figures.map((f) => f.caption));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('not found', () => {
  for (const path of ['/news/no-such-article', '/news/Not_A_Slug', '/no/such/page']) {
    test(`${path} shows the not-found view with a way home`, async () => {
      const { page, context, problems, h1 } = await visit(path);
      assert.equal(h1, 'Page not found');
      assert.equal(await page.locator('main a.button').getAttribute('href'), '/');
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
      assert.match(await page.title(), /^Page not found · USST News$/);
      // Header and footer are still there.
      assert.equal((await page.locator('.site-brand').textContent()).trim(), 'USST News');
      assert.equal((await page.locator('.site-footer h2').textContent()).trim(), 'Stay Connected');
      assert.deepEqual(unexpected(problems), []);
      await context.close();
    });
  }
});
