#!/usr/bin/env bash
# The performance bench: builds the release dist/, serves it on 127.0.0.1,
# measures it in headless Chromium against a plain static page (mobile and
# desktop), prints the table and the budgets, and writes BENCHMARKS.md.
# Installs whatever is missing first (scripts/setup.sh --bench). Exits
# non-zero if a budget fails. ROUTE_RUNS=50 sets the route-change samples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
source scripts/env.sh
trunk build --release
node bench/bench.mjs
