// Accessibility: axe-core finds nothing on any page in light or dark; a
// skip link; focus moves to the new page's heading after client-side
// navigation and the heading is announced; the whole reading path works
// with the keyboard alone.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, REPO, SEED_SLUG, axe, heading, openPage, seedLine, sourceArticle, withApp } from './support.mjs';

const app = withApp();


describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [name, path] of PAGES) {
      test(`axe-core finds no WCAG 2.2 A/AA violation: ${name}, ${colorScheme}`, async () => {
        const { page, context } = await openPage(app.browser, { colorScheme });
        await page.goto(app.server.url + path);
        await heading(page);
        await page.locator('.site-footer h2').waitFor({ state: 'attached' });
        const { violations, passes } = await axe(page);
        console.log(`axe ${name} ${colorScheme}: ${violations.length} violations, ${passes} rules passed`);
        assert.deepEqual(violations, []);
        await context.close();
      });
    }
  }

  test('the skip link is the first stop and moves focus into the page', async () => {
    const { page, context } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
    assert.ok((await page.locator('.skip-link').boundingBox()).y >= 0, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    await page.keyboard.press('Tab');
    // The next stop is inside main (the breadcrumb), not the header.
    assert.equal(await page.evaluate(() => document.activeElement.closest('main') !== null), true);
    await context.close();
  });

  test('list → article → related article → back, by keyboard alone, with focus and announcements (Back: on the link followed)', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/`);
    await heading(page);
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    const tabTo = async (text) => {
      for (let i = 0; i < 60; i += 1) {
        await page.keyboard.press('Tab');
        if ((await focusedText()) === text) return;
      }
      assert.fail(`never reached ${JSON.stringify(text)} with Tab`);
    };
    const arrivedAt = async (headline) => {
      await page.waitForFunction(
        (h) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === h,
        headline,
      );
      await page.waitForFunction((h) => document.querySelector('[role="status"]')?.textContent === h, headline);
    };
    // Back returns to the link the reader had followed, and announces the page.
    const backAt = async (headline, link) => {
      await page.waitForFunction(
        (l) => document.activeElement?.tagName === 'A' && document.activeElement.textContent.trim() === l,
        link,
      );
      await page.waitForFunction((h) => document.querySelector('[role="status"]')?.textContent === h, headline);
    };

    await tabTo(seedLine(3));
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/news/${SEED_SLUG}`);
    await arrivedAt(seedLine(3));

    const related = sourceArticle(sourceArticle(SEED_SLUG).related[0]).headline;
    await tabTo(related);
    await page.keyboard.press('Enter');
    await arrivedAt(related);

    // Back is the browser's own control (headless Chromium has no toolbar
    // for Alt+Left); what matters is where focus lands after it.
    await page.goBack();
    await page.waitForURL(`**/news/${SEED_SLUG}`);
    await backAt(seedLine(3), related);
    await page.goBack();
    await page.waitForURL(`${app.server.url}/`);
    await backAt('News & Events', seedLine(3));
    // Forward: no link was followed from the page it returns to, so the
    // focus goes to its heading (not left on the page's body), where the
    // reader was, and the page is announced.
    await page.goForward();
    await page.waitForURL(`**/news/${SEED_SLUG}`);
    await arrivedAt(seedLine(3));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the breadcrumb is heard as its steps, its separators seen but not read', async () => {
    const { page, context } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    const separator = await page.evaluate(() => getComputedStyle(document.querySelector('.breadcrumb li + li'), '::before').content);
    assert.match(separator, /›/, 'the separator is drawn');
    const heard = await page.locator('nav.breadcrumb').ariaSnapshot();
    assert.doesNotMatch(heard, /›/, heard);
    assert.match(heard, new RegExp(sourceArticle(SEED_SLUG).headline.slice(0, 20)), heard);
    await context.close();
  });

  test('the first page of a visit leaves focus alone', async () => {
    const { page, context } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await page.locator('.site-footer h2').waitFor({ state: 'attached' });
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
    await context.close();
  });
});
