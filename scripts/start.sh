#!/usr/bin/env bash
# Builds what the playground needs and serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-core.sh
echo "gradscope: the core is built; the playground (web/) is not there yet."
