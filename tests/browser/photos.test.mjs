// The photo article (scripts/photo-content.sh: scikit-image's sample
// photographs saved as a phone saves them, with GPS, EXIF orientation, XMP
// and IPTC), built by scripts/test.sh into target/dist-photos: which copy
// each screen downloads, what each picture tells the browser, opening a
// photo at its largest size, and that nothing private is published.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { axe, openPage, openStaticPage, REPO, screenshot, withApp, heading, layoutShifted, watchLayoutShifts } from './support.mjs';

const DIST = join(REPO, 'target', 'dist-photos');
const ORIGINALS = join(REPO, 'target', 'photo-content', 'images');
const ARTICLE = '/news/usst-hosts-night-of-space-photography';
const article = JSON.parse(readFileSync(join(DIST, 'content', 'articles', 'usst-hosts-night-of-space-photography.json'), 'utf8'));

/** Every file below `dir`. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * The metadata a picture file carries: JPEG APP1-APP15 segments (EXIF,
 * XMP, IPTC...), WebP EXIF and XMP chunks, PNG text and EXIF chunks, and
 * the camera originals' own marks anywhere in the bytes.
 */
function metadata(bytes) {
  const found = [];
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 4 <= bytes.length && bytes[at] === 0xff && bytes[at + 1] !== 0xda) {
      const marker = bytes[at + 1];
      if (marker >= 0xe1 && marker <= 0xef) found.push(`APP${marker - 0xe0}`);
      at += 2 + bytes.readUInt16BE(at + 2);
    }
  } else if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    for (let at = 12; at + 8 <= bytes.length;) {
      const name = bytes.toString('latin1', at, at + 4);
      const size = bytes.readUInt32LE(at + 4);
      if (name === 'EXIF' || name === 'XMP ') found.push(name);
      at += 8 + size + (size % 2);
    }
  } else if (bytes.toString('latin1', 1, 4) === 'PNG') {
    for (let at = 8; at + 8 <= bytes.length;) {
      const size = bytes.readUInt32BE(at);
      const name = bytes.toString('latin1', at + 4, at + 8);
      if (['eXIf', 'tEXt', 'iTXt', 'zTXt'].includes(name)) found.push(name);
      at += 12 + size;
    }
  }
  for (const mark of ['Exif\0\0', 'http://ns.adobe.com/xap/1.0/', 'Photoshop 3.0', 'Campus Camera']) {
    if (bytes.includes(Buffer.from(mark, 'latin1'))) found.push(JSON.stringify(mark));
  }
  return found;
}

/**
 * Scrolls through the page so every lazy picture loads, then says what
 * each `<img>` shows: the file it chose, its pixels, its box on screen.
 */
async function shownPictures(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
      scrollTo(0, y);
      await new Promise((done) => setTimeout(done, 60));
    }
  });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), null, { timeout: 10000 });
  return page.evaluate(() => [...document.querySelectorAll('main img')].map((img) => ({
    file: img.currentSrc.split('/').pop(),
    // A copy's width is in its name (naturalWidth is divided by the
    // density srcset gives it).
    natural: Number(img.currentSrc.match(/-(\d+)\.\w+$/)?.[1]),
    shown: img.getBoundingClientRect().width,
    largest: Math.max(...img.srcset.split(',').map((candidate) => parseInt(candidate.trim().split(' ')[1], 10))),
  })));
}

describe('photographs: the right copy for each screen, nothing private published', () => {
  const app = withApp({ root: DIST });

  for (const [width, scale] of [[390, 1], [390, 3], [1280, 1], [1280, 2]]) {
    test(`a ${width}-px screen at ${scale}x downloads each photo once, as WebP, no wider than it can show yet sharp`, async () => {
      const { page, context, problems } = await openPage(app.browser, { width, height: 844, scale });
      const downloaded = [];
      page.on('response', (response) => {
        if (response.url().includes('/content/photos/')) downloaded.push(response.url().split('/').pop());
      });
      for (const path of [ARTICLE, '/']) {
        downloaded.length = 0;
        await page.goto(app.server.url + path);
        await heading(page);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'hydrated', `${path}: the app took over the page its photos are in`);
        const shown = await shownPictures(page);
        assert.equal(shown.length, path === '/' ? 1 : 4, `${path}: the pictures shown`);
        for (const picture of shown) {
          const at = `${path} at ${width}px ${scale}x: ${picture.file}`;
          assert.match(picture.file, /\.webp$/, `${at}: Chromium reads WebP`);
          assert.ok(picture.natural <= width * scale, `${at} is ${picture.natural} px wide; the screen shows ${width * scale}`);
          // Sharp: about as many pixels as the screen gives its box, unless
          // the original has no more.
          const wanted = Math.min(Math.floor(picture.shown * scale * 0.9), picture.largest);
          assert.ok(picture.natural >= wanted, `${at}: ${picture.natural} px for a box of ${picture.shown} px`);
        }
        assert.deepEqual([...downloaded].sort(), shown.map((p) => p.file).sort(), `${path}: what was downloaded is what is shown, once each`);
      }
      await screenshot(page, `photos-list-${width}-${scale}x`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test('each picture keeps its box, says what it shows, and loads when it should; the lead first', async () => {
    const { page, context } = await openStaticPage(app.browser, { width: 390, height: 844 });
    await page.goto(app.server.url + ARTICLE);
    const pictures = await page.evaluate(() => [...document.querySelectorAll('main picture')].map((picture) => {
      const img = picture.querySelector('img');
      const source = picture.querySelector('source');
      return {
        type: source?.type, sizes: img.sizes, sourceSizes: source?.sizes,
        width: img.getAttribute('width'), height: img.getAttribute('height'),
        alt: img.alt, loading: img.getAttribute('loading'), priority: img.getAttribute('fetchpriority'),
        lead: !!img.closest('.figure--lead'), srcset: img.srcset,
      };
    }));
    assert.equal(pictures.length, 4, 'the lead photo and three speakers, each a <picture>');
    for (const picture of pictures) {
      assert.equal(picture.type, 'image/webp');
      assert.ok(picture.sizes && picture.sizes === picture.sourceSizes, `sizes: ${picture.sizes}`);
      assert.ok(Number(picture.width) > 0 && Number(picture.height) > 0, 'width and height, so nothing shifts');
      assert.ok(picture.alt.trim().length > 10, `alt text: ${picture.alt}`);
      assert.match(picture.srcset, /\.jpg \d+w/, 'JPEG copies for browsers without WebP');
      assert.equal(picture.loading, picture.lead ? 'eager' : 'lazy');
      assert.equal(picture.priority, picture.lead ? 'high' : null);
    }
    assert.equal(pictures.filter((p) => p.lead).length, 1);
    // Shown with its caption: the credit.
    assert.equal(
      (await page.locator('.figure--lead figcaption').textContent()).trim(),
      `${article.lead.caption} Photo: NASA`,
    );
    assert.deepEqual(
      await page.locator('.speech__credit').allTextContents(),
      ['Photo: NASA', 'Photo: Lav Varshney', 'Photo: Stefan van der Walt'],
    );
    await context.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no WCAG 2.2 A/AA violation on the photo article, ${colorScheme}`, async () => {
      const { page, context } = await openPage(app.browser, { width: 390, height: 844, colorScheme });
      await page.goto(app.server.url + ARTICLE);
      await heading(page);
      await shownPictures(page);
      assert.deepEqual((await axe(page)).violations, []);
      await screenshot(page, `photos-article-390-${colorScheme}`);
      await context.close();
    });
  }

  test('the page does not move while its photos load', async () => {
    const { page, context } = await openPage(app.browser, { width: 390, height: 844, scale: 3 });
    await watchLayoutShifts(page);
    await page.goto(app.server.url + ARTICLE);
    await heading(page);
    await shownPictures(page);
    assert.equal(await layoutShifted(page), 0);
    await context.close();
  });

  test('in the Chinese edition, a photo link says in Chinese that it opens the full-size photo, before and after the app', async () => {
    const { page, context } = await openPage(app.browser);
    await page.goto(app.server.url + '/zh/news/xingkong-sheying-zhi-ye');
    await heading(page);
    for (const when of ['prerendered', 'with the app']) {
      if (when !== 'prerendered') {
        await page.mouse.wheel(0, 100);
        await page.waitForFunction(() => document.documentElement.dataset.app);
      }
      const names = await page.locator('a.photo-open').evaluateAll((links) => links.map((a) => a.textContent));
      assert.equal(names.length, 1, when);
      assert.match(names[0], /（打开原尺寸照片）$/, when);
      assert.doesNotMatch(names[0], /open the full-size photo/, when);
    }
    await context.close();
  });

  test('a reader opens a photo at its largest size, upright', async () => {
    const { page, context } = await openPage(app.browser, { width: 1280, height: 900 });
    await page.goto(app.server.url + ARTICLE);
    await heading(page);
    const link = page.getByRole('link', { name: `${article.lead.image.alt} (open the full-size photo)` });
    const href = await link.getAttribute('href');
    assert.match(href, /^\/content\/photos\/deep-field\.[0-9a-f]{12}-1000\.jpg$/);
    await link.click();
    await page.waitForURL(app.server.url + href);
    await page.waitForFunction(() => document.images[0]?.complete);
    assert.equal(await page.evaluate(() => document.contentType), 'image/jpeg', 'the file itself, not a page of the app');
    const size = await page.evaluate(() => [document.images[0].naturalWidth, document.images[0].naturalHeight]);
    // The original is stored 872 wide and 1000 tall, with the flag that
    // turns it a quarter: published as it is meant to be seen.
    assert.deepEqual(size, [1000, 872]);
    const response = await page.request.get(app.server.url + href);
    assert.equal(response.headers()['content-type'], 'image/jpeg');
    assert.match(response.headers()['cache-control'], /immutable/, 'hashed names are cached for good');
    await context.close();
  });

  test('the article is shared with its lead photo whole, its largest copy, as an absolute URL', async () => {
    const { page, context } = await openStaticPage(app.browser);
    await page.goto(app.server.url + ARTICLE);
    const full = `https://news.usst.edu.cn/${article.lead.image.copies.full}`;
    const content = (selector) => page.locator(selector).getAttribute('content');
    assert.match(full, /\/content\/photos\/deep-field\.[0-9a-f]{12}-1000\.jpg$/);
    assert.equal(await content('meta[property="og:image"]'), full);
    assert.equal(await content('meta[name="twitter:image"]'), full);
    assert.equal(await content('meta[property="og:image:alt"]'), article.lead.image.alt);
    assert.equal(await content('meta[name="twitter:card"]'), 'summary_large_image');
    const data = JSON.parse(await page.locator('script[type="application/ld+json"]').textContent());
    assert.deepEqual(data.image, [full]);
    await context.close();
  });

  test('no published file carries EXIF, XMP, IPTC or GPS data, and no original is published', () => {
    const originals = readdirSync(ORIGINALS);
    assert.equal(originals.length, 4);
    for (const name of originals) {
      // The test would see what it looks for: each original carries it.
      assert.ok(metadata(readFileSync(join(ORIGINALS, name))).length >= 4, `${name} is a camera original`);
    }
    const published = files(DIST).filter((path) => /\.(jpe?g|png|webp)$/i.test(path));
    assert.ok(published.length >= 30, `the copies: ${published.length}`);
    for (const path of published) {
      assert.deepEqual(metadata(readFileSync(path)), [], `${relative(DIST, path)} carries metadata`);
      assert.ok(!originals.includes(path.split('/').pop()), `${relative(DIST, path)} is an original`);
    }
  });
});
