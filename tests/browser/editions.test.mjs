// The Chinese edition beside the English one (issue #26): its pages under
// /zh/ in Chinese (labels, dates, names, <html lang>, the head's language
// alternates), the language switch both ways, and search that understands
// Chinese, with JavaScript and without, at a phone's width and a desktop's.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heading, openPage, openStaticPage, REPO, screenshot, SEED_SLUG, unexpected, waitForApp, waitForHeading, withApp } from './support.mjs';

/** The Chinese version of the seed, linked to it as its translation. */
const ZH_SEED = 'shangli-gaoduan-yiliao-qixie-zhongxin';
/** A Chinese article no query below but 理工 and 上海理工大学 names. */
const LIBRARY = 'jungonglu-xiaoqu-xin-tushuguan-qiyong';

const published = (edition, slug) =>
  JSON.parse(readFileSync(join(REPO, 'dist', ...edition, 'content', 'articles', `${slug}.json`), 'utf8'));
const zh = (slug) => published(['zh'], slug);
const en = (slug) => published([], slug);
const ZH_SLUGS = [
  '5g-shiyanshi-jiepai-qiyong',
  'guangxue-gongcheng-xueshu-nianhui-2023',
  LIBRARY,
  ZH_SEED,
  'xiaoyezi-zhiyuanzhe-jinbohui',
  'zhong-de-gongcheng-jiaoyu-hezuo-luntan',
];

/** Each query, the articles it must find (all of them, and no other). */
const QUERIES = [
  ['理工', ZH_SLUGS], // two characters, in every article
  ['上海理工大学', ZH_SLUGS], // six: every overlapping pair must be there
  ['年会', ['guangxue-gongcheng-xueshu-nianhui-2023']],
  ['医疗器械', [ZH_SEED]],
  ['器械创新', [ZH_SEED]], // a run across words a dictionary would cut
  ['沪', [ZH_SEED]], // one character
  ['USST 2020', ['5g-shiyanshi-jiepai-qiyong']], // Latin and digits in a Chinese edition
  ['5G 实验室', ['5g-shiyanshi-jiepai-qiyong']], // mixed: both must be there
  ['５Ｇ　实验室', ['5g-shiyanshi-jiepai-qiyong']], // full-width letters, digits and space
];

const hits = (page) =>
  page.locator('.search-result__headline a').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));

describe('the Chinese edition', () => {
  const app = withApp();

  test('a Chinese article reads in Chinese at 390 and 1280 px, light and dark', async () => {
    const article = zh(ZH_SEED);
    for (const [width, colorScheme] of [[390, 'light'], [1280, 'light'], [390, 'dark'], [1280, 'dark']]) {
      const { page, context, problems } = await openPage(app.browser, { width, colorScheme });
      await page.goto(`${app.server.url}/zh/news/${ZH_SEED}`);
      assert.equal(await heading(page), article.headline);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      const dateline = await page.locator('main .dateline').first().innerText();
      assert.match(dateline, /2020年11月22日/);
      assert.match(dateline, /作者：张柳/);
      assert.match(dateline, /编辑：王伟、李明/);
      // The chrome in Chinese: the breadcrumb, the speakers' box, the search box.
      assert.equal(await page.locator('nav.breadcrumb a').first().textContent(), '学校主页');
      assert.ok(await page.getByRole('heading', { name: '发言嘉宾' }).isVisible());
      assert.equal(await page.locator('#site-search').getAttribute('placeholder'), '搜索新闻');
      // A speech section with its caption, among the paragraphs.
      assert.ok(await page.getByText('吴金城在会上致辞').first().isVisible());
      // Upright: a Chinese face has no italics (the browser would fake them).
      assert.equal(await page.locator('.speech__caption').first().evaluate((e) => getComputedStyle(e).fontStyle), 'normal');
      // Set in a Chinese face, with a taller line than the English text.
      const body = await page.locator('.article__body > p').first().evaluate((p) => {
        const style = getComputedStyle(p);
        return { font: style.fontFamily, line: parseFloat(style.lineHeight) / parseFloat(style.fontSize) };
      });
      assert.match(body.font, /PingFang SC|Noto Sans CJK SC/);
      assert.ok(body.line >= 1.8, `line height ${body.line}`);
      // Nothing wider than the screen.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
      await screenshot(page, `zh-article-${width}-${colorScheme}`);
      assert.deepEqual(unexpected(problems), []);
      await context.close();
    }
  });

  test('the head names the page in each language, and x-default; the feed and sitemap are the edition’s', async () => {
    const { page, context } = await openStaticPage(app.browser);
    await page.goto(`${app.server.url}/zh/news/${ZH_SEED}`);
    const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((l) => [l.hreflang, new URL(l.href).pathname]),
    );
    assert.deepEqual(alternates, [
      ['zh-CN', `/zh/news/${ZH_SEED}`],
      ['en', `/news/${SEED_SLUG}`],
      ['x-default', `/news/${SEED_SLUG}`],
    ]);
    assert.equal(await page.getAttribute('meta[property="og:locale"]', 'content'), 'zh_CN');
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(data.inLanguage, 'zh-CN');
    assert.equal(new URL(await page.getAttribute('link[type="application/atom+xml"]', 'href')).pathname, '/zh/atom.xml');
    await context.close();
    const sitemap = await (await fetch(`${app.server.url}/zh/sitemap.xml`)).text();
    assert.match(sitemap, new RegExp(`<loc>[^<]*/zh/news/${ZH_SEED}</loc>`));
    assert.match(sitemap, new RegExp(`hreflang="en" href="[^"]*/news/${SEED_SLUG}"`));
    assert.doesNotMatch(sitemap, /<loc>[^<]*\/news\/usst-/, 'English articles are in the English sitemap');
    const robots = await (await fetch(`${app.server.url}/robots.txt`)).text();
    assert.match(robots, /Sitemap: \S+\/sitemap\.xml\nSitemap: \S+\/zh\/sitemap\.xml/);
    const feed = await (await fetch(`${app.server.url}/zh/atom.xml`)).text();
    assert.match(feed, /xml:lang="zh-CN"/);
    assert.match(feed, new RegExp(zh(ZH_SEED).headline));
  });

  test('the switch goes to the translation both ways, else to the other edition’s home', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390 });
    await page.goto(`${app.server.url}/zh/news/${ZH_SEED}`);
    await heading(page);
    await page.locator('.language-switch a', { hasText: 'English' }).click();
    await waitForHeading(page, en(SEED_SLUG).headline);
    assert.equal(new URL(page.url()).pathname, `/news/${SEED_SLUG}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await heading(page);
    await page.locator('.language-switch a', { hasText: '中文' }).click();
    await waitForHeading(page, zh(ZH_SEED).headline);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    // In the app, from the translated article to an untranslated one (by
    // the home page's list): the switch follows, to the other edition's home.
    await heading(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('.site-header a[href="/zh/"]').first().click();
    await page.waitForURL(`${app.server.url}/zh/`);
    await page.locator(`main a[href="/zh/news/${LIBRARY}"]`).first().click();
    await waitForHeading(page, zh(LIBRARY).headline);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a full page load happened');
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href') === '/');
    await page.locator('.language-switch a').click();
    await page.waitForURL(`${app.server.url}/`);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('on a speech\'s page the switch goes to the same speech in the translation, both ways, before the app and with it', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390 });
    const speaker = async () => page.evaluate(() => document.activeElement?.id === 'speech-2' && document.activeElement.querySelector('.speech__speaker')?.textContent);
    // The seed and its translation have three speeches each, in the same order.
    assert.equal(en(SEED_SLUG).translations[0].speeches, 3);
    assert.equal(zh(ZH_SEED).translations[0].speeches, 3);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}/speech/2`);
    await heading(page);
    await page.waitForFunction(() => document.activeElement?.id === 'speech-2');
    assert.equal(await speaker(), 'Wu Jianyong');
    const toZh = page.locator('.language-switch a', { hasText: '中文' });
    assert.equal(await toZh.getAttribute('href'), `/zh/news/${ZH_SEED}/speech/2`);
    await toZh.click();
    await page.waitForURL(`${app.server.url}/zh/news/${ZH_SEED}/speech/2`);
    await page.waitForFunction(() => document.activeElement?.id === 'speech-2');
    assert.equal(await speaker(), '吴建勇');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const toEn = page.locator('.language-switch a', { hasText: 'English' });
    assert.equal(await toEn.getAttribute('href'), `/news/${SEED_SLUG}/speech/2`);
    // With the app (the reader scrolled): the same link.
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => document.documentElement.dataset.app);
    assert.equal(await toEn.getAttribute('href'), `/news/${SEED_SLUG}/speech/2`);
    await toEn.click();
    await page.waitForURL(`${app.server.url}/news/${SEED_SLUG}/speech/2`);
    await page.waitForFunction(() => document.activeElement?.id === 'speech-2');
    assert.equal(await speaker(), 'Wu Jianyong');
    // The article's own page still switches to the translation's top.
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    assert.equal(await toZh.getAttribute('href'), `/zh/news/${ZH_SEED}`);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('at a speech the reader went to from "who spoke", the switch goes to the same speech in the translation', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390 });
    await page.goto(`${app.server.url}/zh/news/${ZH_SEED}`);
    await heading(page);
    await waitForApp(page);
    await page.locator('.who-spoke a', { hasText: '吴建勇' }).click();
    await page.waitForURL(`${app.server.url}/zh/news/${ZH_SEED}#speech-2`);
    const toEn = page.locator('.language-switch a', { hasText: 'English' });
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href').endsWith('/speech/2'));
    assert.equal(await toEn.getAttribute('href'), `/news/${SEED_SLUG}/speech/2`);
    await toEn.click();
    await page.waitForURL(`${app.server.url}/news/${SEED_SLUG}/speech/2`);
    await page.waitForFunction(() => document.activeElement?.id === 'speech-2');
    // Back at the top of the article: the switch names the article again.
    await page.goto(`${app.server.url}/zh/news/${ZH_SEED}#speech-2`);
    await heading(page);
    await waitForApp(page);
    await page.evaluate(() => { location.hash = ''; });
    await page.waitForFunction((slug) => document.querySelector('.language-switch a')?.getAttribute('href') === `/news/${slug}`, SEED_SLUG);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a section\'s list switches to the same desk in the other edition (its translated articles say which), both ways; one with none goes home', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390 });
    // In the app: from the home, through the section navigation.
    await page.goto(`${app.server.url}/`);
    await heading(page);
    await page.locator('.section-nav a', { hasText: 'Research' }).click();
    await waitForHeading(page, 'Research');
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href') === '/zh/section/ke-yan');
    await page.locator('.language-switch a').click();
    await page.waitForURL(`${app.server.url}/zh/section/ke-yan`);
    assert.equal(await heading(page), '科研');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.locator('.language-switch a').getAttribute('href'), '/section/research');
    await page.locator('.language-switch a').click();
    await page.waitForURL(`${app.server.url}/section/research`);
    assert.equal(await heading(page), 'Research');
    // No translated article in Campus: the other edition's home, which
    // the link says to those who hear it (in this page's language).
    await page.goto(`${app.server.url}/section/campus`);
    await heading(page);
    assert.equal(await page.locator('.language-switch a').getAttribute('href'), '/zh/');
    assert.equal(
      await page.getByRole('link', { name: '中文 (its home page: this page has no translation)', exact: true }).count(),
      1,
    );
    // A section that has its counterpart names no such thing.
    await page.goto(`${app.server.url}/section/research`);
    await heading(page);
    assert.equal(await page.getByRole('link', { name: '中文', exact: true }).count(), 1);
    // As prerendered, each names the other to search engines (the app
    // drops these tags when it takes over).
    const alternates = async (path) => {
      const html = await (await fetch(`${app.server.url}${path}`)).text();
      return [...html.matchAll(/<link rel="alternate" href="([^"]+)" hreflang="([^"]+)"/g)].map(([, href, lang]) => `${lang} ${href}`);
    };
    const [en, zh] = ['https://news.usst.edu.cn/section/research', 'https://news.usst.edu.cn/zh/section/ke-yan'];
    assert.deepEqual(await alternates('/section/research'), [`en ${en}`, `zh-CN ${zh}`, `x-default ${en}`]);
    assert.deepEqual(await alternates('/zh/section/ke-yan'), [`zh-CN ${zh}`, `en ${en}`, `x-default ${en}`]);
    assert.deepEqual(await alternates('/section/campus'), ['en https://news.usst.edu.cn/section/campus', 'x-default https://news.usst.edu.cn/section/campus']);
    // The speakers' index is in every edition at one address.
    const [enSpeakers, zhSpeakers] = ['https://news.usst.edu.cn/speakers', 'https://news.usst.edu.cn/zh/speakers'];
    assert.deepEqual(await alternates('/speakers'), [`en ${enSpeakers}`, `zh-CN ${zhSpeakers}`, `x-default ${enSpeakers}`]);
    assert.deepEqual(await alternates('/zh/speakers'), [`zh-CN ${zhSpeakers}`, `en ${enSpeakers}`, `x-default ${enSpeakers}`]);
    const sitemap = await (await fetch(`${app.server.url}/sitemap.xml`)).text();
    assert.match(sitemap, /<loc>https:\/\/news\.usst\.edu\.cn\/speakers<\/loc>(<lastmod>[^<]*<\/lastmod>)?<xhtml:link rel="alternate" hreflang="en" href="https:\/\/news\.usst\.edu\.cn\/speakers"\/><xhtml:link rel="alternate" hreflang="zh-CN" href="https:\/\/news\.usst\.edu\.cn\/zh\/speakers"\/>/);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('on a page every edition has at one address (Saved, search, the speakers), the switch goes to the same page; from one speaker, to the same person there where the build can tell, else to the speakers', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390 });
    for (const [from, to, title] of [
      ['/saved', '/zh/saved', '本设备上保存的文章'],
      ['/zh/speakers', '/speakers', 'Speakers'],
      ['/search', '/zh/search', '搜索'],
    ]) {
      await page.goto(`${app.server.url}${from}`);
      await heading(page);
      assert.equal(await page.locator('.language-switch a').getAttribute('href'), to, from);
      await page.locator('.language-switch a').click();
      await page.waitForURL(`${app.server.url}${to}`);
      assert.equal(await heading(page), title, to);
    }
    // A search goes along with the reader: opened at its words, and as
    // the reader types new ones, the switch names them; the other
    // edition's search runs them.
    await page.goto(`${app.server.url}/search?q=engineering`);
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href') === '/zh/search?q=engineering');
    await page.locator('#search-query').fill('学生');
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href') === '/zh/search?q=%E5%AD%A6%E7%94%9F');
    await page.locator('.language-switch a').click();
    await page.waitForURL(`${app.server.url}/zh/search?q=%E5%AD%A6%E7%94%9F`);
    await page.waitForFunction(() => document.querySelector('.search-page__count')?.textContent.includes('“学生”'));
    assert.equal(await page.locator('#search-query').inputValue(), '学生');
    assert.ok((await hits(page)).length > 0, 'the Chinese edition finds 学生');
    // One speaker's page: their name, and so their page's address, is
    // written in each edition's language. Where a translated article
    // that shares its speeches says who they are there (丁晓东 speaks in
    // the seed's translation where Ding Xiaodong speaks in the seed), the
    // switch goes to their page there, both ways, prerendered, in the
    // app, and in the head's alternates; else to the other edition's
    // speakers.
    await page.goto(`${app.server.url}/zh/speakers/ding-xiao-dong`);
    assert.equal(await page.locator('.language-switch a').getAttribute('href'), '/speakers/ding-xiaodong');
    assert.equal(await page.locator('link[rel="alternate"][hreflang="en"]').getAttribute('href'), 'https://news.usst.edu.cn/speakers/ding-xiaodong');
    await page.locator('.language-switch a').click();
    await page.waitForURL(`${app.server.url}/speakers/ding-xiaodong`);
    assert.equal(await heading(page), 'Ding Xiaodong');
    assert.equal(await page.locator('.language-switch a').getAttribute('href'), '/zh/speakers/ding-xiao-dong');
    await page.goto(`${app.server.url}/speakers`);
    await heading(page);
    await page.locator('main a', { hasText: 'Wu Jianyong' }).first().click();
    await page.waitForURL(`${app.server.url}/speakers/wu-jianyong`);
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href') === '/zh/speakers/wu-jian-yong');
    await page.goBack();
    await page.waitForURL(`${app.server.url}/speakers`);
    await page.waitForFunction(() => document.querySelector('.language-switch a')?.getAttribute('href') === '/zh/speakers');
    await page.locator('main a', { hasText: 'Anders Nyström' }).first().click();
    await page.waitForURL(`${app.server.url}/speakers/anders-nystrom`);
    await waitForHeading(page, 'Anders Nyström');
    assert.equal(await page.locator('.language-switch a').getAttribute('href'), '/zh/speakers');
    await page.locator('.language-switch a').click();
    await page.waitForURL(`${app.server.url}/zh/speakers`);
    assert.equal(await heading(page), '发言人');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('the Chinese list and a speaker’s page with the app, at 390 and 1280 px, and a route change into an article', async () => {
    for (const width of [390, 1280]) {
      const { page, context, problems } = await openPage(app.browser, { width });
      await page.goto(`${app.server.url}/zh/`);
      assert.equal(await heading(page), '新闻动态');
      const listed = await page.locator('main .news-card__headline a').evaluateAll((links) =>
        [...new Set(links.map((a) => new URL(a.href).pathname))],
      );
      assert.deepEqual([...listed].sort(), ZH_SLUGS.map((slug) => `/zh/news/${slug}`).sort());
      assert.match(await page.locator('main').innerText(), /2020年11月22日/);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
      await screenshot(page, `zh-list-${width}`);
      // The app takes the reader to the article without leaving the edition.
      await page.locator(`main .news-card__headline a[href="/zh/news/${ZH_SEED}"]`).first().click();
      await page.waitForURL(`${app.server.url}/zh/news/${ZH_SEED}`);
      await waitForHeading(page, zh(ZH_SEED).headline);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      // A speaker who spoke in two Chinese articles: one page, both speeches.
      await page.goto(`${app.server.url}/zh/speakers/ding-xiao-dong`);
      assert.equal(await heading(page), '丁晓东');
      const speeches = await page.locator('main a[href^="/zh/news/"]').evaluateAll((links) =>
        [...new Set(links.map((a) => new URL(a.href).pathname))],
      );
      assert.deepEqual(speeches.sort(), [`/zh/news/${ZH_SEED}/speech/3`, '/zh/news/zhong-de-gongcheng-jiaoyu-hezuo-luntan/speech/1']);
      assert.deepEqual(await page.locator('nav.breadcrumb li').allTextContents(), ['学校主页', '新闻动态', '发言人', '丁晓东']);
      // A speech's page is titled with the Chinese colon.
      await page.goto(`${app.server.url}/zh/news/${ZH_SEED}/speech/3`);
      assert.equal(await page.title(), `丁晓东：${zh(ZH_SEED).headline} · 上海理工大学新闻网`);
      await page.goBack();
      await heading(page);
      // The speaker's page is the header's "speakers" link's page.
      assert.equal(await page.locator('.site-nav a[aria-current="page"]').getAttribute('href'), '/zh/speakers');
      assert.equal(await page.locator('nav.breadcrumb a').last().getAttribute('href'), '/zh/speakers');
      assert.equal(await page.locator('.speaker__back a').textContent(), '全部发言人');
      assert.match(await page.locator('main').innerText(), /2019年6月14日/);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll');
      await screenshot(page, `zh-speaker-${width}`);
      assert.deepEqual(unexpected(problems), []);
      await context.close();
    }
  });

  test('without JavaScript: the Chinese article, list, speaker and search pages, and the switch', async () => {
    for (const width of [390, 1280]) {
      const { page, context } = await openStaticPage(app.browser, { width });
      await page.goto(`${app.server.url}/zh/`);
      assert.equal(await page.locator('main h1').textContent(), '新闻动态');
      const listed = await page.locator('main .news-card__headline a').evaluateAll((links) =>
        [...new Set(links.map((a) => new URL(a.href).pathname))],
      );
      for (const slug of ZH_SLUGS) assert.ok(listed.includes(`/zh/news/${slug}`), `${slug} listed: ${listed}`);
      assert.ok(!listed.some((path) => path.startsWith('/news/')), 'no English article in the Chinese list');
      await screenshot(page, `zh-list-${width}-static`);
      await page.goto(`${app.server.url}/zh/speakers/wu-jin-cheng`);
      assert.equal(await page.locator('main h1').textContent(), '吴金城');
      assert.match(await page.locator('main').innerText(), /上海市经济和信息化委员会主任/);
      await screenshot(page, `zh-speaker-${width}-static`);
      await page.goto(`${app.server.url}/zh/search`);
      assert.equal(await page.locator('main h1').textContent(), '搜索');
      assert.match(await page.locator('main').innerText(), /JavaScript/);
      await page.goto(`${app.server.url}/zh/news/${ZH_SEED}`);
      assert.equal(await page.locator('main h1').textContent(), zh(ZH_SEED).headline);
      assert.equal(await page.locator('.language-switch a').getAttribute('href'), `/news/${SEED_SLUG}`);
      await page.locator('.language-switch a').click();
      await page.waitForURL(`${app.server.url}/news/${SEED_SLUG}`);
      assert.equal(await page.locator('main h1').textContent(), en(SEED_SLUG).headline);
      assert.equal(await page.locator('.language-switch a').getAttribute('href'), `/zh/news/${ZH_SEED}`);
      await context.close();
    }
  });

  test('an address the Chinese edition lacks gets its own “not found”', async () => {
    const response = await fetch(`${app.server.url}/zh/news/no-such-article`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /lang="zh-CN"[\s\S]*页面不存在/);
  });

  test('search understands Chinese: runs of any length, one character, mixed and full-width queries', async () => {
    for (const width of [390, 1280]) {
      const { page, context, problems } = await openPage(app.browser, { width });
      await page.goto(`${app.server.url}/zh/search`);
      await heading(page);
      const box = page.locator('#search-query');
      for (const [query, expected] of QUERIES) {
        await box.fill(query);
        await page.waitForFunction(
          (q) => document.querySelector('.search-page__count')?.textContent.includes(`“${q}”`),
          query,
          { timeout: 15_000 },
        );
        const found = await hits(page);
        assert.deepEqual(
          [...found].sort(),
          expected.map((slug) => `/zh/news/${slug}`).sort(),
          `${query}: ${found}`,
        );
        if (!expected.includes(LIBRARY)) assert.ok(!found.includes(`/zh/news/${LIBRARY}`), `${query} must not find the library`);
      }
      // The excerpt marks the whole run the query's pairs cover.
      await box.fill('光学创新');
      await page.waitForFunction(() => document.querySelector('.search-page__count')?.textContent.includes('“光学创新”'));
      assert.equal(await page.locator('.search-result mark').first().textContent(), '光学创新');
      // Ranked: the headline's match before the body's.
      await box.fill('医疗');
      await page.waitForFunction(() => document.querySelector('.search-page__count')?.textContent.includes('“医疗”'));
      assert.equal((await hits(page))[0], `/zh/news/${ZH_SEED}`, 'the headline holding the words first');
      // A run as it was typed before its pairs apart: 十余名 (ten-odd people)
      // is whole in the forum's summary (八十余名代表); the newer conference
      // has 十余 and 余名 in other places (三十余所, 四百余名).
      await box.fill('十余名');
      await page.waitForFunction(() => document.querySelector('.search-page__count')?.textContent.includes('“十余名”'));
      assert.deepEqual(
        await hits(page),
        ['zhong-de-gongcheng-jiaoyu-hezuo-luntan', 'guangxue-gongcheng-xueshu-nianhui-2023'].map((slug) => `/zh/news/${slug}`),
      );
      await screenshot(page, `zh-search-${width}`);
      assert.deepEqual(unexpected(problems), []);
      await context.close();
    }
  });

  test('the English edition never finds a Chinese article, and its search stays English', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('医疗器械')}`);
    await heading(page);
    await page.waitForFunction(() => document.querySelector('.search-page__count')?.textContent.includes('医疗器械'));
    assert.deepEqual(await hits(page), []);
    assert.equal(await page.locator('.search-page__count').textContent(), 'No articles match “医疗器械”.');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });
});
