// The full build's plan (scripts/build.mjs): the app bundle is reused only
// when nothing that made it changed, and rebuilt when anything did (a
// source, a manifest, an asset, a tool, a flag, the compiler's
// environment); so are the stages' tools, whose stamp stands in for
// cargo's own check. The real builds are in scripts/test.sh: the bundle
// that reuses is compared byte for byte with Trunk's own build there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import {
  BuildError,
  executables,
  hashSources,
  parseArgs,
  parseDepInfo,
  plan,
  toolsKey,
  toolsStampPath,
} from '../../scripts/build/plan.mjs';

const TOOLS = { rustc: 'rustc 1.95.0', trunk: 'trunk 0.21.14', 'wasm-bindgen': '0.2.100', 'wasm-opt': 'version_132' };

function write(root, path, text) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A workspace with an app, a crate it links, a label table it includes, and a bundle stored for it. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'reader-build-'));
  write(root, 'Cargo.toml', '[package]\nname = "reader"\n');
  write(root, 'Cargo.lock', '# lock\n');
  write(root, 'Trunk.toml', '[build]\n');
  write(root, 'index.html', '<!DOCTYPE html>\n');
  write(root, 'assets/styles/base.css', 'body { margin: 0 }\n');
  write(root, 'crates/model/Cargo.toml', '[package]\nname = "reader-model"\n');
  write(root, 'src/main.rs', 'fn main() {}\n');
  write(root, 'crates/model/src/lib.rs', 'pub fn f() {}\n');
  write(root, 'i18n/en.json', '{}\n');
  write(root, 'content/articles/a.md', '# A\n');
  const store = join(root, 'target', 'app-bundles');
  return { root, store };
}

function store(ws, args, env = {}, tools = TOOLS) {
  const p = plan({ root: ws.root, args, env, tools, store: ws.store });
  write(ws.root, join('target/app-bundles', p.key, 'bundle', 'index.html'), '<html>');
  const sources = hashSources(ws.root, ['src/main.rs', 'crates/model/src/lib.rs', 'i18n/en.json']);
  write(ws.root, join('target/app-bundles', p.key, 'sources.json'), JSON.stringify(sources));
  return p;
}

test('the bundle is built when the store has none, and reused when nothing changed', () => {
  const ws = workspace();
  const args = parseArgs(['--release']);
  assert.equal(plan({ root: ws.root, args, env: {}, tools: TOOLS, store: ws.store }).bundle.action, 'build');
  const stored = store(ws, args);
  const again = plan({ root: ws.root, args, env: {}, tools: TOOLS, store: ws.store });
  assert.equal(again.bundle.action, 'reuse');
  assert.equal(again.key, stored.key);
  rmSync(ws.root, { recursive: true, force: true });
});

test('an article, or any file the app was not built from, changes nothing', () => {
  const ws = workspace();
  const args = parseArgs(['--release']);
  store(ws, args);
  write(ws.root, 'content/articles/a.md', '# A, edited\n');
  write(ws.root, 'content/articles/b.md', '# B\n');
  write(ws.root, 'docs/editors.md', 'words\n');
  write(ws.root, 'src/unused.rs', '// not a module of the app\n');
  const p = plan({ root: ws.root, args, env: { HOME: '/elsewhere', READER_CONTENT: 'other' }, tools: TOOLS, store: ws.store });
  assert.equal(p.bundle.action, 'reuse');
  assert.equal(p.content, 'other');
  rmSync(ws.root, { recursive: true, force: true });
});

test('a changed source the app was compiled from rebuilds it, and says which', () => {
  for (const source of ['src/main.rs', 'crates/model/src/lib.rs', 'i18n/en.json']) {
    const ws = workspace();
    const args = parseArgs(['--release']);
    store(ws, args);
    write(ws.root, source, '// changed\n');
    const p = plan({ root: ws.root, args, env: {}, tools: TOOLS, store: ws.store });
    assert.deepEqual([p.bundle.action, p.bundle.why], ['build', `${source} changed`], source);
    rmSync(ws.root, { recursive: true, force: true });
  }
});

test('a deleted source rebuilds it', () => {
  const ws = workspace();
  const args = parseArgs(['--release']);
  store(ws, args);
  rmSync(join(ws.root, 'crates/model/src/lib.rs'));
  assert.equal(plan({ root: ws.root, args, env: {}, tools: TOOLS, store: ws.store }).bundle.action, 'build');
  rmSync(ws.root, { recursive: true, force: true });
});

test('a manifest, the lock, an asset, a tool, a flag or the compiler environment makes another key', () => {
  const changes = {
    'a dependency': (ws) => write(ws.root, 'Cargo.lock', '# lock, another version\n'),
    "a crate's manifest": (ws) => write(ws.root, 'crates/model/Cargo.toml', '[features]\nx = []\n'),
    'cargo config': (ws) => write(ws.root, '.cargo/config.toml', '[build]\nrustflags = []\n'),
    "Trunk's config": (ws) => write(ws.root, 'Trunk.toml', '[build]\nminify = "never"\n'),
    'the template': (ws) => write(ws.root, 'index.html', '<!DOCTYPE html><title>x</title>\n'),
    'the styles': (ws) => write(ws.root, 'assets/styles/base.css', 'body { margin: 1px }\n'),
    'a new asset': (ws) => write(ws.root, 'assets/icon.png', 'png'),
  };
  for (const [what, change] of Object.entries(changes)) {
    const ws = workspace();
    const args = parseArgs(['--release']);
    const stored = store(ws, args);
    change(ws);
    const p = plan({ root: ws.root, args, env: {}, tools: TOOLS, store: ws.store });
    assert.notEqual(p.key, stored.key, what);
    assert.equal(p.bundle.action, 'build', what);
    rmSync(ws.root, { recursive: true, force: true });
  }
  const ws = workspace();
  const args = parseArgs(['--release']);
  const { key } = store(ws, args);
  const keyOf = (a, env, tools) => plan({ root: ws.root, args: a, env, tools, store: ws.store }).key;
  assert.notEqual(keyOf(parseArgs([]), {}, TOOLS), key, 'a debug build');
  assert.notEqual(keyOf(parseArgs(['--release', '--public-url', '/news/']), {}, TOOLS), key, 'another public URL');
  assert.notEqual(keyOf(args, { RUSTFLAGS: '-C opt-level=1' }, TOOLS), key, 'RUSTFLAGS');
  assert.notEqual(keyOf(args, { CARGO_PROFILE_RELEASE_LTO: 'false' }, TOOLS), key, 'a profile setting');
  assert.notEqual(keyOf(args, {}, { ...TOOLS, 'wasm-opt': 'version_133' }), key, 'another wasm-opt');
  assert.notEqual(keyOf(args, {}, { ...TOOLS, rustc: 'rustc 1.96.0' }), key, 'another compiler');
  assert.equal(keyOf(args, { PATH: '/x', READER_OFFLINE: 'off' }, TOOLS), key, 'the stages’ settings are not the app’s');
  rmSync(ws.root, { recursive: true, force: true });
});

test("cargo's dep-info is read as cargo writes it: escaped spaces, the registry and the toolchain left out", () => {
  const root = '/repo';
  const text = [
    '/repo/target/wasm32-unknown-unknown/release/reader.wasm: /repo/src/main.rs /repo/src/my\\ file.rs /repo/crates/model/src/../../../i18n/en.json /home/u/.cargo/registry/src/index/leptos-0.8.0/src/lib.rs /home/u/.rustup/toolchains/x/lib/rustlib/src/core/lib.rs /opt/vendored/lib.rs',
    '',
    '/repo/src/main.rs:',
    '',
  ].join('\n');
  const paths = parseDepInfo(text, { root, cargoHome: '/home/u/.cargo', rustupHome: '/home/u/.rustup' });
  assert.deepEqual(paths, ['/opt/vendored/lib.rs', 'i18n/en.json', 'src/main.rs', 'src/my file.rs']);
});

test('the command line takes what trunk build takes, and says what it does not', () => {
  assert.deepEqual(parseArgs(['--release', '--public-url', '/news', '--dist', 'target/x']), {
    release: true,
    publicUrl: '/news/',
    dist: 'target/x',
  });
  assert.throws(() => parseArgs(['--watch']), BuildError);
  assert.throws(() => parseArgs(['--dist']), BuildError);
  assert.throws(() => parseArgs(['--public-url', 'news']), BuildError);
});

test('a build into a dist it made from the same app and settings updates it in place; anything else builds afresh', () => {
  const ws = workspace();
  const args = parseArgs(['--release', '--dist', 'site']);
  store(ws, args);
  const env = { READER_CONTENT: 'content' };
  const planned = (a = args, e = env) => plan({ root: ws.root, args: a, env: e, tools: TOOLS, store: ws.store });
  assert.deepEqual(planned().mode, { kind: 'fresh', why: 'no finished build there' });
  write(ws.root, 'site/404.html', '<html>');
  assert.equal(planned().mode.kind, 'fresh', 'a dist with no stamp');
  const p = planned();
  write(ws.root, p.stampFile.slice(ws.root.length + 1), JSON.stringify(p.stamp));
  assert.deepEqual(planned().mode, { kind: 'update', why: 'made by the same app, with the same settings' });
  assert.equal(planned(args, { ...env, READER_CONTENT: 'other' }).mode.why, 'its content changed');
  assert.equal(planned(args, { ...env, READER_OFFLINE: 'off' }).mode.why, 'its offline changed');
  assert.equal(planned(args, { ...env, READER_DEPLOY_CONFIGS: 'elsewhere' }).mode.why, 'its configs changed');
  assert.equal(planned(parseArgs(['--release', '--dist', 'site', '--public-url', '/news/'])).mode.kind, 'fresh', 'another public URL');
  assert.equal(planned(args, { ...env, READER_BUILD_FRESH: '1' }).mode.kind, 'fresh');
  assert.equal(planned(args, { ...env, READER_SHARD: '1/2' }).mode.kind, 'fresh');
  write(ws.root, 'src/main.rs', '// the app changed\n');
  assert.deepEqual(planned().mode, { kind: 'fresh', why: 'the app changed' });
  // Another build has since made the bundle again from the changed source,
  // under the same key: this dist, made by the bundle before, is built
  // afresh, not updated in place around the old app.
  write(ws.root, join('target/app-bundles', p.key, 'sources.json'), JSON.stringify(hashSources(ws.root, ['src/main.rs', 'crates/model/src/lib.rs', 'i18n/en.json'])));
  assert.equal(planned().bundle.action, 'reuse');
  assert.equal(planned().key, p.key);
  assert.deepEqual(planned().mode, { kind: 'fresh', why: 'its app was rebuilt since it was made' });
  rmSync(ws.root, { recursive: true, force: true });
});

/** The stages' tools as cargo's build of them leaves them in `folder` (`tools` profile), with the stamp run.mjs writes. */
function toolsBuilt(ws, env = {}, profile = 'tools') {
  const folder = join(ws.root, 'target', profile);
  write(ws.root, join('target', profile, 'reader-content'), 'content tool');
  write(ws.root, join('target', profile, 'reader-prerender'), 'prerender tool');
  const stamp = {
    key: toolsKey(ws.root, profile, env, TOOLS.rustc),
    executables: executables(folder),
    sources: hashSources(ws.root, ['crates/model/src/lib.rs', 'crates/content/src/main.rs']),
  };
  write(ws.root, toolsStampPath(folder).slice(ws.root.length + 1), JSON.stringify(stamp));
  return folder;
}

test("the stages' tools go to cargo unless their stamp says nothing that made them changed", () => {
  const ws = workspace();
  write(ws.root, 'crates/content/src/main.rs', 'fn main() {}\n');
  const args = parseArgs(['--release']);
  const tools = (env = {}, versions = TOOLS) => plan({ root: ws.root, args, env, tools: versions, store: ws.store }).tools;
  assert.deepEqual([tools().action, tools().why], ['build', 'no stamp of a build by this script']);
  const folder = toolsBuilt(ws);
  assert.deepEqual(tools(), { action: 'reuse', folder, profile: 'tools', key: tools().key, why: '2 sources unchanged' });
  assert.equal(tools({ READER_CONTENT: 'other', PATH: '/x' }).action, 'reuse', 'the stages’ settings are not the tools’');
  assert.deepEqual(tools({ READER_TOOLS: '/opt/tools' }), { action: 'given', folder: '/opt/tools', profile: '', why: 'READER_TOOLS' });
  const dev = tools({ READER_TOOLS_PROFILE: 'dev' });
  assert.deepEqual([dev.action, dev.folder], ['build', join(ws.root, 'target', 'debug')], 'another profile, in its own folder');
  assert.equal(tools({ RUSTFLAGS: '-C opt-level=1' }).action, 'build', 'RUSTFLAGS');
  assert.equal(tools({}, { ...TOOLS, rustc: 'rustc 1.96.0' }).action, 'build', 'another compiler');
  rmSync(ws.root, { recursive: true, force: true });
});

test("a changed source, manifest or executable of the stages' tools sends them to cargo, and says why", () => {
  const changes = {
    'crates/model/src/lib.rs changed': (ws) => write(ws.root, 'crates/model/src/lib.rs', '// changed\n'),
    'crates/content/src/main.rs changed': (ws) => rmSync(join(ws.root, 'crates/content/src/main.rs')),
    'the profile, compiler or a manifest changed': (ws) => write(ws.root, 'Cargo.lock', '# lock, another version\n'),
    'built since, by something else': (ws) => utimesSync(join(ws.root, 'target/tools/reader-prerender'), new Date(), new Date(Date.now() + 5000)),
    'its stamp names no sources': (ws) => {
      const path = toolsStampPath(join(ws.root, 'target/tools'));
      writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), sources: {} }));
    },
  };
  for (const [why, change] of Object.entries(changes)) {
    const ws = workspace();
    write(ws.root, 'crates/content/src/main.rs', 'fn main() {}\n');
    toolsBuilt(ws);
    change(ws);
    const { action, why: said } = plan({ root: ws.root, args: parseArgs([]), env: {}, tools: TOOLS, store: ws.store }).tools;
    assert.deepEqual([action, said], ['build', why]);
    rmSync(ws.root, { recursive: true, force: true });
  }
});
