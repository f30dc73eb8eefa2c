#!/bin/sh
# Renders assets/parley.svg to assets/icons/parley-<size>.png with librsvg's rsvg-convert
# (Debian/Ubuntu: apt-get install librsvg2-bin; macOS: brew install librsvg).
set -eu
cd "$(dirname "$0")"
mkdir -p icons
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio parley.svg --output "icons/parley-$size.png"
done
