#!/usr/bin/env bash
# `npm test`: lint, then build every artefact once (the native tree, the WebAssembly tree with both
# flavours, the npm package, the site), then every test tier against those artefacts: the C++ core
# (native and WebAssembly), the npm package, the page's pure modules, and the playground in
# headless Chromium. Each tier's own build step finds its artefacts current and does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/setup.sh
bash scripts/lint.sh
echo "== build =="
bash scripts/build-core.sh
bash scripts/build.sh
echo "build: done in $(( $(date +%s) - start )) s"
bash scripts/test-core.sh
bash scripts/test-js.sh
bash scripts/test-web.sh
bash scripts/test-e2e.sh
echo "npm test: all suites passed in $(( $(date +%s) - start )) s"
