#!/usr/bin/env bash
# `npm run test:js`: the npm package's tests (tests/js, node:test): the API and its error paths,
# memory, the SIMD / scalar choice, and the packed tarball installed into a temporary folder (Node,
# a Vite build and a plain static page under a strict CSP, in headless Chromium). Builds the package
# first when it is not current.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-package.sh
echo "== npm package tests =="
node --test --test-reporter=spec tests/js/*.test.js
