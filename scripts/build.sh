#!/usr/bin/env bash
# The site's full build, planned, then run: what `trunk build` does, but
# with the app bundle reused when nothing that made it changed.
#
#   scripts/build.sh [--release] [--public-url /news/] [--dist dist]
#
# The build is a compiled program, crates/build (`reader-build`; its
# notes say what it plans and runs), one of the stages' tools: this
# script runs it from cargo's folder for the tools' profile
# (READER_TOOLS_PROFILE, `tools` by default; READER_TOOLS names a folder
# to take it from), and has cargo make it only when it is not there yet.
# Once there, the build keeps itself and the other tools up to date (their
# stamp), and goes on as its new self when cargo has just remade it.
set -euo pipefail
# (The repository without running dirname: this script's start is part of
# every build, and a small archive's whole build is quick.)
case $0 in
  */*) cd "${0%/*}/.." ;;
  *) cd .. ;;
esac
# The tools scripts/setup.sh installs (npm's wasm-opt above all: Trunk
# offline finds no other).
source scripts/env.sh

profile=${READER_TOOLS_PROFILE:-tools}
case "$profile" in
  dev | test) folder=debug ;;
  *) folder=$profile ;;
esac
target=${CARGO_TARGET_DIR:-target}
folder=${READER_TOOLS:-$target/$folder}
if [ ! -x "$folder/reader-build" ]; then
  echo "build: making the build's tools first (cargo build --profile $profile; once)" >&2
  folder=$(READER_TOOLS_PROFILE=$profile scripts/pipeline.sh tools)
fi
exec "$folder/reader-build" "$@"
