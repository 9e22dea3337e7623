// Chinese headlines break between words: a line of Chinese may otherwise
// break between any two characters, inside a word (军工路校区新图书馆落成启 /
// 用). The build finds each Chinese headline's words
// (crates/content/src/headline_breaks.rs) and the views put a <wbr> between
// them, which the styles make the only places a run of characters breaks.
// Measured on the page as a phone shows it: where each line starts.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, REPO, screenshot, waitForApp, waitForHeading, withApp } from './support.mjs';

const LIBRARY = 'jungonglu-xiaoqu-xin-tushuguan-qiyong';
const ZH_SEED = 'shangli-gaoduan-yiliao-qixie-zhongxin';

const published = (slug) =>
  JSON.parse(readFileSync(join(REPO, 'dist', 'zh', 'content', 'articles', `${slug}.json`), 'utf8'));

/** For each element `selector` finds: its text and where (in characters)
 * each of its lines after the first starts, as laid out. */
const lines = (page, selector) =>
  page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const starts = [];
      let [index, lineTop] = [0, null];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let offset = 0;
        for (const char of Array.from(node.data)) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + char.length);
          const rect = range.getClientRects()[0];
          if (rect && rect.width > 0) {
            if (lineTop !== null && rect.top > lineTop + rect.height / 2) starts.push(index);
            if (lineTop === null || rect.top > lineTop + rect.height / 2) lineTop = rect.top;
          }
          offset += char.length;
          index += 1;
        }
      }
      return { text: element.textContent.trim(), starts };
    }),
  );

/** Whether a line may start at `at` in `text`: at one of the headline's
 * breaks, or next to a space or punctuation (the browser's own rules). */
const allowed = (text, breaks, at) => {
  const chars = Array.from(text);
  const letter = (c) => /[\p{L}\p{N}]/u.test(c ?? '');
  return breaks.includes(at) || !letter(chars[at - 1]) || !letter(chars[at]);
};

function assertBreaksBetweenWords(measured, breaksOf, where) {
  for (const { text, starts } of measured) {
    const breaks = breaksOf(text);
    for (const at of starts) {
      const chars = Array.from(text);
      assert.ok(
        allowed(text, breaks, at),
        `${where}: "${text}" breaks inside a word: ${chars.slice(0, at).join('')} / ${chars.slice(at).join('')}`,
      );
    }
  }
}

describe('Chinese headlines at a phone’s width', () => {
  const app = withApp();

  test('the article’s headline breaks between words, before the app, after it and when the app draws it', async () => {
    const article = published(LIBRARY);
    assert.deepEqual(article.headline_breaks, [3, 5, 6, 9, 11], '军工路|校区|新|图书馆|落成|启用');
    const breaksOf = () => article.headline_breaks;
    const { page, context } = await openPage(app.browser, { width: 390 });
    await page.goto(`${app.server.url}/zh/news/${LIBRARY}/`);
    const before = await lines(page, 'main h1');
    assert.equal(before[0].text, article.headline);
    assert.ok(before[0].starts.length >= 1, `the headline wraps at 390 px: ${JSON.stringify(before)}`);
    assertBreaksBetweenWords(before, breaksOf, 'the prerendered page');
    // Never inside 图书馆 or 启用.
    for (const at of [7, 8, 12]) assert.ok(!before[0].starts.includes(at), `a line starts at ${at}`);
    await waitForApp(page);
    assert.deepEqual(await lines(page, 'main h1'), before, 'the app keeps the lines');
    await screenshot(page, 'chinese-headline-390');

    // Drawn by the app: from the section's list, by a link within the app.
    await page.goto(`${app.server.url}/zh/`);
    await waitForApp(page);
    await page.locator(`.news-card__headline a[href$="/news/${LIBRARY}"]`).click();
    await waitForHeading(page, article.headline);
    assert.deepEqual(await lines(page, 'main h1'), before, 'the app draws the same lines');
    await context.close();
  });

  test('the list’s, the related links’ and search’s headlines break between words', async () => {
    const front = JSON.parse(readFileSync(join(REPO, 'dist', 'zh', 'content', 'list', 'front.json'), 'utf8'));
    const items = front.articles;
    assert.ok(items.length > 0, 'the front list has articles');
    const breaksOf = (text) => items.find((item) => item.headline === text)?.headline_breaks ?? [];
    const { page, context } = await openPage(app.browser, { width: 390 });
    await page.goto(`${app.server.url}/zh/`);
    const cards = await lines(page, '.news-card__headline');
    assert.ok(cards.some((card) => card.starts.length > 0), `a card's headline wraps: ${JSON.stringify(cards)}`);
    assertBreaksBetweenWords(cards, breaksOf, 'the list');

    const related = published(ZH_SEED).related;
    assert.ok(related.length > 0);
    await page.goto(`${app.server.url}/zh/news/${ZH_SEED}/`);
    const links = await lines(page, '.related a');
    assert.equal(links.length, related.length);
    assertBreaksBetweenWords(
      links,
      (text) => related.find((link) => link.headline === text)?.headline_breaks ?? [],
      'the related links',
    );

    // Search's results, drawn by the app from the news list's pages.
    await page.goto(`${app.server.url}/zh/search?q=${encodeURIComponent('上海理工大学')}`);
    const results = page.locator('.search-result__headline a');
    await results.first().waitFor();
    const hits = await lines(page, '.search-result__headline a');
    assert.ok(hits.some((hit) => hit.starts.length > 0), `a result's headline wraps: ${JSON.stringify(hits)}`);
    const slugs = await results.evaluateAll((links) => links.map((a) => a.pathname.split('/').filter(Boolean).pop()));
    const bySlug = new Map(slugs.map((slug) => [published(slug).headline, published(slug).headline_breaks ?? []]));
    assertBreaksBetweenWords(hits, (text) => bySlug.get(text) ?? [], 'search');
    await context.close();
  });
});
