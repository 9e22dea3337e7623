// The offline scripts (crates/prerender/src/offline/) are valid
// JavaScript as the prerender writes them (after a `config` line); what
// they do is tested in Chromium (tests/browser/offline.test.mjs).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

for (const file of ['sw.js', 'kill-switch.js', 'page.js']) {
  test(`${file} is valid JavaScript`, () => {
    const source = readFileSync(new URL(`../../crates/prerender/src/offline/${file}`, import.meta.url), 'utf8');
    assert.doesNotThrow(() => new vm.Script(`const config = {};\n${source}`, { filename: file }));
  });
}

test('the worker never takes over a page it did not load', () => {
  const source = readFileSync(new URL('../../crates/prerender/src/offline/sw.js', import.meta.url), 'utf8');
  const code = source.replace(/^\s*\/\/.*$/gm, '');
  assert.ok(!code.includes('skipWaiting'), 'no skipWaiting');
  assert.ok(!code.includes('clients.claim'), 'no clients.claim');
});
