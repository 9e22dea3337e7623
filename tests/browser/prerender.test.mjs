// Every route is a static page first: readable with JavaScript off (as
// crawlers and link previews read it), with the head tags search engines
// and social sites use; then the app takes it over without a flash and
// without fetching again what the page carries.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { authorsOf, heading, isDataFetch, newestFirst, openPage, openStaticPage, PAGES, SEED_SLUG, seedLine, sourceArticle, sourceArticles, texts, waitForHeading, withApp } from './support.mjs';

const app = withApp();
const ORIGIN = 'https://news.usst.edu.cn';
const PICTURES_SLUG = 'usst-opens-optical-imaging-research-laboratory';

const newest = () => newestFirst(sourceArticles());

async function attribute(page, selector, name) {
  const element = page.locator(selector);
  return (await element.count()) === 1 ? element.getAttribute(name) : `${await element.count()} × ${selector}`;
}

/** Opens `path` with scripts off; returns { page, context, status }. */
async function openStatic(path) {
  const opened = await openStaticPage(app.browser);
  const response = await opened.page.goto(app.server.url + path);
  return { ...opened, status: response.status() };
}

describe('with JavaScript off', () => {
  test('the list shows every article, newest first, each linking to its page', async () => {
    const { page, context, status } = await openStatic('/');
    assert.equal(status, 200);
    assert.equal(await page.locator('main h1').textContent(), 'News & Events');
    const expected = newest();
    assert.deepEqual(await texts(page, '.news-card__headline'), expected.map((a) => a.headline));
    assert.deepEqual(await texts(page, '.news-card__summary'), expected.map((a) => a.summary));
    assert.deepEqual(
      await page.locator('.news-card__headline a').evaluateAll((els) => els.map((el) => el.getAttribute('href'))),
      expected.map((a) => `/news/${a.slug}`),
    );
    assert.equal((await page.locator('.site-brand').textContent()).trim(), 'USST News');
    await context.close();
  });

  test('the seed article shows its headline, dateline, body, speeches and related links', async () => {
    const { page, context, status } = await openStatic(`/news/${SEED_SLUG}`);
    assert.equal(status, 200);
    const seed = sourceArticle(SEED_SLUG);
    assert.equal(await page.locator('main h1').textContent(), seedLine(3));
    assert.equal((await page.locator('.dateline').textContent()).trim(), seedLine(5));
    const paragraphs = seed.body.filter((b) => b.type === 'paragraph').map((b) => b.text);
    assert.deepEqual(await texts(page, '.article__body > p'), paragraphs);
    const speeches = seed.body.filter((b) => b.type === 'speech');
    assert.equal(speeches.length, 3);
    assert.deepEqual(await texts(page, '.speech__speaker'), speeches.map((s) => s.speaker));
    assert.deepEqual(await texts(page, '.speech__role'), speeches.map((s) => s.role));
    assert.deepEqual(await texts(page, '.speech__caption'), speeches.map((s) => s.caption));
    const related = seed.related.map((slug) => sourceArticle(slug));
    assert.deepEqual(await texts(page, '.related a'), related.map((a) => a.headline));
    assert.deepEqual(
      await page.locator('.related a').evaluateAll((els) => els.map((el) => el.getAttribute('href'))),
      related.map((a) => `/news/${a.slug}`),
    );
    // A related link is a plain link to that article's own static page.
    await page.locator('.related a').first().click();
    await page.waitForURL(`**/news/${related[0].slug}`);
    assert.equal(await page.locator('main h1').textContent(), related[0].headline);
    await context.close();
  });

  test('an article with pictures shows them with their captions and alt text', async () => {
    const { page, context } = await openStatic(`/news/${PICTURES_SLUG}`);
    const article = sourceArticle(PICTURES_SLUG);
    const figures = article.body.filter((b) => b.type === 'figure');
    assert.ok(figures.length >= 1);
    assert.deepEqual(await texts(page, '.figure figcaption'), figures.map((f) => f.caption));
    assert.deepEqual(
      await page.locator('.figure img').evaluateAll((els) => els.map((el) => el.getAttribute('alt'))),
      figures.map((f) => f.image.alt),
    );
    for (const size of await page.locator('.figure img').evaluateAll((els) => els.map((el) => [el.getAttribute('width'), el.getAttribute('height')]))) {
      assert.ok(Number(size[0]) > 0 && Number(size[1]) > 0, `picture without a size: ${size}`);
    }
    await context.close();
  });

  test('an unknown address is the "not found" page with a real 404, kept out of search engines', async () => {
    const { page, context, status } = await openStatic('/news/no-such-article');
    assert.equal(status, 404);
    assert.equal(await page.locator('main h1').textContent(), 'Page not found');
    assert.equal(await attribute(page, 'meta[name="robots"]', 'content'), 'noindex');
    assert.equal(await page.locator('link[rel="canonical"]').count(), 0);
    assert.equal(await page.locator('a.button').getAttribute('href'), '/');
    await context.close();
  });

  test('the search page, at any query and in both editions, is kept out of search engines', async () => {
    for (const path of ['/search', '/search?q=campus', '/zh/search?q=%E6%A0%A1%E5%9B%AD']) {
      const { page, context, status } = await openStatic(path);
      assert.equal(status, 200, path);
      assert.equal(await attribute(page, 'meta[name="robots"]', 'content'), 'noindex', path);
      await context.close();
    }
  });
});

describe('head tags', () => {
  test('an article: title, description, canonical, language, Open Graph, Twitter and NewsArticle data', async () => {
    const { page, context } = await openStatic(`/news/${SEED_SLUG}`);
    const seed = sourceArticle(SEED_SLUG);
    const canonical = `${ORIGIN}/news/${SEED_SLUG}`;
    assert.equal(await page.title(), `${seed.headline} · USST News`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const expected = {
      'meta[name="description"]': seed.summary,
      'link[rel="canonical"]': canonical,
      'link[rel="alternate"][hreflang="en"]': canonical,
      'link[rel="alternate"][hreflang="x-default"]': canonical,
      'meta[property="og:type"]': 'article',
      'meta[property="og:title"]': seed.headline,
      'meta[property="og:description"]': seed.summary,
      'meta[property="og:url"]': canonical,
      'meta[property="og:site_name"]': 'USST News',
      'meta[property="article:published_time"]': '2020-11-22',
      'meta[property="article:section"]': 'Research',
      'meta[name="twitter:card"]': 'summary',
      'meta[name="twitter:title"]': seed.headline,
      'meta[name="twitter:description"]': seed.summary,
      'link[rel="alternate"][type="application/atom+xml"]': `${ORIGIN}/atom.xml`,
    };
    for (const [selector, value] of Object.entries(expected)) {
      const name = selector.startsWith('link') ? 'href' : 'content';
      assert.equal(await attribute(page, selector, name), value, selector);
    }
    // The seed has no picture: its card shows the site's icon, named by the site's name.
    const icon = `${ORIGIN}/icon-512.png`;
    assert.equal(await attribute(page, 'meta[property="og:image"]', 'content'), icon);
    assert.equal(await attribute(page, 'meta[property="og:image:alt"]', 'content'), 'USST News');
    assert.equal(await attribute(page, 'meta[name="twitter:image"]', 'content'), icon);
    const served = await page.request.get(`${app.server.url}/icon-512.png`);
    assert.equal(served.status(), 200);
    assert.equal(served.headers()['content-type'], 'image/png');
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.equal(data['@context'], 'https://schema.org');
    assert.equal(data['@type'], 'NewsArticle');
    assert.equal(data.headline, seed.headline);
    assert.equal(data.description, seed.summary);
    assert.equal(data.datePublished, '2020-11-22');
    assert.equal(data.dateModified, '2020-11-22');
    assert.deepEqual(data.author, [{ '@type': 'Person', name: 'Zhang Liu' }]);
    assert.deepEqual(data.publisher, {
      '@type': 'Organization',
      name: 'USST News',
      url: `${ORIGIN}/`,
      logo: { '@type': 'ImageObject', url: icon, width: 512, height: 512 },
    });
    assert.deepEqual(data.mainEntityOfPage, { '@type': 'WebPage', '@id': canonical });
    assert.equal(data.image, undefined);
    await context.close();
  });

  test('an article whose picture is a drawing (SVG) has it in its data, as an absolute URL, and the site\'s icon on its cards (social networks show no SVG)', async () => {
    const { page, context } = await openStatic(`/news/${PICTURES_SLUG}`);
    const article = sourceArticle(PICTURES_SLUG);
    const image = article.thumbnail ?? article.body.find((b) => b.type === 'figure').image;
    assert.match(image.src, /\.svg$/, 'the fixture is a drawing');
    const src = `${ORIGIN}/${image.src.replace(/^\//, '')}`;
    assert.equal(await attribute(page, 'meta[property="og:image"]', 'content'), `${ORIGIN}/icon-512.png`);
    assert.equal(await attribute(page, 'meta[property="og:image:alt"]', 'content'), 'USST News');
    assert.equal(await attribute(page, 'meta[name="twitter:card"]', 'content'), 'summary');
    assert.equal(await attribute(page, 'meta[name="twitter:image"]', 'content'), `${ORIGIN}/icon-512.png`);
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.deepEqual(data.image, [src]);
    await context.close();
  });

  test('the list: a website card, canonical at the root, no article data', async () => {
    const { page, context } = await openStatic('/');
    assert.equal(await page.title(), 'News & Events · USST News');
    assert.equal(await attribute(page, 'link[rel="canonical"]', 'href'), `${ORIGIN}/`);
    assert.equal(await attribute(page, 'meta[property="og:type"]', 'content'), 'website');
    assert.equal(await attribute(page, 'meta[property="og:title"]', 'content'), 'News & Events');
    assert.match(await attribute(page, 'meta[name="description"]', 'content'), /University of Shanghai/);
    assert.equal(await page.locator('script[type="application/ld+json"]').count(), 0);
    assert.equal(await attribute(page, 'meta[property="og:image"]', 'content'), `${ORIGIN}/icon-512.png`);
    assert.equal(await attribute(page, 'meta[name="twitter:card"]', 'content'), 'summary');
    await context.close();
    // The Chinese edition shares the site's one icon, at the site's root.
    const { page: zh, context: zhContext } = await openStatic('/zh/');
    assert.equal(await attribute(zh, 'meta[property="og:image"]', 'content'), `${ORIGIN}/icon-512.png`);
    assert.equal(await attribute(zh, 'meta[property="og:image:alt"]', 'content'), '上海理工大学新闻网');
    await zhContext.close();
  });
});

describe('the app takes over', () => {
  for (const [name, path] of PAGES) {
    test(`${name}: the same page, no skeleton, no layout shift, no second fetch`, async () => {
      const { page: still, context: stillContext } = await openStatic(path);
      // What the page holds (the app's live region, which announces a
      // speech it focused, left out; textContent, so controls the static
      // page keeps hidden until the app runs count on both sides).
      const shown = (page) => page.evaluate(() => ['.site-header', 'main', '.site-footer'].map((s) => document.querySelector(s).textContent).join('\n'));
      const staticText = await shown(still);
      const staticTitle = await still.title();
      // The files a list's, an article's or a speaker's page names for its
      // data (src/prerendered.rs); the other pages carry theirs.
      const named = await still.evaluate(() => {
        const data = document.getElementById('reader-data')?.dataset ?? {};
        return data.src ? [data.site, data.src] : [];
      });
      await stillContext.close();

      const { page, context, problems } = await openPage(app.browser);
      await page.addInitScript(() => {
        window.__skeletons = 0;
        new MutationObserver((records) => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              if (node.nodeType === 1 && (node.matches('.skeleton, .skeleton-page, .loading-bar') || node.querySelector('.skeleton'))) {
                window.__skeletons += 1;
              }
            }
          }
        }).observe(document, { childList: true, subtree: true });
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            // What moved, for the failure message.
            const moved = entry.sources.map(({ node, previousRect, currentRect }) => `${node?.nodeName ?? '?'}.${node?.className ?? ''} ${JSON.stringify(previousRect)} -> ${JSON.stringify(currentRect)}`);
            window.__shifts.push({ at: entry.startTime, value: entry.value, what: `${Math.round(entry.startTime)} ms: ${moved.join(', ')}` });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const fetched = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/content/') && request.resourceType() === 'fetch') {
          fetched.push(new URL(request.url()).pathname);
        }
      });
      await page.goto(app.server.url + path);
      await heading(page);
      await page.waitForTimeout(300);
      // The page's data, once, with the app (the page never downloaded
      // it: a reader who only reads never does); nothing again. Not even
      // for an unknown article: the host already answered 404.
      assert.deepEqual(fetched, named);
      if (['list', 'article', 'article-pictures', 'speech', 'speakers', 'speaker', 'section'].includes(name)) assert.equal(named.length, 2, 'the page names its data');
      assert.equal(await page.evaluate(() => window.__skeletons), 0, 'a skeleton or loading bar appeared');
      // From the moment the app is asked for: what the takeover moves. (A
      // short page still being parsed on a busy machine can paint before
      // its footer is all in, which grows the footer pinned to the foot of
      // the screen: the static page's own, before any app, and not this
      // test's; the bench measures the pages' CLS.)
      const takeover = await page.evaluate(() => {
        const asked = performance.getEntriesByType('resource').find((entry) => /\/(reader|reading)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(entry.name).pathname));
        const after = window.__shifts.filter((shift) => asked && shift.at >= asked.startTime);
        return { asked: Boolean(asked), value: after.reduce((sum, shift) => sum + shift.value, 0), what: window.__shifts.map((shift) => shift.what) };
      });
      assert.ok(takeover.asked, 'the app was never asked for');
      assert.equal(takeover.value, 0, `layout shifted: ${takeover.what.join('; ')}`);
      assert.equal(await shown(page), staticText, 'the app shows other text than the static page');
      assert.equal(await page.title(), staticTitle);
      // The page's own head tags go (they would describe the wrong page after
      // navigation); the app keeps the title and description current.
      assert.equal(await page.locator('head [data-page]').count(), 0);
      assert.equal(await page.locator('#reader-data').count(), 0);
      assert.equal(await page.locator('meta[name="description"]').count(), 1);
      assert.deepEqual(problems.filter((p) => !(name === 'not-found' && p.includes('404 (Not Found)'))), []);
      await context.close();
    });
  }

  // On a slow network (or a busy phone) the browser paints what it has parsed
  // so far; nothing already painted may move when the rest of the page
  // arrives. The header's right-hand parts (the site links, the search box)
  // would, were the first paint not held until <main> is parsed
  // (index.html's <link rel="expect" blocking="render">).
  const PIECES = ['class="site-nav"', '</li>', 'class="section-nav"', '</li>', 'autocomplete="off">', '<main', '</h1>'];
  const PAUSE_MS = 250;
  for (const [name, path] of PAGES) {
    for (const width of [1280, 390]) {
      test(`${name} at ${width} px: arriving in pieces, nothing painted moves`, async () => {
        const { page, context } = await openPage(app.browser, { width });
        await page.addInitScript(() => {
          window.__shifted = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) {
              for (const { node, previousRect: a, currentRect: b } of entry.sources) {
                window.__shifted.push(`${node?.nodeName}.${node?.className} ${a.x},${a.y} ${a.width}×${a.height} → ${b.x},${b.y} ${b.width}×${b.height}`);
              }
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        app.server.fault(path, { pauseAfter: PIECES, pauseMs: PAUSE_MS });
        try {
          await page.goto(app.server.url + path);
          await heading(page);
          await page.waitForTimeout(300);
        } finally {
          app.server.clearFaults();
        }
        // It did arrive in pieces.
        const took = await page.evaluate(() => {
          const [navigation] = performance.getEntriesByType('navigation');
          return navigation.responseEnd - navigation.responseStart;
        });
        assert.ok(took >= PIECES.length * PAUSE_MS * 0.9, `the page arrived in ${took} ms, not in pieces`);
        assert.deepEqual(await page.evaluate(() => window.__shifted), []);
        await context.close();
      });
    }
  }

  test('after taking over, navigation stays in the app and fetches only what it needs', async () => {
    const { page, context, problems } = await openPage(app.browser);
    const fetched = [];
    page.on('request', (request) => {
      if (isDataFetch(request)) fetched.push(new URL(request.url()).pathname);
    });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    assert.equal(await heading(page), seedLine(3));
    assert.deepEqual(fetched.splice(0), ['/content/site.json', `/content/articles/${SEED_SLUG}.json`], 'the page\'s data, with the app');
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const related = sourceArticle(sourceArticle(SEED_SLUG).related[0]);
    await page.locator('.related a').first().click();
    await waitForHeading(page, related.headline);
    assert.equal(await page.title(), `${related.headline} · USST News`);
    assert.match(await page.locator('meta[name="description"]').getAttribute('content'), new RegExp(related.summary.slice(0, 20)));
    await page.locator('.breadcrumb a', { hasText: 'News & Events' }).click();
    await waitForHeading(page, 'News & Events');
    await page.goBack();
    await waitForHeading(page, related.headline);
    await page.goBack();
    // The article the page carried is still at hand: no fetch for it.
    await waitForHeading(page, seedLine(3));
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'a full page load happened');
    assert.deepEqual(fetched, [`/content/articles/${related.slug}.json`, '/content/list/front.json', `/content/articles/${related.slug}.json`]);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('feeds', () => {
  /** Parses `xml` with the browser's XML parser; returns what `read` finds, or the parser's error. */
  async function parseXml(page, xml, read) {
    return page.evaluate(
      ({ xml, read }) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        const error = doc.querySelector('parsererror');
        if (error) return { error: error.textContent };
        return new Function('doc', read)(doc);
      },
      { xml, read },
    );
  }

  test('sitemap.xml lists the list, each section, the speakers and every article, absolute, with dates; not an archive page the front shows whole', async () => {
    const response = await fetch(`${app.server.url}/sitemap.xml`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /xml/);
    const { page, context } = await openStaticPage(app.browser);
    const found = await parseXml(page, await response.text(), `
      const root = doc.documentElement;
      return {
        root: root.localName,
        ns: root.namespaceURI,
        urls: [...root.children].map((url) => ({
          loc: url.getElementsByTagName('loc')[0]?.textContent,
          lastmod: url.getElementsByTagName('lastmod')[0]?.textContent,
        })),
      };`);
    await context.close();
    assert.equal(found.error, undefined, found.error);
    assert.equal(found.root, 'urlset');
    assert.equal(found.ns, 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const articles = newest();
    const { sections } = await (await fetch(`${app.server.url}/content/site.json`)).json();
    const { speakers } = await (await fetch(`${app.server.url}/content/speakers/index.json`)).json();
    assert.ok(sections.length > 1 && speakers.length > 1);
    const urls = new Map(found.urls.map((url) => [url.loc, url.lastmod]));
    assert.equal(urls.size, found.urls.length, 'no address twice');
    assert.deepEqual(found.urls[0], { loc: `${ORIGIN}/`, lastmod: articles[0].published });
    for (const a of articles) assert.equal(urls.get(`${ORIGIN}/news/${a.slug}`), a.published, a.slug);
    for (const section of sections) {
      const newestDay = articles.find((a) => a.section === section.name).published;
      assert.equal(urls.get(`${ORIGIN}/section/${section.slug}`), newestDay, section.slug);
    }
    // Each list's one archive page (the repo's content fits on one) is its
    // front's articles: the front is the page to index, which the archive
    // page names as canonical.
    assert.ok(articles.length <= 20);
    assert.ok(!urls.has(`${ORIGIN}/news/archive/1`));
    for (const section of sections) assert.ok(!urls.has(`${ORIGIN}/section/${section.slug}/archive/1`), section.slug);
    const archive = await (await fetch(`${app.server.url}/news/archive/1`)).text();
    assert.match(archive, new RegExp(`<link rel="?canonical"? href="?${ORIGIN}/"?[ >]`));
    assert.ok(urls.has(`${ORIGIN}/speakers`));
    for (const person of speakers) assert.ok(urls.has(`${ORIGIN}/speakers/${person.slug}`), person.slug);
    // Pages that are not indexed on their own: speech pages (canonical: the
    // article), the archive pages above, search results, "not found".
    assert.equal(found.urls.length, (1 + sections.length) + 1 + speakers.length + articles.length);
    assert.ok(found.urls.every((url) => !/\/speech\/|\/search|404/.test(url.loc)), [...urls.keys()].join(' '));
  });

  test('robots.txt allows crawling and names the sitemap', async () => {
    const response = await fetch(`${app.server.url}/robots.txt`);
    assert.equal(response.status, 200);
    const text = await response.text();
    assert.match(text, /^User-agent: \*$/m);
    assert.match(text, /^Allow: \/$/m);
    assert.match(text, new RegExp(`^Sitemap: ${ORIGIN}/sitemap.xml$`, 'm'));
  });

  test('atom.xml is an Atom feed of the newest articles with every required element', async () => {
    const response = await fetch(`${app.server.url}/atom.xml`);
    assert.equal(response.status, 200);
    const { page, context } = await openStaticPage(app.browser);
    const found = await parseXml(page, await response.text(), `
      const feed = doc.documentElement;
      const child = (el, name) => [...el.children].find((c) => c.localName === name);
      const text = (el, name) => child(el, name)?.textContent;
      return {
        root: feed.localName,
        ns: feed.namespaceURI,
        id: text(feed, 'id'),
        title: text(feed, 'title'),
        updated: text(feed, 'updated'),
        author: child(feed, 'author') && text(child(feed, 'author'), 'name'),
        self: [...feed.children].find((c) => c.localName === 'link' && c.getAttribute('rel') === 'self')?.getAttribute('href'),
        entries: [...feed.children].filter((c) => c.localName === 'entry').map((entry) => ({
          id: text(entry, 'id'),
          title: text(entry, 'title'),
          updated: text(entry, 'updated'),
          link: child(entry, 'link')?.getAttribute('href'),
          summary: text(entry, 'summary'),
          authors: [...entry.children].filter((c) => c.localName === 'author').map((c) => text(c, 'name')),
        })),
      };`);
    await context.close();
    assert.equal(found.error, undefined, found.error);
    assert.equal(found.root, 'feed');
    assert.equal(found.ns, 'http://www.w3.org/2005/Atom');
    assert.equal(found.id, `${ORIGIN}/`);
    assert.equal(found.title, 'USST News');
    assert.equal(found.author, 'USST News');
    assert.equal(found.self, `${ORIGIN}/atom.xml`);
    // Undated articles are not announced (README: Adding an article).
    const articles = newest()
      .filter((a) => a.published)
      .slice(0, 20);
    assert.equal(found.updated, `${articles[0].published}T12:00:00Z`);
    assert.deepEqual(
      found.entries,
      articles.map((a) => ({
        id: `${ORIGIN}/news/${a.slug}`,
        title: a.headline,
        updated: `${a.published}T12:00:00Z`,
        link: `${ORIGIN}/news/${a.slug}`,
        summary: a.summary,
        authors: authorsOf(a),
      })),
    );
  });
});
