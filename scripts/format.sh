#!/usr/bin/env bash
# `npm run format`: rewrites every file the way `npm run lint` expects it.
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/prettier --write --log-level warn .
git ls-files -co --exclude-standard -- '*.cpp' '*.hpp' | xargs -r clang-format -i
