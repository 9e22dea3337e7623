#!/usr/bin/env node
// The site's full build, planned, then run: what `trunk build` does, but
// with the app bundle reused when nothing that made it changed.
//
//   node scripts/build.mjs [--release] [--public-url /news/] [--dist dist]
//
// The content is $READER_CONTENT (content/ by default), as for Trunk's hooks;
// every other READER_* setting reaches the stages as it does under Trunk.
//
// The app bundle is what Trunk makes from the app alone: index.html (the
// template), the script, the wasm, the styles and the copied icons. It
// depends on the app's sources, never on the articles, so a build whose
// app inputs did not change (the usual case: an editor's build, CI between
// runs, a newsroom's nightly rebuild) takes it from target/app-bundles/
// instead of paying Trunk's work again. It is keyed by
//   - the fixed inputs: every Cargo.toml and Cargo.lock, .cargo/config.toml,
//     Trunk.toml, index.html, everything in assets/, the tools' versions
//     (rustc, trunk, wasm-bindgen, npm's binaryen), the build's flags (release,
//     public URL) and the environment that changes what cargo or Trunk
//     make (RUSTFLAGS, CARGO_PROFILE_*, …);
//   - and every source file cargo says the app was compiled from (its
//     dep-info, so a file pulled in by include_str! counts, wherever it
//     lives), each by its SHA-256. Registry sources are left out: they are
//     named by Cargo.lock's checksummed versions, which the key holds.
// A changed input of either kind rebuilds the bundle; nothing else does.
//
// The stages, in order (scripts/pipeline.sh holds what each runs):
//   1. bundle:    reuse, or `trunk build` with READER_APP_ONLY=1 (its hooks
//                 do nothing) into the store;
//   2. stage:     copy the bundle into a staging folder beside the dist,
//                 and have cargo make the stages' tools ready (in the
//                 optimised `tools` profile unless READER_TOOLS_PROFILE
//                 says otherwise);
//   3. content:   scripts/pipeline.sh content (Trunk's pre_build hook);
//   4. prerender: scripts/pipeline.sh prerender (Trunk's post_build hook);
//   5. publish:   the staging folder renamed to the dist (a rename, not
//                 Trunk's copy of every file); the old one deleted by a
//                 process of its own, after.
//
// A build into a dist it made before, from the same app bundle and the
// same settings (public URL, content folder, host files' folder, offline
// reading), updates it in place instead of stages 2 to 5: the content
// build and the prerender do only what changed (scripts/pipeline.sh
// update, as scripts/update.sh), and the result is the whole build's,
// byte for byte (scripts/test.sh compares them). READER_BUILD_FRESH=1
// builds afresh.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** How many bundles the store keeps (the most recently used). */
const KEEP = 3;
/** Environment that changes what cargo or Trunk make. */
const ENV_INPUT = /^(RUSTFLAGS|RUSTC|RUSTC_WRAPPER|CARGO_ENCODED_RUSTFLAGS|CARGO_BUILD_.*|CARGO_PROFILE_.*|CARGO_TARGET_WASM32_.*|TRUNK_(?!STAGING_DIR|DIST_DIR).*)$/;

/** The command line: `trunk build`'s flags that this build understands. */
export function parseArgs(argv) {
  const args = { release: false, publicUrl: '/', dist: 'dist' };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = () => {
      i += 1;
      if (i >= argv.length) throw new BuildError(`${arg} needs a value`);
      return argv[i];
    };
    if (arg === '--release') args.release = true;
    else if (arg === '--public-url') args.publicUrl = value();
    else if (arg === '--dist') args.dist = value();
    else if (arg.startsWith('--public-url=')) args.publicUrl = arg.slice('--public-url='.length);
    else if (arg.startsWith('--dist=')) args.dist = arg.slice('--dist='.length);
    else throw new BuildError(`unknown argument ${arg} (use --release, --public-url, --dist)`);
  }
  if (!args.publicUrl.startsWith('/') && !/^https?:\/\//.test(args.publicUrl)) {
    throw new BuildError(`--public-url must start with / or http(s)://, not ${args.publicUrl}`);
  }
  if (!args.publicUrl.endsWith('/')) args.publicUrl += '/';
  return args;
}

/** A build that cannot go on, said in one line. */
export class BuildError extends Error {}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function hashFile(path) {
  try {
    return sha256(readFileSync(path));
  } catch {
    return 'missing';
  }
}

/** Every file below `dir`, sorted, relative to `root`. */
function filesBelow(root, dir) {
  const out = [];
  const walk = (folder) => {
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** The fixed inputs' paths, relative to `root`. */
export function fixedInputPaths(root) {
  const manifests = ['Cargo.toml', 'Cargo.lock', '.cargo/config.toml', 'Trunk.toml', 'index.html'];
  for (const crate of readdirSync(join(root, 'crates'), { withFileTypes: true })) {
    if (crate.isDirectory()) manifests.push(join('crates', crate.name, 'Cargo.toml'));
  }
  return [...manifests.sort(), ...filesBelow(root, 'assets')];
}

/**
 * The key of the fixed inputs: the files above, the tools' versions, the
 * flags and the environment. Two builds with the same key and the same
 * sources make the same bundle.
 */
export function fixedKey(root, args, env, tools) {
  const parts = [
    `release=${args.release}`,
    `public-url=${args.publicUrl}`,
    ...Object.entries(tools).map(([name, version]) => `tool ${name}=${version}`),
    ...Object.keys(env)
      .filter((name) => ENV_INPUT.test(name))
      .sort()
      .map((name) => `env ${name}=${env[name]}`),
    ...fixedInputPaths(root).map((path) => `file ${path}=${hashFile(join(root, path))}`),
  ];
  return sha256(parts.join('\n')).slice(0, 20);
}

/** `command`'s executable on PATH, its links resolved, or null. */
function onPath(command, env) {
  for (const dir of (env.PATH || '').split(':').filter(Boolean)) {
    try {
      const path = realpathSync(join(dir, command));
      if (statSync(path).isFile()) return path;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/**
 * What identifies each tool that makes the bundle ("missing" when one is
 * not installed): the version each prints, but for npm's wasm-opt, whose
 * start takes a third of a second: the version of the npm package it comes
 * from (or, outside one, its executable's path, size and time).
 */
export function toolVersions(env = process.env) {
  const version = (command, ...args) => {
    const out = spawnSync(command, args, { encoding: 'utf8', env });
    return out.status === 0 ? out.stdout.trim() : 'missing';
  };
  const npmTool = (command) => {
    const path = onPath(command, env);
    if (!path) return 'missing';
    for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
      if (basename(dirname(dir)) !== 'node_modules') continue;
      try {
        const { name, version: v } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        return `npm ${name}@${v}`;
      } catch {
        break;
      }
    }
    const { size, mtimeMs } = statSync(path);
    return `${path} ${size} ${mtimeMs}`;
  };
  return {
    rustc: version('rustc', '-vV'),
    trunk: version('trunk', '--version'),
    'wasm-bindgen': version('wasm-bindgen', '--version'),
    'wasm-opt': npmTool('wasm-opt'),
  };
}

/**
 * The source files a cargo dep-info file names, without the registry's
 * and the toolchain's (named by Cargo.lock and rustc's version).
 */
export function parseDepInfo(text, { root, cargoHome, rustupHome }) {
  const line = text.split('\n').find((l) => l.includes(': ')) ?? '';
  const list = line.slice(line.indexOf(': ') + 2);
  const paths = [];
  let current = '';
  for (let i = 0; i < list.length; i += 1) {
    const c = list[i];
    if (c === '\\' && list[i + 1] === ' ') {
      current += ' ';
      i += 1;
    } else if (c === ' ') {
      if (current) paths.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current.trim()) paths.push(current.trim());
  const outside = [cargoHome, rustupHome].filter(Boolean).map((dir) => resolve(dir) + '/');
  return [...new Set(paths)]
    .filter((path) => !outside.some((dir) => resolve(path).startsWith(dir)))
    .map((path) => (isAbsolute(path) && resolve(path).startsWith(resolve(root) + '/') ? relative(root, path) : path))
    .sort();
}

/** Each source's hash, as a bundle's `sources.json` keeps them. */
export function hashSources(root, paths) {
  return Object.fromEntries(paths.map((path) => [path, hashFile(resolve(root, path))]));
}

/** The first source whose hash is not the one kept, or null. */
export function changedSource(root, kept) {
  for (const [path, hash] of Object.entries(kept)) {
    if (hashFile(resolve(root, path)) !== hash) return path;
  }
  return null;
}

/**
 * The plan: where the bundle comes from and why, and the folders.
 * `store` is target/app-bundles; `tools` the tools' versions.
 */
export function plan({ root, args, env, tools, store }) {
  const key = fixedKey(root, args, env, tools);
  const dir = join(store, key);
  let bundle;
  let sources = null;
  try {
    sources = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8'));
  } catch {
    sources = null;
  }
  if (!sources || !existsSync(join(dir, 'bundle', 'index.html'))) {
    bundle = { action: 'build', dir, why: 'no bundle for these settings, tools and manifests' };
  } else {
    const changed = changedSource(root, sources);
    bundle = changed
      ? { action: 'build', dir, why: `${changed} changed` }
      : { action: 'reuse', dir, why: `${Object.keys(sources).length} sources unchanged` };
  }
  const dist = resolve(root, args.dist);
  const content = env.READER_CONTENT || 'content';
  const stamp = { key, ...distSettings(root, args, env, content) };
  const stampFile = stampPath(root, dist, env);
  return {
    key,
    bundle,
    args,
    content,
    dist,
    stamp,
    stampFile,
    mode: distMode({ bundle, dist, stamp, stampFile, env }),
    staging: join(dirname(dist), `.${basename(dist)}.staging`),
    // Where the dist the build replaces goes, to be deleted after.
    old: join(dirname(dist), `.${basename(dist)}.old`, `${process.pid}-${Date.now()}`),
  };
}

/** What, besides the app bundle, makes a dist what it is: a build into it with the same may update it in place. */
function distSettings(root, args, env, content) {
  return {
    release: args.release,
    publicUrl: args.publicUrl,
    content: resolve(root, content),
    configs: resolve(root, env.READER_DEPLOY_CONFIGS || 'target/deploy'),
    offline: env.READER_OFFLINE ?? '',
  };
}

/**
 * Where the build keeps what it made `dist` from (its stamp): beside the
 * state the content build and the prerender keep for it
 * (`reader-output`'s `state_folder`: target/reader-state, or
 * $READER_STATE).
 */
export function stampPath(root, dist, env) {
  if (env.READER_STATE) return `${resolve(root, env.READER_STATE)}.build.json`;
  const name = resolve(root, dist).replace(/[^A-Za-z0-9._-]/g, '_');
  return join(root, 'target', 'reader-state', `${name}.build.json`);
}

/**
 * Whether the build makes the dist afresh (beside it, then renamed into
 * place) or updates it in place: in place when the dist is one this build
 * made before, from the same app bundle and the same settings (its stamp
 * says so), as `scripts/update.sh` does (each stage does only what changed;
 * the result is the whole build's, byte for byte, which the tests check).
 * READER_BUILD_FRESH=1 always builds afresh; a shard always does.
 */
export function distMode({ bundle, dist, stamp, stampFile, env }) {
  const fresh = (why) => ({ kind: 'fresh', why });
  if (env.READER_BUILD_FRESH === '1') return fresh('READER_BUILD_FRESH=1');
  if (env.READER_SHARD) return fresh('a shard is built whole');
  if (!existsSync(join(dist, '404.html'))) return fresh('no finished build there');
  if (bundle.action === 'build') return fresh('the app changed');
  let kept;
  try {
    kept = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return fresh('not made by this build, or its last build did not finish');
  }
  const changed = Object.keys(stamp).find((name) => JSON.stringify(kept[name]) !== JSON.stringify(stamp[name]));
  if (changed) return fresh(`its ${changed === 'key' ? 'app bundle' : changed} changed`);
  return { kind: 'update', why: 'made by the same app, with the same settings' };
}

function runStep(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO, ...options });
  if (result.error) throw new BuildError(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new BuildError(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

function targetDir(env) {
  if (env.CARGO_TARGET_DIR) return resolve(REPO, env.CARGO_TARGET_DIR);
  return join(REPO, 'target');
}

/** Stage 1: the bundle, built by Trunk (its hooks idle) into the store. */
function buildBundle(p, env) {
  const partial = `${p.bundle.dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const trunkArgs = ['build', '--public-url', p.args.publicUrl, '--dist', join(partial, 'bundle')];
  if (p.args.release) trunkArgs.splice(1, 0, '--release');
  runStep('trunk', trunkArgs, { env: { ...env, READER_APP_ONLY: '1' } });
  const profile = p.args.release ? 'release' : 'debug';
  const depInfo = join(targetDir(env), 'wasm32-unknown-unknown', profile, 'reader.d');
  let text;
  try {
    text = readFileSync(depInfo, 'utf8');
  } catch (err) {
    throw new BuildError(`cargo's dep-info ${depInfo} cannot be read: ${err.message}`);
  }
  const sources = parseDepInfo(text, {
    root: REPO,
    cargoHome: env.CARGO_HOME || join(env.HOME || '/', '.cargo'),
    rustupHome: env.RUSTUP_HOME || join(env.HOME || '/', '.rustup'),
  });
  writeFileSync(join(partial, 'sources.json'), `${JSON.stringify(hashSources(REPO, sources), null, 1)}\n`);
  rmSync(p.bundle.dir, { recursive: true, force: true });
  renameSync(partial, p.bundle.dir);
}

/** Keeps the store to the KEEP bundles used last. */
function prune(store, keep) {
  let entries;
  try {
    entries = readdirSync(store, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.endsWith('.partial'));
  } catch {
    return;
  }
  const byUse = entries
    .map((e) => ({ path: join(store, e.name), used: statSync(join(store, e.name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { path } of byUse.slice(keep)) rmSync(path, { recursive: true, force: true });
}

/**
 * Deletes the dist a build replaced, after the build: the new one is in
 * place already, and deleting a large archive's folder (a hundred
 * thousand pages) takes as long as a good part of building it. A process
 * of its own, at the lowest priority, left running when the build exits;
 * READER_BUILD_WAIT=1 waits for it instead (the bench, so that one build's
 * deletion is not counted against the next command it times).
 */
function removeLater(dir, env) {
  if (env.READER_BUILD_WAIT === '1') {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const child = spawn('nice', ['-n', '19', 'rm', '-rf', dir], { detached: true, stdio: 'ignore' });
  child.on('error', () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

/**
 * The stages' two tools (the content build, the prerender), built by
 * cargo if they are not up to date, in READER_TOOLS_PROFILE: `tools` by
 * default (optimised, `Cargo.toml`'s `[profile.tools]`; compiled once, a
 * few minutes the first time), so that a newcomer's build of a large
 * archive is as fast as it can be; the tests pass `dev`, the profile they
 * have built. READER_TOOLS names a folder that holds them, as they are.
 */
function tools(env) {
  if (env.READER_TOOLS) return {};
  const profile = env.READER_TOOLS_PROFILE || 'tools';
  const t = Date.now();
  const built = spawnSync('scripts/pipeline.sh', ['tools'], {
    cwd: REPO,
    env: { ...env, READER_TOOLS_PROFILE: profile },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (built.status !== 0) throw new BuildError(`the tools (cargo build --profile ${profile}) failed`);
  const folder = built.stdout.trim().split('\n').pop();
  console.log(`build: tools (profile ${profile}) ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { READER_TOOLS: folder, READER_TOOLS_PROFILE: profile };
}

/** Keeps what the dist was made from, for the next build's plan. */
function writeStamp(p) {
  mkdirSync(dirname(p.stampFile), { recursive: true });
  writeFileSync(p.stampFile, `${JSON.stringify(p.stamp, null, 1)}\n`);
}

/** Runs the plan's stages. */
export function run(p, env = process.env) {
  const started = Date.now();
  const lap = (what, since) => console.log(`build: ${what} in ${((Date.now() - since) / 1000).toFixed(1)} s`);
  let t = Date.now();
  console.log(`build: app bundle ${p.key}: ${p.bundle.action} (${p.bundle.why})`);
  if (p.bundle.action === 'build') {
    buildBundle(p, env);
    lap('app bundle built', t);
  }
  const now = new Date();
  utimesSync(p.bundle.dir, now, now);
  prune(dirname(p.bundle.dir), KEEP);

  const ready = tools(env);
  console.log(`build: ${relative(REPO, p.dist) || '.'}: ${p.mode.kind === 'update' ? 'updated in place' : 'built afresh'} (${p.mode.why})`);
  // No stamp while the dist is being made: a build cut short is never
  // taken for a finished one.
  rmSync(p.stampFile, { force: true });
  if (p.mode.kind === 'update') {
    t = Date.now();
    runStep('scripts/pipeline.sh', ['update', p.content, p.dist], { env: { ...env, ...ready } });
    lap('content and pages updated', t);
    writeStamp(p);
    console.log(`build: ${relative(REPO, p.dist) || '.'} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  t = Date.now();
  rmSync(p.staging, { recursive: true, force: true });
  cpSync(join(p.bundle.dir, 'bundle'), p.staging, { recursive: true });
  const stageEnv = {
    ...env,
    ...ready,
    TRUNK_STAGING_DIR: p.staging,
    TRUNK_DIST_DIR: p.dist,
    TRUNK_PUBLIC_URL: p.args.publicUrl,
    TRUNK_PROFILE: p.args.release ? 'release' : 'debug',
  };
  delete stageEnv.READER_APP_ONLY;
  runStep('scripts/pipeline.sh', ['content', p.content, join(p.staging, 'content')], { env: stageEnv });
  lap('content', t);
  t = Date.now();
  runStep('scripts/pipeline.sh', ['prerender', p.staging], { env: stageEnv });
  lap('prerender', t);

  t = Date.now();
  const replaced = existsSync(p.dist);
  if (replaced) {
    mkdirSync(dirname(p.old), { recursive: true });
    renameSync(p.dist, p.old);
  }
  renameSync(p.staging, p.dist);
  if (replaced) removeLater(p.old, env);
  writeStamp(p);
  lap('published', t);
  console.log(`build: ${relative(REPO, p.dist) || '.'} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const store = join(targetDir(process.env), 'app-bundles');
    const p = plan({ root: REPO, args, env: process.env, tools: toolVersions(), store });
    run(p);
  } catch (err) {
    if (err instanceof BuildError) {
      console.error(`build: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
