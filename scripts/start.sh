#!/usr/bin/env bash
# `npm start`: builds what the playground needs (the two WebAssembly modules, the package, the
# site; no test binaries) and serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
port="${PORT:-4173}"
echo "gradscope: the playground is at http://127.0.0.1:$port/ (Ctrl-C stops it)"
exec node_modules/.bin/vite preview --config web/vite.config.ts --host 127.0.0.1 --port "$port" --strictPort
