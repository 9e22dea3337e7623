// How the pages look on a 390-px phone and a 1280-px desktop, in light and
// dark: screenshots saved to target/screenshots/, and the layout checks a
// reader would notice (nothing wider than the screen, pictures in their box).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, SEED_SLUG, heading, layoutShifted, loadImages, openPage, screenshot, watchLayoutShifts, withApp } from './support.mjs';

const app = withApp();


describe('layout', () => {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      for (const [name, path] of PAGES) {
        test(`${name} at ${width} px, ${colorScheme}`, async () => {
          const { page, context } = await openPage(app.browser, { width, height: 900, colorScheme });
          await page.goto(app.server.url + path);
          await heading(page);
          await page.locator('.site-footer h2').waitFor();
          assert.equal(await loadImages(page), 0, 'a picture did not load');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `page is ${overflow}px wider than the ${width}px screen`);
          const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
          assert.equal(background, colorScheme === 'dark' ? 'rgb(17, 20, 24)' : 'rgb(255, 255, 255)');
          // The one heading stays inside the screen.
          const box = await page.locator('main h1').boundingBox();
          assert.ok(box.x >= 0 && box.x + box.width <= width, `h1 spills out: ${JSON.stringify(box)}`);
          // A short page's footer sits at the bottom of the screen, not halfway up it.
          const footerEnd = await page.evaluate(() => document.querySelector('.site-footer').getBoundingClientRect().bottom + window.scrollY);
          assert.ok(footerEnd >= 900 - 1, `the footer ends ${footerEnd}px down a 900px screen`);
          await screenshot(page, `${name}-${width}${colorScheme === 'dark' ? '-dark' : ''}`);
          await context.close();
        });
      }
    }
  }

  test('on a phone the site\'s name and the language switch share the header\'s first row, the navigation below', async () => {
    for (const path of ['/', '/zh/']) {
      const { page, context } = await openPage(app.browser, { width: 390, height: 900 });
      await page.goto(app.server.url + path);
      await heading(page);
      const brand = await page.locator('.site-brand').boundingBox();
      const language = await page.locator('.language-switch').boundingBox();
      const nav = await page.locator('.site-nav').boundingBox();
      const middle = language.y + language.height / 2;
      assert.ok(middle > brand.y && middle < brand.y + brand.height, `${path}: the switch (${JSON.stringify(language)}) is not on the name's row (${JSON.stringify(brand)})`);
      assert.ok(language.x + language.width <= 390 && language.x > brand.x + brand.width, `${path}: the switch is not right of the name`);
      assert.ok(nav.y >= brand.y + brand.height, `${path}: the navigation is not below the name`);
      await context.close();
    }
  });

  test('on a phone the header is three short rows: the navigation one line, the search box beside the sections, and the whole row the search box\'s while the reader types', async () => {
    for (const [path, width] of [['/', 390], ['/zh/', 390], [`/news/${SEED_SLUG}`, 390], ['/', 360]]) {
      const { page, context } = await openPage(app.browser, { width, height: 900 });
      await page.goto(app.server.url + path);
      await heading(page);
      const header = await page.locator('.site-header').boundingBox();
      assert.ok(header.height <= 150, `${path} at ${width} px: the header is ${header.height}px tall`);
      const tops = await page.locator('.site-nav li').evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
      assert.equal(new Set(tops).size, 1, `${path} at ${width} px: the navigation is on ${new Set(tops).size} lines`);
      const sections = await page.locator('.section-nav').boundingBox();
      const box = await page.locator('.search-box').boundingBox();
      assert.ok(Math.abs(sections.y + sections.height / 2 - (box.y + box.height / 2)) < 2, `${path}: the search box is not on the sections' row`);
      assert.ok(box.x >= sections.x + sections.width && box.x + box.width <= width, `${path}: the search box is not right of the sections, inside the screen`);
      const input = page.locator('#site-search');
      assert.ok((await input.boundingBox()).width >= 80, `${path}: the search box's field is too narrow to tap`);
      await input.focus();
      assert.equal(await page.locator('.section-nav').isVisible(), false, `${path}: the sections stay while the reader types`);
      const typing = await page.locator('.search-box').boundingBox();
      assert.ok(typing.width >= width - 2 * 16 - 1, `${path}: the search box is ${typing.width}px wide while the reader types`);
      await context.close();
    }
  });

  test('on a phone with the text twice as large, the sections keep their row and the search box goes below them, nothing wider than the screen', async () => {
    for (const [path, width] of [['/', 390], ['/zh/', 390], ['/speakers', 320]]) {
      const { page, context } = await openPage(app.browser, { width, height: 900 });
      await page.goto(app.server.url + path);
      await heading(page);
      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      const sections = await page.locator('.section-nav').boundingBox();
      assert.ok(sections.width >= 150, `${path} at ${width} px: the sections have ${sections.width}px`);
      const box = await page.locator('.search-box').boundingBox();
      assert.ok(box.y >= sections.y + sections.height, `${path} at ${width} px: the search box is not below the sections`);
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${path} at ${width} px: the search box spills out: ${JSON.stringify(box)}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} at ${width} px: the page is ${overflow}px wider than the screen`);
      await context.close();
    }
  });

  test('on a phone whose reader set a larger text size, a card\'s picture and a speaker\'s photo go above their words, which keep the width', async () => {
    // Chrome's "Very large" text (24 px): the pictures are sized in the
    // reader's units, so beside them the words had a column of a few
    // letters ("Manufacturin/g").
    const widths = async (page, box, text) =>
      page.locator(box).first().evaluate((b, t) => [b.querySelector(t).getBoundingClientRect().width, b.getBoundingClientRect().width], text);
    for (const [size, stacked] of [[16, false], [24, true]]) {
      const { page, context } = await openPage(app.browser, { width: 390, height: 900 });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: size } });
      for (const [path, box, text] of [['/', '.news-card', '.news-card__text'], [`/news/${SEED_SLUG}`, '.speech', '.speech__text']]) {
        await page.goto(app.server.url + path);
        const [inner, outer] = await widths(page, box, text);
        if (stacked) assert.ok(inner >= outer * 0.8, `${path} at ${size} px: the words have ${inner} of ${outer} px`);
        else assert.ok(inner < outer * 0.8, `${path} at ${size} px: the picture is no longer beside the words (${inner} of ${outer} px)`);
      }
      await context.close();
    }
  });

  test('on a phone the row of sections opens at the section the reader is in', async () => {
    for (const path of ['/section/students/archive/1', '/section/research/', '/zh/section/ke-yan/']) {
      const { page, context } = await openPage(app.browser, { width: 390, height: 900 });
      await page.goto(app.server.url + path);
      const seen = await page.evaluate(() => {
        const row = document.querySelector('.section-nav');
        const link = row.querySelector('[aria-current="page"]');
        const [a, r] = [link.getBoundingClientRect(), row.getBoundingClientRect()];
        return { name: link.textContent, scrolls: row.scrollWidth > row.clientWidth, whole: a.left >= r.left - 0.5 && a.right <= r.right + 0.5 };
      });
      assert.ok(seen.scrolls, `${path}: the row fits, so this proves nothing`);
      assert.ok(seen.whole, `${path}: “${seen.name}” is out of sight in its row`);
      await context.close();
    }
  });

  test('in forced colours (Windows\' high contrast) a button keeps its shape and a speaker\'s initials their ring', async () => {
    const { page, context } = await openPage(app.browser, { width: 390, height: 900 });
    await page.emulateMedia({ forcedColors: 'active' });
    for (const [path, selector] of [['/offline/', '.button'], [`/news/${SEED_SLUG}`, '.speech__photo--placeholder']]) {
      await page.goto(app.server.url + path);
      const border = await page.locator(selector).first().evaluate((e) => parseFloat(getComputedStyle(e).borderTopWidth));
      assert.ok(border >= 1, `${path}: ${selector} has no border in forced colours`);
    }
    await context.close();
  });

  test('the offline page and the Saved page do not move when the offline controls write their list', async () => {
    for (const path of ['/offline/', '/saved/', '/zh/offline/']) {
      const { page, context } = await openPage(app.browser, { width: 390, height: 844 });
      await watchLayoutShifts(page);
      await page.goto(app.server.url + path);
      // A fresh device: the controls say nothing is saved.
      await page.locator('[data-saved-list] .saved__empty').waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.equal(await layoutShifted(page), 0, `${path}: the page moved`);
      await context.close();
    }
  });

  test('on a phone an article\'s breadcrumb is one line, its headline cut short with an ellipsis but whole in the page', async () => {
    const { page, context } = await openPage(app.browser, { width: 390, height: 900 });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    const headline = await heading(page);
    const crumbs = page.locator('.breadcrumb li');
    const tops = await crumbs.evaluateAll((items) => items.map((li) => li.getBoundingClientRect().top));
    assert.equal(new Set(tops).size, 1, `the crumbs are on ${new Set(tops).size} lines`);
    const current = page.locator('.breadcrumb [aria-current="page"]');
    assert.equal(await current.textContent(), headline);
    const cut = await current.evaluate((li) => [li.scrollWidth > li.clientWidth, getComputedStyle(li).textOverflow]);
    assert.deepEqual(cut, [true, 'ellipsis']);
    await context.close();
  });

  test('a row of sections wider than the phone fades at the edge it can scroll to, and not when it fits', async () => {
    const fade = (page) =>
      page.evaluate(() => getComputedStyle(document.querySelector('.section-nav')).getPropertyValue('--section-nav-fade'));
    const { page, context } = await openPage(app.browser, { width: 390, height: 900 });
    await page.goto(app.server.url + '/');
    await heading(page);
    const wider = await page.evaluate(() => {
      const nav = document.querySelector('.section-nav');
      return nav.scrollWidth > nav.clientWidth;
    });
    assert.ok(wider, 'the English sections fit a 390-px row: this test needs a row that scrolls');
    assert.equal(await fade(page), '40px');
    await page.evaluate(() => {
      const nav = document.querySelector('.section-nav');
      nav.scrollLeft = nav.scrollWidth;
    });
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector('.section-nav')).getPropertyValue('--section-nav-fade') === '0px',
    );
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await fade(page), '0px');
    await screenshot(page, 'section-nav-1280');
    await context.close();
  });

  test('printed, an article is its masthead, text, pictures and speeches, black on white, without the controls', async () => {
    const { page, context } = await openPage(app.browser, { width: 794, height: 1123, colorScheme: 'dark' });
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.skip-link', '.site-nav', '.language-switch', '.search-box', '.section-nav', '.breadcrumb', '.keep', '.speech__share', '.related', '.site-footer__links']) {
      assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is printed`);
    }
    for (const selector of ['.site-brand', 'main h1', '.dateline', '.who-spoke', '.speech', '.article__body p', '.site-footer__note']) {
      assert.equal(await page.locator(selector).first().isVisible(), true, `${selector} is not printed`);
    }
    const colours = await page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      heading: getComputedStyle(document.querySelector('main h1')).color,
      text: getComputedStyle(document.querySelector('.article__body p')).color,
      initials: getComputedStyle(document.querySelector('.speech__photo--placeholder')).color,
    }));
    assert.deepEqual(colours, { page: 'rgb(255, 255, 255)', heading: 'rgb(0, 0, 0)', text: 'rgb(0, 0, 0)', initials: 'rgb(0, 0, 0)' });
    // Who spoke: names on paper, not links, and a name never parted from its role.
    const spoke = await page.locator('.who-spoke__list li').first().evaluate((li) => [
      getComputedStyle(li.querySelector('a')).textDecorationLine,
      getComputedStyle(li).breakInside,
    ]);
    assert.deepEqual(spoke, ['none', 'avoid']);
    // The footer's note follows the text; the whole footer took a sheet of its own.
    assert.equal(await page.locator('.site-footer').evaluate((f) => getComputedStyle(f).breakBefore), 'avoid');
    await screenshot(page, 'article-print');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.site-nav').isVisible(), true);
    await context.close();
  });

  test('on the narrowest phone every header link the keyboard reaches is whole in its row', async () => {
    for (const path of ['/', '/zh/']) {
      const { page, context } = await openPage(app.browser, { width: 320, height: 700 });
      await page.goto(app.server.url + path);
      await heading(page);
      const links = await page.locator('.site-nav a, .section-nav a').count();
      assert.ok(links > 4, `${path}: the header's links`);
      let checked = 0;
      for (let tab = 0; tab < 40 && checked < links; tab += 1) {
        await page.keyboard.press('Tab');
        const seen = await page.evaluate(() => {
          const link = document.activeElement;
          const row = link.closest('.site-nav, .section-nav');
          if (!row) return null;
          const [a, r] = [link.getBoundingClientRect(), row.getBoundingClientRect()];
          return { name: link.textContent.trim(), whole: a.left >= r.left - 0.5 && a.right <= r.right + 0.5 && a.right <= innerWidth };
        });
        if (!seen) continue;
        checked += 1;
        assert.ok(seen.whole, `${path}: “${seen.name}” is cut by its row`);
      }
      assert.equal(checked, links, `${path}: every header link reached`);
      await context.close();
    }
  });

  test('keyboard focus is visible', async () => {
    const { page, context } = await openPage(app.browser);
    await page.goto(app.server.url + '/');
    await heading(page);
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return [document.activeElement.className, style.outlineStyle, style.outlineWidth];
    });
    assert.equal(outline[0], 'skip-link');
    assert.equal(outline[1], 'solid');
    assert.equal(outline[2], '3px');
    // The skip link sits at the window's top: its whole ring is drawn.
    const ringTop = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return document.activeElement.getBoundingClientRect().top - parseFloat(style.outlineOffset) - parseFloat(style.outlineWidth);
    });
    assert.ok(ringTop >= 0, `the focus ring's top edge is at ${ringTop}px, off the window`);
    await context.close();
  });
});
