#!/usr/bin/env bash
# Preview while editing: builds the site once (trunk build --release), then
# serves dist/ at http://127.0.0.1:8080/ and, on every save in the content
# folder, updates the build in place and reloads the pages open in the
# browser (scripts/preview.mjs). Installs what is missing.
#
#   scripts/preview.sh                                # content/
#   READER_CONTENT=../archive PORT=9000 scripts/preview.sh
#
# For a large archive, READER_TOOLS_PROFILE=tools runs the build's tools
# optimised (see Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
export READER_CONTENT=${READER_CONTENT:-content}
trunk build --release
exec node scripts/preview.mjs --content "$READER_CONTENT" --root dist --port "${PORT:-8080}"
