#!/usr/bin/env bash
# Configures and builds the native tree (build/native) and the WebAssembly tree (build/wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
[ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$GRADSCOPE_JOBS" >/dev/null
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j "$GRADSCOPE_JOBS" >/dev/null
