#!/usr/bin/env bash
# The scale bench: the archive at 1,000, 10,000 and 100,000 articles (or the
# sizes given), each generated, built, indexed and measured in Chromium; see
# bench/scale.mjs. Prints a Markdown table; results in target/scale/.
#
#   scripts/scale-bench.sh              # 1000 10000 100000 (about 15 minutes)
#   scripts/scale-bench.sh 1000 10000   # quicker
#   scripts/scale-bench.sh --photos     # the photographs' cost alone
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
source scripts/env.sh
cargo build --release --locked -p reader-content
[ -f dist/404.html ] || trunk build --release
scripts/photo-content.sh target/photo-content
node bench/scale.mjs "$@"
