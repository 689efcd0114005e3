#!/usr/bin/env bash
# `npm run build`: the npm package (wasm/dist), then the playground as plain static files in dist/
# (relative URLs: it works from any sub-path of any static host, with no special headers). Skips
# the site's type check and Vite build when dist/ is current (scripts/stamp.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/stamp.sh
bash scripts/setup.sh
bash scripts/build-package.sh
# The lab's MNIST digits (the package's copy), served from data/; -p keeps the stamp stable.
mkdir -p web/public/data
cp -p wasm/dist/data/*.gz web/public/data/
# Everything the page's sources import (web/, the package, the shared mulberry32) and the tools;
# the elements (dist/elements, wasm/dist/elements) are scripts/build-elements.sh's.
inputs=(web wasm/dist '!wasm/dist/elements' scripts/mulberry32.mjs node_modules/vite/package.json
  node_modules/typescript/package.json node_modules/uplot/package.json scripts/build.sh)
if ! stamp_current site "${inputs[@]}" dist '!dist/elements'; then
  node_modules/.bin/tsc -p web/tsconfig.json
  node_modules/.bin/vite build --config web/vite.config.ts --logLevel warn
  stamp_write site "${inputs[@]}" dist '!dist/elements'
  echo "build: the playground is in dist/ ($(du -sh dist | cut -f1))"
fi
# The custom elements, into dist/elements/ (and the package's wasm/dist/elements/).
bash scripts/build-elements.sh
