#!/usr/bin/env bash
# The custom elements (web/src/elements, entry gradscope-elements.ts) built by
# web/vite.elements.config.ts into build/elements, then copied to the package
# (wasm/dist/elements/, with the hand-written gradscope-elements.d.ts) and, when the site is
# built, to dist/elements/. Called by build.sh and pack.sh; skips the Vite build when
# build/elements is current (scripts/stamp.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stamp.sh
bash scripts/build-package.sh
# Everything the elements import (web/, the package and its digits) and the tools.
inputs=(web wasm/dist '!wasm/dist/elements' scripts/mulberry32.mjs node_modules/vite/package.json
  node_modules/typescript/package.json node_modules/uplot/package.json
  node_modules/katex/package.json scripts/build-elements.sh)
if ! stamp_current elements "${inputs[@]}" build/elements; then
  node_modules/.bin/tsc -p web/tsconfig.json
  node_modules/.bin/vite build --config web/vite.elements.config.ts --logLevel warn
  cp web/src/elements/gradscope-elements.d.ts build/elements/
  stamp_write elements "${inputs[@]}" build/elements
  echo "build: the elements are in build/elements ($(du -sh build/elements | cut -f1))"
fi
# -p keeps the files' times, so the copies fingerprint the same as long as they are current.
destinations=(wasm/dist/elements)
[ -d dist ] && destinations+=(dist/elements)
for dest in "${destinations[@]}"; do
  rm -rf "$dest.next"
  cp -rp build/elements "$dest.next"
  rm -rf "$dest"
  mv "$dest.next" "$dest"
done
