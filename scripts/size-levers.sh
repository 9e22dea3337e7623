#!/usr/bin/env bash
# Measures what a lever does to the browser app's size, the way Trunk builds
# it: cargo's release build of the `reader` bin (feature `hydrate`),
# wasm-bindgen, `wasm-opt -Oz`, then Brotli at quality 11 as the CDN sends
# it. Prints one line: name, raw bytes, Brotli bytes.
#
#   scripts/size-levers.sh <name> [cargo build args...]
#
# The lever goes in the environment or the arguments, e.g.:
#   scripts/size-levers.sh baseline
#   RUSTFLAGS='--cfg erase_components' scripts/size-levers.sh erase_components
#   CARGO_PROFILE_RELEASE_OPT_LEVEL=s scripts/size-levers.sh opt-level-s
#   TOOLCHAIN=nightly scripts/size-levers.sh nightly -Zbuild-std=std,panic_abort
# Levers build in target/levers/build (LEVER_TARGET to change it), so the
# app's own build is left alone. Results are appended to
# target/levers/results.tsv.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$repo_root"

name="${1:?usage: scripts/size-levers.sh <name> [cargo build args...]}"
shift
out="target/levers/$name"
mkdir -p "$out"
build="${LEVER_TARGET:-target/levers/build}"
toolchain=()
[ -n "${TOOLCHAIN:-}" ] && toolchain=("+$TOOLCHAIN")

cargo "${toolchain[@]}" build --release --quiet --target wasm32-unknown-unknown \
  --bin reader --features hydrate --target-dir "$build" "$@"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$build/wasm32-unknown-unknown/release/reader.wasm"
wasm-opt -Oz --enable-reference-types ${WASM_OPT_PARAMS:-} \
  --output "$out/reader_opt.wasm" "$out/reader_bg.wasm"
node -e '
const { readFileSync } = require("node:fs");
const { brotliCompressSync, constants } = require("node:zlib");
const [name, file] = process.argv.slice(1);
const raw = readFileSync(file);
const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const line = `${name}\t${raw.length}\t${br.length}`;
console.log(`${name}: ${(raw.length / 1024).toFixed(1)} KB raw, ${(br.length / 1024).toFixed(1)} KB Brotli`);
require("node:fs").appendFileSync("target/levers/results.tsv", line + "\n");
' "$name" "$out/reader_opt.wasm"
