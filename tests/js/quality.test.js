// Issue 14's quality targets, in Node with seeded runs: a regression plane reaches test R² ≥ 0.95
// and a 3-class spiral ≥ 90 % test accuracy. Each run is the playground's (training-run.ts): the
// data seed draws the points and the split, the init seed the network and the shuffle; whole
// passes of train() equal the worker's steps (createTrainer). The settings are the ones the page's
// presets use for these data sets (docs/playground.md), so a change to either shows here.
import assert from "node:assert/strict";
import { test } from "node:test";

import { sharedModule } from "./support/built-package.js";

const shared = sharedModule();

/** Trains the described run; returns the last epoch's test evaluation. */
function run(s) {
  const gs = shared.gs;
  const all = gs.datasets.synthetic(s.dataset, {
    n: s.samples,
    noise: s.noise,
    seed: s.dataSeed,
    ...(s.classes === undefined ? {} : { classes: s.classes }),
  });
  const { train, test } = gs.datasets.split(all, {
    testFraction: s.testFraction,
    seed: s.dataSeed,
  });
  const net = shared.network({
    layers: [all.inputWidth, ...s.hidden, all.outputWidth],
    hidden: s.activation,
    output: s.output,
    cost: s.cost,
    init: s.init,
    seed: s.initSeed,
  });
  const history = net.train(train.x, train.y, {
    epochs: s.epochs,
    batchSize: s.batchSize,
    learningRate: s.learningRate,
    seed: s.initSeed,
    problem: all.problem,
    testX: test.x,
    testY: test.y,
  });
  assert.equal(history.length, s.epochs, "no divergence");
  return history.at(-1).test;
}

test("regression plane: test R² ≥ 0.95 from the preset", () => {
  // 400 samples, noise 0.05, half for testing: 200 training samples, so 50 epochs = 1000 steps
  // of 10. R² cannot reach 1: the noise on the inputs and the target (1.5 · 0.05² of the target
  // variance 1/6) caps it near 0.98.
  const e = run({
    dataset: "plane",
    samples: 400,
    noise: 0.05,
    testFraction: 0.5,
    dataSeed: 1,
    hidden: [8, 8],
    activation: "tanh",
    output: "identity",
    cost: "quadratic",
    init: "scaled",
    initSeed: 1,
    learningRate: 0.03,
    batchSize: 10,
    epochs: 50,
  });
  assert.deepEqual(Object.keys(e).sort(), ["loss", "mse", "r2"]);
  assert.ok(e.r2 >= 0.95, `test R² ${e.r2}`);
});

test("3-class spiral: test accuracy ≥ 90 % from the preset", () => {
  // 400 samples, noise 0.05, half for testing: 200 training samples, so 300 epochs = 6000 steps
  // of 10. Measured 92.5 % with these seeds (90.5 … 92.5 % with seeds 2, 3 and 4).
  const e = run({
    dataset: "spiral",
    classes: 3,
    samples: 400,
    noise: 0.05,
    testFraction: 0.5,
    dataSeed: 1,
    hidden: [16, 16],
    activation: "tanh",
    output: "softmax",
    cost: "log-likelihood",
    init: "scaled",
    initSeed: 1,
    learningRate: 0.3,
    batchSize: 10,
    epochs: 300,
  });
  assert.deepEqual(Object.keys(e).sort(), ["accuracy", "loss"]);
  assert.ok(e.accuracy >= 0.9, `test accuracy ${e.accuracy}`);
});
