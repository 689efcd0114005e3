#!/usr/bin/env bash
# `npm run test:core`: the GoogleTest suite, natively and as WebAssembly (SIMD and scalar flavours)
# under node. Builds (incrementally) what it runs, test data included: after a build, a bare
# `ctest --test-dir build/native` works too.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-core.sh
echo "== core tests: native =="
ctest --test-dir build/native --output-on-failure
echo "== core tests: WebAssembly under node =="
ctest --test-dir build/wasm --output-on-failure
