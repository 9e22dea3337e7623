#!/usr/bin/env bash
# Runs every check and test: formatting, clippy (host and wasm), the host
# tests, one release build, then the browser tests against that build.
# Installs whatever is missing first (scripts/setup.sh --browser).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh

section() { printf '\n==== %s\n' "$*"; }
# The builds' tools in the dev profile, which `cargo test` builds anyway
# (scripts/build.sh's default, `tools`, would compile them once more).
export READER_TOOLS_PROFILE=dev
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

section "release build (the app bundle made by Trunk, then the site's stages: scripts/build.sh)"
build_started=$SECONDS
scripts/build.sh --release
echo "release build: $((SECONDS - build_started)) s"

# Runs a build and fails, saying why, unless it printed a line matching
# `pattern`: the plan it took (scripts/build.sh prints it).
says() {
  local pattern=$1 log
  shift
  log=$(mktemp)
  "$@" 2>&1 | tee "$log"
  if ! grep -q "$pattern" "$log"; then
    echo "expected this build to say /$pattern/: $*" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
# Every build below that keeps the app's inputs reuses the bundle the one
# above made (it must say so), whatever its content or stages' settings.
reusing() { says '^build: app bundle [0-9a-f]*: reuse' "$@"; }

section "a build into the dist it made updates it in place (same app, same settings), its tools reused without cargo (their stamp)"
says '^build: tools (profile dev) reused' says '^build: dist: updated in place' scripts/build.sh --release

section "release build of a generated archive (pages, sections and search over more than one page; the bundle reused)"
rm -rf target/archive-content
cargo run --quiet --locked -p reader-content -- generate 200 target/archive-content
READER_CONTENT=target/archive-content READER_DEPLOY_CONFIGS=target/deploy-archive \
  reusing scripts/build.sh --release --dist target/dist-archive

section "an edited headline and paragraph, built in place, equal a build afresh byte for byte; then undone in place"
edited=$(find target/archive-content/articles -name '*.json' | sort | sed -n 1p)
cp "$edited" target/archive-edited.json.orig
node -e '
const fs = require("node:fs");
const file = process.argv[1];
const article = JSON.parse(fs.readFileSync(file, "utf8"));
article.headline += " (edited)";
article.body.find((block) => block.type === "paragraph").text += " An edited sentence.";
fs.writeFileSync(file, JSON.stringify(article, null, 2));
' "$edited"
READER_CONTENT=target/archive-content READER_DEPLOY_CONFIGS=target/deploy-archive \
  says '^build: target/dist-archive: updated in place' scripts/build.sh --release --dist target/dist-archive
READER_BUILD_FRESH=1 READER_CONTENT=target/archive-content READER_DEPLOY_CONFIGS=target/deploy-archive-fresh \
  scripts/build.sh --release --dist target/dist-archive-fresh | grep '^build:'
diff -r target/dist-archive target/dist-archive-fresh
diff -r target/deploy-archive target/deploy-archive-fresh
echo "identical: $(find target/dist-archive-fresh -type f | wc -l) files"
cp target/archive-edited.json.orig "$edited"
READER_CONTENT=target/archive-content READER_DEPLOY_CONFIGS=target/deploy-archive \
  says '^build: target/dist-archive: updated in place' scripts/build.sh --release --dist target/dist-archive

section "release build with offline reading turned off: the kill switch (the bundle reused)"
READER_OFFLINE=off READER_DEPLOY_CONFIGS=target/deploy-killswitch \
  reusing scripts/build.sh --release --dist target/dist-killswitch

section "release build of the photo article (real photographs, saved as a phone saves them; the bundle reused)"
scripts/photo-content.sh target/photo-content
READER_CONTENT=target/photo-content READER_DEPLOY_CONFIGS=target/deploy-photos \
  READER_PHOTO_CACHE=target/photo-cache-test \
  reusing scripts/build.sh --release --dist target/dist-photos

section "release build for a site under /news/ (another public URL: a bundle of its own, same cargo build)"
READER_DEPLOY_CONFIGS=target/deploy-subpath \
  scripts/build.sh --release --public-url /news/ --dist target/dist-subpath

section "Trunk's own build, with its hooks, equals scripts/build.sh's with the bundle reused, byte for byte"
scripts/build.sh --release --dist target/dist-reused | grep '^build:'
READER_DEPLOY_CONFIGS=target/deploy-trunk trunk build --release --dist target/dist-trunk
diff -r target/dist-reused target/dist-trunk
diff -r dist target/dist-trunk
echo "identical: $(find target/dist-trunk -type f | wc -l) files"

section "browser and deploy tests (Chromium against dist/, nginx, CloudFront function)"
node --test --test-concurrency=1 --test-force-exit tests/browser/ tests/deploy/

echo
echo "all checks passed in $((SECONDS - started)) s"
