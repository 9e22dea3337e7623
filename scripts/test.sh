#!/usr/bin/env bash
# Runs every check and test: formatting, clippy (host and wasm), the host
# tests, one release build, then the browser tests against that build.
# Installs whatever is missing first (scripts/setup.sh --browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

section() { printf '\n==== %s\n' "$*"; }
started=$SECONDS

section "format"
cargo fmt --all --check

section "clippy (host)"
cargo clippy --locked --workspace --all-targets -- -D warnings

section "clippy (wasm32)"
cargo clippy --locked -p reader --target wasm32-unknown-unknown --features hydrate --all-targets -- -D warnings

section "JavaScript: the loader and the offline scripts (node, no browser)"
node --test tests/js/

section "host tests"
cargo test --locked --workspace

section "release build"
build_started=$SECONDS
trunk build --release
echo "release build: $((SECONDS - build_started)) s"

section "release build for a site under /news/ (same cargo build, bundled again)"
READER_DEPLOY_CONFIGS=target/deploy-subpath \
  trunk build --release --public-url /news/ --dist target/dist-subpath

section "release build with offline reading turned off: the kill switch (same cargo build, bundled again)"
READER_OFFLINE=off READER_DEPLOY_CONFIGS=target/deploy-killswitch \
  trunk build --release --dist target/dist-killswitch

section "release build of a generated archive (pages, sections and search over more than one page)"
rm -rf target/archive-content
cargo run --quiet --locked -p reader-content -- generate 200 target/archive-content
READER_CONTENT=target/archive-content READER_DEPLOY_CONFIGS=target/deploy-archive \
  trunk build --release --dist target/dist-archive

section "release build of the photo article (real photographs, saved as a phone saves them)"
scripts/photo-content.sh target/photo-content
READER_CONTENT=target/photo-content READER_DEPLOY_CONFIGS=target/deploy-photos \
  READER_PHOTO_CACHE=target/photo-cache-test \
  trunk build --release --dist target/dist-photos

section "browser and deploy tests (Chromium against dist/, nginx, CloudFront function)"
node --test --test-concurrency=1 --test-force-exit tests/browser/ tests/deploy/

echo
echo "all checks passed in $((SECONDS - started)) s"
