#!/usr/bin/env bash
# The scale bench: the archive at 1,000, 10,000 and 100,000 articles (or the
# sizes given), each generated, built, indexed and measured in Chromium; see
# bench/scale.mjs. Prints a Markdown table; results in target/scale/.
#
#   scripts/scale-bench.sh              # 1000 10000 100000 (about 20 minutes)
#   scripts/scale-bench.sh 1000 10000   # quicker
#   scripts/scale-bench.sh --photos     # the photographs' cost alone
#   scripts/scale-bench.sh --builds 1000 10000   # full builds beside Hugo alone
#   scripts/scale-bench.sh --updates 100000     # our full build, then its updates in place alone
#   scripts/scale-bench.sh --chinese 1000 100000  # search over generated Chinese archives alone
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --bench
source scripts/env.sh
cargo build --release --locked -p reader-content
# The full builds beside Hugo run the build and its tools in
# scripts/build.sh's default profile (`tools`); built here, one package at
# a time as the build has them built, so no compilation is timed. The release build leaves the app
# bundle in target/app-bundles for them to reuse.
READER_TOOLS_PROFILE=tools scripts/pipeline.sh tools > /dev/null
scripts/build.sh --release
scripts/photo-content.sh target/photo-content
node bench/scale.mjs "$@"
