// The preview while editing (scripts/preview.mjs) on a copy of the release
// build and of the content: a saved edit to an article shows in the open
// page without the reader doing anything, a content error is shown on the
// page as file:line:column, and its fix reloads the page again.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO, SEED_SLUG, heading, launchBrowser, openPage, seedLine } from './support.mjs';
import { startPreview } from '../../scripts/preview.mjs';

const DIST = join(REPO, 'dist');
const ARTICLE = 'usst-library-reopens-after-renovation';

/** Where the prerender keeps the state of a build (crates/prerender/src/state.rs). */
const stateOf = (dist) => join(REPO, 'target', 'reader-state', resolve(dist).replace(/[^A-Za-z0-9._-]/g, '_'));

let work;
let preview;
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'reader-preview-'));
  cpSync(DIST, join(work, 'dist'), { recursive: true });
  cpSync(join(REPO, 'content'), join(work, 'content'), { recursive: true });
  assert.ok(existsSync(join(stateOf(DIST), 'units')), `the release build kept no state in ${stateOf(DIST)}`);
  cpSync(stateOf(DIST), join(work, 'state'), { recursive: true });
  // The tools the preview runs read it from there.
  process.env.READER_STATE = join(work, 'state');
  preview = await startPreview({
    content: join(work, 'content'),
    root: join(work, 'dist'),
    configs: join(work, 'deploy'),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await preview?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Resolves when the page has loaded again (the preview's reload). */
const reloaded = (page) => page.waitForEvent('load', { timeout: 30_000 });

describe('preview while editing', () => {
  test('a saved edit shows in the open page; an error is shown, its fix reloads', async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${preview.url}/news/${ARTICLE}`);
    // The app has taken the page over (heading waits for it).
    const title = await heading(page);

    const file = join(work, 'content', 'articles', `${ARTICLE}.json`);
    const original = readFileSync(file, 'utf8');
    const article = JSON.parse(original);
    const paragraph = article.body.find((block) => block.type === 'paragraph');
    paragraph.text += ' A sentence saved in the preview, zeppelinesque.';
    let load = reloaded(page);
    writeFileSync(file, JSON.stringify(article, null, 2));
    await load;
    await page.getByText('A sentence saved in the preview').waitFor({ timeout: 10_000 });
    assert.equal(await heading(page), title);
    assert.ok(preview.updates.at(-1).ok, preview.updates.at(-1).output);

    // The search index was updated with the page: the new word finds the
    // article at once.
    await page.goto(`${preview.url}/search?q=zeppelinesque`);
    await page.locator('.search-result__headline a', { hasText: title }).waitFor({ timeout: 15_000 });
    await page.goto(`${preview.url}/news/${ARTICLE}`);
    await heading(page);

    // A broken file: the page says where, and keeps showing the article.
    writeFileSync(file, original.replace('"headline"', '"headline" "'));
    const alert = page.getByRole('alert').filter({ hasText: `${ARTICLE}.json:` });
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), new RegExp(`articles/${ARTICLE}\\.json:\\d+:\\d+: `));
    assert.equal(await heading(page), title);

    load = reloaded(page);
    writeFileSync(file, original);
    await load;
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByText('A sentence saved in the preview').count(), 0);
    assert.equal(await page.getByRole('alert').filter({ hasText: `${ARTICLE}.json:` }).count(), 0);

    // The rest of the site is as it was: the seed article still reads.
    await page.goto(`${preview.url}/news/${SEED_SLUG}`);
    assert.equal(await heading(page), seedLine(3));
    assert.deepEqual(problems, [], 'console errors (a blocked script would show here)');
  });

  test('a preview started on content with an error shows it on a page opened afterwards, until it is fixed', async () => {
    // What scripts/preview.sh does when its build fails: the last build
    // served, checked once at the start.
    await preview.close();
    const file = join(work, 'content', 'articles', `${ARTICLE}.json`);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/"published": "[^"]*"/, '"published": "2026-02-30"'));
    preview = await startPreview({
      content: join(work, 'content'),
      root: join(work, 'dist'),
      configs: join(work, 'deploy'),
      checkFirst: true,
    });
    await preview.checked;
    assert.equal(preview.updates.at(-1).ok, false, 'the first update found the error');
    const { page } = await openPage(browser);
    await page.goto(`${preview.url}/news/${SEED_SLUG}`);
    const alert = page.getByRole('alert').filter({ hasText: `${ARTICLE}.json:` });
    await alert.waitFor({ timeout: 15_000 });
    assert.equal(await heading(page), seedLine(3), 'the last build is served');
    const load = reloaded(page);
    writeFileSync(file, original);
    await load;
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.getByRole('alert').filter({ hasText: `${ARTICLE}.json:` }).count(), 0);
  });
});
