#!/usr/bin/env bash
# Updates a finished build in place after the content changed, without
# Trunk: the site's pipeline (scripts/pipeline.sh) on the build, each file
# written only if its bytes change and only the pages whose content
# changed rendered again (docs/deploy.md, "Updating a build"). The app's
# own files stay as the last `trunk build` made them: a change to the app
# needs a full build.
#
#   scripts/update.sh                    # content/ into dist/
#   scripts/update.sh <content> <dist>   # another content folder or build
#
# READER_TOOLS_PROFILE=tools runs the tools optimised (large archives).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
exec scripts/pipeline.sh update "${1:-${READER_CONTENT:-content}}" "${2:-dist}"
