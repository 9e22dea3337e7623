#!/usr/bin/env bash
# The site's build pipeline, in one place: its two stages and their order.
#
#   1. content:   reader-content build <content> <dist>/content
#                 checks every article and publishes the JSON the app
#                 fetches (crates/content);
#   2. prerender: reader-prerender <dist>
#                 renders every page with the app's own views, writes the
#                 feeds and the host files (crates/prerender).
#
# A full build is `scripts/build.sh --release` (crates/build): it takes
# the app bundle Trunk made last when nothing that made it changed (else
# has Trunk make it), then runs stage 1 and stage 2 with the command lines
# below (itself, without a shell between: the tests compare its dist with
# Trunk's byte for byte). `trunk build --release` does the
# same every time: Trunk builds the app and runs stage 1 before it and
# stage 2 after it, as its hooks (Trunk.toml). An update of a finished
# build runs both stages on it, without Trunk.
#
#   scripts/pipeline.sh content <content> <out>     # stage 1 (Trunk's pre_build hook)
#   scripts/pipeline.sh prerender <dist> [args…]    # stage 2 (Trunk's post_build hook)
#   scripts/pipeline.sh update <content> <dist>     # both, on a finished build
#   scripts/pipeline.sh tools                       # builds the stages' tools (and the build); prints their folder
#
# The tools run in READER_TOOLS_PROFILE (dev by default: the profile the
# tests have built; `tools` for a large archive, see Cargo.toml), from
# wherever cargo puts them (CARGO_TARGET_DIR is honoured); with
# READER_TOOLS=<folder> they are taken from there as they are (the
# preview, which updates on every save, finds them once). Host files go
# to READER_DEPLOY_CONFIGS (target/deploy).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${READER_TOOLS_PROFILE:-dev}
configs=${READER_DEPLOY_CONFIGS:-target/deploy}

# Builds the tools (one package at a time, as each stage builds it: the
# same features, so neither build undoes the other) and prints the folder
# cargo put them in. Fails if any of them fails to build (its callers run
# it as `$(tools)`, where `set -e` does not reach: hence the returns).
tools() {
  local executable=""
  for package in reader-build reader-content reader-prerender; do
    executable=$(cargo build --quiet --locked --profile "$profile" -p "$package" \
      --message-format=json-render-diagnostics |
      sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -n 1) || return 1
    if [ -z "$executable" ]; then
      echo "pipeline: cargo built no $package" >&2
      return 1
    fi
  done
  dirname "$executable"
}

# Runs one tool: from READER_TOOLS if set, else through cargo.
tool() {
  local name=$1
  shift
  if [ -n "${READER_TOOLS:-}" ]; then
    "$READER_TOOLS/$name" "$@"
  else
    cargo run --quiet --locked --profile "$profile" -p "$name" -- "$@"
  fi
}

stage=${1:-}
[ $# -gt 0 ] && shift
# READER_APP_ONLY=1: Trunk builds the app bundle alone (scripts/build.sh,
# which then runs both stages itself on a copy of it).
if [ -n "${READER_APP_ONLY:-}" ] && { [ "$stage" = content ] || [ "$stage" = prerender ]; }; then
  exit 0
fi
case "$stage" in
  content)
    [ $# -eq 2 ] || { echo "usage: $0 content <content> <out>" >&2; exit 2; }
    tool reader-content build "$1" "$2"
    ;;
  prerender)
    [ $# -ge 1 ] || { echo "usage: $0 prerender <dist> [args…]" >&2; exit 2; }
    dist=$1
    shift
    tool reader-prerender "$dist" --configs "$configs" "$@"
    ;;
  update)
    [ $# -eq 2 ] || { echo "usage: $0 update <content> <dist>" >&2; exit 2; }
    content=$1
    dist=$2
    if [ ! -f "$dist/404.html" ]; then
      echo "update: $dist holds no finished build; run trunk build first" >&2
      exit 1
    fi
    if [ -z "${READER_TOOLS:-}" ]; then
      READER_TOOLS=$(tools) || exit 1
    fi
    tool reader-content build "$content" "$dist/content"
    tool reader-prerender "$dist" --configs "$configs" --update
    ;;
  tools)
    tools
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed -n 's/^# \{0,1\}//p' >&2
    exit 2
    ;;
esac
