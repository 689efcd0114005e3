// TensorFlow.js training the benchmark's network with the same hyper-parameters as gradscope:
// dense sigmoid layers, quadratic cost C = ½‖a − y‖² averaged over the mini-batch, plain SGD
// with η = 3.0, shuffled mini-batches, weights N(0, 1/n_in) and biases N(0, 1) (Nielsen's
// network2 initialisation, gradscope's 'scaled'). Prints one JSON line.
//   node bench/tfjs_bench.mjs <wasm|cpu> <data dir> <layers, e.g. 784,30,10> <batch size> <epochs>
// The wasm backend runs its SIMD build on one thread (multithreading switched off, as gradscope
// runs on one thread).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { loadMnist, IMAGE_SIZE } from "./mnist_data.mjs";

const [backend, dataDir, layersText, batchText, epochsText] = process.argv.slice(2);
if (!["wasm", "cpu"].includes(backend)) throw new Error(`backend '${backend}': use wasm or cpu`);
const layers = layersText.split(",").map(Number);
const batchSize = Number(batchText);
const epochs = Number(epochsText);
if (layers[0] !== IMAGE_SIZE)
  throw new Error(`input layer ${layers[0]}: the digits have 784 pixels`);

if (backend === "wasm") {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm")), "/");
  setWasmPaths(dist);
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  tf.env().set("WASM_HAS_SIMD_SUPPORT", true);
}
await tf.setBackend(backend);
await tf.ready();

const { images, targets, labels, count } = await loadMnist(dataDir);
const x = tf.tensor2d(images, [count, IMAGE_SIZE]);
const y = tf.tensor2d(targets, [count, 10]);

// The network as variables and a hand-written step (optimizer.minimize): measured faster here
// than tf.LayersModel.fit, whose per-batch callbacks and awaits dominate at mini-batch 10.
const params = [];
for (let l = 1; l < layers.length; l++) {
  params.push({
    w: tf.variable(
      tf.randomNormal([layers[l - 1], layers[l]], 0, 1 / Math.sqrt(layers[l - 1]), "float32", l),
    ),
    b: tf.variable(tf.randomNormal([layers[l]], 0, 1, "float32", 100 + l)),
  });
}
const forward = (a) =>
  params.reduce((act, { w, b }) => tf.sigmoid(tf.add(tf.matMul(act, w), b)), a);
const optimizer = tf.train.sgd(3.0);

function trainEpoch() {
  const order = tf.util.createShuffledIndices(count);
  for (let start = 0; start < count; start += batchSize) {
    const idx = order.subarray(start, Math.min(start + batchSize, count));
    tf.tidy(() => {
      const rows = tf.tensor1d(Int32Array.from(idx), "int32");
      const xb = tf.gather(x, rows);
      const yb = tf.gather(y, rows);
      // C = (1/m) Σ_x ½‖a − y‖²: the quadratic cost averaged over the mini-batch.
      optimizer.minimize(() =>
        tf.mean(tf.mul(0.5, tf.sum(tf.square(tf.sub(forward(xb), yb)), -1))),
      );
    });
  }
}

trainEpoch(); // warm-up
const seconds = [];
for (let e = 0; e < epochs; e++) {
  const start = performance.now();
  trainEpoch();
  // Wait for the last update so its time is counted (a no-op on the synchronous backends).
  await params[0].w.data();
  seconds.push((performance.now() - start) / 1000);
}
const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)];
const predicted = tf.tidy(() => forward(x).argMax(-1).dataSync());
const accuracy = predicted.reduce((n, p, i) => n + (p === labels[i] ? 1 : 0), 0) / count;
console.log(
  JSON.stringify({
    runtime: `tfjs-${backend}`,
    env: "node",
    layers,
    batchSize,
    samplesPerSec: count / median,
    accuracy,
    epochSeconds: seconds.map((s) => Number(s.toFixed(4))),
    version: tf.version.tfjs,
    harness: "tfjs",
  }),
);
