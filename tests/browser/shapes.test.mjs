// Every shape the newsroom's archive takes, as a reader sees it: early
// pages without a dateline, pages with only a date, several authors, names
// in Chinese characters, "addressed a speech" captions and captions of
// photos of people who are not speaking. At 390 and 1280 px, with and
// without JavaScript.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO, heading, openPage, openStaticPage, screenshot, unexpected, withApp } from './support.mjs';

/** Each shape: its article, what its dateline must read (null: none), and
 * the names in it a screen reader must say in Chinese (in `lang="zh"`). */
const SHAPES = [
  { slug: 'usst-medical-equipment-centre', dateline: 'November 22, 2020 | By Zhang Liu | Copyedited by William, Zhang Liu', date: '2020-11-22', authors: ['Zhang Liu'], zh: [] },
  { slug: 'usst-campus-radio-station-goes-on-air', dateline: null, date: null, authors: [], zh: [] },
  { slug: 'usst-signs-cooperation-agreement-with-shanghai-electric', dateline: 'March 12, 2019', date: '2019-03-12', authors: [], zh: [] },
  { slug: 'usst-holds-symposium-on-carbon-neutral-energy', dateline: 'June 18, 2021 | By Zhang Liu and Li Rui | Copyedited by 张柳', date: '2021-06-18', authors: ['Zhang Liu', 'Li Rui'], zh: ['张柳'] },
  { slug: 'usst-choir-wins-gold-at-shanghai-student-arts-festival', dateline: 'December 3, 2018 | By 李锐', date: '2018-12-03', authors: ['李锐'], zh: ['李锐'] },
];

/** What the article's header shows: the dateline's text, its date, and
 * the JSON-LD's date and authors. */
function readHeader(page) {
  return page.evaluate(() => {
    const dateline = document.querySelector('main .dateline');
    const ld = document.querySelector('script[type="application/ld+json"]');
    const data = ld ? JSON.parse(ld.textContent) : null;
    return {
      dateline: dateline ? dateline.textContent : null,
      // Each name's element, and the language it says, if any.
      names: [...(dateline?.querySelectorAll('.dateline__byline span, .dateline__copyedit span') ?? [])].map((span) => [
        span.textContent,
        span.getAttribute('lang'),
      ]),
      datetime: dateline?.querySelector('time')?.getAttribute('datetime') ?? null,
      // Any "By" or separator left over where a part is missing.
      header: document.querySelector('main .article__header').textContent,
      ldDate: data?.datePublished ?? null,
      ldAuthors: (data?.author ?? []).map((a) => a.name),
      hasLd: Boolean(data),
    };
  });
}

/** Names in Chinese characters are marked Chinese, and only they. */
function assertNamesInTheirLanguage(seen, shape) {
  assert.deepEqual(
    seen.names.filter(([, lang]) => lang !== null),
    shape.zh.map((name) => [name, 'zh']),
  );
  assert.ok(seen.names.length >= shape.authors.length, 'each name is an element of its own');
}

describe('the archive as it is', () => {
  const app = withApp();

  for (const shape of SHAPES) {
    for (const width of [390, 1280]) {
      test(`${shape.slug} at ${width} px, with JavaScript`, async () => {
        const { page, context, problems } = await openPage(app.browser, { width });
        await page.goto(`${app.server.url}/news/${shape.slug}`);
        await heading(page);
        const seen = await readHeader(page);
        assert.equal(seen.dateline, shape.dateline);
        assert.equal(seen.datetime, shape.date);
        assertNamesInTheirLanguage(seen, shape);
        assert.doesNotMatch(seen.header, /\bBy\s*(\||$)|\|\s*\||^\s*\||\|\s*$/m);
        assert.equal(/\bBy\b/.test(seen.header), shape.authors.length > 0);
        assert.deepEqual(unexpected(problems), []);
        await screenshot(page, `shape-${shape.slug}-${width}`);
        await context.close();
      });
      test(`${shape.slug} at ${width} px, without JavaScript`, async () => {
        const { page, context } = await openStaticPage(app.browser, { width });
        await page.goto(`${app.server.url}/news/${shape.slug}`);
        const seen = await readHeader(page);
        assert.equal(seen.dateline, shape.dateline);
        assert.equal(seen.datetime, shape.date);
        assertNamesInTheirLanguage(seen, shape);
        // Search engines get only what the article says.
        assert.ok(seen.hasLd);
        assert.equal(seen.ldDate, shape.date);
        assert.deepEqual(seen.ldAuthors, shape.authors);
        await screenshot(page, `shape-${shape.slug}-${width}-static`);
        await context.close();
      });
    }
  }

  test('a speech "addressed" is a speech section; a caption of people not speaking is a figure', async () => {
    const { page, context } = await openPage(app.browser, { width: 390 });
    await page.goto(`${app.server.url}/news/usst-holds-symposium-on-carbon-neutral-energy`);
    await heading(page);
    const speech = page.locator('main .speech').first();
    assert.match(await speech.textContent(), /Chen Hua.*Vice President of USST.*addressed a speech at the opening ceremony/s);
    assert.equal(await page.locator('main figure figcaption').last().textContent(), 'Participants visit the solar energy laboratory');
    assert.equal(await page.locator('main .speech').count(), 1);
    await context.close();
  });

  for (const js of [true, false]) {
    test(`a Markdown article's emphasis and links are elements, never markup (${js ? 'with' : 'without'} JavaScript)`, async () => {
      const { page, context } = js ? await openPage(app.browser, { width: 390 }) : await openStaticPage(app.browser, { width: 390 });
      await page.goto(`${app.server.url}/news/usst-holds-symposium-on-carbon-neutral-energy`);
      if (js) await heading(page);
      const first = await page.locator('main .article__body > p').first().evaluate((p) => ({
        text: p.textContent,
        em: [...p.querySelectorAll('em')].map((e) => e.textContent),
        links: [...p.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]),
        elements: [...p.querySelectorAll('*')].map((e) => e.localName),
      }));
      assert.match(first.text, /^On June 17th, the Symposium on Carbon-neutral Energy was held at USST\. More than/);
      assert.deepEqual(first.em, ['Symposium on Carbon-neutral Energy']);
      assert.deepEqual(first.links, [['USST', 'https://www.usst.edu.cn/']]);
      assert.deepEqual(first.elements, ['em', 'a']);
      assert.deepEqual(await page.locator('main .article__body strong').allTextContents(), ['carbon neutrality']);
      assert.doesNotMatch(await page.locator('main').textContent(), /[*_]{1,2}\w|\]\(/, 'no Markdown left as text');
      await context.close();
    });
  }

  test('an undated article is listed after every dated one, with its section and no date', async () => {
    const { page, context } = await openPage(app.browser, { width: 390 });
    await page.goto(`${app.server.url}/`);
    await heading(page);
    const cards = await page.locator('main .news-card').evaluateAll((nodes) =>
      nodes.map((n) => ({
        headline: n.querySelector('h2').textContent,
        meta: n.querySelector('.news-card__meta').textContent,
        date: n.querySelector('time')?.getAttribute('datetime') ?? null,
      })),
    );
    const last = cards.at(-1);
    assert.equal(last.headline, 'USST Campus Radio Station Goes on Air');
    assert.equal(last.meta, 'Campus');
    assert.equal(last.date, null);
    const dates = cards.slice(0, -1).map((c) => c.date);
    assert.ok(dates.every(Boolean), JSON.stringify(cards));
    assert.deepEqual(dates, [...dates].sort().reverse());
    await context.close();
  });

  test('the feed and the sitemap follow the rule for undated articles', async () => {
    const atom = readFileSync(join(REPO, 'dist', 'atom.xml'), 'utf8');
    assert.ok(!atom.includes('usst-campus-radio-station-goes-on-air'), 'undated articles are not announced');
    const entry = atom.split('<entry>').find((e) => e.includes('usst-holds-symposium-on-carbon-neutral-energy'));
    assert.ok(entry);
    assert.deepEqual([...entry.matchAll(/<author><name>([^<]*)<\/name><\/author>/g)].map((m) => m[1]), ['Zhang Liu', 'Li Rui']);
    const dateOnly = atom.split('<entry>').find((e) => e.includes('usst-signs-cooperation-agreement-with-shanghai-electric'));
    assert.ok(dateOnly && !dateOnly.includes('<author>'), 'no author is made up');
    const sitemap = readFileSync(join(REPO, 'dist', 'sitemap.xml'), 'utf8');
    const url = sitemap.split('<url>').find((u) => u.includes('/news/usst-campus-radio-station-goes-on-air<'));
    assert.ok(url, 'the undated article is in the sitemap');
    assert.ok(!url.includes('<lastmod>'), 'without a day it changed');
  });
});
