#!/usr/bin/env bash
# `npm run typecheck`: tsc --noEmit over the package's wrapper, the page and the page's unit tests.
# The page and its tests import the package's declarations (wasm/dist), built first when not current.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-package.sh
echo "== typecheck =="
for project in wasm web tests/web; do
  node_modules/.bin/tsc --noEmit -p "$project/tsconfig.json"
done
echo "typecheck: clean"
