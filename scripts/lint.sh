#!/usr/bin/env bash
# `npm run lint`: Prettier (formatting of TS/JS/CSS/HTML/JSON), ESLint with typescript-eslint, and
# clang-format for the C++ (Debian's clang-format 14; other versions format some lines differently).
# Fails on the first tool that finds a problem; `npm run format` rewrites what Prettier and
# clang-format would change.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== lint: prettier, eslint, clang-format =="
node_modules/.bin/prettier --check --log-level warn .
node_modules/.bin/eslint --max-warnings 0 .
git ls-files -co --exclude-standard -- '*.cpp' '*.hpp' | xargs -r clang-format --dry-run --Werror
echo "lint: clean"
