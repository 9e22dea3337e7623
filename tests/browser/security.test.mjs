// The production security headers, in force in the browser: every browser
// test runs under them, and a violation is a console error the tests catch.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SEED_SLUG, heading, openPage, seedLine, withApp } from './support.mjs';

const app = withApp();
const headersFile = readFileSync(join(REPO, 'dist', '_headers'), 'utf8');
const policy = headersFile.match(/Content-Security-Policy: (.*)/)[1];

describe('security', () => {
  test('the policy is strict: no unsafe-inline, the loader allowed by its hash', () => {
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*/);
    for (const directive of ["default-src 'none'", "style-src 'self'", "base-uri 'none'", "frame-ancestors 'none'", "object-src 'none'"]) {
      assert.ok(policy.includes(directive), directive);
    }
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='/);
  });

  test('every kind of response carries the security headers', async () => {
    const wasm = readFileSync(join(REPO, 'dist', 'index.html'), 'utf8').match(/\/(reader-[0-9a-f]+_bg\.wasm)/)[1];
    for (const path of ['/', `/news/${SEED_SLUG}`, '/news/unknown', '/content/list/front.json', `/${wasm}`, '/content/articles/missing.json']) {
      const response = await fetch(app.server.url + path);
      assert.equal(response.headers.get('content-security-policy'), policy, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', path);
    }
  });

  test("the site's icon is in the page: shown under the policy, never asked for", async () => {
    const { page, context, problems } = await openPage(app.browser);
    const before = app.server.requests.length;
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const icon = await page.evaluate(() => document.querySelector('link[rel=icon]')?.getAttribute('href'));
    assert.match(icon ?? '', /^data:image\/svg\+xml,%3Csvg/);
    // The browser shows it: the same bytes as an image, under the policy.
    assert.equal(await page.evaluate((href) => new Promise((done) => {
      const image = new Image();
      image.onload = () => done(image.naturalWidth);
      image.onerror = () => done(0);
      image.src = href;
    }), icon), 64);
    const asked = app.server.requests.slice(before).filter((path) => /favicon|\.svg$|\.ico$/.test(path));
    assert.deepEqual(asked, [], 'an icon was asked for');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the policy is enforced, and a violation shows up as a problem', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    assert.deepEqual(problems, [], 'the app itself violates nothing');
    const ran = await page.evaluate(async () => {
      const before = getComputedStyle(document.body).display;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.append(style);
      await new Promise((done) => setTimeout(done, 100));
      return [window.__inlineRan ?? false, getComputedStyle(document.body).display === before && before !== 'none'];
    });
    assert.deepEqual(ran, [false, true], 'inline script or style was allowed');
    assert.ok(problems.some((p) => /Content Security Policy/.test(p)), `no violation reported: ${problems}`);
    await context.close();
  });

  test('a panic shows a notice with a reload link instead of a frozen page', async () => {
    const { page, context, problems } = await openPage(app.browser);
    await page.goto(`${app.server.url}/news/${SEED_SLUG}`);
    await heading(page);
    await page.evaluate(() => {
      try {
        window.wasmBindings.readerPanicCheck();
      } catch {
        // the wasm instance traps after the hook has run
      }
    });
    const notice = page.locator('#panic-notice[role="alert"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Something went wrong and this page stopped working\. Reload the page/);
    assert.equal(await notice.locator('a').getAttribute('href'), `${app.server.url}/news/${SEED_SLUG}`);
    assert.ok(problems.some((p) => p.includes('panic check requested from the console')), 'details not logged');
    // What was on the page is still there to read.
    assert.equal((await page.locator('main h1').textContent()).trim(), seedLine(3));
    assert.equal((await page.locator('main p').filter({ hasText: 'Over 159 cooperative projects' }).count()), 1);
    await context.close();
  });
});
