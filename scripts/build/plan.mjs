// The full build's plan (scripts/build.mjs): where the app bundle comes
// from (reused, keyed by the hash of what made it, or made by Trunk) and
// whether the dist is built afresh or updated in place, each with why.
// Reads files and asks the tools their versions; changes nothing.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

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
