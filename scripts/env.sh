# Sourced by the other scripts: puts the tools setup.sh installs on PATH.
# shellcheck shell=bash
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
repo_root="$(cd "$here/.." && pwd)"
unset here
export PATH="$repo_root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH:/usr/sbin"
