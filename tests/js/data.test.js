// The package's data for issue 14: K-class synthetic sets, regression sets, evaluate's problem,
// the epoch reports of a regression run, and the confusion matrix; with the hostile inputs each
// option refuses (a GradscopeError naming the value).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { catalogue } from "../../wasm/dist/index.js";
import { GradscopeError, sharedModule } from "./support/built-package.js";

const shared = sharedModule();

function rejects(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof GradscopeError, `not a GradscopeError: ${e}`);
    assert.match(e.message, pattern);
    return true;
  });
}

// FNV-1a over the 32-bit words of x, then of the labels: a fingerprint of a data set's bits.
function fingerprint(d) {
  let h = 0x811c9dc5;
  const x = new Uint32Array(d.x.buffer, d.x.byteOffset, d.x.length);
  const labels = new Uint32Array(d.labels.buffer, d.labels.byteOffset, d.labels.length);
  for (const words of [x, labels]) {
    for (const w of words) h = Math.imul(h ^ w, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** A network a = w x + b (identity output, quadratic cost, no hidden layer), parameters set. */
function linear(inputs, outputs, weights, biases) {
  const net = shared.network({
    layers: [inputs, outputs],
    output: "identity",
    cost: "quadratic",
  });
  net.setParameters(2, { weights, biases });
  return net;
}

const REGRESSION = catalogue.datasets.filter(
  (d) => d.source === "synthetic" && d.problem === "regression",
);

// The regression formulas, written here independently of the core (core/dataset.cpp).
const FORMULAS = {
  plane: (x1, x2) => (x1 + x2) / 2,
  bumps: (x1, x2) => {
    let y = 0;
    for (const [cx, cy, sign] of [
      [-4, 2.5, 1],
      [0, 2.5, -1],
      [4, 2.5, 1],
      [-4, -2.5, -1],
      [0, -2.5, 1],
      [4, -2.5, -1],
    ]) {
      const r2 = (x1 - cx / 6) ** 2 + (x2 - cy / 6) ** 2;
      y += sign * Math.exp(-r2 / (2 * 0.2 ** 2));
    }
    return y;
  },
  sine: (x) => Math.sin(Math.PI * x),
  abs: (x) => Math.abs(x),
  step: (x) => (x < 0 ? -0.5 : 0.5),
};

describe("synthetic classes", () => {
  test("two classes keep the points of before the classes option, bit for bit", () => {
    // Fingerprints taken with the package before `classes` existed (issue 14's groundwork).
    const before = {
      circle: ["56af3f63", "f7c664b8"],
      xor: ["caab777b", "31eb5c61"],
      gaussians: ["54d6ceeb", "a9c610cd"],
      spiral: ["0b8e8655", "a16d4dc3"],
    };
    const gs = shared.gs;
    for (const [kind, [a, b]] of Object.entries(before)) {
      for (const extra of [{}, { classes: 2 }, { classes: 2, outputWidth: 2 }]) {
        const big = gs.datasets.synthetic(kind, { n: 200, noise: 0.05, seed: 9, ...extra });
        const small = gs.datasets.synthetic(kind, { n: 37, noise: 0, seed: 4, ...extra });
        assert.deepEqual([fingerprint(big), fingerprint(small)], [a, b], kind);
      }
    }
  });

  test("spiral and gaussians with K = 3 … 6: K balanced classes, one-hot targets of width K", () => {
    for (const kind of ["spiral", "gaussians"]) {
      for (let k = 3; k <= 6; ++k) {
        const d = shared.gs.datasets.synthetic(kind, {
          n: 10 * k + 1,
          noise: 0.1,
          seed: 2,
          classes: k,
        });
        assert.equal(d.problem, "classification");
        assert.equal(d.outputWidth, k);
        assert.equal(d.y.length, k * d.n);
        for (let i = 0; i < d.n; ++i) {
          assert.equal(d.labels[i], i % k); // classes take turns: any prefix is balanced
          for (let c = 0; c < k; ++c) assert.equal(d.y[i * k + c], c === d.labels[i] ? 1 : 0);
        }
      }
    }
  });

  test("K classes: the arms and blobs differ from the two-class layout and between seeds", () => {
    const gs = shared.gs;
    const three = gs.datasets.synthetic("spiral", { n: 90, seed: 1, classes: 3 });
    const again = gs.datasets.synthetic("spiral", { n: 90, seed: 1, classes: 3 });
    assert.deepEqual(three.x, again.x);
    assert.notDeepEqual(three.x, gs.datasets.synthetic("spiral", { n: 90, seed: 2, classes: 3 }).x);
    // Blob c's mean is near its centre on the circle of radius 0.4√2, class 0 at 225°.
    const k = 5;
    const blobs = gs.datasets.synthetic("gaussians", { n: 500, seed: 3, classes: k });
    for (let c = 0; c < k; ++c) {
      let mx = 0;
      let my = 0;
      for (let i = c; i < 500; i += k) {
        mx += blobs.x[2 * i] / 100;
        my += blobs.x[2 * i + 1] / 100;
      }
      const t = 1.25 * Math.PI + (2 * Math.PI * c) / k;
      assert.ok(Math.abs(mx - 0.4 * Math.SQRT2 * Math.cos(t)) < 0.05, `blob ${c} x ${mx}`);
      assert.ok(Math.abs(my - 0.4 * Math.SQRT2 * Math.sin(t)) < 0.05, `blob ${c} y ${my}`);
    }
  });

  test("bad classes are refused, naming the value", () => {
    const s = (options) => () => shared.gs.datasets.synthetic("spiral", options);
    rejects(s({ classes: 1 }), /^classes 1 for spiral must be in \[2, 6\]$/);
    rejects(s({ classes: 7 }), /^classes 7 for spiral must be in \[2, 6\]$/);
    rejects(s({ classes: 2.5 }), /^classes 2\.5 must be an integer/);
    rejects(s({ classes: "3" }), /^classes 3 must be an integer/);
    rejects(s({ classes: NaN }), /^classes NaN must be an integer/);
    rejects(s({ classes: null }), /classes is null/);
    rejects(
      s({ clases: 3 }),
      /unknown option 'clases' in synthetic options; did you mean 'classes'\?/,
    );
    rejects(
      () => shared.gs.datasets.synthetic("xor", { classes: 3 }),
      /^classes 3 for xor must be in \[2, 2\]$/,
    );
    rejects(s({ classes: 3, outputWidth: 1 }), /^output width 1 for a 3-class set must be 3$/);
    rejects(s({ classes: 4, outputWidth: 3 }), /^output width 3 for a 4-class set must be 4$/);
    // The module keeps working after a refusal.
    assert.equal(shared.gs.datasets.synthetic("spiral", { classes: 4 }).outputWidth, 4);
  });
});

describe("regression sets", () => {
  test("plane, bumps, sine, abs, step: targets are their formulas, point by point", () => {
    assert.deepEqual(
      REGRESSION.map((d) => d.name),
      ["plane", "bumps", "sine", "abs", "step"],
    );
    for (const row of REGRESSION) {
      const d = shared.gs.datasets.synthetic(row.name, { n: 300, seed: 5 });
      assert.equal(d.problem, "regression");
      assert.equal(d.labels.length, 0);
      assert.deepEqual([d.n, d.inputWidth, d.outputWidth], [300, row.inputFeatures, 1]);
      const f = FORMULAS[row.name];
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < d.n; ++i) {
        const x = Array.from(d.x.subarray(i * d.inputWidth, (i + 1) * d.inputWidth));
        for (const v of x) assert.ok(v >= -1 && v < 1, `${row.name} x ${v}`);
        lo = Math.min(lo, x[0]);
        hi = Math.max(hi, x[0]);
        const expected = f(...x);
        assert.ok(Math.abs(d.y[i] - expected) < 2e-6, `${row.name} ${i}: ${d.y[i]} vs ${expected}`);
      }
      assert.ok(lo < -0.95 && hi > 0.95, `${row.name} covers [−1, 1]`);
    }
  });

  test("noise moves the inputs and the target", () => {
    const gs = shared.gs;
    const clean = gs.datasets.synthetic("sine", { n: 4000, seed: 8 });
    const noisy = gs.datasets.synthetic("sine", { n: 4000, seed: 8, noise: 0.1 });
    let inputMoved = 0;
    let residual = 0;
    for (let i = 0; i < 4000; ++i) {
      inputMoved += noisy.x[i] !== clean.x[i] ? 1 : 0;
      residual += (noisy.y[i] - Math.sin(Math.PI * noisy.x[i])) ** 2;
    }
    assert.equal(inputMoved, 4000);
    // Target noise alone leaves σ² = 0.01 around f(x); input noise adds about (πσ)²·E[cos²] ≈ 0.05.
    assert.ok(residual / 4000 > 0.03 && residual / 4000 < 0.09, `${residual / 4000}`);
  });

  test("outputWidth other than 1 and classes other than 0 are refused, naming the value", () => {
    const gs = shared.gs;
    rejects(
      () => gs.datasets.synthetic("plane", { outputWidth: 2 }),
      /^output width 2 for a regression set must be 1$/,
    );
    rejects(
      () => gs.datasets.synthetic("step", { classes: 2 }),
      /^classes 2 for step must be 0 \(a regression set\)$/,
    );
    assert.equal(gs.datasets.synthetic("step", { classes: 0, outputWidth: 1 }).outputWidth, 1);
  });

  test("split keeps the problem; a regression set's parts have empty labels", () => {
    const gs = shared.gs;
    const d = gs.datasets.synthetic("bumps", { n: 50, seed: 1, noise: 0.1 });
    const { train, test } = gs.datasets.split(d, { testFraction: 0.2, seed: 3 });
    assert.deepEqual(
      [train.problem, test.problem, train.n, test.n, train.labels.length, test.labels.length],
      ["regression", "regression", 40, 10, 0, 0],
    );
    const sum = (a) => a.reduce((s, v) => s + v, 0);
    assert.ok(Math.abs(sum(train.y) + sum(test.y) - sum(d.y)) < 1e-4);
    const c = gs.datasets.synthetic("circle", { n: 20 });
    assert.equal(gs.datasets.split(c).train.problem, "classification");
    // A data set object without `problem` (made before regression existed) is a classification.
    const { problem: _omitted, ...old } = c;
    assert.equal(gs.datasets.split(old).test.problem, "classification");
    rejects(
      () => gs.datasets.split({ ...d, problem: "ranking" }),
      /data set problem ranking must be one of 'classification', 'regression'/,
    );
    rejects(() => gs.datasets.split({ ...d, problem: "classification" }), /0 labels/);
    rejects(
      () => gs.datasets.split({ ...c, problem: "regression" }),
      /a regression data set has no labels, got 20/,
    );
  });
});

describe("evaluate with a problem", () => {
  // x = 0, 1, 2, 3; a = x + 1; y = 1, 3, 2, 5: Σ(a − y)² = 3, ȳ = 2.75, Σ(y − ȳ)² = 8.75.
  const x = [0, 1, 2, 3];
  const y = [1, 3, 2, 5];

  test("regression: { loss, mse, r2 } by hand, and no accuracy key", () => {
    const net = linear(1, 1, [1], [1]);
    const e = net.evaluate(x, y, { problem: "regression" });
    assert.deepEqual(Object.keys(e).sort(), ["loss", "mse", "r2"]);
    assert.ok(Math.abs(e.mse - 0.75) < 1e-7);
    assert.ok(Math.abs(e.r2 - (1 - 3 / 8.75)) < 1e-7);
    assert.ok(Math.abs(e.loss - 3 / 8) < 1e-7);
    // Two output units: ȳ per unit (the second unit predicts 0 for 2, 2, 2, 4).
    const two = linear(1, 2, [1, 0], [1, 0]);
    const y2 = [1, 2, 3, 2, 2, 2, 5, 4];
    const e2 = two.evaluate(x, y2, { problem: "regression" });
    assert.ok(Math.abs(e2.r2 - (1 - 31 / 11.75)) < 1e-6, `${e2.r2}`);
    assert.ok(Math.abs(e2.mse - 31 / 8) < 1e-6);
    // Constant targets: R² is undefined (NaN).
    assert.ok(Number.isNaN(net.evaluate(x, [4, 4, 4, 4], { problem: "regression" }).r2));
  });

  test("classification (the default): { loss, accuracy } only", () => {
    const net = linear(1, 1, [1], [0]);
    for (const options of [undefined, {}, { problem: "classification" }]) {
      const e = net.evaluate([0.1, 0.6, 0.4, 0.9], [0, 1, 1, 0], options);
      assert.deepEqual(Object.keys(e).sort(), ["accuracy", "loss"]);
      assert.equal(e.accuracy, 0.5);
    }
  });

  test("bad options are refused, naming them", () => {
    const net = linear(1, 1, [1], [0]);
    rejects(
      () => net.evaluate(x, y, { problme: "regression" }),
      /unknown option 'problme' in evaluate options; did you mean 'problem'\?/,
    );
    rejects(
      () => net.evaluate(x, y, { problem: "regresion" }),
      /^problem regresion must be one of 'classification', 'regression'$/,
    );
    rejects(() => net.evaluate(x, y, { problem: 1 }), /^problem 1 must be one of/);
    rejects(() => net.evaluate(x, y, null), /evaluate options must be an object/);
  });

  test("train and createTrainer with problem 'regression' report mse and r2, no accuracy", () => {
    const gs = shared.gs;
    const all = gs.datasets.synthetic("plane", { n: 200, seed: 4 });
    const { train, test } = gs.datasets.split(all, { seed: 1 });
    const options = {
      problem: "regression",
      learningRate: 0.1,
      batchSize: 10,
      testX: test.x,
      testY: test.y,
    };
    const net = shared.network({ layers: [2, 1], output: "identity", cost: "quadratic", seed: 3 });
    const history = net.train(train.x, train.y, { ...options, epochs: 30 });
    assert.equal(history.length, 30);
    for (const r of history) {
      assert.deepEqual(Object.keys(r.train).sort(), ["loss", "mse", "r2"]);
      assert.deepEqual(Object.keys(r.test).sort(), ["loss", "mse", "r2"]);
    }
    assert.ok(history.at(-1).test.r2 > 0.999, `${history.at(-1).test.r2}`); // a linear target
    const again = shared.network({
      layers: [2, 1],
      output: "identity",
      cost: "quadratic",
      seed: 3,
    });
    const trainer = again.createTrainer(train.x, train.y, options);
    const report = trainer.epoch();
    assert.deepEqual(report.test, history[0].test); // the same run, step by step
    trainer.dispose();
    rejects(
      () => net.train(train.x, train.y, { problem: "ranking" }),
      /^problem ranking must be one of/,
    );
    rejects(
      () => net.createTrainer(train.x, train.y, { problen: "regression" }),
      /unknown option 'problen' in createTrainer options; did you mean 'problem'\?/,
    );
  });
});

describe("confusionMatrix", () => {
  test("K × K counts by hand: row the true class, column the predicted one", () => {
    // a = x (w = I, b = 0), so the prediction is the argmax of x.
    const truth = [0, 0, 0, 0, 1, 1, 2, 2];
    const predicted = [0, 0, 0, 1, 2, 2, 2, 0];
    const oneHot = (c) => [0, 1, 2].map((k) => (k === c ? 1 : 0));
    const net = linear(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]);
    const xs = predicted.flatMap(oneHot);
    const ys = truth.flatMap(oneHot);
    const m = net.confusionMatrix(xs, ys);
    assert.equal(m.classes, 3);
    assert.ok(m.counts instanceof Int32Array);
    assert.deepEqual(Array.from(m.counts), [3, 1, 0, 0, 0, 2, 1, 0, 1]);
    const diagonal = m.counts[0] + m.counts[4] + m.counts[8];
    assert.equal(diagonal / 8, net.evaluate(xs, ys).accuracy);
  });

  test("one output unit: two classes by a ≥ 0.5 and y ≥ 0.5", () => {
    const net = linear(1, 1, [1], [0]);
    const m = net.confusionMatrix([0.2, 0.7, 0.5, 0.1, 0.9], [1, 1, 0, 0, 1]);
    assert.equal(m.classes, 2);
    assert.deepEqual(Array.from(m.counts), [1, 1, 1, 2]);
  });

  test("a trained 3-class spiral network: the counts add up to the test set", () => {
    const gs = shared.gs;
    const d = gs.datasets.synthetic("spiral", { n: 90, seed: 1, classes: 3 });
    const net = shared.network({ layers: [2, 8, 3], output: "softmax", cost: "log-likelihood" });
    net.train(d.x, d.y, { epochs: 3 });
    const m = net.confusionMatrix(d.x, d.y);
    assert.equal(m.classes, 3);
    assert.equal(
      m.counts.reduce((s, c) => s + c, 0),
      90,
    );
    for (let t = 0; t < 3; ++t) {
      assert.equal(m.counts[3 * t] + m.counts[3 * t + 1] + m.counts[3 * t + 2], 30); // per class
    }
  });

  test("hostile inputs are refused", () => {
    const net = linear(1, 1, [1], [0]);
    rejects(() => net.confusionMatrix([0.1, NaN], [0, 1]), /input value nan of sample 1/);
    rejects(
      () => net.confusionMatrix([0.1, 0.2], [0, 1, 1]),
      /x holds 2 samples but y holds 3 targets/,
    );
    rejects(() => net.confusionMatrix("x", [0]), /x/);
  });
});
