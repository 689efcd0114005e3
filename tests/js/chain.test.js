// The lab's part of the package: shared.gs.chain (the seed's one-neuron-per-layer product) against the
// public gradients API and against the formula evaluated in JavaScript; the chapter-5 experiment
// helpers (vanishingRun, hiddenLayerSpeeds) and their memory hygiene.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { GradscopeError, sharedModule } from "./support/built-package.js";
import { mulberry32 } from "../../scripts/mulberry32.mjs";
import {
  hiddenLayerSpeeds,
  sliceDataset,
  speedRatio,
  vanishingRun,
} from "../../wasm/dist/index.js";

const shared = sharedModule();

const SIGMA = {
  sigmoid: [
    (z) => 1 / (1 + Math.exp(-z)),
    (z) => {
      const s = 1 / (1 + Math.exp(-z));
      return s * (1 - s);
    },
  ],
  tanh: [Math.tanh, (z) => 1 - Math.tanh(z) ** 2],
  relu: [(z) => Math.max(0, z), (z) => (z > 0 ? 1 : 0)],
  "leaky-relu": [(z) => (z > 0 ? z : 0.01 * z), (z) => (z > 0 ? 1 : 0.01)],
  identity: [(z) => z, () => 1],
};

const relative = (a, b) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe("shared.gs.chain.product", () => {
  test("equals ∂C/∂b^2 of net.gradients for random chains of 2–10 neurons and every activation", () => {
    const rand = mulberry32(5);
    let checked = 0;
    for (let n = 2; n <= 10; ++n) {
      for (const activation of Object.keys(SIGMA)) {
        const w = Array.from({ length: n }, () => Math.fround(3 * rand() - 1.5));
        const b = Array.from({ length: n }, () => Math.fround(2 * rand() - 1));
        const x = Math.fround(2 * rand() - 1);
        const y = Math.fround(rand());
        const p = shared.gs.chain.product({
          weights: w,
          biases: b,
          activation,
          cost: "quadratic",
          x,
          y,
        });
        const net = shared.network({
          layers: Array(n + 1).fill(1),
          hidden: activation,
          output: activation,
          cost: "quadratic",
        });
        for (let l = 2; l <= n + 1; ++l)
          net.setParameters(l, { weights: [w[l - 2]], biases: [b[l - 2]] });
        const g = net.gradients([x], [y]);
        const fromApi = g[0].biases[0];
        assert.equal(g[0].layer, 2);
        assert.equal(p.terms.length, 2 * n);
        assert.equal(p.dCdb1, p.terms[2 * n - 1].running);
        if (fromApi === 0)
          assert.ok(p.dCdb1 === 0, `n ${n} ${activation}: a dead ReLU gives 0, got ${p.dCdb1}`);
        else
          assert.ok(
            relative(p.dCdb1, fromApi) < 1e-5,
            `n ${n} ${activation}: product ${p.dCdb1}, gradients ${fromApi}`,
          );
        assert.equal(p.backpropDCdb1, fromApi, "the binding runs the same backprop");
        ++checked;
      }
    }
    assert.equal(checked, 45);
  });

  test("its terms are the seed formula, evaluated here in double precision", () => {
    for (const activation of Object.keys(SIGMA)) {
      const [f, df] = SIGMA[activation];
      const w = [0.5, -1.25, 2, 0.75];
      const b = [0.25, 0.5, -0.5, 0.125];
      const p = shared.gs.chain.product({ weights: w, biases: b, activation, x: 0.5, y: 0.25 });
      let a = 0.5;
      const sp = [];
      p.neurons.forEach((u, i) => {
        const z = w[i] * a + b[i];
        assert.ok(Math.abs(u.z - z) < 1e-5 * Math.max(1, Math.abs(z)), `${activation} z_${i + 1}`);
        assert.ok(Math.abs(u.sigmaPrime - df(z)) < 1e-5, `${activation} σ'(z_${i + 1})`);
        sp.push(df(z));
        a = f(z);
      });
      const expected = sp[0] * w[1] * sp[1] * w[2] * sp[2] * w[3] * sp[3] * (a - 0.25);
      assert.ok(
        Math.abs(p.dCdb1 - expected) <= 1e-5 * Math.max(1e-3, Math.abs(expected)),
        `${activation}: ${p.dCdb1} vs ${expected}`,
      );
      assert.deepEqual(
        p.terms.map((t) => t.kind),
        [
          "sigma-prime",
          "weight",
          "sigma-prime",
          "weight",
          "sigma-prime",
          "weight",
          "sigma-prime",
          "cost-gradient",
        ],
      );
    }
  });

  test("Nielsen's exploding example: centred biases make every factor 100 × 1/4 = 25", () => {
    const w = [100, 100, 100, 100, 100];
    const b = shared.gs.chain.centeredBiases(w, "sigmoid", 1);
    assert.ok(b instanceof Float64Array);
    assert.deepEqual(Array.from(b), [-100, -50, -50, -50, -50]);
    const p = shared.gs.chain.product({ weights: w, biases: b, x: 1, y: 0 });
    p.neurons.forEach((u) => assert.equal(u.sigmaPrime, 0.25));
    assert.equal(p.dCdb1, 0.25 * 25 ** 4 * 0.5);
  });

  test("bad input is a GradscopeError naming it, and the module keeps working", () => {
    const ok = { weights: [1, 1], biases: [0, 0] };
    assert.throws(
      () => shared.gs.chain.product({ ...ok, biases: [0] }),
      /weights has 2 entries but biases has 1/,
    );
    assert.throws(
      () => shared.gs.chain.product({ weights: [], biases: [] }),
      /weights has 0 entries; a chain has 1 … 64 neurons/,
    );
    assert.throws(
      () => shared.gs.chain.product({ weights: [1, NaN], biases: [0, 0] }),
      /weights\[1\] is NaN/,
    );
    assert.throws(
      () => shared.gs.chain.product({ ...ok, x: Infinity }),
      /x Infinity must be a finite number/,
    );
    assert.throws(
      () => shared.gs.chain.product({ ...ok, activation: "sigmod" }),
      (e) => e instanceof GradscopeError && /unknown activation 'sigmod'/.test(e.message),
    );
    assert.throws(
      () => shared.gs.chain.product({ ...ok, activation: "tanh", cost: "cross-entropy" }),
      /cross-entropy cost needs outputs in \(0, 1\)/,
    );
    assert.throws(() => shared.gs.chain.product({ ...ok, activation: "softmax" }), GradscopeError);
    assert.throws(
      () => shared.gs.chain.centeredBiases("100", "sigmoid"),
      /weights must be an array of numbers/,
    );
    assert.equal(shared.gs.chain.product(ok).neurons.length, 2);
  });

  test("calls leave no memory behind", () => {
    const opts = { weights: [0.5, 0.5, 0.5], biases: [0, 0, 0] };
    shared.gs.chain.product(opts);
    const start = shared.gs.memory().usedBytes;
    for (let i = 0; i < 2000; ++i) {
      shared.gs.chain.product(opts);
      shared.gs.chain.centeredBiases(opts.weights);
      try {
        shared.gs.chain.product({ ...opts, activation: "nope" });
      } catch {
        // the error path must free too
      }
    }
    assert.equal(shared.gs.memory().usedBytes, start);
  });
});

describe("the chapter-5 experiment helpers", () => {
  const data = () => {
    const d = shared.gs.datasets.synthetic("spiral", { n: 240, seed: 3, outputWidth: 2 });
    return d;
  };

  test("vanishingRun: epoch 0 is the fresh network’s hiddenLayerSpeeds; then one point per epoch", () => {
    const d = data();
    const points = [
      ...vanishingRun(shared.gs, d, {
        layers: [2, 8, 8, 8, 2],
        samples: 120,
        testSamples: 120,
        epochs: 3,
        seed: 4,
        learningRate: 0.5,
      }),
    ];
    assert.deepEqual(
      points.map((p) => p.epoch),
      [0, 1, 2, 3],
    );
    const net = shared.network({
      layers: [2, 8, 8, 8, 2],
      hidden: "sigmoid",
      output: "sigmoid",
      cost: "cross-entropy",
      init: "scaled",
      seed: 4,
    });
    const train = sliceDataset(d, 0, 120);
    assert.deepEqual(points[0].speeds, hiddenLayerSpeeds(net, train.x, train.y));
    assert.deepEqual(
      points[0].test,
      net.evaluate(sliceDataset(d, 120, 120).x, sliceDataset(d, 120, 120).y),
    );
    assert.equal(points[3].speeds.length, 3);
    assert.notDeepEqual(points[3].speeds, points[0].speeds, "training changed the network");
    assert.equal(speedRatio([1, 2, 4]), 0.25);
  });

  test("a run stopped early frees its network", () => {
    const d = data();
    const run = () => {
      const gen = vanishingRun(shared.gs, d, {
        layers: [2, 30, 30, 2],
        samples: 100,
        testSamples: 100,
        epochs: 50,
      });
      gen.next();
      gen.next();
      gen.return();
    };
    run();
    const start = shared.gs.memory().usedBytes;
    for (let i = 0; i < 50; ++i) run();
    assert.equal(shared.gs.memory().usedBytes, start);
  });

  test("bad options name the problem", () => {
    const d = data();
    const first = (o) => vanishingRun(shared.gs, d, o).next();
    assert.throws(() => first({ layers: [2, 2] }), /at least one hidden layer/);
    assert.throws(() => first({ layers: [3, 4, 2] }), /3 inputs but the images have 2 pixels/);
    assert.throws(() => first({ layers: [2, 4, 3] }), /3 outputs but the data set has 2 classes/);
    assert.throws(
      () => first({ layers: [2, 4, 2], samples: 200, testSamples: 100 }),
      /exceed the 240 images/,
    );
    assert.throws(
      () => first({ layers: [2, 4, 2], epochs: -1 }),
      /epochs -1 must be an integer ≥ 0/,
    );
    assert.throws(
      () => sliceDataset(d, 230, 20),
      /cannot take samples 230 … 249 of a data set of 240/,
    );
    assert.throws(() => speedRatio([]), GradscopeError);
  });

  test("hiddenLayerSpeeds: one speed per hidden layer, ‖∂C/∂b^l‖ of net.diagnostics; none without a hidden layer", () => {
    const d = sliceDataset(data(), 0, 40);
    const net = shared.network({ layers: [2, 5, 4, 2], hidden: "tanh", seed: 2 });
    const speeds = hiddenLayerSpeeds(net, d.x, d.y);
    const diagnostics = net.diagnostics(d.x, d.y);
    assert.deepEqual(speeds, [diagnostics[0].biasGradNorm, diagnostics[1].biasGradNorm]);
    const shallow = shared.network({ layers: [2, 2], seed: 2 });
    assert.throws(
      () => hiddenLayerSpeeds(shallow, d.x, d.y),
      (e) => e instanceof GradscopeError && /needs a hidden layer.* 2 layers/.test(e.message),
    );
  });
});
