// The full build's plan (scripts/build.mjs): where the app bundle comes
// from (reused, keyed by the hash of what made it, or made by Trunk) and
// whether the dist is built afresh or updated in place, each with why.
// Reads files and asks the tools their versions; changes nothing.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
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

/** The manifests cargo builds from, relative to `root`. */
function manifestPaths(root) {
  const manifests = ['Cargo.toml', 'Cargo.lock', '.cargo/config.toml'];
  for (const crate of readdirSync(join(root, 'crates'), { withFileTypes: true })) {
    if (crate.isDirectory()) manifests.push(join('crates', crate.name, 'Cargo.toml'));
  }
  return manifests;
}

/** The fixed inputs' paths, relative to `root`. */
export function fixedInputPaths(root) {
  return [...[...manifestPaths(root), 'Trunk.toml', 'index.html'].sort(), ...filesBelow(root, 'assets')];
}

/** The environment that changes what cargo or Trunk make, as key lines. */
function envLines(env) {
  return Object.keys(env)
    .filter((name) => ENV_INPUT.test(name))
    .sort()
    .map((name) => `env ${name}=${env[name]}`);
}

/** A short key of `lines` and of each file's hash (`paths`, relative to `root`). */
function keyOf(root, lines, paths) {
  const files = paths.map((path) => `file ${path}=${hashFile(join(root, path))}`);
  return sha256([...lines, ...files].join('\n')).slice(0, 20);
}

/**
 * The key of the fixed inputs: the files above, the tools' versions, the
 * flags and the environment. Two builds with the same key and the same
 * sources make the same bundle.
 */
export function fixedKey(root, args, env, tools) {
  const lines = [
    `release=${args.release}`,
    `public-url=${args.publicUrl}`,
    ...Object.entries(tools).map(([name, version]) => `tool ${name}=${version}`),
    ...envLines(env),
  ];
  return keyOf(root, lines, fixedInputPaths(root));
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
 * not installed): the version each prints, asked of all at once, but for
 * npm's wasm-opt, whose start takes a third of a second: the version of
 * the npm package it comes from (or, outside one, its executable's path,
 * size and time).
 */
export async function toolVersions(env = process.env) {
  const version = (command, ...args) =>
    new Promise((done) => {
      execFile(command, args, { encoding: 'utf8', env }, (err, stdout) => done(err ? 'missing' : stdout.trim()));
    });
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
  const [rustc, trunk, wasmBindgen] = await Promise.all([
    version('rustc', '-vV'),
    version('trunk', '--version'),
    version('wasm-bindgen', '--version'),
  ]);
  return { rustc, trunk, 'wasm-bindgen': wasmBindgen, 'wasm-opt': npmTool('wasm-opt') };
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

/** The stages' two tools, as cargo names their executables. */
export const STAGE_TOOLS = ['reader-content', 'reader-prerender'];

/** Where the tools' stamp is kept: beside them, in cargo's folder for their profile. */
export function toolsStampPath(folder) {
  return join(folder, 'reader-tools.json');
}

/** The key of what makes the stages' tools besides their sources: their profile, the compiler, its environment, every manifest. */
export function toolsKey(root, profile, env, rustc) {
  return keyOf(root, [`profile=${profile}`, `rustc=${rustc}`, ...envLines(env)], manifestPaths(root).sort());
}

/** Each tool's executable as it is now (size and time), or null if one is missing. */
export function executables(folder) {
  const found = {};
  for (const name of STAGE_TOOLS) {
    try {
      const { size, mtimeMs } = statSync(join(folder, name));
      found[name] = { size, mtimeMs };
    } catch {
      return null;
    }
  }
  return found;
}

/**
 * Whether the stages' tools (the content build, the prerender) need cargo,
 * as the bundle does: reused when the stamp cargo's last build of them
 * left says they were made with this key (profile, rustc, the compiler's
 * environment, every manifest) from sources that have not changed since,
 * and the executables are the ones it made (so that any other build of
 * them, by the tests or by hand, sends this one to cargo again). cargo's
 * own check of a workspace costs a fifth of a second, the whole of a small
 * archive's prerender. READER_TOOLS names a folder whose tools are taken
 * as they are.
 */
export function toolsPlan({ root, env, rustc, target }) {
  if (env.READER_TOOLS) return { action: 'given', folder: env.READER_TOOLS, profile: env.READER_TOOLS_PROFILE || '', why: 'READER_TOOLS' };
  const profile = env.READER_TOOLS_PROFILE || 'tools';
  const folder = join(target, profile === 'dev' || profile === 'test' ? 'debug' : profile);
  const key = toolsKey(root, profile, env, rustc);
  const build = (why) => ({ action: 'build', folder, profile, key, why });
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(toolsStampPath(folder), 'utf8'));
  } catch {
    return build('no stamp of a build by this script');
  }
  if (stamp.key !== key) return build('the profile, compiler or a manifest changed');
  if (JSON.stringify(executables(folder)) !== JSON.stringify(stamp.executables)) return build('built since, by something else');
  const sources = stamp.sources ?? {};
  if (Object.keys(sources).length === 0) return build('its stamp names no sources');
  const changed = changedSource(root, sources);
  if (changed) return build(`${changed} changed`);
  return { action: 'reuse', folder, profile, key, why: `${Object.keys(stamp.sources).length} sources unchanged` };
}

/**
 * The plan: where the bundle comes from and why, and the folders.
 * `store` is target/app-bundles (in `target`, cargo's folder); `tools`
 * the tools' versions.
 */
export function plan({ root, args, env, tools, store, target = dirname(store) }) {
  const key = fixedKey(root, args, env, tools);
  const dir = join(store, key);
  let bundle;
  let sourcesText = null;
  let sources = null;
  try {
    sourcesText = readFileSync(join(dir, 'sources.json'), 'utf8');
    sources = JSON.parse(sourcesText);
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
  // The bundle's identity as well as its key: a bundle rebuilt under the
  // same key (a source changed) is another app, though its key is not.
  const stamp = { key, bundle: bundle.action === 'reuse' ? identityOf(sourcesText) : null, ...distSettings(root, args, env, content) };
  const stampFile = stampPath(root, dist, env);
  return {
    key,
    bundle,
    tools: toolsPlan({ root, env, rustc: tools.rustc, target }),
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

/**
 * What identifies the bundle stored in `dir`: a hash of the sources it was
 * made from (its `sources.json`), which its key does not hold; null when
 * there is none.
 */
export function bundleIdentity(dir) {
  try {
    return identityOf(readFileSync(join(dir, 'sources.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** The identity of a bundle whose `sources.json` reads `text`. */
function identityOf(text) {
  return sha256(text).slice(0, 20);
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
  if (changed === 'bundle') return fresh('its app was rebuilt since it was made');
  if (changed) return fresh(`its ${changed === 'key' ? 'app bundle' : changed} changed`);
  return { kind: 'update', why: 'made by the same app, with the same settings' };
}
