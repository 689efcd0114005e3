// gradscope's npm package (wasm/dist) in Node: one JSON line per flavour.
//   node bench/gradscope_node_bench.mjs <data dir> <layers> <batch size> <epochs> <simd|scalar>
import { performance } from "node:perf_hooks";
import { init } from "../wasm/dist/index.js";
import { loadMnist } from "./mnist_data.mjs";
import { runGradscope } from "./gradscope_runner.mjs";

const [dataDir, layersText, batchText, epochsText, flavour] = process.argv.slice(2);
const { images, labels } = await loadMnist(dataDir);
const result = await runGradscope({
  init,
  flavour,
  env: "node",
  images,
  labels,
  layers: layersText.split(",").map(Number),
  batchSize: Number(batchText),
  epochs: Number(epochsText),
  now: () => performance.now(),
});
console.log(JSON.stringify(result));
