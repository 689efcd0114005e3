#!/usr/bin/env bash
# Every test: the C++ core (native and WebAssembly), the npm package, and the playground in
# headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/setup.sh
bash scripts/lint.sh
bash scripts/test-core.sh
bash scripts/test-js.sh
bash scripts/test-web.sh
bash scripts/test-e2e.sh
echo "npm test: all suites passed in $(( $(date +%s) - start )) s"
