// Speech sections have their own addresses: a fragment (`#speech-<n>`),
// which "Who spoke" at the top of the article links to, and a page of their
// own (`/news/<slug>/speech/<n>`, prerendered with the speech's title and
// caption for sharing). Opening either, or following a link to one, lands
// on the speech, focused and announced; the article's structured data
// names each speaker as a Person with their role.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { heading, isDataFetch, openPage, openStaticPage, SEED_SLUG, sourceArticle, sourceArticles, waitForHeading, withApp } from './support.mjs';

const app = withApp();
const speeches = () => sourceArticle(SEED_SLUG).body.filter((b) => b.type === 'speech');

describe('speech sections', () => {
  test('with JavaScript off: "Who spoke" links each speaker to their speech, which has its own address', async () => {
    const { page, context } = await openStaticPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    const expected = speeches();
    assert.equal(expected.length, 3);
    assert.deepEqual(
      await page.locator('.who-spoke a').evaluateAll((els) => els.map((el) => [el.textContent, el.getAttribute('href')])),
      expected.map((s, i) => [s.speaker, `#speech-${i + 1}`]),
    );
    assert.deepEqual(
      (await page.locator('.who-spoke__role').allTextContents()),
      expected.map((s) => s.role),
    );
    assert.deepEqual(
      await page.locator('.speech').evaluateAll((els) => els.map((el) => [el.id, el.getAttribute('aria-label')])),
      expected.map((s, i) => [`speech-${i + 1}`, `Speech by ${s.speaker}`]),
    );
    assert.deepEqual(
      await page.locator('.speech__link').evaluateAll((els) => els.map((el) => el.getAttribute('href'))),
      expected.map((_, i) => `/news/${SEED_SLUG}/speech/${i + 1}`),
    );
    // Following one scrolls to it and marks it (CSS :target), no script needed.
    await page.locator('.who-spoke a').nth(2).click();
    assert.equal(await page.evaluate(() => document.querySelector(':target')?.id), 'speech-3');
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.deepEqual(
      data.mentions,
      expected.map((s) => ({ '@type': 'Person', name: s.speaker, jobTitle: s.role })),
    );
    await context.close();
  });

  test('opening a speech address lands on that speech, focused, in view and announced', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}#speech-2`);
    await heading(page);
    const speaker = speeches()[1].speaker;
    await page.waitForFunction(() => document.activeElement?.id === 'speech-2');
    await page.waitForFunction((s) => document.querySelector('[role="status"]')?.textContent === `Speech by ${s}`, speaker);
    const box = await page.locator('#speech-2').boundingBox();
    assert.ok(box.y >= 0 && box.y < 844, `speech 2 is not in view (y = ${box.y})`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('with the keyboard: a name in "Who spoke" moves focus to that speech and announces it', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    const speaker = speeches()[2].speaker;
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.textContent)) !== speaker; i += 1) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), speaker);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/news/${SEED_SLUG}#speech-3`);
    await page.waitForFunction(() => document.activeElement?.id === 'speech-3');
    await page.waitForFunction((s) => document.querySelector('[role="status"]')?.textContent === `Speech by ${s}`, speaker);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a speech page carries the speech\'s own title and caption for sharing; its canonical is the article', async () => {
    const { page, context } = await openStaticPage(app.browser);
    const response = await page.goto(`${app.server.url}/news/${SEED_SLUG}/speech/3`);
    assert.equal(response.status(), 200);
    const seed = sourceArticle(SEED_SLUG);
    const speech = speeches()[2];
    const title = `${speech.speaker}: ${seed.headline}`;
    assert.equal(await page.title(), `${title} · USST News`);
    const head = async (selector, name = 'content') => page.locator(selector).getAttribute(name);
    assert.equal(await head('meta[name="description"]'), speech.caption);
    assert.equal(await head('meta[property="og:title"]'), title);
    assert.equal(await head('meta[property="og:description"]'), speech.caption);
    assert.equal(await head('meta[property="og:url"]'), `https://news.usst.edu.cn/news/${SEED_SLUG}/speech/3`);
    assert.equal(await head('link[rel="canonical"]', 'href'), `https://news.usst.edu.cn/news/${SEED_SLUG}`);
    assert.equal(await page.locator('main h1').textContent(), seed.headline);
    assert.equal(await page.locator('#speech-3 .speech__caption').textContent(), speech.caption);
    await context.close();
  });

  test('opening a speech page directly (a reload) lands on that speech, focused and announced, with its title', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}/speech/1`);
    await heading(page);
    const speech = speeches()[0];
    await page.waitForFunction(() => document.activeElement?.id === 'speech-1');
    await page.waitForFunction((s) => document.querySelector('[role="status"]')?.textContent === `Speech by ${s}`, speech.speaker);
    const box = await page.locator('#speech-1').boundingBox();
    assert.ok(box.y >= 0 && box.y < 844, `speech 1 is not in view (y = ${box.y})`);
    assert.equal(await page.title(), `${speech.speaker}: ${sourceArticle(SEED_SLUG).headline} · USST News`);
    // The app fetched nothing: the page carried the article.
    await page.reload();
    await page.waitForFunction(() => document.activeElement?.id === 'speech-1');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a shared link to a speech opens at that speech before the app, and the app taking over at the first scroll does not move the reader', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}/speech/2`);
    await page.waitForFunction(() => document.activeElement?.id === 'speech-2');
    const box = await page.locator('#speech-2').boundingBox();
    assert.ok(box.y >= 0 && box.y < 100, `speech 2 is not at the top of the screen (y = ${box.y})`);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'the arrival started the app');
    const arrived = await page.evaluate(() => window.scrollY);
    // The reader reads on: the app starts, and leaves them where they are.
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => document.documentElement.dataset.app, null, { timeout: 15_000 });
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent.startsWith('Speech by'));
    const read = await page.evaluate(() => window.scrollY);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => window.scrollY), read);
    assert.ok(read >= arrived + 200, `the reader's scroll was undone (${read} after ${arrived})`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'speech-2');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

/** Every speaker's appearances, from the content as editors wrote it: name -> [{ slug, n, published, role, caption }]. */
function appearancesByName() {
  const people = new Map();
  for (const article of sourceArticles()) {
    article.body.filter((b) => b.type === 'speech').forEach((speech, index) => {
      const list = people.get(speech.speaker) ?? [];
      list.push({ slug: article.slug, n: index + 1, published: article.published, headline: article.headline, role: speech.role, caption: speech.caption });
      people.set(speech.speaker, list);
    });
  }
  return people;
}

describe('copy link', () => {
  test('each speech has a "Copy link" button that puts its page\'s address on the clipboard and says so', async () => {
    const { page: still, context: stillContext } = await openStaticPage(app.browser);
    await still.goto(`${app.server.url}/news/${SEED_SLUG}`);
    // Without the app it cannot work, so it is not shown (its place is kept).
    assert.equal(await still.locator('#speech-2 .speech__copy').isVisible(), false);
    await stillContext.close();

    const { page, context, problems } = await openPage(app.browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    const button = page.locator('#speech-2 .speech__copy');
    assert.equal(await button.isVisible(), true);
    assert.equal(await button.textContent(), `Copy link to the speech by ${speeches()[1].speaker}`);
    // A quiet control beside the speech's link, its words the link's size.
    const sizes = await page.evaluate(() =>
      ['#speech-2 .speech__copy', '#speech-2 .speech__link'].map((selector) => getComputedStyle(document.querySelector(selector)).fontSize),
    );
    assert.equal(sizes[0], sizes[1], 'the button\'s words are the size of the link beside it');
    await button.click();
    await page.waitForFunction(() => document.querySelector('#speech-2 .speech__copy')?.textContent.startsWith('Link copied'));
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Link copied');
    // The outcome alone (not "Link copied to the speech by …"), then the
    // button as it was.
    assert.equal(await button.textContent(), 'Link copied');
    await page.waitForFunction((was) => document.querySelector('#speech-2 .speech__copy')?.textContent === was, `Copy link to the speech by ${speeches()[1].speaker}`, { timeout: 8_000 });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${app.server.url}/news/${SEED_SLUG}/speech/2`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('speakers', () => {
  test('the index lists everyone who spoke, the seed\'s three speakers among them, with roles and article counts', async () => {
    const { page, context } = await openStaticPage(app.browser);
    const response = await page.goto(`${app.server.url}/speakers`);
    assert.equal(response.status(), 200);
    assert.equal(await page.locator('main h1').textContent(), 'Speakers');
    const people = appearancesByName();
    const names = [...people.keys()].sort((a, b) => a.localeCompare(b, 'en'));
    assert.deepEqual(await page.locator('.speaker-card__name a').allTextContents(), names);
    for (const speech of speeches()) {
      const card = page.locator('.speaker-card', { has: page.locator('.speaker-card__name', { hasText: speech.speaker }) });
      const count = new Set(people.get(speech.speaker).map((a) => a.slug)).size;
      assert.equal(await card.locator('.speaker-card__count').textContent(), count === 1 ? '1 article' : `${count} articles`);
      assert.match(await card.locator('.speaker-card__roles').textContent(), new RegExp(speech.role));
    }
    assert.equal(
      await page.locator('.speaker-card__name a', { hasText: 'Ding Xiaodong' }).getAttribute('href'),
      '/speakers/ding-xiaodong',
    );
    assert.equal(await page.locator('.site-nav a', { hasText: 'Speakers' }).getAttribute('href'), '/speakers');
    // A role's years, in each edition's punctuation.
    const years = await page.locator('.speaker-card__years').allTextContents();
    assert.ok(years.length > 0 && years.every((text) => /^, \d{4}(–\d{4})?$/.test(text)), years.join(' | '));
    await page.goto(`${app.server.url}/zh/speakers`);
    const zhYears = await page.locator('.speaker-card__years').allTextContents();
    assert.ok(zhYears.length > 0 && zhYears.every((text) => /^（\d{4}(–\d{4})?）$/.test(text)), zhYears.join(' | '));
    await context.close();
  });

  test('a speaker page lists each speech, newest first, linking back to the right speech section', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/speakers`);
    await heading(page);
    const fetched = [];
    page.on('request', (request) => {
      if (isDataFetch(request)) fetched.push(new URL(request.url()).pathname);
    });
    await page.locator('.speaker-card__name a', { hasText: 'Ding Xiaodong' }).click();
    await waitForHeading(page, 'Ding Xiaodong');
    // The page downloads that person's entries and nothing else.
    assert.deepEqual(fetched, ['/content/speakers/ding-xiaodong.json']);
    // The trail goes through the speakers' index.
    assert.deepEqual(await page.locator('.breadcrumb li').allTextContents(), ['Home', 'News & Events', 'Speakers', 'Ding Xiaodong']);
    assert.equal(await page.locator('.breadcrumb a', { hasText: 'Speakers' }).getAttribute('href'), '/speakers');
    const expected = appearancesByName()
      .get('Ding Xiaodong')
      .sort((a, b) => b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug));
    assert.ok(expected.length >= 2);
    assert.deepEqual(
      await page.locator('.appearance time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime'))),
      expected.map((a) => a.published),
    );
    assert.deepEqual(await page.locator('.appearance__caption').allTextContents(), expected.map((a) => a.caption));
    assert.deepEqual(
      await page.locator('.appearance__link a').evaluateAll((els) => els.map((el) => el.getAttribute('href'))),
      expected.map((a) => `/news/${a.slug}/speech/${a.n}`),
    );
    // Following the seed's entry lands on the President's speech, focused and announced.
    const seed = expected.find((a) => a.slug === SEED_SLUG);
    await page.locator('.appearance__link a', { hasText: seed.headline }).click();
    await page.waitForURL(`**/news/${SEED_SLUG}/speech/${seed.n}`);
    await page.waitForFunction((id) => document.activeElement?.id === id, `speech-${seed.n}`);
    await page.waitForFunction(() => document.querySelector('[role="status"]')?.textContent === 'Speech by Ding Xiaodong');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
