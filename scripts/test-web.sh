#!/usr/bin/env bash
# `npm run test:web`: the page's pure modules under node:test (tests/web): compiled with tsc into
# build/tests-web, then run in seconds without a browser. Needs the package's type declarations
# (wasm/dist, built first when not current).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-package.sh
rm -rf build/tests-web
node_modules/.bin/tsc -p tests/web/tsconfig.json
echo "== web unit tests =="
node --test --test-reporter=spec build/tests-web/tests/web/
