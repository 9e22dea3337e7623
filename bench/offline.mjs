// What offline reading costs a reader's device: the worker's size, and what
// the device stores after reading ten articles (pages, their data, the app),
// in Chromium with a persistent profile, against the release dist/.
//
//   node bench/offline.mjs        (after scripts/bench.sh, whose release build it reads)

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/cdn-server.mjs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, REPO, waitForApp } from '../tests/browser/support.mjs';
import { kb } from './figures.mjs';

const DIST = join(REPO, 'dist');
const sizes = (file) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
};
const controls = readdirSync(join(DIST, 'offline')).find((name) => /^controls-[0-9a-f]+\.js$/.test(name));
const worker = sizes(join(DIST, 'sw.js'));
const page = sizes(join(DIST, 'offline', controls));

const server = await startServer({ root: DIST });
const profile = mkdtempSync(join(tmpdir(), 'reader-offline-bench-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, viewport: { width: 390, height: 844 } });
const tab = context.pages()[0] ?? (await context.newPage());
const articles = readdirSync(join(DIST, 'news')).filter((name) => name !== 'archive').slice(0, 10);
for (const [i, slug] of articles.entries()) {
  await tab.goto(`${server.url}/news/${slug}`);
  if (i === 0) {
    await waitForApp(tab);
    await tab.evaluate(() => navigator.serviceWorker.ready);
  } else {
    await tab.mouse.wheel(0, 400);
  }
}
await tab.goto(`${server.url}/saved`);
await tab.waitForTimeout(1500);
const stored = await tab.evaluate(async () => {
  const caches_ = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    let bytes = 0;
    const requests = await cache.keys();
    for (const request of requests) bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
    caches_[name] = { entries: requests.length, bytes };
  }
  const estimate = await navigator.storage.estimate();
  return { caches: caches_, usage: estimate.usage };
});
await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });
console.log(`worker (sw.js): ${kb(worker.raw)} raw, ${kb(worker.gzip)} gzip, ${kb(worker.brotli)} brotli`);
console.log(`offline controls: ${kb(page.raw)} raw, ${kb(page.gzip)} gzip, ${kb(page.brotli)} brotli`);
console.log(`after ten articles read at 390 px: ${kb(stored.usage)} in the origin's storage (navigator.storage.estimate)`);
for (const [name, { entries, bytes }] of Object.entries(stored.caches)) console.log(`  ${name}: ${entries} entries, ${kb(bytes)}`);
