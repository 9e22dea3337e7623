// The stylesheet in parts (crates/prerender/src/styles.rs): each page
// inlines only the parts it shows, and the loader links the others once
// the app runs. Proven here for a page of every kind, at a phone's
// width in light and a desktop's in dark: with the scripts off (what the
// page shows before the app), every element's computed style, and its
// ::before and ::after, is the same with every other part linked as with
// only the page's own; and the app, once it has taken a page over, has
// every part.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SEED_SLUG, openPage, waitForApp, withApp } from './support.mjs';

const app = withApp();

const PARTS = readdirSync(join(REPO, 'dist'))
  .filter((name) => /^[a-z]+-[0-9a-f]{12,16}\.css$/.test(name))
  .sort();

const PAGES = [
  ['the news list', '/'],
  ['a section', '/section/campus/'],
  ['an article', `/news/${SEED_SLUG}`],
  ['a speech', `/news/${SEED_SLUG}/speech/1`],
  ['everyone who spoke', '/speakers/'],
  ['a speaker', '/speakers/chen-hui/'],
  ['search', '/search'],
  ['saved', '/saved'],
  ['offline', '/offline/'],
  ['not found', '/no-such-page'],
  ['the Chinese list', '/zh/'],
];

/** Every element's computed style (and its ::before and ::after), in document order. */
const computed = (page) =>
  page.evaluate(() => {
    const styles = [];
    for (const el of document.querySelectorAll('body, body *')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(el, pseudo);
        const values = [];
        for (let i = 0; i < style.length; i += 1) values.push(`${style[i]}: ${style.getPropertyValue(style[i])}`);
        styles.push({ el: `${el.tagName.toLowerCase()}.${el.className}${pseudo ?? ''}`, style: values.join('; ') });
      }
    }
    return styles;
  });

describe('the stylesheet in parts', () => {
  test('dist publishes every part', () => {
    assert.deepEqual(
      PARTS.map((name) => name.split('-')[0]),
      ['app', 'article', 'base', 'lists', 'notices', 'saved', 'search', 'speakers'],
    );
  });

  for (const [width, colorScheme] of [[390, 'light'], [1280, 'dark']]) {
    for (const [name, path] of PAGES) {
      test(`${name} at ${width} px (${colorScheme}) shows the same with every part linked`, async () => {
        const context = await app.browser.newContext({ viewport: { width, height: 900 }, colorScheme, javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(`${app.server.url}${path}`);
        const inlined = await page.evaluate(() => document.querySelectorAll('style').length);
        assert.ok(inlined >= 1, 'the page inlines its styles');
        const before = await computed(page);
        // Linked as the loader links them (the page's scripts are off, so
        // no load event is waited for: the sheets are counted as they come).
        await page.evaluate((parts) => {
          for (const part of parts) {
            const link = document.createElement('link');
            link.rel = 'stylesheet';
            link.href = `/${part}`;
            document.head.append(link);
          }
        }, PARTS);
        const linked = () => page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.href).length);
        for (let tries = 0; tries < 100 && (await linked()) < PARTS.length; tries += 1) await new Promise((done) => setTimeout(done, 50));
        assert.equal(await linked(), PARTS.length, 'every part loaded');
        const after = await computed(page);
        await context.close();
        assert.equal(after.length, before.length);
        const changed = before.filter((entry, i) => entry.style !== after[i].style).map((entry) => entry.el);
        assert.deepEqual(changed, [], `styled by a part the page did not inline: ${changed.slice(0, 5).join(', ')}`);
      });
    }
  }

  test('a page inlines only its parts; the app has them all once it runs', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    const before = await page.evaluate(() => ({
      styles: document.querySelectorAll('style').length,
      links: [...document.querySelectorAll('link[rel="stylesheet"]')].length,
      later: [...(document.getElementById('reader-styles')?.content.querySelectorAll('link') ?? [])].map((link) => link.getAttribute('href')),
    }));
    assert.equal(before.styles, 2, 'the base and the article');
    assert.equal(before.links, 0, 'no stylesheet is asked for before the reader acts');
    assert.deepEqual(
      before.later.map((href) => href.split('/').pop().split('-')[0]),
      ['lists', 'search', 'speakers', 'saved', 'notices', 'app'],
    );
    await waitForApp(page);
    await page.waitForFunction((count) => [...document.styleSheets].filter((sheet) => sheet.href).length === count, 6);
    // The app's own states are styled: a skeleton's rule is there.
    const skeleton = await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href && [...sheet.cssRules].some((rule) => rule.selectorText === '.skeleton')));
    assert.ok(skeleton, 'the app part is linked');
    await context.close();
    assert.deepEqual(problems, []);
  });
});
