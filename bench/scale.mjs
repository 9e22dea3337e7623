#!/usr/bin/env node
// The archive at scale: for each size (1,000, 10,000 and 100,000 articles by
// default), generate a synthetic archive (`reader-content generate`), then
// measure and print:
//
// - the content build (`reader-content build`: checking, list pages,
//   sections, related articles, speakers and the search index): time and
//   peak memory;
// - the news list's first render in Chromium: time from navigation to the
//   first headline on screen, and bytes fetched;
// - search: time from typing to results on screen, and bytes fetched, for
//   a first search on a fresh page and the same search after another, with
//   a rare word, a common word, a speaker's name, a word being typed, and
//   the commonest word whose index file is split (the heaviest search).
//
// - full builds beside Hugo: the same archive as a Hugo site
//   (bench/hugo-site.mjs), built by Debian's hugo, and our whole
//   `trunk build --release` (every page prerendered, feeds, sitemap,
//   search index, deploy files, compression; the hooks' tools in the
//   `tools` profile): time, peak memory, and the ratio. `--builds` measures
//   only this.
// - photographs: the content build of the photo article
//   (scripts/photo-content.sh) with an empty cache, then again with the
//   cache of the first: the cost per photo, and the cache's effect.
//   `--photos` measures only this, and updates its section of
//   BENCHMARKS-SCALE.md.
//
// Run by scripts/scale-bench.sh after a release build; writes
// target/scale/results.json and prints a Markdown table. The app itself
// (wasm, JS, CSS) is the release build's dist/; each size gets its own
// content/ beside it, served without embedded page data, so the app fetches
// the list as on any visit that starts on another page. JSON is sent
// uncompressed here (a CDN would compress it): the bytes are an upper bound.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startServer } from '../scripts/cdn-server.mjs';
import { writeHugoSite } from './hugo-site.mjs';
import { emptyAside, setAside } from './set-aside.mjs';
import { startPreview } from '../scripts/preview.mjs';
import { launchBrowser, REPO } from '../tests/browser/support.mjs';
import { typeAndTime } from './search-timing.mjs';
import { kb, median } from './figures.mjs';

// `--report` writes the table again from the last run's results.
const reportOnly = process.argv.includes('--report');
const photosOnly = process.argv.includes('--photos');
const buildsOnly = process.argv.includes('--builds');
// `--updates` builds ours whole (no Hugo) and times the updates alone.
const updatesOnly = process.argv.includes('--updates');
// `--chinese` measures search over generated Chinese archives alone, and
// writes its section of BENCHMARKS-SCALE.md.
const chineseOnly = process.argv.includes('--chinese');
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
if (sizes.length === 0) sizes.push(1_000, 10_000, 100_000);
const TOOL = join(REPO, 'target', 'release', 'reader-content');
const DIST = join(REPO, 'dist');
const RUNS = Number(process.env.SCALE_RUNS ?? 9);
const SEARCH_RUNS = Number(process.env.SCALE_SEARCH_RUNS ?? 3);
const UPDATE_RUNS = Number(process.env.SCALE_UPDATE_RUNS ?? 5);
/** Rounds of full builds (ours and Hugo's) per size: a full build at 100k takes minutes. */
const BUILD_ROUNDS = (n) => Number(process.env.SCALE_BUILD_ROUNDS ?? (n >= 100_000 ? 1 : n > 1_000 ? 3 : 7));
const STARTED = Date.now();

const PHOTO_CONTENT = join(REPO, 'target', 'photo-content');
const PHOTO_RUNS = Number(process.env.SCALE_PHOTO_RUNS ?? 5);

/** One content build of the photo article with `cache`: its `photos:` line's figures and its wall time. */
async function photoBuild(cache) {
  const out = join(REPO, 'target', 'scale', 'photo-out');
  rmSync(out, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const text = await new Promise((done, fail) => {
    const child = spawn(TOOL, ['build', PHOTO_CONTENT, out], { env: { ...process.env, READER_PHOTO_CACHE: cache } });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(output) : fail(new Error(`reader-content build exited ${code}`))));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const match = text.match(/photos: (\d+) originals, (\d+) files: (\d+) made from (\d+) decoded originals, the rest from the cache \(([\d.]+) s/);
  if (!match) throw new Error(`no photos line in: ${text}`);
  const [, originals, files, made, decoded, photoSeconds] = match.map(Number);
  return { originals, files, made, decoded, photoSeconds, seconds };
}

/** The photo article built `PHOTO_RUNS` times with an empty cache, and as often with a full one: medians. */
async function photoCost() {
  const cache = join(REPO, 'target', 'scale', 'photo-cache');
  const cold = [];
  const warm = [];
  for (let run = 0; run < PHOTO_RUNS; run += 1) {
    rmSync(cache, { recursive: true, force: true });
    cold.push(await photoBuild(cache));
    warm.push(await photoBuild(cache));
  }
  const mid = (runs, key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  const result = {
    originals: cold[0].originals,
    files: cold[0].files,
    cold: { made: cold[0].made, photoSeconds: mid(cold, 'photoSeconds'), seconds: mid(cold, 'seconds') },
    warm: { made: warm[0].made, decoded: warm[0].decoded, photoSeconds: mid(warm, 'photoSeconds'), seconds: mid(warm, 'seconds') },
    runs: PHOTO_RUNS,
  };
  console.error(JSON.stringify({ photos: result }));
  return result;
}

/** The photographs' section of BENCHMARKS-SCALE.md, written in place. */
function writePhotoSection(photos) {
  const perPhoto = (photos.cold.photoSeconds * 1000) / photos.originals;
  const section = `## Photographs

The photo article's content build (\`scripts/photo-content.sh\`: ${photos.originals} camera originals, real photographs of
0.1 to 0.9 megapixels saved as a phone saves them), with the release \`reader-content build\` on 2 cores, each figure the
median of ${photos.runs} runs. Each original is decoded once and its copies (WebP and JPEG at every width of every place it is
shown in, and the whole photo: ${photos.files} files for ${photos.originals} originals) are encoded on both cores.

| | making the copies | whole content build | copies made |
| --- | ---: | ---: | ---: |
| empty cache | ${(photos.cold.photoSeconds * 1000).toFixed(0)} ms, **${perPhoto.toFixed(0)} ms a photo** | ${(photos.cold.seconds * 1000).toFixed(0)} ms | ${photos.cold.made} of ${photos.files} |
| cache of the build before | ${(photos.warm.photoSeconds * 1000).toFixed(0)} ms | ${(photos.warm.seconds * 1000).toFixed(0)} ms | ${photos.warm.made} (${photos.warm.decoded} originals decoded) |
`;
  writeSection('## Photographs', section);
}

/**
 * Prints `section` and writes it into BENCHMARKS-SCALE.md in place of the
 * one under the same `heading` (kept in the order first written).
 */
function writeSection(heading, section) {
  console.log(`\n${section}`);
  const path = join(REPO, 'BENCHMARKS-SCALE.md');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# The archive at scale\n';
  const start = text.indexOf(heading);
  if (start < 0) {
    writeFileSync(path, `${text.trimEnd()}\n\n${section}`);
    return;
  }
  const next = text.indexOf('\n## ', start + heading.length);
  const after = next < 0 ? '' : `\n${text.slice(next + 1)}`;
  writeFileSync(path, `${text.slice(0, start).trimEnd()}\n\n${section.trimEnd()}\n${after}`);
}

/** Deletes the folders of earlier runs, keeping this run's. */
function prune() {
  for (const n of sizes) {
    const root = join(REPO, 'target', 'scale', String(n));
    for (const name of existsSync(root) ? readdirSync(root) : []) {
      if (/^dist(-\d+)?$/.test(name) && name !== `dist-${STARTED}`) rmSync(join(root, name), { recursive: true, force: true });
    }
  }
}

/**
 * Runs a command; resolves to { seconds, peakMB } (RSS of its whole process
 * tree, sampled every 20 ms from its start: a build in place takes a tenth of
 * a second, which one sample every 100 ms could miss whole and report as 0).
 */
function measure(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    let peak = 0;
    const rssOfTree = () => {
      let total = 0;
      const pids = [child.pid];
      for (let i = 0; i < pids.length; i += 1) {
        try {
          const status = readFileSync(`/proc/${pids[i]}/status`, 'utf8');
          total += Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
          for (const task of readdirSync(`/proc/${pids[i]}/task`)) {
            const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
            if (children) pids.push(...children.split(' ').map(Number));
          }
        } catch {
          // the process ended between two reads
        }
      }
      peak = Math.max(peak, total);
    };
    const timer = setInterval(rssOfTree, 20);
    setImmediate(rssOfTree);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakMB: peak / 1024 });
    });
  });
}

/** The generated archive of `n` articles (made once, kept between runs), in Chinese with `chinese`. */
async function generated(n, chinese = false) {
  const source = join(REPO, 'target', 'scale', String(n), chinese ? 'content-source-zh' : 'content-source');
  if (!existsSync(join(source, 'site.json'))) {
    console.error(`generating ${n} ${chinese ? 'Chinese ' : ''}articles…`);
    rmSync(source, { recursive: true, force: true });
    await measure(TOOL, ['generate', ...(chinese ? ['--chinese'] : []), String(n), source]);
  }
  return source;
}

/**
 * The archive of `n` articles built whole by Hugo and by us, in rounds:
 * each first into an empty folder, then again into the folder the first
 * left (as a newsroom rebuilds). Ours is the README's build,
 * `scripts/build.sh --release` (the compiled `reader-build`), as a newcomer
 * runs it (its tools in their default profile), with the app bundle at
 * hand (as Hugo has its binary and theme). `updates` also times updates in place.
 */
async function fullBuilds(n, { updates = true } = {}) {
  const root = join(REPO, 'target', 'scale', String(n));
  const source = await generated(n);
  const site = join(root, 'hugo-site');
  // Nothing here is deleted until every build is timed (./set-aside.mjs).
  setAside(root, site);
  const pages = writeHugoSite(source, site);
  const hugoOut = join(root, 'hugo-public');
  setAside(root, hugoOut);
  const hugoBuild = async (what) => {
    await measure('sync', []);
    console.error(`hugo, ${what}: ${n} articles…`);
    return measure('hugo', ['--quiet', '-s', site, '-d', hugoOut]);
  };
  const ours = join(root, `full-${STARTED}`);
  // The dist a build afresh replaces is left where the build put it
  // (READER_BUILD_KEEP_OLD=1) and set aside with the rest.
  const env = { READER_CONTENT: source, READER_DEPLOY_CONFIGS: join(root, 'deploy'), READER_BUILD_KEEP_OLD: '1' };
  const replaced = join(root, `.full-${STARTED}.old`);
  // Each round's builds keep their state (the incremental builds' caches,
  // outside the dist) in a folder of the round's own: a first build starts
  // with none, as a newcomer's does.
  const state = (round) => join(root, `state-${STARTED}-${round}`);
  const ourBuild = async (what, round, extra = {}) => {
    await measure('sync', []);
    console.error(`scripts/build.sh --release, ${what}: ${n} articles…`);
    const built = await measure('scripts/build.sh', ['--release', '--dist', ours], { ...env, READER_STATE: state(round), ...extra });
    setAside(root, replaced);
    return built;
  };
  // Rounds of the five builds, taken in turn so that a busy moment of the
  // machine falls on both sides; each figure is the median of its rounds.
  const rounds = [];
  for (let round = 0; round < BUILD_ROUNDS(n); round += 1) {
    setAside(root, hugoOut);
    setAside(root, ours);
    const hugo = await hugoBuild('first build');
    const hugoAgain = await hugoBuild('into its existing output');
    const reader = await ourBuild('first build', round);
    const readerAgain = await ourBuild('into its existing dist (in place)', round);
    const readerAfresh = await ourBuild('into its existing dist, afresh', round, { READER_BUILD_FRESH: '1' });
    rounds.push({ hugo, hugoAgain, reader, readerAgain, readerAfresh });
    const say = (m) => m.seconds.toFixed(2);
    console.error(`round ${round + 1}: Hugo ${say(hugo)} s, again ${say(hugoAgain)} s; ours ${say(reader)} s, in place ${say(readerAgain)} s, afresh ${say(readerAfresh)} s`);
  }
  const mid = (key) => {
    const sorted = rounds.map((r) => r[key]).sort((a, b) => a.seconds - b.seconds);
    return { ...sorted[Math.floor(sorted.length / 2)], runs: sorted.map((m) => m.seconds) };
  };
  const [hugo, hugoAgain, reader, readerAgain, readerAfresh] = ['hugo', 'hugoAgain', 'reader', 'readerAgain', 'readerAfresh'].map(mid);
  const last = state(BUILD_ROUNDS(n) - 1);
  const timedUpdates = updates ? await incremental(n, source, ours, join(root, 'deploy'), last) : null;
  const sizes = { hugoMB: await folderMB(hugoOut), oursMB: await folderMB(ours) };
  setAside(root, ours);
  setAside(root, hugoOut);
  for (let round = 0; round < BUILD_ROUNDS(n); round += 1) {
    setAside(root, state(round));
    setAside(root, `${state(round)}.build.json`);
  }
  const row = { articles: n, hugoPages: pages, hugo, hugoAgain, reader, readerAgain, readerAfresh, updates: timedUpdates, sizes };
  console.error(JSON.stringify(row));
  return row;
}

/** Runs a command; resolves to { seconds, output } (its stdout and stderr). */
function timed(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`));
      else resolve({ seconds: (performance.now() - started) / 1000, output });
    });
  });
}

/** Megabytes under `dir` (du). */
async function folderMB(dir) {
  const { output } = await timed('du', ['-sm', dir]);
  return Number(output.split(/\s/)[0]);
}

/** The first article file of a generated archive. */
function firstArticle(source) {
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name.endsWith('.json')) return path;
      if (!name.includes('.')) {
        const found = walk(path);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(join(source, 'articles'));
}

/**
 * Our full build `ours` of `source` updated in place (what
 * scripts/update.sh runs, the tools called directly as the preview calls
 * them): with nothing changed, after one article's paragraph is edited, and
 * after a new article is added; then, up to 10,000 articles, the preview:
 * from saving an edit to the open page showing it in Chromium. Medians of
 * `UPDATE_RUNS`. The archive is left as it was.
 */
async function incremental(n, source, ours, configs, state = undefined) {
  const tools = join(REPO, 'target', 'tools');
  const env = state ? { READER_STATE: state } : {};
  const update = async () => {
    const content = await timed(join(tools, 'reader-content'), ['build', source, join(ours, 'content')], env);
    const pages = await timed(join(tools, 'reader-prerender'), [ours, '--update', '--configs', configs], env);
    const line = pages.output.match(/prerender: (\d+) pages from (\d+) of (\d+) units.*?, (\d+) written, (\d+) removed/);
    const [, rendered, units, allUnits, written] = line.map(Number);
    return { seconds: content.seconds + pages.seconds, contentSeconds: content.seconds, rendered, units, allUnits, written };
  };
  const medianOf = async (prepare, undo) => {
    const runs = [];
    for (let i = 0; i < UPDATE_RUNS; i += 1) {
      prepare(i);
      runs.push(await update());
      undo();
      await update();
    }
    const mid = median(runs.map((r) => r.seconds));
    return { ...runs.find((r) => r.seconds === mid), runs: runs.map((r) => r.seconds) };
  };
  const file = firstArticle(source);
  const original = readFileSync(file, 'utf8');
  const edited = (i) => {
    const article = JSON.parse(original);
    const paragraph = article.body.find((block) => block.type === 'paragraph');
    paragraph.text += ` An edited sentence, number ${i + 1}.`;
    return article;
  };
  const added = join(dirname(file), 'bench-added-article.json');
  console.error(`updates: ${n} articles…`);
  // The first update after the full build (nothing changed): what an
  // editor's first save after a deploy costs.
  const first = await update();
  // The full build's gigabytes still being written back to disk would be
  // counted against the updates (an editor's edit comes long after it).
  await measure('sync', []);
  const nothing = await medianOf(() => {}, () => {});
  const edit = await medianOf((i) => writeFileSync(file, JSON.stringify(edited(i), null, 2)), () => writeFileSync(file, original));
  // A headline: the lists, sections, speakers' pages and related links
  // that show it change too.
  const retitled = await medianOf(
    (i) => {
      const article = JSON.parse(original);
      writeFileSync(file, JSON.stringify({ ...article, headline: `${article.headline} (rewritten ${i + 1})` }, null, 2));
    },
    () => writeFileSync(file, original),
  );
  const addition = await medianOf(
    (i) => {
      const article = { ...JSON.parse(original), slug: `bench-added-article`, headline: `An article added by the bench (${i + 1})`, published: '2030-01-01' };
      writeFileSync(added, JSON.stringify(article, null, 2));
    },
    () => rmSync(added, { force: true }),
  );
  let preview = null;
  if (n <= 10_000) {
    console.error(`preview: ${n} articles…`);
    // The preview's updates find the build's state where its tools do.
    const stateBefore = process.env.READER_STATE;
    if (state) process.env.READER_STATE = state;
    const server = await startPreview({ content: source, root: ours, tools, configs });
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const slug = JSON.parse(original).slug;
    const times = [];
    try {
      for (let i = 0; i < UPDATE_RUNS; i += 1) {
        await page.goto(`${server.url}/news/${slug}`);
        await page.locator('main h1').waitFor();
        const sentence = `An edited sentence, number ${i + 1}.`;
        const started = performance.now();
        writeFileSync(file, JSON.stringify(edited(i), null, 2));
        await page.getByText(sentence).waitFor({ timeout: 60_000 });
        times.push(performance.now() - started);
      }
    } finally {
      writeFileSync(file, original);
      await browser.close();
      await server.close();
      if (stateBefore === undefined) delete process.env.READER_STATE;
      else process.env.READER_STATE = stateBefore;
    }
    preview = { ms: median(times), runs: times };
  }
  writeFileSync(file, original);
  await update();
  return { first, nothing, edit, retitled, addition, preview };
}

/** One size's row of the updates table. */
function updatesRow(n, updates) {
  const cell = (u) => `${u.seconds.toFixed(2)} s (content ${u.contentSeconds.toFixed(2)} s); ${u.units.toLocaleString('en')} of ${u.allUnits.toLocaleString('en')} units rendered, ${u.written.toLocaleString('en')} pages written`;
  return `| ${n.toLocaleString('en')} | ${cell(updates.nothing)} | ${cell(updates.edit)} | ${cell(updates.retitled)} | ${cell(updates.addition)} | ${updates.preview ? `${updates.preview.ms.toFixed(0)} ms` : '—'} |`;
}

/** The updates table's head. */
const UPDATES_HEAD = `| articles | nothing changed | a paragraph edited | a headline edited | one article added | preview: save to page |
| ---: | --- | --- | --- | --- | ---: |`;

/**
 * The updates' part of the full builds' section as BENCHMARKS-SCALE.md has
 * it (from the line that dates it, or from the table's introduction, to the
 * section's end), for a run with `--builds`, which measures none: such a
 * run rewrites the builds beside Hugo and leaves the updates as they were.
 */
function standingUpdates() {
  const path = join(REPO, 'BENCHMARKS-SCALE.md');
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const section = text.indexOf('## Full builds beside Hugo');
  if (section < 0) return '';
  const next = text.indexOf('\n## ', section + 1);
  const body = text.slice(section, next < 0 ? text.length : next + 1);
  const starts = ['\nThe updates below', '\nUpdates of our full build in place'].map((s) => body.indexOf(s)).filter((i) => i >= 0);
  return starts.length === 0 ? '' : `${body.slice(Math.min(...starts)).trimEnd()}\n`;
}

/** The full builds' section of BENCHMARKS-SCALE.md. */
function writeBuildSection(builds) {
  const time = (m) => `${m.seconds.toFixed(m.seconds < 1 ? 2 : 1)} s, ${m.peakMB.toFixed(0)} MB`;
  const x = (a, b) => `${(a.seconds / b.seconds).toFixed(2)}×`;
  const lines = builds.map((b) => `| ${b.articles.toLocaleString('en')} | ${time(b.reader)} | ${time(b.readerAgain)} | ${time(b.readerAfresh)} | ${time(b.hugo)} | ${time(b.hugoAgain)} | ${x(b.reader, b.hugo)}, ${x(b.readerAgain, b.hugoAgain)}, ${x(b.readerAfresh, b.hugoAgain)} | ${b.sizes.oursMB.toLocaleString('en')} MB, ${b.sizes.hugoMB.toLocaleString('en')} MB |`);
  for (const b of builds) {
    console.log(`${b.articles}: ours ${time(b.reader)} first, ${time(b.readerAgain)} again in place, ${time(b.readerAfresh)} again afresh; Hugo ${time(b.hugo)} first, ${time(b.hugoAgain)} into its output; ours ÷ Hugo ${x(b.reader, b.hugo)}, ${x(b.readerAgain, b.hugoAgain)}, ${x(b.readerAfresh, b.hugoAgain)} (runs: ours first ${b.reader.runs.map((v) => v.toFixed(v < 10 ? 2 : 1)).join(', ')}; Hugo first ${b.hugo.runs.map((v) => v.toFixed(v < 10 ? 2 : 1)).join(', ')})`);
  }
  const withUpdates = builds.filter((b) => b.updates);
  const updates = withUpdates.map((b) => updatesRow(b.articles, b.updates));
  const updateSection = withUpdates.length === 0 ? standingUpdates() : `
Updates of our full build in place (\`scripts/update.sh\`'s two tools, in the \`tools\` profile): the content build into its
\`content/\`, then \`reader-prerender --update\`. Medians of ${UPDATE_RUNS} runs. "Paragraph": a sentence added to one
article's paragraph (no list, speaker or related link shows it); "headline": one article's headline rewritten (its list,
section and related links show it); "addition": a new article, the newest; after each, the change is undone and the build
updated back. Preview: from saving the paragraph's edit to the open article page showing it in Chromium
(\`scripts/preview.mjs\`: update, then the page reloads itself).

${UPDATES_HEAD}
${updates.join('\n')}
`;
  writeSection('## Full builds beside Hugo', `## Full builds beside Hugo

The same generated archive built whole, one build after the other on the same machine (${new Date().toISOString().slice(0, 10)}, 2 cores).
Ours is the README's build, \`scripts/build.sh --release\` (content build, every page prerendered, feeds, sitemaps,
search index, host files, Brotli and gzip copies of the app), with the app bundle at hand as Hugo has its binary and theme
(\`scripts/build.sh\` reuses it, keyed by the hash of what made it), as a newcomer runs it: the build (\`reader-build\`,
compiled) and its tools in their default profile, \`tools\` (optimised; compiled once, before this run); then again into the \`dist/\` the first left, which it
updates in place (the archive unchanged: it reads, finds nothing to do and writes nothing), and once more afresh
(\`READER_BUILD_FRESH=1\`: built beside it, renamed into place). Each round's builds keep their state (the caches of
updates in place, outside the \`dist/\`) in a folder of the round's own, so each first build starts with none, as a
newcomer's does; the Brotli and gzip copies of the app's files come from the build's cache of them, made with the bundle
(\`target/compress-cache\`). Hugo is Debian's \`hugo\` 0.111 on the same articles as Markdown (\`bench/hugo-site.mjs\`: lists of 20, sections,
related links by shared speakers, a page per speaker, no compression), first into an empty folder, then into the one it
left. Each figure is the median of ${builds.map((b) => `${b.reader.runs.length} at ${b.articles.toLocaleString('en')}`).join(', ')} rounds, the builds of a round taken in
turn. Peak memory is the whole process tree's. A build afresh into an existing \`dist/\` builds beside it, renames the new
one into place and leaves the old one to a process of its own, at the lowest priority, to delete (not counted: the new
\`dist/\` is in place by then). Nothing is deleted while builds are timed, on either side: every output the bench replaces
(and the old \`dist/\` of a build afresh, \`READER_BUILD_KEEP_OLD=1\`) is renamed aside and deleted once all are timed, because
on this machine's disk (ext4 without a journal) a file made within a minute of a large deletion steps over every inode
freed by it (\`bench/set-aside.mjs\` says more): a build timed then measures the deleting before it, not itself.

| articles | ours, first | ours, again (in place) | ours, again afresh | Hugo, first | Hugo, into its output | ours ÷ Hugo (first; again in place, afresh) | output: ours, Hugo |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${lines.join('\n')}
${updateSection}`);
}

/** dist/ for one size: the release build's app files, this size's content. */
async function prepare(n, chinese = false) {
  const root = join(REPO, 'target', 'scale', String(n));
  const source = await generated(n, chinese);
  // A fresh folder each run: deleting 100,000 files keeps the disk busy
  // long after `rm` returns, which would be counted against this build.
  // Earlier runs' folders are deleted at the end (see `prune`).
  const dist = join(root, `dist-${STARTED}`);
  mkdirSync(dist, { recursive: true });
  await measure('sync', []);
  for (const name of readdirSync(DIST)) {
    if (/\.(js|wasm|css|svg)(\.br|\.gz)?$/.test(name) || name === 'snippets' || name === '_headers') {
      cpSync(join(DIST, name), join(dist, name), { recursive: true });
    }
  }
  // The app's shell for every address: a prerendered page whose own data the
  // server leaves out, so the app fetches what it shows.
  cpSync(join(DIST, '404.html'), join(dist, 'index.html'));
  writeFileSync(join(dist, '_redirects'), '/* /index.html 200\n');
  console.error(`building ${n} articles…`);
  const content = await measure(TOOL, ['build', source, join(dist, 'content')]);
  // Nor is this build's write-back counted against the browser's timings.
  await measure('sync', []);
  return { dist, source, content };
}

/** Bytes received (as sent, compressed when the server compressed) from now on. */
async function byteCounter(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  return { reset: () => { bytes = 0; requests = 0; }, read: () => ({ bytes, requests }) };
}

async function listRender(browser, url) {
  const times = [];
  let fetched;
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const counter = await byteCounter(context, page);
    await page.goto(`${url}/`, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.querySelector('.news-list__items .news-card'), null, { polling: 'raf', timeout: 30_000 });
    times.push(await page.evaluate(() => performance.now()));
    await page.waitForLoadState('networkidle');
    fetched = counter.read();
    const list = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/content/'))
      .reduce((sum, e) => sum + e.encodedBodySize, 0));
    fetched.content = list;
    await context.close();
  }
  return { ms: median(times), ...fetched };
}

/** Types `query` into the search page's box; resolves to ms until its results show, and bytes fetched meanwhile. */
async function timedSearch(page, counter, query) {
  counter.reset();
  const ms = await typeAndTime(page, query);
  await page.waitForTimeout(200);
  const { bytes, requests } = counter.read();
  const count = (await page.locator('.search-page__count').textContent()).trim();
  return { query, ms, bytes, requests, count };
}

/**
 * The hardest word to search for: the commonest of the words filed in a
 * split file (one whose first three letters begin too many words), which
 * takes two rounds of index requests and the longest lists. None when no
 * file is split.
 */
function heaviestWord(dist) {
  const dir = join(dist, 'content', 'search');
  let best = null;
  for (const name of readdirSync(dir)) {
    const prefix = Buffer.from(name.replace(/\.json$/, ''), 'hex').toString('utf8');
    if ([...prefix].length <= 3) continue;
    const { words } = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    for (const [word, postings] of Object.entries(words)) {
      if (!best || postings.n > best.n) best = { word, n: postings.n };
    }
  }
  return best?.word;
}

async function searches(browser, url, source) {
  const speakers = JSON.parse(readFileSync(join(url.dist, 'content', 'speakers', 'index.json'), 'utf8')).speakers;
  const first = JSON.parse(readFileSync(join(url.dist, 'content', 'list', '1.json'), 'utf8')).articles[0];
  const rare = first.headline.split(' ').find((word) => /^[A-Z][a-z]{6,}$/.test(word) && !/University|Students/.test(word)) ?? 'Chenrosol';
  const queries = [rare.toLowerCase(), 'university', speakers[0].name, 'labor'];
  const heaviest = heaviestWord(url.dist);
  if (heaviest) queries.push(heaviest);
  return runQueries(browser, url, queries);
}

/** Each of `queries` typed `SEARCH_RUNS` times, on a fresh page and after another search: medians. */
async function runQueries(browser, url, queries) {
  const results = [];
  // The median of a query's runs, with its slowest and its heaviest.
  const summary = (runs) => {
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    return { ...sorted[Math.floor(sorted.length / 2)], slowest: sorted.at(-1).ms, bytes: Math.max(...runs.map((r) => r.bytes)) };
  };
  for (const [i, query] of queries.entries()) {
    const colds = [];
    const warms = [];
    for (let run = 0; run < SEARCH_RUNS; run += 1) {
      // Each query cold (a fresh page: the app's search code and the
      // query's index files load) and then again after another search.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const counter = await byteCounter(context, page);
      await page.goto(`${url.base}/search`);
      await page.waitForSelector('#search-query');
      // A reader types once the page has settled, not in its first milliseconds.
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      colds.push(await timedSearch(page, counter, query));
      await timedSearch(page, counter, queries[(i + 1) % queries.length]);
      warms.push(await timedSearch(page, counter, query));
      await context.close();
    }
    results.push({ query, cold: summary(colds), warm: summary(warms) });
  }
  return results;
}

/**
 * Search over a Chinese archive: a common pair, the university's name (a
 * run of six characters in every headline), a made-up word from the first
 * headline (rare), one character, a speaker's name and a mixed query.
 */
async function chineseSearches(browser, url) {
  const speakers = JSON.parse(readFileSync(join(url.dist, 'content', 'speakers', 'index.json'), 'utf8')).speakers;
  const first = JSON.parse(readFileSync(join(url.dist, 'content', 'list', '1.json'), 'utf8')).articles[0];
  const rare = [...first.headline.replace('上海理工大学', '')].filter((c) => /\p{Script=Han}/u.test(c)).slice(0, 2).join('');
  const queries = ['大学', '上海理工大学', rare, '沪', speakers[0].name, '5G 实验室'];
  return runQueries(browser, url, queries);
}

/** The biggest file of a built index and all of its files, in bytes. */
function indexBytes(dist) {
  const dir = join(dist, 'content', 'search');
  let biggest = 0;
  let total = 0;
  for (const name of readdirSync(dir)) {
    const { size } = statSync(join(dir, name));
    biggest = Math.max(biggest, size);
    total += size;
  }
  return { biggest, total };
}

if (chineseOnly) {
  const browser = await launchBrowser();
  const zhRows = [];
  try {
    for (const n of sizes) {
      const built = await prepare(n, true);
      const server = await startServer({ root: built.dist, pageData: false });
      const search = await chineseSearches(browser, { base: server.url, dist: built.dist });
      await server.close();
      const files = readdirSync(join(built.dist, 'content', 'search')).length;
      const row = { articles: n, content: built.content, files, ...indexBytes(built.dist), search };
      console.error(JSON.stringify(row));
      zhRows.push(row);
    }
  } finally {
    await browser.close();
    prune();
  }
  const cell = (row, key) => row.search.map((s) => `${s.query}: ${s[key].ms.toFixed(0)} ms / ${kb(s[key].bytes)}`).join('<br>');
  const table = zhRows.map((row) => `| ${row.articles.toLocaleString('en')} | ${row.content.seconds.toFixed(1)} s, ${row.content.peakMB.toFixed(0)} MB | ${row.files.toLocaleString('en')}, ${(row.total / 1024 ** 2).toFixed(0)} MB (biggest ${kb(row.biggest)}) | ${cell(row, 'cold')} | ${cell(row, 'warm')} |`);
  const top = zhRows.at(-1);
  const worst = Math.max(...top.search.flatMap((s) => [s.cold.ms, s.warm.ms]));
  const heaviest = Math.max(...top.search.map((s) => Math.max(s.cold.bytes, s.warm.bytes)));
  const pass = worst <= 100 && heaviest <= 150 * 1024;
  writeSection('## Chinese search', `## Chinese search

Written by \`scripts/scale-bench.sh --chinese\` on ${new Date().toISOString().slice(0, 10)}: archives from \`reader-content generate --chinese\`
(a \`zh-CN\` site; sentences of common newsroom words and made-up two- and three-character words run together with no
spaces, Latin words and numbers among them; Chinese speakers' names). Search is timed as above (typing to the results' count on
screen, bytes as sent, median of ${SEARCH_RUNS} runs, fresh page and after another search). Queries: a common pair (大学), the
university's six-character name in every headline (上海理工大学: five pairs, each in every article), the first two
characters of the newest headline after that name, one character (沪), a speaker's name, and a mixed query (5G 实验室).
The index is a file per first character, split past its budget (48 KB) into parts of up to 16 KB, each the pairs (with their
triples) from its name to the next part's, or one pair heavier than that alone: a large Chinese archive's text holds far
more distinct pairs than an English one holds words, and a file per pair made hundreds of thousands of files (see below).

| articles | content build | index: files, bytes | search, fresh page: ms / KB | search, after another: ms / KB |
| ---: | ---: | ---: | --- | --- |
${table.join('\n')}

- at ${top.articles.toLocaleString('en')}: slowest answer ${worst.toFixed(0)} ms (goal ≤ 100 ms, median), heaviest search ${kb(heaviest)} (goal ≤ 150 KB): **${pass ? 'pass' : 'FAIL'}**
- the biggest index file: ${zhRows.map((r) => `${kb(r.biggest)} at ${r.articles.toLocaleString('en')}`).join(', ')} (a word's list is capped, a file split past its budget: none grows with the archive)
`);
  process.exit(pass ? 0 : 1);
}
if (updatesOnly) {
  // Our full build of each size, then the updates table's rows (printed,
  // not written into BENCHMARKS-SCALE.md, whose table comes with Hugo's).
  const rowsOut = [];
  for (const n of sizes) {
    const root = join(REPO, 'target', 'scale', String(n));
    const source = await generated(n);
    const ours = join(root, `full-${STARTED}`);
    console.error(`trunk build --release: ${n} articles…`);
    await measure('trunk', ['build', '--release', '--dist', ours], {
      READER_CONTENT: source,
      READER_TOOLS_PROFILE: 'tools',
      READER_DEPLOY_CONFIGS: join(root, 'deploy'),
    });
    const updates = await incremental(n, source, ours, join(root, 'deploy'));
    console.error(`${n}: the first update after the full build, nothing changed: ${updates.first.seconds.toFixed(2)} s (content ${updates.first.contentSeconds.toFixed(2)} s)`);
    rowsOut.push(updatesRow(n, updates));
    rmSync(ours, { recursive: true, force: true });
  }
  console.log(UPDATES_HEAD);
  for (const row of rowsOut) console.log(row);
  process.exit(0);
}

const RESULTS = join(REPO, 'target', 'scale', 'results.json');
const rows = reportOnly ? JSON.parse(readFileSync(RESULTS, 'utf8')) : [];
const browser = reportOnly ? null : await launchBrowser();
try {
  for (const n of reportOnly || photosOnly || buildsOnly ? [] : sizes) {
    const built = await prepare(n);
    const server = await startServer({ root: built.dist, pageData: false });
    const list = await listRender(browser, server.url);
    const search = await searches(browser, { base: server.url, dist: built.dist });
    await server.close();
    const files = readdirSync(join(built.dist, 'content', 'search')).length;
    const row = { articles: n, content: built.content, search_files: files, list, search };
    rows.push(row);
    console.error(JSON.stringify(row));
  }
} finally {
  if (browser) {
    await browser.close();
    prune();
  }
}
if (!reportOnly && !photosOnly && !buildsOnly) {
  mkdirSync(join(REPO, 'target', 'scale'), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(rows, null, 2));
}


const lines = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};
say('| articles | content build (search index included) | index files | list: first headline | list: bytes (content JSON) | search, fresh page: ms / KB | search, after another: ms / KB |');
say('| ---: | ---: | ---: | ---: | ---: | --- | --- |');
for (const row of rows) {
  const cold = row.search.map((s) => `${s.query}: ${s.cold.ms.toFixed(0)} ms / ${kb(s.cold.bytes)}`).join('<br>');
  const warm = row.search.map((s) => `${s.query}: ${s.warm.ms.toFixed(0)} ms / ${kb(s.warm.bytes)}`).join('<br>');
  say(`| ${row.articles.toLocaleString('en')} | ${row.content.seconds.toFixed(1)} s, ${row.content.peakMB.toFixed(0)} MB | ${row.search_files.toLocaleString('en')} | ${row.list.ms.toFixed(0)} ms | ${kb(row.list.bytes)} (${kb(row.list.content)}) | ${cold} | ${warm} |`);
}
say();
const base = rows.find((r) => r.articles === 1_000);
const top = rows.find((r) => r.articles === 100_000);
if (base && top) {
  say(`- list at 100k ÷ at 1k: time ${(top.list.ms / base.list.ms).toFixed(2)}×, bytes ${(top.list.bytes / base.list.bytes).toFixed(2)}× (goal ≤ 1.1×)`);
  const worst = Math.max(...top.search.flatMap((s) => [s.cold.ms, s.warm.ms]));
  const slowest = Math.max(...top.search.flatMap((s) => [s.cold.slowest ?? s.cold.ms, s.warm.slowest ?? s.warm.ms]));
  const heaviest = Math.max(...top.search.map((s) => s.cold.bytes));
  say(`- search at 100k: slowest answer ${worst.toFixed(0)} ms as a median of ${SEARCH_RUNS} runs, ${slowest.toFixed(0)} ms in the slowest single run (goal ≤ 100 ms); heaviest search ${kb(heaviest)} (goal ≤ 300 KB)`);
  say(`- content build at 100k: ${top.content.seconds.toFixed(1)} s (goal < 60 s)`);
}
if (rows.length === 3) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? 'unknown CPU';
  // The file's head, in place of the one there: the sections after it
  // (each written by its own part of the bench) stay.
  const path = join(REPO, 'BENCHMARKS-SCALE.md');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const firstSection = existing.indexOf('\n## ');
  const sections = firstSection < 0 ? '' : `\n${existing.slice(firstSection + 1)}`;
  writeFileSync(path, `# The archive at scale

Written by \`scripts/scale-bench.sh\` (see docs/benchmarks.md) on ${new Date().toISOString().slice(0, 10)}: ${cpu}, 2 cores, headless Chromium.
Synthetic archives from \`reader-content generate\` (about 7.5 KB of JSON per article, 8 sections, speakers drawn from 3,000 names).
Content build: the release \`reader-content build\`, peak memory of its process. List: median of ${RUNS} fresh visits to \`/\` at 390 px,
navigation to the first headline on screen; bytes as sent by the test server (compressed as a CDN sends them: the build's
Brotli copies, other text Brotli 6 on the fly), all files of the visit, and in brackets the content JSON alone. Search: typing into the search page's box (once the page has settled)
to the results' count on screen, and every byte fetched meanwhile; "fresh page" is the first search on a newly opened page,
"after another" the same query after a different one; each the median of ${SEARCH_RUNS} runs. Queries: a rare word, a common word ("university"), a speaker's name,
a word being typed ("labor"), and the commonest word filed in a split index file (its first letters begin too many words for
one file of 48 KB, so it takes a second round of index requests).

${lines.join('\n')}

Why the index is the content build's own rather than Pagefind's: a one-off run of Pagefind 1.6 (npm) on this machine, on
synthetic records of 400–600 words, took 8.4 minutes and more than 5.6 GB to index 100,000 of them, and its first search there
fetched 1.1 to 2.1 MB (its metadata file alone is 0.95 MB at that size) and took 0.3 to 3.5 s; at 1,000 records it was fine
(120–150 KB, 150–600 ms).
${sections}`);
}

// Last: the sections below the file's head, each in place.
if (!reportOnly && !photosOnly) {
  const builds = [];
  for (const n of sizes) builds.push(await fullBuilds(n, { updates: !buildsOnly }));
  for (const n of sizes) emptyAside(join(REPO, 'target', 'scale', String(n)));
  console.error(
    'scale: the builds set aside are deleted now; a build timed on this disk in the next five minutes (this bench again, too) measures that deleting, not itself (bench/set-aside.mjs)',
  );
  writeBuildSection(builds);
}
if (!reportOnly && !buildsOnly) writePhotoSection(await photoCost());
