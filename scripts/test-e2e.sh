#!/usr/bin/env bash
# `npm run test:e2e`: the browser tests: builds dist/ when not current and runs
# tests/e2e/*.test.mjs (node:test) in headless Chromium. One file at a time: each drives its own
# Chromium, and two at once would skew the timing tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
echo "== browser tests (headless Chromium) =="
node --test --test-concurrency=1 tests/e2e/
