// What `trunk build --release` leaves in dist/: hashed file names with
// subresource integrity, the content JSON, and how the server types it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { REPO, SEED_SLUG, heading, openPage, seedLine, sourceArticles, withApp } from './support.mjs';

const DIST = join(REPO, 'dist');

/** GET with exactly this Accept-Encoding (fetch would decode for us); the raw body. */
function rawGet(url, acceptEncoding) {
  return new Promise((done, fail) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}
const app = withApp();

describe('release build', () => {
  test('every script, style and preload has a hashed name and an integrity hash', async () => {
    // Read index.html with the browser's own parser (it is minified), scripts off.
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/`);
    const assets = await page.evaluate(() =>
      // Canonical and alternate links name pages and the feed, not files;
      // rel=expect names a part of the page (index.html).
      // rel=manifest: the web app manifest, never hashed (revalidated).
      // The site's SVG icon is in the page (a data: URI: icon.rs), no file.
      // The links the loader adds once the app runs (the other parts of the
      // stylesheet) are in a <template>: checked too.
      [
        ...document.querySelectorAll('link[href]:not([rel="canonical"]):not([rel="alternate"]):not([rel="expect"]):not([rel="manifest"]):not([rel="icon"][href^="data:image/svg+xml,"]), script[src]'),
        ...[...document.querySelectorAll('template')].flatMap((template) => [...template.content.querySelectorAll('link[href], script[src]')]),
      ].map((el) => ({
        url: el.getAttribute('href') ?? el.getAttribute('src'),
        integrity: el.getAttribute('integrity'),
      })),
    );
    const loader = await page.evaluate(() => document.querySelector('script[type="module"]')?.textContent ?? '');
    const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((el) => el.textContent));
    const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
    await context.close();
    assert.ok(assets.length >= 1, `only ${assets.length} asset references`);
    // The parts of the stylesheet the home page shows come inline (no
    // request holds up the first paint), exactly the published files'
    // text, each allowed by its hash (tests/browser/styles.test.mjs: the
    // other parts, for the app).
    const parts = new Map(readdirSync(DIST).map((name) => [name.match(/^([a-z]+)-[0-9a-f]{12,16}\.css$/)?.[1], name]).filter(([part]) => part));
    const text = (part) => readFileSync(join(DIST, parts.get(part)), 'utf8').trimEnd();
    assert.deepEqual(styles, [text('base'), text('lists')], 'two <style>s: the base and the lists');
    for (const style of styles) {
      const styleHash = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;
      assert.match(policy, new RegExp(`style-src 'self'( '[^']+')* ${styleHash.replace(/[+/]/g, '\\$&')}( |;|$)`), policy);
    }
    for (const { url, integrity } of assets) {
      assert.match(url, /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/, `not hashed: ${url}`);
      assert.match(integrity ?? '', /^sha384-[A-Za-z0-9+/=]+$/, `no SRI: ${url}`);
    }
    // The loader (deferred until the reader does something and the page has painted, see
    // crates/prerender/src/loader.js) asks for the script and the wasm its
    // config line names, with the SRI hashes of the files themselves.
    const config = JSON.parse(loader.match(/^const config = (.*);$/m)?.[1] ?? 'null');
    assert.ok(config?.script && config?.wasm, `the loader names no script or wasm: ${loader}`);
    // The whole app's and the reading app's (src/bin/reading.rs), each
    // named by its content (the reading app by the prerender's
    // crates/prerender/src/reading.rs, Trunk leaving it unhashed).
    assert.ok(config.reading?.script && config.reading?.wasm, `the loader names no reading app: ${loader}`);
    assert.notEqual(config.reading.wasm, config.wasm);
    for (const app of [config, config.reading]) {
      for (const [file, integrity] of [[app.script, app.scriptIntegrity], [app.wasm, app.wasmIntegrity]].map(([href, sri]) => [href.replace(/^\//, ''), sri])) {
        assert.match(file, /-[0-9a-f]{12,16}(_bg)?\.(js|wasm)$/, `not hashed: ${file}`);
        const digest = createHash('sha384').update(readFileSync(join(DIST, file))).digest('base64');
        assert.equal(integrity, `sha384-${digest}`, `wrong SRI for ${file}`);
      }
    }
    // The loader as minified (crates/prerender/src/scripts.rs): it imports
    // the chosen app's script and fetches its wasm with its hash.
    assert.match(loader, /import\((\w+)\.script\)/);
    assert.match(loader, /fetch\((\w+)\.wasm,\{integrity:\1\.wasmIntegrity\}\)/);
    // Minified, not only stripped of its comments: one line after the
    // config's, and its own names shortened.
    const code = loader.replace(/^const config = .*;$/m, '').trim();
    assert.ok(!code.includes('\n'), `the loader is minified: ${code.split('\n').length} lines`);
    for (const name of ['ownAddress', 'warmWhole', 'afterPaint']) assert.ok(!code.includes(name), `the loader is minified: ${name} kept`);
  });

  test('the app is asked for only after the page has loaded and painted', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    // The offline controls are asked for once the app has started, a
    // moment after the heading: wait for the three (the count is asserted below).
    await page
      .waitForFunction(() => performance.getEntriesByType('resource').filter((entry) => /\.(js|wasm)$/.test(new URL(entry.name).pathname)).length >= 3, null, { timeout: 10_000 })
      .catch(() => undefined);
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        loaded: navigation.loadEventStart,
        painted: paint?.startTime ?? Infinity,
        app: performance
          .getEntriesByType('resource')
          .filter((entry) => /\.(js|wasm)$/.test(new URL(entry.name).pathname))
          .map((entry) => [new URL(entry.name).pathname, entry.startTime]),
      };
    });
    // The app's script and wasm, and the offline controls that come with them.
    assert.equal(timing.app.length, 3, JSON.stringify(timing.app));
    for (const [file, at] of timing.app) {
      assert.ok(at >= timing.loaded && at >= timing.painted, `${file} was asked for at ${at} ms, before the page loaded (${timing.loaded}) and painted (${timing.painted})`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('no page of the reading path starts the app on its own, at a phone\'s width or a desktop\'s (not by scrolling its header\'s row to the reader\'s section)', async () => {
    for (const width of [390, 1280]) {
      for (const path of ['/', '/section/research/', '/section/students/archive/1', '/zh/section/ke-yan/', `/news/${SEED_SLUG}`]) {
        const { page, context } = await openPage(app.browser, { width, height: 844 });
        await page.goto(app.server.url + path);
        await page.waitForTimeout(1500);
        const seen = await page.evaluate(() => ({
          app: document.documentElement.dataset.app ?? null,
          files: performance.getEntriesByType('resource').filter((entry) => /\.(js|wasm)$/.test(new URL(entry.name).pathname)).length,
          scrolled: scrollY,
        }));
        assert.deepEqual(seen, { app: null, files: 0, scrolled: 0 }, `${path} at ${width} px`);
        await context.close();
      }
    }
  });

  test('a reader who only reads downloads nothing but the page; their first scroll, touch or key starts the app', async () => {
    const appFiles = (page) =>
      page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => new URL(entry.name).pathname)
          .filter((path) => /\.(js|wasm)$/.test(path)),
      );
    for (const [how, act] of [
      ['a wheel', (page) => page.mouse.wheel(0, 200)],
      ['a key', (page) => page.keyboard.press('ArrowDown')],
      ['a touch', (page) => page.touchscreen.tap(200, 300)],
    ]) {
      const { page, context, problems } = await openPage(app.browser, { width: 390, height: 844, touch: how === 'a touch' });
      await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
      // Loaded, painted, and a while after: the page alone.
      await page.waitForTimeout(1500);
      assert.deepEqual(await appFiles(page), [], `${how}: the app was asked for before the reader did anything`);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app ?? null), null);
      assert.equal(await page.locator('main h1').textContent(), seedLine(3), 'the page is there to read');
      await act(page);
      await page.waitForFunction(() => document.documentElement.dataset.app === 'hydrated', null, { timeout: 15_000 });
      // The offline controls come once the app has started: their request
      // may still be under way when the page is hydrated.
      await page.waitForFunction(() => performance.getEntriesByType('resource').filter((entry) => /\.(js|wasm)$/.test(new URL(entry.name).pathname)).length >= 3, null, { timeout: 15_000 });
      await page.waitForTimeout(300);
      assert.equal((await appFiles(page)).length, 3, `${how}: the script, the wasm and the offline controls, once`);
      assert.deepEqual(problems, [], how);
      await context.close();
    }
  });

  test('a search opened at its address starts the app without waiting for the reader', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/search?q=optical`);
    // No scroll, key or touch: its results need the app.
    await page.waitForFunction(() => document.documentElement.dataset.app, null, { timeout: 15_000 });
    await page.locator('.search-results a').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the content is published next to the app', () => {
    const articles = readdirSync(join(DIST, 'content', 'articles')).filter((name) => name.endsWith('.json')).sort();
    assert.deepEqual(articles, sourceArticles().map((a) => `${a.slug}.json`).sort());
    for (const file of ['list/front.json', 'site.json', 'article.schema.json']) {
      assert.ok(existsSync(join(DIST, 'content', file)), file);
    }
  });

  test('the server types wasm as application/wasm and caches hashed files for a year', async () => {
    const wasm = readdirSync(DIST).find((name) => name.endsWith('.wasm'));
    const response = await fetch(`${app.server.url}/${wasm}`);
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    const page = await fetch(`${app.server.url}/news/${SEED_SLUG}`);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    const unknown = await fetch(`${app.server.url}/news/some-deep-link`);
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Page not found/);
    const favicon = readdirSync(DIST).find((name) => name.startsWith('favicon-'));
    const icon = await fetch(`${app.server.url}/${favicon}`);
    assert.equal(icon.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal((await fetch(`${app.server.url}/content/list/front.json`)).headers.get('cache-control'), 'no-cache');
    const missing = await fetch(`${app.server.url}/content/articles/missing.json`);
    assert.equal(missing.status, 404);
  });

  test('Brotli and gzip copies of the app, pages compressed as sent, to clients that take them', async () => {
    const wasm = readdirSync(DIST).find((name) => name.endsWith('.wasm'));
    const original = readFileSync(join(DIST, wasm));
    for (const [accept, encoding, decode] of [['br', 'br', brotliDecompressSync], ['gzip', 'gzip', gunzipSync]]) {
      const { headers, body } = await rawGet(`${app.server.url}/${wasm}`, accept);
      assert.equal(headers['content-encoding'], encoding);
      assert.equal(headers['content-type'], 'application/wasm');
      assert.ok(decode(body).equals(original), `${encoding} copy differs from the wasm`);
      assert.ok(body.length < original.length / 2, `${encoding}: ${body.length} of ${original.length} bytes`);
    }
    const plain = await rawGet(`${app.server.url}/${wasm}`, 'identity');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.body.equals(original));
    // Pages, content and feeds: no copies in the build; the host
    // compresses them as it sends them (as the test server does).
    for (const file of [`news/${SEED_SLUG}/index.html`, 'content/list/front.json', 'sitemap.xml']) {
      assert.ok(!existsSync(join(DIST, `${file}.br`)) && !existsSync(join(DIST, `${file}.gz`)), file);
      const url = `${app.server.url}/${file.replace(/index\.html$/, '')}`;
      for (const [accept, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]]) {
        const { headers, body } = await rawGet(url, accept);
        assert.equal(headers['content-encoding'], accept, file);
        assert.ok(decode(body).equals(readFileSync(join(DIST, file))), `${file}: ${accept} differs`);
      }
    }
  });
});
