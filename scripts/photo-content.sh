#!/usr/bin/env bash
# Makes the photo article's content folder at $1 (default
# target/photo-content): tests/fixtures/photos/ with its pictures written as
# a camera saves them, from scikit-image's sample photographs (its wheel,
# fetched once from PyPI into target/skimage). See
# tests/fixtures/photos/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/photo-content}
version=0.26.0
data=target/skimage/$version/skimage/data
if [ ! -f "$data/hubble_deep_field.jpg" ]; then
  command -v pip3 >/dev/null || command -v pip >/dev/null || {
    sudo_if_needed=""
    [ "$(id -u)" -eq 0 ] || sudo_if_needed=sudo
    $sudo_if_needed apt-get install -y python3-pip
  }
  pip=$(command -v pip3 || command -v pip)
  wheels=target/skimage/wheels
  mkdir -p "$wheels"
  # Any platform's wheel holds the same sample photographs.
  "$pip" download --quiet --no-deps --only-binary=:all: --dest "$wheels" \
    --platform manylinux_2_28_x86_64 --python-version 3.12 "scikit-image==$version"
  python3 - "$wheels" "target/skimage/$version" <<'PY'
import glob, sys, zipfile
wheel = sorted(glob.glob(sys.argv[1] + "/scikit_image-*.whl"))[-1]
with zipfile.ZipFile(wheel) as archive:
    for name in archive.namelist():
        if name.startswith("skimage/data/") and name.endswith((".png", ".jpg")):
            archive.extract(name, sys.argv[2])
PY
fi
rm -rf "$out"
mkdir -p "$out"
cp -R tests/fixtures/photos/site.json tests/fixtures/photos/articles "$out/"
cargo run --quiet --locked -p reader-content --example camera_originals -- "$data" "$out/images"
