#!/usr/bin/env bash
# `npm run build`: the npm package (wasm/dist), then the playground as plain static files in dist/
# (relative URLs: it works from any sub-path of any static host, with no special headers).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-package.sh
# The lab's MNIST digits (written by build-package.sh's convert-mnist step), served from data/.
mkdir -p web/public/data
cp build/data/mnist/*.gz web/public/data/
node_modules/.bin/tsc -p web/tsconfig.json
node_modules/.bin/vite build --config web/vite.config.ts --logLevel warn
echo "build: the playground is in dist/ ($(du -sh dist | cut -f1))"
