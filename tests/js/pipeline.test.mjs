// The site's pipeline (scripts/pipeline.sh), which Trunk's hooks,
// scripts/update.sh and the preview run: it finds the tools wherever cargo
// puts them (CARGO_TARGET_DIR elsewhere included) and runs the content
// build, then the prerender. A stand-in `cargo` and stand-in tools record
// what they were asked, so no build is needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PIPELINE = join(REPO, 'scripts', 'pipeline.sh');
const UPDATE = join(REPO, 'scripts', 'update.sh');

function script(path, body) {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** A stand-in cargo that says it built each tool into `$CARGO_TARGET_DIR/<profile>/`, as cargo's JSON messages do. */
function fakeCargo(bin, log) {
  script(
    join(bin, 'cargo'),
    `echo "cargo $*" >> "${log}"
profile=debug
package=
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; [ "$profile" = dev ] && profile=debug; shift ;;
    -p) package=$2; shift ;;
  esac
  shift
done
echo '{"reason":"compiler-artifact","executable":"'"$CARGO_TARGET_DIR/$profile/$package"'"}'
echo '{"reason":"build-finished","success":true}'`,
  );
}

/**
 * Stand-in tools left in `<root>/elsewhere/debug` (what cargo built there
 * before), each logging its arguments to `log`; an empty `<root>/dist`.
 * Returns CARGO_TARGET_DIR and the dist.
 */
function fakeToolsAndDist(root, log) {
  const elsewhere = join(root, 'elsewhere');
  const tools = join(elsewhere, 'debug');
  mkdirSync(tools, { recursive: true });
  for (const name of ['reader-content', 'reader-prerender']) script(join(tools, name), `echo "${name} $*" >> "${log}"`);
  const dist = join(root, 'dist');
  mkdirSync(dist);
  return { elsewhere, dist };
}

test('the tools are found where CARGO_TARGET_DIR puts them, in the profile asked for', () => {
  const root = mkdtempSync(join(tmpdir(), 'reader-pipeline-'));
  try {
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const log = join(root, 'cargo.log');
    fakeCargo(bin, log);
    const elsewhere = join(root, 'elsewhere', 'target');
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, CARGO_TARGET_DIR: elsewhere };
    const found = execFileSync(PIPELINE, ['tools'], { env, encoding: 'utf8' }).trim();
    assert.equal(found, join(elsewhere, 'debug'));
    const optimised = execFileSync(PIPELINE, ['tools'], { env: { ...env, READER_TOOLS_PROFILE: 'tools' }, encoding: 'utf8' }).trim();
    assert.equal(optimised, join(elsewhere, 'tools'));
    assert.match(readFileSync(log, 'utf8'), /-p reader-content[\s\S]*-p reader-prerender/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('update.sh runs the content build, then the prerender in update mode, with the tools from CARGO_TARGET_DIR', () => {
  const root = mkdtempSync(join(tmpdir(), 'reader-pipeline-'));
  try {
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const log = join(root, 'runs.log');
    fakeCargo(bin, join(root, 'cargo.log'));
    const { elsewhere, dist } = fakeToolsAndDist(root, log);
    // update.sh puts $CARGO_HOME/bin first on PATH: the stand-in is there.
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, CARGO_HOME: root, CARGO_TARGET_DIR: elsewhere, READER_DEPLOY_CONFIGS: join(root, 'deploy') };

    // Not a finished build: refused, with the reason.
    const refused = spawnSync(UPDATE, ['content', dist], { env, encoding: 'utf8' });
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /holds no finished build/);

    writeFileSync(join(dist, '404.html'), '<!doctype html>');
    execFileSync(UPDATE, ['my-content', dist], { env, encoding: 'utf8' });
    assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n'), [
      `reader-content build my-content ${dist}/content`,
      `reader-prerender ${dist} --configs ${join(root, 'deploy')} --update`,
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a tool that fails to build stops the update: no tool left from before runs', () => {
  const root = mkdtempSync(join(tmpdir(), 'reader-pipeline-'));
  try {
    const bin = join(root, 'bin');
    mkdirSync(bin);
    const log = join(root, 'runs.log');
    // cargo builds reader-build, then fails on reader-content, as a compile error does.
    script(
      join(bin, 'cargo'),
      `case "$*" in
  *"-p reader-content"*) echo "error[E0308]: mismatched types" >&2; exit 101 ;;
esac
echo '{"reason":"compiler-artifact","executable":"'"$CARGO_TARGET_DIR/debug/reader-build"'"}'`,
    );
    // The tools an earlier build left there.
    const { elsewhere, dist } = fakeToolsAndDist(root, log);
    writeFileSync(join(dist, '404.html'), '<!doctype html>');
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, CARGO_HOME: root, CARGO_TARGET_DIR: elsewhere, READER_DEPLOY_CONFIGS: join(root, 'deploy') };

    const update = spawnSync(UPDATE, ['my-content', dist], { env, encoding: 'utf8' });
    assert.notEqual(update.status, 0);
    assert.match(update.stderr, /mismatched types/);
    assert.throws(() => readFileSync(log, 'utf8'), { code: 'ENOENT' });

    const found = spawnSync(PIPELINE, ['tools'], { env, encoding: 'utf8' });
    assert.notEqual(found.status, 0);
    assert.equal(found.stdout, '');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
