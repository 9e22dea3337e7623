// The wasm size report: where the bytes of the apps' code go, by crate and
// by function.
//
//   node bench/size-report.mjs [wasm]   (default: both apps of the last release build)
//
// Reads `twiggy top` (crates.io; scripts/setup.sh --bench installs it) on
// wasm-bindgen's output before wasm-opt, which still has function names:
// each function's bytes summed under the crate its name starts with, and
// the biggest functions, their copies for each type (a generic's
// monomorphizations, told apart by their hash) counted as one.
// Exported for bench.mjs, which puts the tables in BENCHMARKS.md.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from '../tests/browser/support.mjs';

const BUILT = join(REPO, 'target', 'wasm-bindgen', 'release');
/** The whole app (search, the speakers' pages). */
export const WHOLE_WASM = join(BUILT, 'reader_bg.wasm');
/** The reading app (src/bin/reading.rs: the lists, an article, its speeches). */
export const READING_WASM = join(BUILT, 'reading_bg.wasm');

const NOT_CODE = /function names|custom section|producers|target_features/;

/** [{ name, bytes }] of every item of `wasm` but its names and custom sections. */
function items(wasm) {
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const all = [];
  for (const line of csv.trim().split('\n').slice(1)) {
    const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (!match) continue;
    const name = match[1].replace(/^"|"$/g, '').replace(/""/g, '"');
    if (!NOT_CODE.test(name)) all.push({ name, bytes: Number(match[2]) });
  }
  return all;
}

/** What an item is counted under: its crate, the static data or the glue. */
function crateOf(name) {
  if (name.startsWith('data segment')) return '(static data: strings, tables)';
  return name.match(/([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1] ?? '(unnamed glue)';
}

/** `totals` ([key, bytes]) as rows, biggest first, each with its share of `all`. */
function ranked(totals, all, label) {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, bytes]) => ({ [label]: key, bytes, share: bytes / all }));
}

/**
 * The size report of `wasm`, from one reading of twiggy's table: `total`,
 * the bytes of its code and data; `crates`, [{ crate, bytes, share }];
 * `functions`, [{ fn, copies, bytes, share }], a function's copies (the
 * same path with another hash) summed; each biggest first.
 */
export function sizeReport(wasm) {
  const byCrate = new Map();
  const byFunction = new Map();
  const copies = new Map();
  let total = 0;
  for (const { name, bytes } of items(wasm)) {
    total += bytes;
    const crate = crateOf(name);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + bytes);
    if (name.startsWith('data segment')) continue;
    const fn = name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '');
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + bytes);
    copies.set(fn, (copies.get(fn) ?? 0) + 1);
  }
  return {
    total,
    crates: ranked(byCrate, total, 'crate'),
    functions: ranked(byFunction, total, 'fn').map((row) => ({ ...row, copies: copies.get(row.fn) })),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wasms = process.argv[2] ? [process.argv[2]] : [WHOLE_WASM, READING_WASM];
  for (const wasm of wasms) {
    const { total, crates, functions } = sizeReport(wasm);
    console.log(`${wasm}: code and data before wasm-opt, ${total} bytes`);
    for (const { crate, bytes, share } of crates.slice(0, 25)) {
      console.log(`${String(bytes).padStart(9)}  ${(share * 100).toFixed(1).padStart(5)}%  ${crate}`);
    }
    console.log('the biggest functions (copies of a generic summed):');
    for (const { fn, copies, bytes, share } of functions.slice(0, 25)) {
      console.log(`${String(bytes).padStart(9)}  ${(share * 100).toFixed(1).padStart(5)}%  ${copies > 1 ? `${copies}× ` : ''}${fn}`);
    }
  }
}
