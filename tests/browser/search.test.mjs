// Search without a server, on the real content: the header's box, the search
// page's live results (the word being typed counts as begun), addresses that
// can be bookmarked, what is fetched, and what happens when the index
// cannot load.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heading, isDataFetch, openPage, openStaticPage, REPO, screenshot, SEED_SLUG, sourceArticle, sourceArticles, unexpected, waitForApp, waitForHeading, withApp } from './support.mjs';

const AXE = readFileSync(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const hits = (page) => page.locator('.search-result__headline a').allTextContents();
const count = async (page) => (await page.locator('.search-page__count').textContent()).trim();

/** Waits for the results of `query` (the count names it). */
async function resultsFor(page, query) {
  await page.waitForFunction((q) => document.querySelector('.search-page__count')?.textContent.includes(`“${q}”`), query, { timeout: 15_000 });
  return hits(page);
}

describe('search', () => {
  const app = withApp();

  test('the header box searches; a result leads to its article', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(app.server.url + '/');
    await heading(page);
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.locator('#site-search').fill('optical');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`${app.server.url}/search?q=optical`);
    // The list ran the reading app, which has no search: the search page
    // is loaded whole, and starts the whole app (tests/browser/reading-app.test.mjs).
    await page.waitForFunction(() => window.__sameDocument === undefined);
    await page.evaluate(() => { window.__sameDocument = true; });
    const found = await resultsFor(page, 'optical');
    // Searching again from the header, on the search page: the page's own
    // box takes the words, the header's is left empty.
    await page.locator('#site-search').fill('ceremony');
    await page.locator('#site-search').press('Enter');
    await resultsFor(page, 'ceremony');
    assert.equal(await page.locator('#search-query').inputValue(), 'ceremony');
    assert.equal(await page.locator('#site-search').inputValue(), '');
    await page.goBack();
    await resultsFor(page, 'optical');
    const lab = sourceArticle('usst-opens-optical-imaging-research-laboratory');
    assert.equal(found[0], lab.headline, 'the article with the word in its headline comes first');
    assert.match(await count(page), /^\d+ articles match “optical”, best first\.$/);
    assert.equal(await page.locator('.search-result mark').first().textContent().then((t) => t.toLowerCase()), 'optical');
    await page.locator('.search-result__headline a').first().click();
    await waitForHeading(page, lab.headline);
    assert.equal(page.url(), `${app.server.url}/news/${lab.slug}`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a full page load happened');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('from the reading app\'s header, the search page loaded whole has the focus on its heading, as after a link in the app; opened otherwise, it does not', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(app.server.url + '/');
    await heading(page);
    await page.locator('#site-search').fill('optical');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`${app.server.url}/search?q=optical`);
    await resultsFor(page, 'optical');
    await page.waitForFunction(() => document.activeElement?.matches('main h1'));
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Search');
    assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not move');
    // A search page opened otherwise (a shared link, typed): the focus is
    // where a page load leaves it.
    await page.goto(`${app.server.url}/search?q=library`);
    await resultsFor(page, 'library');
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('the header box searches before the app has come: the form itself goes to the search page', async () => {
    const { page, context, problems } = await openPage(app.browser);
    // The first page's app never comes (its wasm is refused): the box is
    // the prerendered form, which the Content-Security-Policy must let
    // send its GET to this site's search page.
    let refuse = true;
    await page.route(/_bg\.wasm$/, (route) => (refuse ? route.abort() : route.continue()));
    await page.goto(app.server.url + '/');
    await page.waitForSelector('main h1');
    await page.locator('#site-search').fill('optical');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'no app on the first page');
    refuse = false;
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(`${app.server.url}/search?q=optical`);
    const found = await resultsFor(page, 'optical');
    assert.ok(found.length > 0, 'the search page shows its results');
    assert.deepEqual(problems.filter((problem) => /Content Security Policy|form-action/i.test(problem)), []);
    await context.close();
  });

  test('finds an article by a speaker’s name, a summary’s word and a body’s word; the address follows the box', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(app.server.url + '/search');
    assert.equal(await heading(page), 'Search');
    const box = page.locator('#search-query');
    const seed = sourceArticle(SEED_SLUG);
    const cases = [
      ['Wu Jincheng', seed.headline], // a speaker, named only in a speech section
      ['renovation', sourceArticle('usst-library-reopens-after-renovation').headline], // headline and summary
      ['deflection', null], // nowhere: no results
      ['zq', 'yet'], // two letters: no word, and too few yet to find the words they begin
      ['opti', sourceArticle('usst-opens-optical-imaging-research-laboratory').headline], // still being typed
    ];
    for (const [query, expected] of cases) {
      await box.fill(query);
      const found = await resultsFor(page, query);
      // The address follows the box (a frame later, replaced).
      await page.waitForURL(`${app.server.url}/search?q=${query.replace(' ', '+')}`);
      if (expected === 'yet') assert.equal(await count(page), `No articles match “${query}” yet: from its third letter, a word also finds the words it begins.`);
      else if (expected) assert.ok(found.includes(expected), `${query}: ${found}`);
      else assert.equal(await count(page), `No articles match “${query}”.`);
    }
    // A word from the seed's body text only.
    const bodyWord = 'argumentation';
    assert.ok(!seed.headline.includes(bodyWord) && !seed.summary.includes(bodyWord));
    await box.fill(bodyWord);
    assert.ok((await resultsFor(page, bodyWord)).includes(seed.headline));
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('typing, then a result at once, then Back: the search is still there', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(app.server.url + '/search');
    await heading(page);
    await page.locator('#search-query').fill('renovation');
    const [first] = await resultsFor(page, 'renovation');
    await page.locator('.search-result__headline a').first().click();
    await waitForHeading(page, first);
    await page.goBack();
    await page.waitForURL(`${app.server.url}/search?q=renovation`);
    assert.deepEqual((await resultsFor(page, 'renovation'))[0], first);
    assert.equal(await page.locator('#search-query').inputValue(), 'renovation');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('what the reader types in the search page\'s box before the app has come stays in it, and is searched', async () => {
    const { page, context, problems } = await openPage(app.browser);
    // The app's wasm is held back until the reader has typed: the first
    // letters go into the prerendered box, which the app then hydrates.
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(app.server.url + '/search');
    await page.waitForSelector('main h1');
    await page.locator('#search-query').click();
    await page.keyboard.type('lib');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), undefined, 'the app came before the reader typed');
    release();
    const early = await resultsFor(page, 'lib');
    assert.ok(early.includes(sourceArticle('usst-library-reopens-after-renovation').headline), `“lib” found ${JSON.stringify(early)}`);
    assert.equal(await page.locator('#search-query').inputValue(), 'lib');
    await page.keyboard.type('rary');
    await resultsFor(page, 'library');
    assert.equal(await page.locator('#search-query').inputValue(), 'library');
    await page.waitForURL(`${app.server.url}/search?q=library`);
    assert.equal(await page.title(), 'Search: library · USST News');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a search is an address: reloading or sharing it shows the same results', async () => {
    const { page, context } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search?q=Wu+Jincheng`);
    await heading(page);
    const found = await resultsFor(page, 'Wu Jincheng');
    assert.deepEqual(found, [sourceArticle(SEED_SLUG).headline]);
    assert.equal(await page.locator('#search-query').inputValue(), 'Wu Jincheng');
    await page.reload();
    assert.deepEqual(await resultsFor(page, 'Wu Jincheng'), found);
    // The tab names the search however the page was reached (the site's
    // name arriving after the words used to put back the plain title).
    await page.waitForTimeout(500);
    assert.equal(await page.title(), 'Search: Wu Jincheng · USST News');
    await context.close();
  });

  test('a search fetches only the index files its words are filed in, the list page of its hits, and the articles whose summaries lack the words', async () => {
    const { page, context } = await openPage(app.browser);
    const bytes = [];
    const fetched = [];
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.loadingFinished', (event) => bytes.push(event.encodedDataLength));
    page.on('request', (request) => {
      if (isDataFetch(request)) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(app.server.url + '/search');
    await heading(page);
    bytes.length = 0;
    fetched.length = 0;
    await page.locator('#search-query').fill('medical campus');
    assert.ok((await resultsFor(page, 'medical campus')).length > 0);
    const total = bytes.reduce((a, b) => a + b, 0);
    console.log(`search for "medical campus": ${fetched.length} requests, ${(total / 1024).toFixed(1)} KB`);
    // The files of "me…" and "ca…" (a small archive's files are named by
    // two letters, as its site says), the list page holding the hits, and
    // the articles of the hits whose summaries have neither word (their
    // excerpt is the passage of their text the words are in).
    await page.waitForLoadState('networkidle');
    const shown = await hits(page);
    const passages = fetched.filter((path) => path.startsWith('/content/articles/'));
    for (const path of passages) {
      const article = sourceArticle(path.replace(/^\/content\/articles\/(.*)\.json$/, '$1'));
      assert.ok(shown.includes(article.headline), `${path}: not a hit`);
      assert.doesNotMatch(article.summary, /medical|campus/i, `${path}: its summary has the words`);
    }
    assert.ok(passages.length > 0, 'some hit has the words only in its text');
    assert.ok(fetched.every((path) => /^\/content\/(search\/[0-9a-f]+|list\/1|articles\/[a-z0-9-]+)\.json$/.test(path)), fetched.join(' '));
    assert.ok(fetched.includes('/content/search/6d65.json') && fetched.includes('/content/search/6361.json'), fetched.join(' '));
    assert.ok(total < 300 * 1024, `${total} bytes`);
    await context.close();
  });

  test('opened without words, the search page fetches nothing before the reader types (its code made ready meanwhile), and the first search is the index\'s own', async () => {
    const { page, context } = await openPage(app.browser);
    const fetched = [];
    page.on('request', (request) => {
      if (isDataFetch(request)) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(app.server.url + '/search');
    await heading(page);
    // The search's code runs once, a step a task, on an index of its own
    // after the page has painted (client::warm_up_search): nothing comes
    // from the host for it.
    await page.waitForTimeout(1500);
    assert.deepEqual(fetched, []);
    // "news" is a word of the made-up index too: the search asks for the
    // host's own file of "ne…" and shows the archive's articles.
    await page.locator('#search-query').fill('news');
    const found = await resultsFor(page, 'news');
    assert.ok(fetched.includes('/content/search/6e65.json'), fetched.join(' '));
    const archive = sourceArticles().map((article) => article.headline);
    assert.ok(found.length > 0 && found.every((headline) => archive.includes(headline)), found.join(' | '));
    await context.close();
  });

  test('a hit whose headline holds every word keeps its summary: its article is not fetched for a passage', async () => {
    const { page, context, problems } = await openPage(app.browser);
    const fetched = [];
    page.on('request', (request) => {
      if (isDataFetch(request)) fetched.push(new URL(request.url()).pathname);
    });
    const slug = 'usst-holds-symposium-on-carbon-neutral-energy';
    const symposium = sourceArticle(slug);
    assert.match(symposium.headline, /Symposium/);
    assert.doesNotMatch(symposium.summary, /symposium/i);
    await page.goto(app.server.url + '/search');
    await heading(page);
    await page.locator('#search-query').fill('symposium');
    assert.ok((await resultsFor(page, 'symposium')).includes(symposium.headline));
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    assert.ok(!fetched.includes(`/content/articles/${slug}.json`), fetched.join(' '));
    const excerpt = page.locator('.search-result', { hasText: symposium.headline }).locator('.search-result__excerpt');
    assert.equal((await excerpt.textContent()).trim(), symposium.summary);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a hit with the words only in its text shows the passage they are in, marked; its summary where the article cannot load', async () => {
    const { page, context, problems } = await openPage(app.browser);
    const excerpt = (headline) => page.locator('.search-result', { hasText: headline }).locator('.search-result__excerpt');
    // English: "Pudong" is in one sentence of the seed's text, not its summary.
    const seed = sourceArticle(SEED_SLUG);
    assert.doesNotMatch(seed.summary, /Pudong/);
    await page.goto(`${app.server.url}/search?q=pudong`);
    await heading(page);
    assert.deepEqual(await resultsFor(page, 'pudong'), [seed.headline]);
    await excerpt(seed.headline).locator('mark').waitFor();
    const text = (await excerpt(seed.headline).textContent()).trim();
    assert.match(text, /^….*Opening-up of Pudong\. The establishment of Shanghai High-end Medical Equipment Innovation Centre.*…$/, text);
    assert.ok(text.length <= 202, `${text.length} characters: ${text}`);
    assert.deepEqual(await excerpt(seed.headline).locator('mark').allTextContents(), ['Pudong']);
    assert.deepEqual(unexpected(problems), []);
    await screenshot(page, 'search-passage-desktop');
    // Chinese: 学生 is in the library's text, not its summary; the
    // volunteers' summary has it and keeps it.
    const library = JSON.parse(readFileSync(join(REPO, 'dist', 'zh', 'content', 'articles', 'jungonglu-xiaoqu-xin-tushuguan-qiyong.json'), 'utf8'));
    const volunteers = JSON.parse(readFileSync(join(REPO, 'dist', 'zh', 'content', 'articles', 'xiaoyezi-zhiyuanzhe-jinbohui.json'), 'utf8'));
    assert.ok(!library.summary.includes('学生') && volunteers.summary.includes('学生'));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.server.url}/zh/search?q=学生`);
    await heading(page);
    const found = await resultsFor(page, '学生');
    assert.ok(found.includes(library.headline) && found.includes(volunteers.headline), found.join(' '));
    await excerpt(library.headline).locator('mark').waitFor();
    const passage = (await excerpt(library.headline).textContent()).trim();
    assert.ok(passage.includes('不少学生早早在门口排队'), passage);
    assert.deepEqual(await excerpt(library.headline).locator('mark').allTextContents(), ['学生']);
    assert.equal((await excerpt(volunteers.headline).textContent()).trim(), volunteers.summary);
    await screenshot(page, 'search-passage-zh-phone');
    await context.close();
    // The article cannot be had (a visit of its own: the service worker of
    // this one kept it): the hit keeps its summary, and nothing else on
    // the page is lost.
    const offline = await openPage(app.browser);
    await offline.page.route('**/content/articles/**', (route) => route.abort());
    await offline.page.goto(`${app.server.url}/search?q=pudong`);
    await heading(offline.page);
    assert.deepEqual(await resultsFor(offline.page, 'pudong'), [seed.headline]);
    await offline.page.waitForLoadState('networkidle');
    const kept = offline.page.locator('.search-result__excerpt');
    assert.equal((await kept.textContent()).trim(), seed.summary);
    assert.equal(await offline.page.locator('.notice--error').count(), 0);
    await offline.context.close();
  });

  test('of hits that match alike, those with the words in their headlines come first; a hit found by its byline or its copy editor shows that line', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search?q=medical+equipment`);
    await heading(page);
    const found = await resultsFor(page, 'medical equipment');
    assert.ok(found.length >= 2, found.join(' | '));
    assert.equal(found[0], sourceArticle(SEED_SLUG).headline);
    // "Liu": some articles have it only in their byline ("By Zhang Liu").
    const bylined = sourceArticles().filter((a) => [].concat(a.author ?? []).some((name) => /\bLiu\b/.test(name)) && !/\bLiu\b/.test(JSON.stringify({ h: a.headline, s: a.summary, b: a.body })));
    assert.ok(bylined.length > 0, 'this test needs an article with Liu in its byline alone');
    await page.locator('#search-query').fill('Liu');
    await resultsFor(page, 'Liu');
    const excerpt = page.locator('.search-result').filter({ has: page.getByRole('link', { name: bylined[0].headline, exact: true }) }).locator('.search-result__excerpt');
    await excerpt.locator('mark').waitFor();
    assert.match((await excerpt.textContent()).trim(), /^By .*Liu/);
    assert.deepEqual(await excerpt.locator('mark').allTextContents(), ['Liu']);
    // A copy editor is found too, and shown as the dateline says them.
    const edited = sourceArticle('usst-holds-2020-commencement-ceremony');
    assert.deepEqual(edited.copy_editors, ['Emily Wang']);
    const byEmily = sourceArticles().filter((a) => (a.copy_editors ?? []).includes('Emily Wang')).map((a) => a.headline);
    await page.locator('#search-query').fill('Emily Wang');
    assert.deepEqual((await resultsFor(page, 'Emily Wang')).sort(), byEmily.sort());
    const copyedit = page.locator('.search-result').filter({ has: page.getByRole('link', { name: edited.headline, exact: true }) }).locator('.search-result__excerpt');
    await copyedit.locator('mark').first().waitFor();
    assert.equal((await copyedit.textContent()).trim(), 'Copyedited by Emily Wang');
    assert.deepEqual(await copyedit.locator('mark').allTextContents(), ['Emily', 'Wang']);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('Chinese words written together, as Chinese is, find the article that has them apart', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    const library = JSON.parse(readFileSync(join(REPO, 'dist', 'zh', 'content', 'articles', 'jungonglu-xiaoqu-xin-tushuguan-qiyong.json'), 'utf8'));
    // 图书馆 (library) and 学生 (students), with no space: the library's
    // article has both, never side by side.
    const text = JSON.stringify(library);
    assert.ok(text.includes('图书馆') && text.includes('学生') && !text.includes('图书馆学生'));
    await page.goto(`${app.server.url}/zh/search?q=图书馆学生`);
    await heading(page);
    const found = await resultsFor(page, '图书馆学生');
    assert.equal(found[0], library.headline, found.join(' '));
    const marks = await page.locator('.search-result').first().locator('mark').allTextContents();
    assert.ok(marks.includes('图书馆') || marks.includes('学生'), JSON.stringify(marks));
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('the count is said in a live region on the page before the first search, not one that comes already filled', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search`);
    await heading(page);
    await page.locator('#search-query').click();
    await waitForApp(page);
    const region = page.locator('.search-page__count[role="status"]');
    assert.equal(await region.count(), 1, 'the live region is there before any search');
    assert.equal((await region.textContent()).trim(), '');
    await region.evaluate((node) => {
      window.__region = node;
    });
    await page.locator('#search-query').fill('campus');
    await resultsFor(page, 'campus');
    assert.equal(await region.evaluate((node) => node === window.__region), true, 'the same region, its words changed');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('pinyin being composed is not searched; the characters chosen are', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.server.url}/zh/search`);
    await heading(page);
    const box = page.locator('#search-query');
    await box.click();
    await waitForApp(page);
    const indexRequests = [];
    page.on('request', (request) => {
      if (request.url().includes('/content/search/')) indexRequests.push(request.url());
    });
    // An input method's composition, as Chromium's own IME events make it.
    const cdp = await context.newCDPSession(page);
    for (const text of ['t', 'tu', "tu'sh", "tu'shu"]) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await page.waitForTimeout(600);
    assert.equal(await box.inputValue(), "tu'shu");
    assert.equal(new URL(page.url()).search, '', 'the address still names no search');
    assert.equal((await page.locator('.search-page__count').textContent()).trim(), '', 'nothing said of the pinyin');
    assert.deepEqual(indexRequests, [], 'no index file asked for the pinyin');
    await cdp.send('Input.insertText', { text: '图书' });
    await resultsFor(page, '图书');
    assert.ok((await hits(page)).length >= 1, 'the characters chosen find articles');
    assert.equal(new URL(page.url()).searchParams.get('q'), '图书');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a word whose index file is split is found in the part of it the file names', async () => {
    // As in a larger archive, where "re…" begins too many words for one
    // file: the file says it is split, and names its parts one letter
    // deeper, each holding the beginnings from its name to the next's
    // ("ren…" is in the part named "rem"); an index built by an earlier
    // release names none, and has a file per longer beginning.
    const whole = readFileSync(join(REPO, 'dist', 'content', 'search', '7265.json'), 'utf8');
    for (const [split, part] of [
      ['{"words":{},"split":true,"parts":["726561","72656d","726570"]}', '72656d'],
      ['{"words":{},"split":true}', '72656e'],
    ]) {
      const { page, context, problems } = await openPage(app.browser);
      await page.route('**/content/search/7265.json', (route) => route.fulfill({ contentType: 'application/json', body: split }));
      await page.route(`**/content/search/${part}.json`, (route) => route.fulfill({ contentType: 'application/json', body: whole }));
      const fetched = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(`${app.server.url}/search?q=renovation`);
      await heading(page);
      const found = await resultsFor(page, 'renovation');
      assert.ok(found.includes(sourceArticle('usst-library-reopens-after-renovation').headline), `${split}: ${found.join(' | ')}`);
      const index = fetched.filter((path) => path.startsWith('/content/search/'));
      assert.deepEqual(index, ['/content/search/7265.json', `/content/search/${part}.json`]);
      assert.deepEqual(unexpected(problems), []);
      await context.close();
    }
  });

  test('a shared link to a search opens without the page moving as its results come', async () => {
    for (const [path, query, width] of [['/search?q=campus', 'campus', 390], ['/search?q=campus', 'campus', 320], ['/search?q=optical', 'optical', 1280]]) {
      const { page, context } = await openPage(app.browser, { width, height: 800 });
      await page.addInitScript(() => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            const moved = entry.sources.map(({ node, previousRect: a, currentRect: b }) => `${node?.nodeName}.${node?.className} ${a.y} → ${b.y}`);
            window.__shifts.push(`${entry.value.toFixed(3)}: ${moved.join(', ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(app.server.url + path);
      await heading(page);
      await resultsFor(page, query);
      await page.waitForTimeout(500);
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], `${path} at ${width} px`);
      await context.close();
    }
  });

  test('a word being typed that begins too many words to find yet says a letter more will', async () => {
    // As in a large archive: "ren…" (after "re…") is split again, its words one letter deeper.
    const { page, context } = await openPage(app.browser);
    for (const key of ['7265', '72656e']) {
      await page.route(`**/content/search/${key}.json`, (route) => route.fulfill({ contentType: 'application/json', body: '{"words":{},"split":true}' }));
    }
    await page.goto(`${app.server.url}/search?q=ren`);
    await heading(page);
    await resultsFor(page, 'ren');
    assert.equal(await count(page), 'No articles match “ren” yet: so many words begin with it that they are found from its next letter.');
    await context.close();
  });

  test('a name is found without its diacritics, and the tab says what was searched', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search`);
    await heading(page);
    await page.locator('#search-query').fill('elise durand');
    await resultsFor(page, 'elise durand');
    const found = await hits(page);
    assert.ok(found.length >= 1, 'nothing found for elise durand');
    assert.equal(await page.title(), 'Search: elise durand · USST News');
    await page.locator('#search-query').fill('NYSTROM');
    await resultsFor(page, 'NYSTROM');
    assert.ok((await hits(page)).length >= 1, 'nothing found for NYSTROM');
    await page.locator('#search-query').fill('');
    await page.waitForFunction(() => document.title === 'Search · USST News');
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a number is found whether typed with the commas that group its digits or without', async () => {
    const { page, context, problems } = await openPage(app.browser);
    const library = sourceArticle('usst-library-reopens-after-renovation');
    assert.match(JSON.stringify(library.body), /more than 1,500 reading seats/);
    assert.doesNotMatch(JSON.stringify(sourceArticles().filter((a) => a.slug !== library.slug)), /\b1,?500\b/);
    await page.goto(`${app.server.url}/search`);
    await heading(page);
    for (const typed of ['1500 seats', '1,500 seats']) {
      await page.locator('#search-query').fill(typed);
      assert.deepEqual(await resultsFor(page, typed), [library.headline], typed);
      const excerpt = page.locator('.search-result__excerpt');
      await excerpt.locator('mark').first().waitFor();
      assert.deepEqual(await excerpt.locator('mark').allTextContents(), ['1,500', 'seats'], typed);
    }
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a query of no words, a page past the last and a very long word: sensible words and links, no sideways scroll', async () => {
    const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844 });
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent('?')}`);
    await heading(page);
    await resultsFor(page, '?');
    assert.match(await count(page), /^No articles match “\?”/);
    assert.equal(await page.locator('main .pagination').count(), 0, 'no pages of nothing');
    await page.goto(`${app.server.url}/search?q=the&page=9999`);
    await resultsFor(page, 'the');
    assert.deepEqual(await hits(page), []);
    assert.match(await count(page), /^Articles match “the”, but not as many as this page would show: the results end on page \d+\.$/);
    assert.equal(await page.locator('main .pagination__position').count(), 0, 'no "Page 9999 of 2"');
    assert.equal(await page.locator('main .pagination__older').count(), 0);
    const back = page.locator('main .pagination__newer');
    const last = new URL(await back.getAttribute('href'), app.server.url);
    await back.click();
    await page.waitForURL(last.href);
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0, null, { timeout: 15_000 });
    assert.ok(await page.locator('main .pagination__position').textContent().then((text) => /^Page (\d+) of \1$/.test(text.trim())), 'the last page of results');
    // The link followed is gone with its page: the focus is on the new
    // page's first result.
    await page.waitForFunction(() => document.activeElement === document.querySelector('.search-result__headline a'), null, { timeout: 5_000 });
    // A very long word, and a pasted paragraph: the count repeats their
    // first 80 characters, and nothing scrolls sideways.
    const word = 'a'.repeat(300);
    await page.goto(`${app.server.url}/search?q=${word}`);
    await resultsFor(page, `${'a'.repeat(80)}…`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'the long word wraps');
    const paragraph = 'zebra crossing '.repeat(40).trim();
    await page.locator('#search-query').fill(paragraph);
    await resultsFor(page, `${paragraph.slice(0, 80).trim()}…`);
    assert.equal(await page.locator('#search-query').inputValue(), paragraph, 'the box keeps every word');
    // More words than are searched: the count says which were.
    const nine = 'optical imaging research laboratory opened usst bringing together zebra';
    await page.locator('#search-query').fill(nine);
    await resultsFor(page, nine);
    assert.match(await count(page), / Only its first 8 words were searched\.$/);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a hostile query is shown as text, and nothing runs', async () => {
    const { page, context, problems } = await openPage(app.browser);
    const dialogs = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
    const query = '<img src=x onerror=alert(1)>"\'&';
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent(query)}`);
    await heading(page);
    await resultsFor(page, query);
    assert.equal(await page.locator('main img').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('when the index cannot load, the results say so under the box, and Retry recovers', async () => {
    const { page, context } = await openPage(app.browser);
    let blocked = true;
    await page.route('**/content/search/**', (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${app.server.url}/search?q=optical`);
    await heading(page);
    await page.locator('.notice--error').waitFor();
    assert.match(await page.locator('.notice--error h2').textContent(), /We couldn’t load search results/);
    assert.match(await page.locator('.notice--error').textContent(), /couldn’t reach the news server/);
    assert.equal(await page.locator('#search-query').inputValue(), 'optical');
    // The notice is part of the page: the tab still names the search.
    assert.equal(await page.title(), 'Search: optical · USST News');
    assert.equal(await page.locator('.site-header').count(), 1);
    blocked = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    assert.ok((await resultsFor(page, 'optical')).length > 0);
    await context.close();
  });

  test('typing on past a slow search: the newer words are searched at once, and the older search\'s answer never shows under them', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(app.server.url + '/search');
    await heading(page);
    // The file "optical" is filed in answers in 4 s; "library"'s at once.
    let slow = true;
    await page.route('**/content/search/6f70.json', async (route) => {
      if (slow) await new Promise((done) => setTimeout(done, 4000));
      await route.continue().catch(() => {});
    });
    const box = page.locator('#search-query');
    await box.fill('optical');
    await page.waitForTimeout(300);
    const typedOn = Date.now();
    await box.fill('library');
    const found = await resultsFor(page, 'library');
    assert.ok(Date.now() - typedOn < 3000, `"library" waited ${Date.now() - typedOn} ms, for the search before it`);
    assert.ok(found.includes(sourceArticle('usst-library-reopens-after-renovation').headline), `${found}`);
    // Once the slow answer is in, the page still shows what was asked last.
    await page.waitForTimeout(4500);
    assert.match(await count(page), /“library”/);
    assert.deepEqual(await hits(page), found);
    slow = false;
    assert.deepEqual(unexpected(problems), []);
    await context.close();
  });

  test('a possessive is searched as its word: "library\'s" finds the library', async () => {
    const { page, context } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search?q=${encodeURIComponent("library's")}`);
    await heading(page);
    const found = await resultsFor(page, "library's");
    assert.ok(found.includes(sourceArticle('usst-library-reopens-after-renovation').headline), `${found}`);
    await context.close();
  });

  test('a shared search whose app cannot be had says so on the page, and what to use instead', async () => {
    const { page, context } = await openPage(app.browser);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${app.server.url}/search?q=library`);
    const notice = page.locator('#search-did-not-start');
    await notice.waitFor({ state: 'visible' });
    assert.match(await notice.textContent(), /Search could not start.*Check your connection and reload the page\. Every article is also listed/);
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Search');
    await context.close();
  });

  test('with JavaScript off, the search page says what to use instead', async () => {
    const { page, context } = await openStaticPage(app.browser);
    await page.goto(app.server.url + '/search');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Search');
    assert.match(await page.locator('main').textContent(), /needs JavaScript/);
    await context.close();
  });

  for (const [width, scheme] of [[390, 'light'], [1280, 'light'], [390, 'dark']]) {
    test(`results at ${width} px (${scheme}): no axe violations, screenshot`, async () => {
      const { page, context } = await openPage(app.browser, { width, colorScheme: scheme });
      await page.goto(`${app.server.url}/search?q=campus`);
      await heading(page);
      await resultsFor(page, 'campus');
      await page.evaluate(AXE); // evaluated by DevTools, not injected: the CSP stays as it is
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      }).then((r) => ({ violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })) })));
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      await screenshot(page, `search-${width}${scheme === 'dark' ? '-dark' : ''}`);
      await context.close();
    });
  }
});
