// The wasm size report: where the bytes of the app's code go, by crate.
//
//   node bench/size-report.mjs [wasm]   (default: wasm-bindgen's output of the last release build)
//
// Reads `twiggy top` (crates.io; scripts/setup.sh --bench installs it) on
// wasm-bindgen's output before wasm-opt, which still has function names,
// and sums each function's bytes under the crate its name starts with.
// Exported for bench.mjs, which puts the table in BENCHMARKS.md.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from '../tests/browser/support.mjs';

export const DEFAULT_WASM = join(REPO, 'target', 'wasm-bindgen', 'release', 'reader_bg.wasm');

/** [{ crate, bytes, share }] for the code and data of `wasm`, biggest first; the names section is left out. */
export function sizeByCrate(wasm = DEFAULT_WASM) {
  const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const totals = new Map();
  let all = 0;
  for (const line of csv.trim().split('\n').slice(1)) {
    const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (!match) continue;
    const name = match[1].replace(/^"|"$/g, '').replace(/""/g, '"');
    const bytes = Number(match[2]);
    if (/function names|custom section|producers|target_features/.test(name)) continue;
    all += bytes;
    const crate = name.startsWith('data segment')
      ? '(static data: strings, tables)'
      : (name.match(/([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?::/)?.[1] ?? '(unnamed glue)');
    totals.set(crate, (totals.get(crate) ?? 0) + bytes);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([crate, bytes]) => ({ crate, bytes, share: bytes / all }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = sizeByCrate(process.argv[2]);
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  console.log(`code and data before wasm-opt: ${total} bytes`);
  for (const { crate, bytes, share } of rows.slice(0, 25)) {
    console.log(`${String(bytes).padStart(9)}  ${(share * 100).toFixed(1).padStart(5)}%  ${crate}`);
  }
}
