# Sourced by the other scripts: puts the tools setup.sh installs on PATH.
# shellcheck shell=bash
here=${BASH_SOURCE[0]%/*}
[ "$here" = "${BASH_SOURCE[0]}" ] && here=.
repo_root="$(cd "$here/.." && pwd)"
unset here
# Node.js from PyPI, where setup.sh puts it when the machine's is missing
# or too old.
export READER_NODE_VERSION=20.18.0
export READER_NODE="${READER_NODE:-${XDG_DATA_HOME:-$HOME/.local/share}/reader-tools/node-$READER_NODE_VERSION}"
node_bin=""
[ -x "$READER_NODE/bin/node" ] && node_bin="$READER_NODE/bin:"
export PATH="$repo_root/node_modules/.bin:$node_bin${CARGO_HOME:-$HOME/.cargo}/bin:$PATH:/usr/sbin"
unset node_bin
