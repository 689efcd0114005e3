#!/usr/bin/env bash
# `npm run pack [-- <folder>]`: the npm package's tarball, written to <folder> (default: build/).
# Staged in build/package so that the package's README is wasm/README.md (the API document; npm
# always ships the package root's README, and the repository root's README is the project's):
# package.json's publishing fields, wasm/README.md as README.md, and wasm/dist. Prints npm pack's
# JSON report on stdout; progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="$(realpath "${1:-build}")"
bash scripts/build-package.sh >&2
bash scripts/build-elements.sh >&2
stage=build/package
rm -rf "$stage"
mkdir -p "$stage/wasm" "$dest"
cp -r wasm/dist "$stage/wasm/dist"
cp wasm/README.md "$stage/README.md"
node --input-type=module > "$stage/package.json" <<'JS'
import { readFileSync } from "node:fs";
const root = JSON.parse(readFileSync("package.json", "utf8"));
const published = [
  "name", "version", "description", "license", "type", "main", "types", "exports", "files", "bin",
  "engines",
];
console.log(JSON.stringify(Object.fromEntries(published.map((k) => [k, root[k]])), null, 2));
JS
cd "$stage"
npm pack --json --pack-destination "$dest"
