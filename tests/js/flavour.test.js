// The wrapper picks the SIMD or the scalar .wasm at load time (WebAssembly.validate of a tiny SIMD
// module); both can be forced, and both compute the same network.
import assert from "node:assert/strict";
import { test } from "node:test";

import { init, simdSupported } from "./support/built-package.js";

test("node 20 supports SIMD, so auto loads the SIMD build with the SIMD kernels", async () => {
  assert.equal(simdSupported(), true);
  const gs = await init();
  assert.equal(gs.flavour, "simd");
  assert.equal(gs.backend, "wasm-simd128");
});

test("an engine without SIMD gets the scalar build from auto, and forcing simd there fails", async () => {
  // Simulate such an engine: its WebAssembly.validate rejects every module using v128 (the 0xfd
  // prefix), which is what an engine without SIMD does with the probe.
  const realValidate = WebAssembly.validate;
  WebAssembly.validate = (bytes) =>
    bytes.length < 64 && bytes.includes(0xfd) ? false : realValidate(bytes);
  try {
    assert.equal(simdSupported(), false);
    const gs = await init();
    assert.equal(gs.flavour, "scalar");
    assert.equal(gs.backend, "scalar");
    await assert.rejects(
      init({ flavour: "simd" }),
      /does not support WebAssembly SIMD; use flavour 'scalar' or 'auto'/,
    );
  } finally {
    WebAssembly.validate = realValidate;
  }
  assert.equal(simdSupported(), true);
});

test("forcing scalar loads the scalar build, and it trains to the same result", async () => {
  const scalar = await init({ flavour: "scalar" });
  const simd = await init({ flavour: "simd" });
  assert.equal(scalar.flavour, "scalar");
  assert.equal(scalar.backend, "scalar");
  const run = (gs) => {
    const d = gs.datasets.synthetic("spiral", { n: 200, noise: 0.05, seed: 3 });
    const net = gs.createNetwork({
      layers: [2, 16, 16, 1],
      hidden: "tanh",
      output: "sigmoid",
      cost: "cross-entropy",
      seed: 9,
    });
    const history = net.train(d.x, d.y, { epochs: 5, batchSize: 10, learningRate: 0.1 });
    const out = { loss: history.at(-1).train.loss, weights: net.getParameters(3).weights };
    net.dispose();
    return out;
  };
  const a = run(scalar);
  const b = run(simd);
  // Different kernels round differently; after 100 steps they agree to float tolerance.
  assert.ok(Math.abs(a.loss - b.loss) < 1e-4 * Math.max(1, a.loss), `loss ${a.loss} vs ${b.loss}`);
  a.weights.forEach((w, i) =>
    assert.ok(Math.abs(w - b.weights[i]) < 1e-3, `w[${i}] ${w} vs ${b.weights[i]}`),
  );
});

test("wasmUrl may be a function of the flavour", async () => {
  const asked = [];
  const gs = await init({
    flavour: "scalar",
    wasmUrl: (flavour) => {
      asked.push(flavour);
      return new URL(`../../wasm/dist/gradscope-${flavour}.wasm`, import.meta.url);
    },
  });
  assert.deepEqual(asked, ["scalar"]);
  assert.equal(gs.backend, "scalar");
});
