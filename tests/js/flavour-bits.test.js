// Reproducible figures (issue 11): N seeded mini-batches give identical bits with the SIMD and the
// scalar .wasm, so a `steps=N` link shows the same numbers whichever flavour a browser loads.
// The run is the playground's (web/src/model/training-run.ts): synthetic data, split, a network and
// its step-wise trainer with shuffling, all from one seed.
import assert from "node:assert/strict";
import { test } from "node:test";

import { init } from "./support/built-package.js";

function train(gs, { kind, hidden, activation, init: initName, learningRate, steps }) {
  const all = gs.datasets.synthetic(kind, { n: 400, noise: 0.05, seed: 1, outputWidth: 1 });
  const { train: tr, test: te } = gs.datasets.split(all, { testFraction: 0.5, seed: 1 });
  const net = gs.createNetwork({
    layers: [2, ...hidden, 1],
    hidden: activation,
    output: "sigmoid",
    cost: "cross-entropy",
    init: initName,
    seed: 1,
  });
  const trainer = net.createTrainer(tr.x, tr.y, {
    batchSize: 10,
    learningRate,
    l2: 0,
    shuffle: true,
    seed: 1,
  });
  trainer.steps(steps);
  const numbers = [];
  for (let l = 2; l <= hidden.length + 2; l++) {
    const p = net.getParameters(l);
    numbers.push(...p.weights, ...p.biases);
  }
  for (const g of net.gradients(tr.x, tr.y)) numbers.push(...g.weights, ...g.biases);
  for (const d of net.diagnostics(tr.x, tr.y)) {
    numbers.push(d.biasGradNorm, d.weightGradNorm, d.meanAbsActDeriv, d.saturatedFraction);
  }
  const e = net.evaluate(te.x, te.y);
  numbers.push(e.loss, e.accuracy);
  trainer.dispose();
  net.dispose();
  return Float64Array.from(numbers);
}

const RUNS = [
  // The stories' deep networks (web/src/stories/story-catalogue.ts), odd widths for the SIMD tails.
  {
    kind: "spiral",
    hidden: [16, 16, 16, 16, 16, 16],
    activation: "sigmoid",
    init: "scaled",
    learningRate: 0.3,
    steps: 1500,
  },
  {
    kind: "spiral",
    hidden: [16, 16, 16, 16, 16, 16],
    activation: "relu",
    init: "he",
    learningRate: 0.04,
    steps: 1500,
  },
  {
    kind: "circle",
    hidden: [32, 32],
    activation: "sigmoid",
    init: "large",
    learningRate: 0.3,
    steps: 100,
  },
  {
    kind: "xor",
    hidden: [13, 7, 5],
    activation: "tanh",
    init: "scaled",
    learningRate: 0.1,
    steps: 777,
  },
];

test("N seeded steps give bitwise identical parameters, gradients and figures with SIMD and scalar", async () => {
  const simd = await init({ flavour: "simd" });
  const scalar = await init({ flavour: "scalar" });
  assert.equal(simd.flavour, "simd");
  assert.equal(scalar.flavour, "scalar");
  for (const run of RUNS) {
    const a = train(simd, run);
    const b = train(scalar, run);
    assert.equal(a.length, b.length);
    const differ = [];
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) differ.push(i);
    assert.deepEqual(
      differ,
      [],
      `${run.kind} ${run.activation}: ${differ.length} of ${a.length} numbers differ`,
    );
  }
});
