// A reader's first search, in two builds side by side: for comparing a
// change to the search page's start (its code compiled before the reader
// types, say) against the build before it, in the same run.
//
//   node bench/first-search.mjs <dist before> <dist after> [runs] [cpu slowdown]
//
// Each build is served as a CDN would (scripts/cdn-server.mjs). A run opens
// the search page in a fresh browser context (nothing cached, the service
// worker kept out), scrolls (the reader's first act, which starts the
// app), waits for the app and for the network to settle, then types a
// query: the time from the keystroke to its results' count on screen. An
// English query on /search and a Chinese one on /zh/search; the two
// builds taken in turn, their order swapped each run, so that a busy
// moment of the machine falls on both. Prints each query's median and
// every run. Unthrottled by default; a CPU slowdown (4: a phone) is
// Chromium's own (CDP), the waits before typing stretched alike.

import { launchBrowser, waitForApp } from '../tests/browser/support.mjs';
import { startServer } from '../scripts/cdn-server.mjs';
import { median } from './figures.mjs';
import { typeAndTime } from './search-timing.mjs';

const [before, after, runsArg, slowArg] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node bench/first-search.mjs <dist before> <dist after> [runs] [cpu slowdown]');
  process.exit(2);
}
const RUNS = Number(runsArg) || 10;
const SLOWDOWN = Number(slowArg) || 1;
const QUERIES = [
  ['/search', 'university'],
  ['/zh/search', '大学'],
];

/** ms from typing `query` on a fresh search page at `url` to its results. */
async function firstSearch(browser, url, query) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    if (SLOWDOWN > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
    }
    await page.goto(url);
    await page.waitForSelector('#search-query');
    await waitForApp(page, 30_000);
    // A reader types once the page has settled, not in its first milliseconds.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300 * SLOWDOWN);
    return await typeAndTime(page, query);
  } finally {
    await context.close();
  }
}

const servers = { before: await startServer({ root: before }), after: await startServer({ root: after }) };
const browser = await launchBrowser();
const times = {};
try {
  for (let run = 0; run < RUNS; run += 1) {
    const order = run % 2 ? ['after', 'before'] : ['before', 'after'];
    for (const [path, query] of QUERIES) {
      for (const build of order) {
        const key = `${query} (${path}), ${build}`;
        (times[key] ??= []).push(await firstSearch(browser, `${servers[build].url}${path}`, query));
      }
    }
    process.stderr.write(`run ${run + 1}/${RUNS}\n`);
  }
} finally {
  await browser.close();
  await servers.before.close();
  await servers.after.close();
}
console.log(`first search, ms from the keystroke to the results (median of ${RUNS}; CPU ${SLOWDOWN}× slower):`);
for (const [key, values] of Object.entries(times)) {
  console.log(`  ${key}: ${median(values).toFixed(1)} ms (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`);
}
