// The public API of the gradscope package, in Node, against the built wasm/dist.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { sharedModule } from "./support/built-package.js";

const shared = sharedModule();
const network = shared.network;

const sigmoid = (z) => 1 / (1 + Math.exp(-z));

// a^L by the seed's equations in plain JavaScript, from getParameters' row-major weights.
function forwardInJs(net, x, activation) {
  let a = Array.from(x);
  for (let l = 2; l <= net.numLayers; ++l) {
    const { weights, biases, rows, cols } = net.getParameters(l);
    const z = [];
    for (let j = 0; j < rows; ++j) {
      let s = biases[j];
      for (let k = 0; k < cols; ++k) s += weights[j * cols + k] * a[k];
      z.push(s);
    }
    a = z.map(activation);
  }
  return a;
}

describe("createNetwork and parameters", () => {
  test("options, defaults and shapes", () => {
    const net = network({ layers: [3, 4, 2] });
    assert.deepEqual(net.layers, [3, 4, 2]);
    assert.equal(net.numLayers, 3);
    assert.deepEqual(
      [net.hidden, net.output, net.cost, net.init, net.seed],
      ["sigmoid", "sigmoid", "quadratic", "scaled", 1],
    );
    const p = net.getParameters(2);
    assert.ok(p.weights instanceof Float32Array);
    assert.equal(p.weights.length, 12);
    assert.deepEqual([p.rows, p.cols, p.biases.length], [4, 3, 4]);
    assert.equal(net.getParameters(3).weights.length, 8);
  });

  test("same seed gives identical weights, another seed different ones", () => {
    const a = network({ layers: [2, 5, 1], seed: 7 }).getParameters(2).weights;
    const b = network({ layers: [2, 5, 1], seed: 7 }).getParameters(2).weights;
    const c = network({ layers: [2, 5, 1], seed: 8 }).getParameters(2).weights;
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  });

  test("weights are row-major n_l x n_(l-1): predict agrees with a JS forward pass", () => {
    const net = network({ layers: [3, 4, 2], seed: 3 });
    const x = [0.3, -0.7, 1.1];
    const expected = forwardInJs(net, x, sigmoid);
    const got = net.predict(Float32Array.from(x));
    expected.forEach((v, i) =>
      assert.ok(Math.abs(v - got[i]) < 1e-6, `output ${i}: ${got[i]} vs ${v}`),
    );
  });

  test("setParameters then getParameters returns the same values; results are copies", () => {
    const net = network({ layers: [2, 3, 1] });
    const weights = Float32Array.from([1, 2, 3, 4, 5, 6]);
    net.setParameters(2, { weights, biases: [0.5, -0.5, 0.25] });
    const p = net.getParameters(2);
    assert.deepEqual(p.weights, weights);
    assert.deepEqual(Array.from(p.biases), [0.5, -0.5, 0.25]);
    p.weights[0] = 99; // a copy: the network is unchanged
    assert.equal(net.getParameters(2).weights[0], 1);
    // w row 0 is (1, 2): z = 1*1 + 2*0 + 0.5 for x = (1, 0).
    net.setParameters(3, { weights: [1, 0, 0], biases: [0] });
    assert.ok(Math.abs(net.predict([1, 0])[0] - sigmoid(sigmoid(1.5))) < 1e-6);
  });

  test("predict takes a batch, samples row-major", () => {
    const net = network({ layers: [2, 3, 2], seed: 5 });
    const batch = net.predict([0, 1, 1, 0, 0.5, 0.5]);
    assert.equal(batch.length, 6);
    assert.deepEqual(batch.slice(2, 4), net.predict([1, 0]));
  });
});

describe("gradients and diagnostics", () => {
  test("net.gradients matches central differences computed in JavaScript", () => {
    const net = network({
      layers: [2, 3, 2],
      hidden: "tanh",
      output: "sigmoid",
      cost: "quadratic",
      seed: 11,
    });
    const x = Float32Array.from([0.1, 0.9, -0.4, 0.3, 0.8, -0.6, -0.2, -0.9, 0.5, 0.5]);
    const y = Float32Array.from([1, 0, 0, 1, 1, 1, 0, 0, 1, 0]);
    const grads = net.gradients(x, y);
    assert.deepEqual(
      grads.map((g) => g.layer),
      [2, 3],
    );
    let checkedCount = 0;
    for (const g of grads) {
      const p = net.getParameters(g.layer);
      for (const [field, values] of [
        ["weights", p.weights],
        ["biases", p.biases],
      ]) {
        for (let i = 0; i < values.length; ++i) {
          const saved = values[i];
          const plus = Math.fround(saved + 1e-2);
          const minus = Math.fround(saved - 1e-2);
          const cost = (v) => {
            const copy = { weights: p.weights.slice(), biases: p.biases.slice() };
            copy[field][i] = v;
            net.setParameters(g.layer, copy);
            return net.evaluate(x, y).loss;
          };
          const numeric = (cost(plus) - cost(minus)) / (plus - minus);
          cost(saved);
          const analytic = g[field][i];
          assert.ok(
            Math.abs(analytic - numeric) <= 2e-4 + 1e-2 * Math.abs(analytic),
            `layer ${g.layer} ${field}[${i}]: backprop ${analytic}, numeric ${numeric}`,
          );
          ++checkedCount;
        }
      }
    }
    assert.equal(checkedCount, 9 + 8);
  });

  test("gradientCheck (double precision in the core) is tiny", () => {
    const net = network({
      layers: [2, 4, 3],
      hidden: "relu",
      output: "softmax",
      cost: "log-likelihood",
      seed: 2,
    });
    const r = net.gradientCheck([0.2, 0.4, -0.5, 0.1], [0, 0, 1, 1, 0, 0], { h: 1e-6 });
    assert.equal(r.parametersChecked, 8 + 4 + 12 + 3);
    assert.ok(r.maxRelativeError < 1e-4, `max relative error ${r.maxRelativeError}`);
  });

  test("diagnostics: one entry per layer, sigmoid's histogram over its own [0, 1/4]", () => {
    const net = network({ layers: [2, 6, 6, 1], seed: 4, init: "large" });
    const d = shared.gs.datasets.synthetic("circle", { n: 50, seed: 1 });
    const diag = net.diagnostics(d.x, d.y);
    assert.deepEqual(
      diag.map((l) => l.layer),
      [2, 3, 4],
    );
    for (const l of diag) {
      assert.equal(l.derivHistogram.edges.length, 21);
      assert.equal(l.derivHistogram.edges[0], 0);
      assert.equal(l.derivHistogram.edges[20], 0.25);
      const units = net.layers[l.layer - 1];
      assert.equal(
        l.derivHistogram.counts.reduce((s, c) => s + c, 0),
        units * 50,
      );
      assert.ok(l.biasGradNorm > 0 && l.weightGradNorm > 0);
      assert.ok(
        l.meanAbsActDeriv > 0 && l.meanAbsActDeriv <= 0.25,
        `sigmoid σ' ≤ 1/4, got ${l.meanAbsActDeriv}`,
      );
      assert.ok(l.saturatedFraction >= 0 && l.saturatedFraction <= 1);
    }
    // Gradient norms agree with net.gradients.
    const g = net.gradients(d.x, d.y);
    const norm = Math.hypot(...g[0].biases);
    assert.ok(Math.abs(norm - diag[0].biasGradNorm) < 1e-6 * Math.max(1, norm));
  });
});

describe("training", () => {
  test("diagnostics: each layer's histogram spans its activation's catalogued σ' range", () => {
    const d = shared.gs.datasets.synthetic("xor", { n: 20, seed: 3 });
    for (const hidden of ["tanh", "relu", "leaky-relu", "identity"]) {
      const net = network({ layers: [2, 5, 1], hidden, output: "sigmoid", seed: 2 });
      const [h, out] = net.diagnostics(d.x, d.y);
      const [lo, hi] = shared.gs.catalogue.activation(hidden).derivativeRange;
      assert.equal(h.derivHistogram.edges[0], lo, hidden);
      assert.equal(h.derivHistogram.edges.at(-1), hi, hidden);
      assert.equal(h.derivHistogram.edges.length, lo === hi ? 2 : 21, hidden);
      assert.equal(
        h.derivHistogram.counts.reduce((s, c) => s + c, 0),
        5 * 20,
        hidden,
      );
      assert.equal(out.derivHistogram.edges.at(-1), 0.25, "the sigmoid output layer");
    }
  });

  test("train learns xor, reports every epoch and the test set", () => {
    const all = shared.gs.datasets.synthetic("xor", { n: 400, seed: 5 });
    const { train, test } = shared.gs.datasets.split(all, { testFraction: 0.25, seed: 2 });
    const net = network({
      layers: [2, 8, 8, 1],
      hidden: "tanh",
      output: "sigmoid",
      cost: "cross-entropy",
      seed: 42,
    });
    const seen = [];
    const history = net.train(train.x, train.y, {
      epochs: 30,
      batchSize: 10,
      learningRate: 0.3,
      testX: test.x,
      testY: test.y,
      onEpoch: (r) => {
        seen.push(r.epoch);
      },
    });
    assert.deepEqual(
      seen,
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    assert.equal(history.length, 30);
    assert.ok(history[29].train.loss < history[0].train.loss);
    assert.ok(history[29].test.accuracy >= 0.95, `test accuracy ${history[29].test.accuracy}`);
    assert.deepEqual(net.evaluate(test.x, test.y), history[29].test);
  });

  test("onEpoch returning false stops early", () => {
    const d = shared.gs.datasets.synthetic("gaussians", { n: 40 });
    const net = network({ layers: [2, 2, 1] });
    const history = net.train(d.x, d.y, { epochs: 10, onEpoch: (r) => r.epoch < 3 });
    assert.equal(history.length, 3);
  });

  test("training is deterministic for a seed; l2 and shuffle change the result", () => {
    const d = shared.gs.datasets.synthetic("spiral", { n: 60, seed: 9 });
    const run = (opts) => {
      const net = network({ layers: [2, 5, 1], seed: 3 });
      net.train(d.x, d.y, { epochs: 3, batchSize: 7, learningRate: 0.5, seed: 4, ...opts });
      return net.getParameters(2).weights;
    };
    assert.deepEqual(run({}), run({}));
    assert.notDeepEqual(run({}), run({ l2: 5 }));
    assert.notDeepEqual(run({}), run({ shuffle: false }));
    assert.notDeepEqual(run({}), run({ seed: 5 }));
  });

  test("createTrainer: steps across passes give exactly what train gives", () => {
    const d = shared.gs.datasets.synthetic("circle", { n: 55, seed: 4 });
    const options = { batchSize: 10, learningRate: 0.8, l2: 0.1, seed: 6 };
    const whole = network({ layers: [2, 4, 1], seed: 8 });
    whole.train(d.x, d.y, { ...options, epochs: 2 });
    const stepwise = network({ layers: [2, 4, 1], seed: 8 });
    const trainer = stepwise.createTrainer(d.x, d.y, options);
    // 55 samples in batches of 10: 6 mini-batches per pass.
    assert.deepEqual(trainer.steps(4), { epochsDone: 0, stepsDone: 4, position: 40 });
    assert.deepEqual(trainer.steps(3), { epochsDone: 1, stepsDone: 7, position: 10 });
    const report = trainer.epoch(); // finishes pass 2
    assert.equal(report.epoch, 2);
    assert.deepEqual(trainer.state, { epochsDone: 2, stepsDone: 12, position: 0 });
    assert.deepEqual(stepwise.getParameters(2), whole.getParameters(2));
    assert.deepEqual(report.train, stepwise.evaluate(d.x, d.y));
    trainer.dispose();
    assert.throws(() => trainer.steps(1), /replaced or disposed/);
  });

  test("a new trainer or train() ends the previous trainer", () => {
    const d = shared.gs.datasets.synthetic("xor", { n: 20 });
    const net = network({ layers: [2, 3, 1] });
    const first = net.createTrainer(d.x, d.y);
    const second = net.createTrainer(d.x, d.y);
    assert.throws(() => first.steps(), /replaced or disposed/);
    second.steps(2);
    net.train(d.x, d.y);
    assert.throws(() => second.epoch(), /replaced or disposed/);
  });
});

describe("JSON", () => {
  test("toJSON / networkFromJSON round-trip exactly, float bits included", () => {
    const net = network({
      layers: [3, 5, 4, 2],
      hidden: "leaky-relu",
      output: "softmax",
      cost: "log-likelihood",
      init: "he",
      seed: 123,
    });
    const d = {
      x: new Float32Array(30).map((_, i) => Math.sin(i)),
      y: new Float32Array(20).map((_, i) => (i % 2 === Math.floor(i / 2) % 2 ? 1 : 0)),
    };
    net.train(d.x, d.y, { epochs: 3, batchSize: 3 });
    const text = JSON.stringify(net);
    const copy = shared.gs.networkFromJSON(text);
    shared.track(copy);
    const fromObject = shared.gs.networkFromJSON(net.toJSON());
    shared.track(fromObject);
    for (let l = 2; l <= 4; ++l) {
      const a = net.getParameters(l);
      for (const other of [copy, fromObject]) {
        const b = other.getParameters(l);
        assert.deepEqual(new Uint32Array(b.weights.buffer), new Uint32Array(a.weights.buffer));
        assert.deepEqual(new Uint32Array(b.biases.buffer), new Uint32Array(a.biases.buffer));
      }
    }
    assert.deepEqual(
      [copy.hidden, copy.output, copy.cost, copy.init, copy.seed],
      ["leaky-relu", "softmax", "log-likelihood", "he", 123],
    );
    assert.equal(JSON.stringify(copy), text);
    assert.deepEqual(copy.predict(d.x), net.predict(d.x));
  });
});

describe("datasets", () => {
  test("synthetic sets: shapes, balance, determinism, one-hot width 2", () => {
    const twoClass = shared.gs.catalogue.datasets.filter(
      (d) => d.source === "synthetic" && d.classes === 2,
    );
    assert.ok(twoClass.length >= 4);
    for (const { name: kind } of twoClass) {
      const d = shared.gs.datasets.synthetic(kind, { n: 100, noise: 0.1, seed: 3 });
      assert.deepEqual(
        [d.n, d.inputWidth, d.outputWidth, d.x.length, d.y.length, d.labels.length],
        [100, 2, 1, 200, 100, 100],
      );
      assert.equal(
        d.labels.reduce((s, c) => s + c, 0),
        50,
      );
      assert.deepEqual(Array.from(d.y), Array.from(d.labels));
      assert.deepEqual(shared.gs.datasets.synthetic(kind, { n: 100, noise: 0.1, seed: 3 }).x, d.x);
    }
    const two = shared.gs.datasets.synthetic("xor", { n: 10, outputWidth: 2 });
    assert.equal(two.y.length, 20);
    for (let i = 0; i < 10; ++i) assert.equal(two.y[2 * i + two.labels[i]], 1);
  });

  test("split is a seeded partition", () => {
    const d = shared.gs.datasets.synthetic("circle", { n: 50 });
    const { train, test } = shared.gs.datasets.split(d, { testFraction: 0.2, seed: 5 });
    assert.deepEqual([train.n, test.n], [40, 10]);
    const key = (x, i) => `${x[2 * i]},${x[2 * i + 1]}`;
    const all = new Set(Array.from({ length: 50 }, (_, i) => key(d.x, i)));
    const parts = [
      ...Array.from({ length: 40 }, (_, i) => key(train.x, i)),
      ...Array.from({ length: 10 }, (_, i) => key(test.x, i)),
    ];
    assert.deepEqual(new Set(parts), all);
  });

  test("parseIdx and idxDataset read MNIST-style files", () => {
    // Two 2x3 images and their labels, big-endian headers as in the MNIST files.
    const images = Uint8Array.from([
      0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 0,
    ]);
    const labels = Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 2, 7, 2]);
    const parsed = shared.gs.datasets.parseIdx(images);
    assert.deepEqual(parsed.dims, [2, 2, 3]);
    assert.equal(parsed.data.length, 12);
    const d = shared.gs.datasets.idxDataset(parsed, labels.buffer);
    assert.deepEqual([d.n, d.inputWidth, d.outputWidth], [2, 6, 10]);
    assert.deepEqual(Array.from(d.labels), [7, 2]);
    assert.ok(Math.abs(d.x[1] - 0.2) < 1e-7 && d.x[5] === 1 && d.x[6] === 1);
    assert.equal(d.y[7], 1);
    assert.equal(d.y[10 + 2], 1);
    assert.equal(shared.gs.datasets.idxDataset(images, labels, { limit: 1 }).n, 1);
  });
});

describe("activations", () => {
  test("values, derivatives, curves and ceilings", () => {
    const a = shared.gs.activations;
    assert.ok(a.names.includes("leaky-relu"));
    assert.equal(a.value("sigmoid", 0), 0.5);
    assert.equal(a.derivative("sigmoid", 0), 0.25);
    assert.ok(Math.abs(a.derivative("tanh", 0.5) - (1 - Math.tanh(0.5) ** 2)) < 1e-15);
    assert.equal(a.derivative("leaky-relu", -3), 0.01);
    assert.equal(a.value("relu", -2), 0);
    const xs = [-4, -1, 0, 1, 4];
    const c = a.curve("sigmoid", xs);
    assert.deepEqual(Array.from(c.x), xs);
    c.value.forEach((v, i) => assert.ok(Math.abs(v - sigmoid(xs[i])) < 1e-15));
    c.derivative.forEach((d, i) =>
      assert.ok(Math.abs(d - sigmoid(xs[i]) * (1 - sigmoid(xs[i]))) < 1e-15),
    );
    assert.deepEqual(
      ["sigmoid", "tanh", "relu"].map((n) => a.maxDerivative(n)),
      [0.25, 1, 1],
    );
  });
});

describe("module", () => {
  test("flavour, backend and memory are reported", () => {
    assert.ok(["simd", "scalar"].includes(shared.gs.flavour));
    assert.equal(typeof shared.gs.backend, "string");
    const m = shared.gs.memory();
    assert.ok(m.heapBytes >= 16 * 1024 * 1024 && m.usedBytes > 0);
  });
});
