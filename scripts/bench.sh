#!/usr/bin/env bash
# The performance bench: builds the release dist/, serves it on 127.0.0.1,
# measures it in headless Chromium against a plain static page (mobile and
# desktop), and the photo article against the same page with its photos as
# saved, prints the table and the budgets, and writes BENCHMARKS.md.
# Installs whatever is missing first (scripts/setup.sh --bench). Exits
# non-zero if a budget fails. ROUTE_RUNS=50 sets the route-change samples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
source scripts/env.sh
scripts/build.sh --release
# The photo article (real photographs), measured beside the same page with
# the photos as the editor saved them.
scripts/photo-content.sh target/photo-content
READER_CONTENT=target/photo-content READER_DEPLOY_CONFIGS=target/deploy-photos \
  scripts/build.sh --release --dist target/dist-photos
node bench/bench.mjs
