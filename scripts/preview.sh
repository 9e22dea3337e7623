#!/usr/bin/env bash
# Preview while editing: builds the site once (scripts/build.sh --release:
# the app bundle is reused when the app did not change, so a start takes
# seconds, not Trunk's minutes), then serves it at http://127.0.0.1:8080/
# and, on every save in the content folder, updates the build in place and
# reloads the pages open in the browser (scripts/preview.mjs). Installs
# what is missing.
#
#   scripts/preview.sh                                # content/ into dist/
#   READER_CONTENT=../archive PORT=9000 DIST=target/preview scripts/preview.sh
#
# The build's tools run optimised (READER_TOOLS_PROFILE, `tools` by
# default, as scripts/build.sh has it): the first build and every update
# on a save use the same ones, made once.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
export READER_CONTENT=${READER_CONTENT:-content}
export READER_TOOLS_PROFILE=${READER_TOOLS_PROFILE:-tools}
dist=${DIST:-dist}
# A content error stops the build; the preview then serves the last build,
# with the error shown on its pages until the file is fixed.
check_first=()
if ! scripts/build.sh --release --dist "$dist"; then
  if [ ! -f "$dist/index.html" ]; then
    echo "preview: the build failed (above), and $dist has no earlier build to show: fix the error and run this again" >&2
    exit 1
  fi
  echo "preview: the build failed (above); serving the last build in $dist, with the error on its pages until it is fixed" >&2
  check_first=(--check-first)
fi
exec node scripts/preview.mjs --content "$READER_CONTENT" --root "$dist" --port "${PORT:-8080}" \
  --configs "${READER_DEPLOY_CONFIGS:-target/deploy}" "${check_first[@]}"
