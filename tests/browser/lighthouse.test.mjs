// Lighthouse (npm, run offline against Debian's Chromium) on the list and
// the seed article: accessibility and SEO must both score 100. Each run's
// scores and any failing audit are printed, and written to
// target/lighthouse/ for the record.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, REPO, SEED_SLUG, startApp } from './support.mjs';

const OUT = join(REPO, 'target', 'lighthouse');
let server;
let chrome;
/** Chromium's profile for the audits, removed after. */
const profile = mkdtempSync(join(tmpdir(), 'reader-lighthouse-'));

before(async () => {
  server = await startApp();
  chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    userDataDir: profile,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
  });
});

after(async () => {
  await chrome?.kill();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Runs Lighthouse (its default mobile profile) on `path`; returns the report. */
async function audit(name, path) {
  const result = await lighthouse(`${server.url}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['accessibility', 'seo'],
  });
  const report = result.lhr;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(report, null, 1));
  const failing = Object.values(report.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
    .map((a) => `${a.id}: ${a.title}`);
  const scores = Object.fromEntries(Object.entries(report.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
  console.log(`lighthouse ${name}: ${JSON.stringify(scores)}${failing.length ? ` failing: ${failing.join('; ')}` : ''}`);
  return { scores, failing };
}

describe('Lighthouse', () => {
  for (const [name, path] of [['list', '/'], ['article', `/news/${SEED_SLUG}`]]) {
    test(`${name}: accessibility 100, SEO 100`, async () => {
      const { scores, failing } = await audit(name, path);
      assert.deepEqual(failing, []);
      assert.equal(scores.accessibility, 100);
      assert.equal(scores.seo, 100);
    });
  }
});
