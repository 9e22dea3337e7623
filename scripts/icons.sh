#!/usr/bin/env bash
# Renders the installed app's icons (assets/icon-192.png, assets/icon-512.png)
# from assets/icon.svg with headless Chromium. The icons are maskable: the
# brand colour fills the whole square and the mark stays inside the middle
# 60 %, so any mask a platform cuts leaves it whole. Run after changing
# assets/icon.svg; the PNGs are committed (the build only copies them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser >/dev/null
for size in 192 512; do
  page=$(mktemp --suffix=.html)
  printf '<!doctype html><style>html,body{margin:0;background:#0b3d7a}img{display:block;width:%spx;height:%spx}</style><img src="file://%s/assets/icon.svg">' "$size" "$size" "$PWD" >"$page"
  profile=$(mktemp -d)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --hide-scrollbars --window-size="$size,$size" --screenshot="$PWD/assets/icon-$size.png" "file://$page" >/dev/null 2>&1
  rm -rf "$page" "$profile"
done
ls -l assets/icon-*.png
