#!/usr/bin/env bash
# Builds the npm package's contents into wasm/dist: both WebAssembly flavours (from the emcmake
# tree, build/wasm unless GRADSCOPE_WASM_BUILD names another), the TypeScript wrapper and the CLI's
# bundled digits. Builds only the two modules and the data (not the wasm test binaries), and skips
# the assembly when wasm/dist is current (scripts/stamp.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
source scripts/stamp.sh
build="${GRADSCOPE_WASM_BUILD:-build/wasm}"
[ -f "$build/CMakeCache.txt" ] ||
  emcmake cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$GRADSCOPE_JOBS" \
  --target gradscope_wasm_simd gradscope_wasm_scalar gradscope_mnist_data >/dev/null
inputs=(wasm/src wasm/tsconfig.json wasm/README.md "$build/wasm/gradscope-simd.js"
  "$build/wasm/gradscope-simd.wasm" "$build/wasm/gradscope-scalar.js"
  "$build/wasm/gradscope-scalar.wasm" "$build/data/mnist" node_modules/typescript/package.json
  scripts/build-package.sh)
# wasm/dist/elements is the elements' build (scripts/build-elements.sh), not this step's.
outputs=(wasm/dist '!wasm/dist/elements')
stamp_current package "${inputs[@]}" "${outputs[@]}" && exit 0
# Assemble next to dist and swap, so a reader never sees a half-built package.
rm -rf wasm/dist.next
node_modules/.bin/tsc -p wasm/tsconfig.json --outDir wasm/dist.next
for flavour in simd scalar; do
  cp "$build/wasm/gradscope-$flavour.js" "$build/wasm/gradscope-$flavour.wasm" wasm/dist.next/
  cp "wasm/src/gradscope-$flavour.d.ts" wasm/dist.next/
done
# The CLI's bundled digits: npm `mnist` converted to gzipped IDX by the CMake tree.
mkdir -p wasm/dist.next/data
cp -p "$build"/data/mnist/*.gz wasm/dist.next/data/
chmod +x wasm/dist.next/cli.js
rm -rf wasm/dist
mv wasm/dist.next wasm/dist
stamp_write package "${inputs[@]}" "${outputs[@]}"
echo "build: the npm package is in wasm/dist"
