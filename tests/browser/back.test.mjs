// Back returns the reader to where they were: the list or the search
// results at the same scroll position, focus on the link they had followed,
// and no frame painted anywhere else on the way.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_SLUG, heading, openPage, waitForHeading, withApp } from './support.mjs';

const app = withApp();

/**
 * From `path` (at 390 px, a phone), scrolls to the `n`-th link of
 * `selector`, follows it, goes Back, and returns what the reader saw.
 */
async function followAndReturn(path, selector, n) {
  const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
  await page.goto(app.server.url + path);
  const title = await heading(page);
  const link = page.locator(selector).nth(n);
  await link.waitFor();
  await link.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 37));
  const before = await page.evaluate(() => window.scrollY);
  const href = await link.getAttribute('href');
  await link.click();
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent !== t, title);
  await heading(page);
  // Every frame from now on: which page it showed, and where.
  await page.evaluate(() => {
    window.__frames = [];
    const sample = () => {
      window.__frames.push([document.querySelector('main h1')?.textContent, window.scrollY]);
      if (window.__frames.length < 600) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  await page.goBack();
  await waitForHeading(page, title);
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => ({
    y: window.scrollY,
    focused: document.activeElement?.getAttribute('href') ?? null,
    frames: window.__frames,
  }));
  await context.close();
  return { before, href, title, after, problems };
}

describe('Back returns the reader to where they were', () => {
  test('the list: same scroll position, focus on the article followed, no jump', async () => {
    const { before, href, title, after, problems } = await followAndReturn('/', '.news-card__headline a', 6);
    assert.ok(before > 800, `the list did not scroll (${before})`);
    assert.equal(after.y, before);
    assert.equal(after.focused, href);
    const listFrames = after.frames.filter(([shown]) => shown === title);
    assert.ok(listFrames.length > 0, 'no frame of the list was sampled');
    assert.deepEqual(listFrames.filter(([, y]) => y !== before), [], 'a frame showed the list elsewhere');
    assert.deepEqual(problems, []);
  });

  test('search results: same scroll position, focus on the result followed, no jump', async () => {
    const { before, href, title, after, problems } = await followAndReturn('/search?q=usst', '.search-result__headline a', 4);
    assert.ok(before > 400, `the results did not scroll (${before})`);
    assert.equal(after.y, before);
    assert.equal(after.focused, href);
    assert.deepEqual(
      after.frames.filter(([shown, y]) => shown === title && y !== before),
      [],
      'a frame showed the results elsewhere',
    );
    assert.deepEqual(problems, []);
  });

  test('a name in "Who spoke": Back returns to the list of names, Forward to the speech', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    const name = page.locator('a[href$="#speech-3"]').first();
    await name.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 23));
    const before = await page.evaluate(() => window.scrollY);
    const href = await name.getAttribute('href');
    await name.click();
    await page.waitForFunction(() => document.activeElement?.id === 'speech-3');
    const atSpeech = await page.evaluate(() => window.scrollY);
    assert.ok(atSpeech > before + 400, `the speech is not further down (${atSpeech} after ${before})`);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.scrollY), before, 'Back did not return to the names');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), href);
    await page.goForward();
    await page.waitForFunction(() => location.hash === '#speech-3');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.scrollY), atSpeech, 'Forward did not return to the speech');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'speech-3');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a link followed anew still opens its page at the top', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.server.url}/`);
    await heading(page);
    const link = page.locator('.news-card__headline a').nth(6);
    await link.scrollIntoViewIfNeeded();
    const headline = (await link.textContent()).trim();
    await link.click();
    await waitForHeading(page, headline);
    await page.goBack();
    await waitForHeading(page, 'News & Events');
    await page.locator('.news-card__headline a').nth(6).click();
    await waitForHeading(page, headline);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
