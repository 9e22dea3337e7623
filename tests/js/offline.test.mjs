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

test('the worker never takes over a page an older worker serves; it takes charge of those with none as it activates', () => {
  const source = readFileSync(new URL('../../crates/prerender/src/offline/sw.js', import.meta.url), 'utf8');
  const code = source.replace(/^\s*\/\/.*$/gm, '');
  assert.ok(!code.includes('skipWaiting'), 'no skipWaiting: a new worker waits until no page uses the old one');
  // clients.claim() only in the activate handler: a worker is activated
  // once no page is served by an older one, so it claims only the pages
  // served by none (a first visit's), whose app's data it then keeps.
  const activate = code.slice(code.indexOf("addEventListener('activate'"), code.indexOf("addEventListener('fetch'"));
  assert.equal(code.split('clients.claim').length - 1, 1, 'one clients.claim');
  assert.ok(activate.includes('clients.claim()'), 'in the activate handler');
});
