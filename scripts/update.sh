#!/usr/bin/env bash
# Updates a finished build in place after the content changed, without
# Trunk: the content build into its content/ (each file written only if
# its bytes change), then only the pages whose content changed
# (`reader-prerender --update`, see crates/prerender/src/state.rs), the
# feeds and the host files. The app's own files stay as the last
# `trunk build` made them: a change to the app needs a full build.
#
#   scripts/update.sh                    # content/ into dist/
#   scripts/update.sh <content> <dist>   # another content folder or build
#
# READER_TOOLS_PROFILE=tools runs the tools optimised (large archives).
set -euo pipefail
cd "$(dirname "$0")/.."
content=${1:-${READER_CONTENT:-content}}
dist=${2:-dist}
if [ ! -f "$dist/404.html" ]; then
  echo "update: $dist holds no finished build; run trunk build first" >&2
  exit 1
fi
source scripts/env.sh
profile=${READER_TOOLS_PROFILE:-dev}
# One package at a time, as Trunk's hooks build them (the same features,
# so neither build undoes the other).
cargo build --quiet --locked --profile "$profile" -p reader-content
cargo build --quiet --locked --profile "$profile" -p reader-prerender
dir=target/$([ "$profile" = dev ] && echo debug || echo "$profile")
"$dir/reader-content" build "$content" "$dist/content"
"$dir/reader-prerender" "$dist" --update --configs "${READER_DEPLOY_CONFIGS:-target/deploy}"
