#!/usr/bin/env bash
# Installs what gradscope's build, tests and playground need and is missing: Debian packages
# (compilers, Eigen, GoogleTest, Emscripten, Chromium) and the npm packages in package-lock.json.
# Quick when everything is already there: it only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_cmd g++ || need+=(g++)
have_cmd cmake || need+=(cmake)
have_cmd em++ || need+=(emscripten)
have_cmd wasm-opt || need+=(binaryen)
have_cmd clang-format || need+=(clang-format)
have_cmd node || need+=(nodejs)
have_cmd npm || need+=(npm)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/include/eigen3/Eigen/Core ] || need+=(libeigen3-dev)
[ -f /usr/src/googletest/CMakeLists.txt ] || need+=(googletest)
[ -f /usr/include/gtest/gtest.h ] || need+=(libgtest-dev)

if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm packages: reinstall only when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
