#!/usr/bin/env bash
# Builds the release app and serves dist/ at http://127.0.0.1:8080/ the way
# a CDN would (deep links answered with the app, missing files 404).
# PORT=9000 scripts/serve.sh to change the port. Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
scripts/build.sh --release
exec node scripts/cdn-server.mjs --root dist --port "${PORT:-8080}"
