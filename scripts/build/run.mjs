// The full build's stages (scripts/build.mjs), run as its plan
// (./plan.mjs) says: the bundle, the tools, the stage, the content build
// and the prerender, the publishing; or the update in place.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { BuildError, STAGE_TOOLS, bundleIdentity, executables, hashSources, parseDepInfo, toolsStampPath } from './plan.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The app's binaries Trunk builds (index.html's `rel="rust"` links). */
const APP_BINARIES = ['reader', 'reading'];
/** How many bundles the store keeps (the most recently used). */
const KEEP = 3;

function runStep(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: REPO, ...options });
  if (result.error) throw new BuildError(`${command}: ${result.error.message}`);
  if (result.status !== 0) throw new BuildError(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

export function targetDir(env) {
  if (env.CARGO_TARGET_DIR) return resolve(REPO, env.CARGO_TARGET_DIR);
  return join(REPO, 'target');
}

/**
 * The source files cargo's dep-info files (`paths`) name, outside the
 * registry and the toolchain, each with its hash.
 */
function sourcesOf(paths, env) {
  const sources = new Set();
  for (const depInfo of paths) {
    let text;
    try {
      text = readFileSync(depInfo, 'utf8');
    } catch (err) {
      throw new BuildError(`cargo's dep-info ${depInfo} cannot be read: ${err.message}`);
    }
    const named = parseDepInfo(text, {
      root: REPO,
      cargoHome: env.CARGO_HOME || join(env.HOME || '/', '.cargo'),
      rustupHome: env.RUSTUP_HOME || join(env.HOME || '/', '.rustup'),
    });
    for (const path of named) sources.add(path);
  }
  return hashSources(REPO, [...sources].sort());
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
  // Both apps' sources: the whole app's (`reader`) and the reading app's
  // (`reading`, src/bin/reading.rs).
  const built = join(targetDir(env), 'wasm32-unknown-unknown', profile);
  const sources = sourcesOf(APP_BINARIES.map((name) => join(built, `${name}.d`)), env);
  writeFileSync(join(partial, 'sources.json'), `${JSON.stringify(sources, null, 1)}\n`);
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
 * READER_BUILD_WAIT=1 waits for it instead; READER_BUILD_KEEP_OLD=1 leaves
 * it where it is (the scale bench, which deletes nothing until it has timed
 * every build: see bench/set-aside.mjs).
 */
function removeLater(dir, env) {
  if (env.READER_BUILD_KEEP_OLD === '1') return;
  if (env.READER_BUILD_WAIT === '1') {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const child = spawn('nice', ['-n', '19', 'rm', '-rf', dir], { detached: true, stdio: 'ignore' });
  child.on('error', () => rmSync(dir, { recursive: true, force: true }));
  child.unref();
}

/**
 * The stages' two tools (the content build, the prerender), as the plan
 * says: taken as they are (READER_TOOLS), reused (their stamp says nothing
 * that made them changed), or built by cargo in their profile: `tools`
 * by default (optimised, `Cargo.toml`'s `[profile.tools]`; compiled once,
 * a few minutes the first time), so that a newcomer's build of a large
 * archive is as fast as it can be; the tests pass `dev`, the profile they
 * have built. After cargo, the stamp is written for the next build.
 */
function tools(planned, env) {
  if (planned.action === 'given') return {};
  const t = Date.now();
  const ready = { READER_TOOLS: planned.folder, READER_TOOLS_PROFILE: planned.profile };
  if (planned.action === 'reuse') {
    console.log(`build: tools (profile ${planned.profile}) reused (${planned.why})`);
    return ready;
  }
  const built = spawnSync('scripts/pipeline.sh', ['tools'], {
    cwd: REPO,
    env: { ...env, READER_TOOLS_PROFILE: planned.profile },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (built.status !== 0) throw new BuildError(`the tools (cargo build --profile ${planned.profile}) failed`);
  const folder = built.stdout.trim().split('\n').pop();
  if (resolve(folder) === resolve(planned.folder)) {
    const stamp = {
      key: planned.key,
      executables: executables(folder),
      sources: sourcesOf(STAGE_TOOLS.map((name) => join(folder, `${name}.d`)), env),
    };
    writeFileSync(toolsStampPath(folder), `${JSON.stringify(stamp, null, 1)}\n`);
  }
  console.log(`build: tools (profile ${planned.profile}) ready in ${((Date.now() - t) / 1000).toFixed(1)} s (${planned.why})`);
  return { READER_TOOLS: folder, READER_TOOLS_PROFILE: planned.profile };
}

/** Keeps what the dist was made from, for the next build's plan: the bundle as it is now (made by this build, or reused). */
function writeStamp(p) {
  mkdirSync(dirname(p.stampFile), { recursive: true });
  const stamp = { ...p.stamp, bundle: bundleIdentity(p.bundle.dir) };
  writeFileSync(p.stampFile, `${JSON.stringify(stamp, null, 1)}\n`);
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

  const ready = tools(p.tools, env);
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
