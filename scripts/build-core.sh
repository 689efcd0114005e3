#!/usr/bin/env bash
# Configures (once) and builds the native tree (build/native) and the WebAssembly tree (build/wasm):
# the cores, the GoogleTest binaries, the npm package's two modules and the MNIST test data.
# Incremental: CMake rebuilds only what changed (and reconfigures itself when a CMakeLists.txt did).
#   bash scripts/build-core.sh [native|wasm]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
for tree in ${*:-native wasm}; do
  case "$tree" in
    native)
      [ -f build/native/CMakeCache.txt ] ||
        cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
      ;;
    wasm)
      [ -f build/wasm/CMakeCache.txt ] ||
        emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
      ;;
    *) echo "build-core: unknown tree '$tree' (valid: native, wasm)" >&2; exit 2 ;;
  esac
  cmake --build "build/$tree" -j "$GRADSCOPE_JOBS" >/dev/null
done
