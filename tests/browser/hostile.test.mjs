// The hostile content corpus (tests/hostile/corpus.mjs), each case loaded
// in the browser under the production CSP. Every case either renders, with
// markup shown as text, or shows the error view; none runs a payload (the
// canaries stay untouched), none panics, none trips the CSP.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, heading, openPage, unexpected, waitForApp, withApp } from './support.mjs';
import {
  ARTICLE,
  INDEX,
  SCRIPT_PAYLOADS,
  SITE,
  SLUG,
  UNSAFE_URLS,
  articleWithEverywhere,
  articleWithUrl,
  brokenArticles,
  oddArticles,
  siteWithEverywhere,
  siteWithUrl,
} from '../hostile/corpus.mjs';

// Pages are served without the data they carry: these tests are about what
// the app fetches (as after a client-side navigation), not about the page.
const app = withApp({ pageData: false });

/** Opens `path` with content files replaced; `dialogs` counts alert()s. */
async function open(path, replaced, options) {
  app.server.clearFaults();
  for (const [file, body] of Object.entries(replaced)) {
    app.server.fault(file, { body: typeof body === 'string' ? body : JSON.stringify(body) });
  }
  const opened = await openPage(app.browser, options);
  opened.dialogs = [];
  opened.page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  await opened.page.goto(app.server.url + path);
  // The page's own HTML is the real article: wait for the app, which starts
  // once the reader does something (waitForApp scrolls), to have taken it over.
  await waitForApp(opened.page, 30_000);
  return opened;
}

// The site's own icon, which every page carries as a `data:` URI
// (crates/prerender/src/icon.rs): the one `data:` URL a page may hold, in
// its head, exactly as the build wrote it.
const ICON = readFileSync(join(REPO, 'dist', 'index.html'), 'utf8').match(/<link href="(data:image\/svg\+xml,[^"]+)" rel=icon>/)?.[1];

/** Nothing ran, nothing dangerous is in the DOM, nothing panicked. */
async function assertSafe({ page, problems, dialogs }) {
  assert.ok(ICON, "the site's icon is in dist/index.html");
  const state = await page.evaluate((icon) => ({
    canary: window.__xss ?? null,
    panic: document.getElementById('panic-notice') !== null,
    scripts: document.scripts.length,
    embeds: document.querySelectorAll('iframe, object, embed, frame, base, main style, main link, main meta').length,
    badUrls: [...document.querySelectorAll('[href], [src]')]
      .filter((el) => !(el.matches('head > link[rel=icon]') && el.getAttribute('href') === icon))
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
      .filter((url) => /^\s*(javascript|data|vbscript|livescript|file):/i.test(url.replace(/[\u0000-\u001f]/g, '')) || /^\s*[\\/][\\/]/.test(url)),
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
  }), ICON);
  assert.deepEqual(state, { canary: null, panic: false, scripts: 1, embeds: 0, badUrls: [], handlers: 0 });
  assert.deepEqual(dialogs, []);
  assert.deepEqual(unexpected(problems), []);
}

describe('hostile content: script payloads in every string field', () => {
  for (const payload of SCRIPT_PAYLOADS) {
    test(JSON.stringify(payload).slice(0, 70), async () => {
      const opened = await open(`/news/${SLUG}`, {
        [ARTICLE]: articleWithEverywhere(payload),
        [SITE]: siteWithEverywhere(payload),
      });
      const { page, context } = opened;
      assert.equal(await heading(page), payload.trim());
      await page.locator('.site-footer h2').waitFor({ state: 'attached' });
      // Shown as the text it is, in every place.
      assert.equal(await page.locator('.article__body > p').textContent(), payload);
      assert.equal(await page.locator('.speech__caption').textContent(), payload);
      assert.equal(await page.locator('.quote blockquote').textContent(), payload);
      assert.equal(await page.locator('.related a').textContent(), payload);
      assert.equal(await page.locator('.figure:not(.figure--lead) img').getAttribute('alt'), payload);
      assert.equal(await page.locator('.figure--lead img').getAttribute('alt'), payload);
      assert.equal(await page.locator('.figure--lead figcaption').textContent(), `${payload} Photo: ${payload}`);
      assert.equal(await page.locator('.speech__credit').textContent(), `Photo: ${payload}`);
      assert.equal((await page.locator('.site-brand').textContent()).trim(), payload.trim());
      assert.equal(await page.locator('.site-footer__note').textContent(), payload);
      // The site's name is the same payload, so the title is the page's alone.
      assert.equal(await page.title(), payload);
      await assertSafe(opened);
      await context.close();
    });
  }
});

describe('hostile content: unsafe URLs in links and pictures', () => {
  for (const url of UNSAFE_URLS) {
    test(JSON.stringify(url), async () => {
      const opened = await open(`/news/${SLUG}`, { [ARTICLE]: articleWithUrl(url), [SITE]: siteWithUrl(url) });
      const { page, context } = opened;
      await heading(page);
      await page.locator('.site-footer h2').waitFor({ state: 'attached' });
      // The unsafe ones are left out; the safe ones and the text stay.
      assert.deepEqual(await page.locator('.site-nav a').allTextContents(), ['Good nav']);
      assert.deepEqual(await page.locator('.site-footer__links a').allTextContents(), ['Good footer']);
      assert.equal(await page.locator('.speech__photo--placeholder').count(), 1);
      // The lead photo and the figure at `url` are placeholders; the
      // figure whose copies are at `url` is its own picture alone.
      assert.equal(await page.locator('.figure__placeholder').count(), 2);
      assert.equal(await page.locator('picture, .photo-open, img[srcset]').count(), 0);
      assert.equal(await page.locator('img[alt="copies elsewhere"]').getAttribute('src'), '/content/images/lab-bench.svg');
      assert.equal(await page.locator('.breadcrumb a').first().getAttribute('href'), '/');
      assert.equal(await page.locator('.article__body > p').textContent(), 'A paragraph before the pictures.');
      await assertSafe(opened);
      await context.close();
    });
  }
});

describe('hostile content: broken articles end in the error view', () => {
  for (const [name, body] of brokenArticles()) {
    test(name, async () => {
      const opened = await open(`/news/${SLUG}`, { [ARTICLE]: body });
      const { page, context } = opened;
      await page.locator('.notice--error').waitFor({ timeout: 15_000 });
      assert.equal(await heading(page), 'We couldn’t load this article');
      assert.match(await page.locator('.notice--error').textContent(), /damaged|web page/);
      // The rest of the page is intact.
      await page.locator('.site-footer h2').waitFor({ state: 'attached' });
      await assertSafe(opened);
      await context.close();
    });
  }

  test('a broken list index ends in the list’s error view', async () => {
    const opened = await open('/', { [INDEX]: '{"articles": [{"slug": 42}]}' });
    await opened.page.locator('.notice--error').waitFor();
    assert.equal(await heading(opened.page), 'We couldn’t load the news list');
    await assertSafe(opened);
    await opened.context.close();
  });

  test('a broken site file leaves the article and offers a retry in the footer', async () => {
    const opened = await open(`/news/${SLUG}`, { [SITE]: '{"name": ' });
    await opened.page.locator('.site-footer button').waitFor();
    assert.equal(await heading(opened.page), 'Shanghai High-end Medical Equipment Innovation Centre Unveiled at USST');
    await assertSafe(opened);
    await opened.context.close();
  });
});

describe('hostile content: odd but valid articles render', () => {
  for (const [name, article, expected, dateline] of oddArticles()) {
    test(name, async () => {
      const opened = await open(`/news/${SLUG}`, { [ARTICLE]: article }, { width: 390 });
      const { page, context } = opened;
      await page.locator('main article').waitFor({ state: 'attached', timeout: 30_000 });
      if (expected !== null) {
        await page.getByText(expected, { exact: false }).first().waitFor({ state: 'attached' });
      }
      if (dateline !== undefined) {
        const shown = await page.evaluate(() => document.querySelector('main .dateline')?.textContent ?? null);
        assert.equal(shown, dateline);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${overflow}px wider than the phone`);
      await assertSafe(opened);
      await context.close();
    });
  }
});
