// net.trace, gs.softmax and gs.softmaxJacobian in both flavours: trace against net.gradients on a
// batch of one for every network the catalogue allows, against the four equations evaluated in
// JavaScript doubles, the update against eq. 93; softmax and its Jacobian against the formula and
// central differences; copies; named errors.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { GradscopeError, init } from "./support/built-package.js";
import { catalogue } from "../../wasm/dist/index.js";
import { mulberry32 } from "../../scripts/mulberry32.mjs";

const FLAVOURS = ["simd", "scalar"];
const modules = {};
const created = [];
before(async () => {
  for (const flavour of FLAVOURS) modules[flavour] = await init({ flavour });
});
after(() => created.forEach((net) => net.dispose()));

function network(gs, options) {
  const net = gs.createNetwork(options);
  created.push(net);
  return net;
}

const HIDDEN = catalogue.activations.filter((a) => a.hidden).map((a) => a.name);
const SHAPES = [
  [4, 3],
  [4, 5, 4, 3],
];

/** A sample for the network: x ~ U(−1, 1); y one-hot for softmax, in (0, 1) for sigmoid. */
function sample(net, rand) {
  const x = Float32Array.from({ length: net.inputWidth }, () => 2 * rand() - 1);
  const n = net.outputWidth;
  const y = new Float32Array(n);
  if (net.output === "softmax") y[Math.floor(rand() * n)] = 1;
  else for (let i = 0; i < n; ++i) y[i] = net.output === "sigmoid" ? rand() : 2 * rand() - 1;
  return { x, y };
}

/** Distance in float32 ulps between two float32 values (0 for equal values, ±0 included). */
function ulps(a, b) {
  if (a === b) return 0;
  const f = new Float32Array([a, b]);
  const i = new Int32Array(f.buffer);
  const key = (v) => (v < 0 ? -2147483648 - v : v); // monotone integer order
  return Math.abs(key(i[0]) - key(i[1]));
}

/** The agreement: each entry within 1e-6 · max|array| or within 4 ulp. */
function assertAgrees(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const scale = Math.max(...Array.from(expected, Math.abs));
  for (let k = 0; k < actual.length; ++k) {
    const ok =
      Math.abs(actual[k] - expected[k]) <= 1e-6 * scale || ulps(actual[k], expected[k]) <= 4;
    assert.ok(ok, `${what}[${k}]: ${actual[k]} vs ${expected[k]}`);
  }
}

/** |actual − expected| ≤ tol · max(max|expected|, floor), entry by entry. */
function assertClose(actual, expected, tol, what, floor = 1e-3) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  const scale = Math.max(floor, ...Array.from(expected, Math.abs));
  for (let k = 0; k < actual.length; ++k) {
    assert.ok(
      Math.abs(actual[k] - expected[k]) <= tol * scale,
      `${what}[${k}]: ${actual[k]} vs ${expected[k]} (tolerance ${tol * scale})`,
    );
  }
}

describe("net.trace agrees with net.gradients on a batch of one", () => {
  for (const flavour of FLAVOURS) {
    test(`every hidden activation × (output, cost) pair, shallow and deep (${flavour})`, () => {
      const gs = modules[flavour];
      const rand = mulberry32(7);
      let checked = 0;
      for (const hidden of HIDDEN) {
        for (const { output, cost, bp1 } of catalogue.pairs) {
          for (const layers of SHAPES) {
            const net = network(gs, { layers, hidden, output, cost, seed: 3 });
            const { x, y } = sample(net, rand);
            const t = net.trace(x, y);
            const g = net.gradients(x, y);
            const what = `${flavour} ${layers} ${hidden} → ${output} + ${cost}`;
            assert.equal(t.bp1Form, bp1, what);
            assert.equal(t.layers.length, layers.length - 1, what);
            assert.equal(t.cost, net.evaluate(x, y).loss, `${what} cost`);
            t.layers.forEach((layer, i) => {
              const l = i + 2;
              assert.equal(layer.layer, l);
              assertAgrees(layer.weightGradient, g[i].weights, `${what} l=${l} ∂C/∂w`);
              assertAgrees(layer.biasGradient, g[i].biases, `${what} l=${l} ∂C/∂b`);
              // BP3: ∂C/∂b = δ (as numbers: a −0 in δ sums to 0 in ∂C/∂b).
              assert.ok(
                layer.delta.every((v, k) => v === layer.biasGradient[k]),
                `${what} BP3`,
              );
              const p = net.getParameters(l);
              assert.deepEqual(layer.weights, p.weights);
              assert.deepEqual(layer.biases, p.biases);
              const last = l === layers.length;
              assert.equal("costGradient" in layer, last, `${what} l=${l} costGradient`);
              assert.equal("weightedError" in layer, !last, `${what} l=${l} weightedError`);
              assert.equal("outputJacobian" in layer, last && output === "softmax", what);
              if (!last) {
                // BP2 as shown: δ^l is the float32 product (wᵀδ) ⊙ σ' of the two arrays shown.
                const ok = layer.delta.every(
                  (v, k) =>
                    v === Math.fround(layer.weightedError[k] * layer.activationDerivative[k]),
                );
                assert.ok(ok, `${what} l=${l} δ = (wᵀδ) ⊙ σ'`);
              }
              ++checked;
            });
            assert.equal("updated" in t, false);
            assert.equal("costAfter" in t, false);
          }
        }
      }
      assert.equal(checked, HIDDEN.length * catalogue.pairs.length * (1 + 3));
    });
  }

  test("the two flavours trace the same network bit for bit", () => {
    const [simd, scalar] = FLAVOURS.map((f) =>
      network(modules[f], {
        layers: [5, 6, 3],
        hidden: "tanh",
        output: "softmax",
        cost: "log-likelihood",
      }),
    );
    const { x, y } = sample(simd, mulberry32(2));
    const options = { learningRate: 0.3, l2: 1, n: 100 };
    assert.deepEqual(simd.trace(x, y, options), scalar.trace(x, y, options));
  });
});

// σ and σ' in double, written from the notes (section 1).
const SIGMA = {
  sigmoid: [(z) => 1 / (1 + Math.exp(-z)), (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2],
  tanh: [Math.tanh, (z) => 1 - Math.tanh(z) ** 2],
  relu: [(z) => Math.max(0, z), (z) => (z > 0 ? 1 : 0)],
  "leaky-relu": [(z) => (z > 0 ? z : 0.01 * z), (z) => (z > 0 ? 1 : 0.01)],
  identity: [(z) => z, () => 1],
};

function softmaxRef(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** The notes' four equations in JavaScript doubles, from the network's own w, b and one sample. */
function referenceTrace(net, x, y) {
  const L = net.numLayers;
  const w = [];
  const b = [];
  for (let l = 2; l <= L; ++l) {
    const p = net.getParameters(l);
    w[l] = { data: Array.from(p.weights), rows: p.rows, cols: p.cols };
    b[l] = Array.from(p.biases);
  }
  const a = [];
  const z = [];
  const d = [];
  a[1] = Array.from(x);
  for (let l = 2; l <= L; ++l) {
    const f = l === L ? net.output : net.hidden;
    // z^l = w^l a^(l−1) + b^l
    z[l] = b[l].map(
      (bj, j) => bj + a[l - 1].reduce((s, ak, k) => s + w[l].data[j * w[l].cols + k] * ak, 0),
    );
    if (f === "softmax") {
      a[l] = softmaxRef(z[l]);
      d[l] = a[l].map((v) => v * (1 - v));
    } else {
      a[l] = z[l].map(SIGMA[f][0]);
      d[l] = z[l].map(SIGMA[f][1]);
    }
  }
  const yy = Array.from(y);
  const aL = a[L];
  const dCda = {
    quadratic: aL.map((v, i) => v - yy[i]),
    "cross-entropy": aL.map((v, i) => (v - yy[i]) / (v * (1 - v))),
    "log-likelihood": aL.map((v, i) => -yy[i] / v),
  }[net.cost];
  const delta = [];
  // BP1: δ^L = ∂C/∂a^L ⊙ σ'(z^L), or Jᵀ ∂C/∂a^L for softmax.
  delta[L] =
    net.output === "softmax"
      ? aL.map((_, j) => aL.reduce((s, ai, i) => s + ai * ((i === j ? 1 : 0) - aL[j]) * dCda[i], 0))
      : dCda.map((g, j) => g * d[L][j]);
  const weighted = [];
  for (let l = L - 1; l >= 2; --l) {
    // BP2: δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l)
    weighted[l] = a[l].map((_, k) =>
      delta[l + 1].reduce((s, dj, j) => s + w[l + 1].data[j * w[l + 1].cols + k] * dj, 0),
    );
    delta[l] = weighted[l].map((v, k) => v * d[l][k]);
  }
  const layers = [];
  for (let l = 2; l <= L; ++l) {
    layers.push({
      z: z[l],
      a: a[l],
      activationDerivative: d[l],
      delta: delta[l],
      weightedError: weighted[l],
      costGradient: l === L ? dCda : undefined,
      biasGradient: delta[l], // BP3
      weightGradient: delta[l].flatMap((dj) => a[l - 1].map((ak) => dj * ak)), // BP4
    });
  }
  const cost = {
    quadratic: () => 0.5 * aL.reduce((s, v, i) => s + (v - yy[i]) ** 2, 0),
    "cross-entropy": () =>
      -aL.reduce((s, v, i) => s + yy[i] * Math.log(v) + (1 - yy[i]) * Math.log(1 - v), 0),
    "log-likelihood": () => -aL.reduce((s, v, i) => s + yy[i] * Math.log(v), 0),
  }[net.cost]();
  return { cost, layers, w, b };
}

describe("net.trace against the four equations in JavaScript doubles", () => {
  const CASES = [
    { layers: [3, 5, 4, 2], hidden: "tanh", output: "sigmoid", cost: "quadratic" },
    { layers: [3, 6, 4], hidden: "relu", output: "softmax", cost: "log-likelihood" },
    { layers: [2, 4, 4, 3], hidden: "sigmoid", output: "softmax", cost: "cross-entropy" },
    { layers: [3, 4, 2], hidden: "leaky-relu", output: "sigmoid", cost: "cross-entropy" },
  ];
  for (const flavour of FLAVOURS) {
    for (const options of CASES) {
      test(`${options.layers} ${options.hidden} → ${options.output} + ${options.cost} (${flavour})`, () => {
        const net = network(modules[flavour], { ...options, seed: 11 });
        const { x, y } = sample(net, mulberry32(5));
        const t = net.trace(x, y);
        const ref = referenceTrace(net, x, y);
        // float32 against float64: a few float ulps of each array's scale.
        const tol = 2e-6;
        assertClose([t.cost], [ref.cost], tol, "cost", 1);
        t.layers.forEach((layer, i) => {
          const r = ref.layers[i];
          const l = i + 2;
          for (const key of [
            "z",
            "a",
            "activationDerivative",
            "delta",
            "biasGradient",
            "weightGradient",
          ]) {
            assertClose(layer[key], r[key], tol, `l=${l} ${key}`);
          }
          if (r.weightedError) assertClose(layer.weightedError, r.weightedError, tol, `l=${l} wᵀδ`);
          if (r.costGradient) assertClose(layer.costGradient, r.costGradient, tol, `l=${l} ∂C/∂a`);
          if (layer.outputJacobian) {
            const n = layer.a.length;
            const j = Array.from({ length: n * n }, (_, k) => {
              const [p, q] = [Math.floor(k / n), k % n];
              return r.a[p] * ((p === q ? 1 : 0) - r.a[q]);
            });
            assertClose(layer.outputJacobian, j, tol, `l=${l} J`);
          }
        });
      });
    }
  }
});

describe("net.trace's update", () => {
  for (const flavour of FLAVOURS) {
    test(`is eq. 93 with m = 1, leaves the network alone, and a small step lowers the cost (${flavour})`, () => {
      const gs = modules[flavour];
      const net = network(gs, {
        layers: [4, 6, 3],
        hidden: "tanh",
        output: "softmax",
        cost: "log-likelihood",
        seed: 4,
      });
      const { x, y } = sample(net, mulberry32(9));
      const before = [2, 3].map((l) => net.getParameters(l));
      const [eta, lambda, n] = [0.01, 5, 50];
      const t = net.trace(x, y, { learningRate: eta, l2: lambda, n });
      assert.equal(t.updated.length, 2);
      t.updated.forEach((u, i) => {
        const layer = t.layers[i];
        assert.equal(u.layer, i + 2);
        const w = layer.weights.map(
          (v, k) => (1 - (eta * lambda) / n) * v - eta * layer.weightGradient[k],
        );
        const b = layer.biases.map((v, k) => v - eta * layer.biasGradient[k]);
        assertClose(u.weights, Array.from(w), 1e-6, `l=${i + 2} updated w`, 1);
        assertClose(u.biases, Array.from(b), 1e-6, `l=${i + 2} updated b`, 1);
        assert.deepEqual(net.getParameters(i + 2), before[i], "the network is unchanged");
      });
      assert.ok(t.costAfter < t.cost, `${t.costAfter} < ${t.cost}`);
      // costAfter is the cost of the updated network on this sample.
      const copy = gs.networkFromJSON(net.toJSON());
      created.push(copy);
      t.updated.forEach((u) => copy.setParameters(u.layer, u));
      assert.equal(t.costAfter, copy.evaluate(x, y).loss);
      // Without l2, n may be left out; with l2 = 0 the weights only move by −η ∂C/∂w.
      const plain = net.trace(x, y, { learningRate: eta });
      plain.updated.forEach((u, i) => {
        const layer = plain.layers[i];
        const w = layer.weights.map((v, k) => v - eta * layer.weightGradient[k]);
        assertClose(u.weights, Array.from(w), 1e-6, "λ = 0 update", 1);
      });
    });
  }
});

describe("gs.softmax and gs.softmaxJacobian", () => {
  for (const flavour of FLAVOURS) {
    test(`the formula and central differences of softmax (${flavour})`, () => {
      const gs = modules[flavour];
      const rand = mulberry32(3);
      for (const n of [2, 3, 7, 10]) {
        const x = Array.from({ length: n }, () => 6 * rand() - 3);
        const y = gs.softmax(x);
        assert.ok(y instanceof Float32Array);
        assertClose(y, softmaxRef(x), 2e-7, `softmax n=${n}`, 1);
        const j = gs.softmaxJacobian(y);
        assert.equal(j.length, n * n);
        for (let p = 0; p < n; ++p) {
          for (let q = 0; q < n; ++q) {
            // −y_i y_j off the diagonal, y_i (1 − y_i) on it, from the returned y.
            const formula = p === q ? y[p] * (1 - y[p]) : -y[p] * y[q];
            assert.ok(Math.abs(j[p * n + q] - formula) <= 1e-7, `J[${p},${q}] formula`);
          }
        }
        // Column q of J is ∂y/∂x_q: central differences of softmax in double.
        const h = 1e-6;
        const fd = new Float64Array(n * n);
        for (let q = 0; q < n; ++q) {
          const plus = softmaxRef(x.map((v, k) => (k === q ? v + h : v)));
          const minus = softmaxRef(x.map((v, k) => (k === q ? v - h : v)));
          for (let p = 0; p < n; ++p) fd[p * n + q] = (plus[p] - minus[p]) / (2 * h);
        }
        assertClose(j, fd, 1e-5, `J vs central differences n=${n}`, 0.01);
      }
      // A saturated softmax: the largest output's diagonal entry keeps its digits.
      const sat = gs.softmax([30, 0, -5]);
      const js = gs.softmaxJacobian(sat);
      const rest = Math.exp(-30) + Math.exp(-35);
      assert.ok(Math.abs(js[0] - rest) <= 1e-6 * rest, `J[0,0] = ${js[0]} vs ${rest}`);
    });

    test(`the softmax layer of a trace equals gs.softmax and its Jacobian (${flavour})`, () => {
      const gs = modules[flavour];
      const net = network(gs, { layers: [3, 4], output: "softmax", cost: "log-likelihood" });
      const t = net.trace([0.3, -1, 2], [0, 0, 1, 0]);
      const [layer] = t.layers;
      assert.deepEqual(gs.softmax(layer.z), layer.a);
      assert.deepEqual(gs.softmaxJacobian(layer.a), layer.outputJacobian);
    });
  }

  test("bad input gets named errors", () => {
    const gs = modules.simd;
    const cases = [
      [() => gs.softmax([1]), /logits has 1 values; softmax needs 2/],
      [() => gs.softmax([]), /logits has 0 values/],
      [() => gs.softmax([1, NaN]), /logits\[1\] is NaN/],
      [() => gs.softmax([Infinity, 0]), /logits\[0\] is inf/],
      [() => gs.softmax("ab"), /logits must be a Float32Array or an array of numbers/],
      [() => gs.softmax([1, "2"]), /logits\[1\] is string/],
      [() => gs.softmaxJacobian([1]), /probabilities has 1 values/],
      [() => gs.softmaxJacobian([0.5, NaN]), /probabilities\[1\] is NaN/],
      [() => gs.softmaxJacobian([1.5, -0.5]), /probabilities\[0\] is 1\.5.*\[0, 1\]/],
      [() => gs.softmaxJacobian([0.5, 0.4]), /probabilities sum to 0\.9.*within 1e-4/],
      [
        () => gs.softmaxJacobian(new Float32Array(1025).fill(1 / 1025)),
        /1025 values; softmax needs 2 … 1024/,
      ],
    ];
    for (const [call, message] of cases) {
      assert.throws(
        call,
        (e) => e instanceof GradscopeError && message.test(e.message),
        String(message),
      );
    }
    // Within the tolerance is fine.
    assert.equal(gs.softmaxJacobian([0.5, 0.50005]).length, 4);
  });
});

describe("net.trace returns copies and names bad input", () => {
  test("mutating what trace returns or what it was given changes nothing", () => {
    const gs = modules.simd;
    const net = network(gs, {
      layers: [3, 4, 2],
      hidden: "sigmoid",
      output: "sigmoid",
      cost: "cross-entropy",
    });
    const x = Float32Array.of(0.1, -0.2, 0.3);
    const y = Float32Array.of(1, 0);
    const options = { learningRate: 0.5 };
    const t1 = net.trace(x, y, options);
    const snapshot = structuredClone(t1);
    assert.notEqual(t1.input, x);
    assert.notEqual(t1.target, y);
    for (const layer of t1.layers)
      for (const v of Object.values(layer)) if (v instanceof Float32Array) v.fill(42);
    for (const u of t1.updated) u.weights.fill(7);
    t1.input.fill(9);
    x.fill(0.5); // the trace's input is its own copy
    assert.deepEqual(Array.from(snapshot.input), [0.1, -0.2, 0.3].map(Math.fround));
    x.set([0.1, -0.2, 0.3]);
    assert.deepEqual(net.trace(x, y, options), snapshot);
    assert.deepEqual(net.getParameters(2).weights, snapshot.layers[0].weights);
  });

  test("bad input gets named errors", () => {
    const gs = modules.scalar;
    const net = network(gs, { layers: [3, 4, 2] });
    const x = [0.1, 0.2, 0.3];
    const y = [0, 1];
    const cases = [
      [() => net.trace([1, 2], y), /x has length 2, not a multiple of the width 3/],
      [() => net.trace(x, [1, 2, 3]), /y has length 3, not a multiple of the width 2/],
      [
        () => net.trace([...x, ...x], [...y, ...y]),
        /trace takes one sample: x has 6 values, expected 3/,
      ],
      [() => net.trace(x, [0, 1, 0, 1]), /x holds 1 samples but y holds 2 targets/],
      [() => net.trace([0.1, NaN, 0.3], y), /x\[1\] is NaN/],
      [() => net.trace(x, [0, Infinity]), /y\[1\] is inf/],
      [() => net.trace([], []), /x is empty/],
      [
        () => net.trace(x, y, { learningrate: 0.1 }),
        /unknown option 'learningrate' in trace options; did you mean 'learningRate'\?/,
      ],
      [() => net.trace(x, y, { learningRate: 0.1, lambda: 1 }), /unknown option 'lambda'/],
      [() => net.trace(x, y, {}), /trace options need learningRate/],
      [() => net.trace(x, y, null), /trace options must be an object/],
      [() => net.trace(x, y, { learningRate: 0 }), /learningRate 0 must be > 0/],
      [() => net.trace(x, y, { learningRate: -1 }), /learningRate -1 must be > 0/],
      [() => net.trace(x, y, { learningRate: NaN }), /learningRate NaN must be a finite number/],
      [() => net.trace(x, y, { learningRate: "0.1" }), /learningRate 0\.1 must be a finite number/],
      [() => net.trace(x, y, { learningRate: 0.1, l2: -1 }), /l2 -1 must be ≥ 0/],
      [() => net.trace(x, y, { learningRate: 0.1, l2: 1 }), /need n .* when l2 > 0/],
      [() => net.trace(x, y, { learningRate: 0.1, l2: 1, n: 0 }), /n 0 must be an integer ≥ 1/],
      [
        () => net.trace(x, y, { learningRate: 0.1, l2: 1, n: 2.5 }),
        /n 2\.5 must be an integer ≥ 1/,
      ],
    ];
    for (const [call, message] of cases) {
      assert.throws(
        call,
        (e) => e instanceof GradscopeError && message.test(e.message),
        String(message),
      );
    }
    // The module keeps working after the errors.
    assert.equal(net.trace(x, y).layers.length, 2);
  });

  test("a diverged network refuses to trace instead of returning NaN", () => {
    // The divergence test's network (tests/js/hostile-input.test.js): η = 1000 overflows it.
    const gs = modules.simd;
    const net = network(gs, {
      layers: [2, 8, 8, 1],
      hidden: "tanh",
      output: "identity",
      init: "large",
      seed: 3,
    });
    const d = gs.datasets.synthetic("xor", { n: 40, seed: 1 });
    const history = net.train(d.x, d.y, { epochs: 10, learningRate: 1e3 });
    assert.equal(history.at(-1).diverged, true);
    assert.throws(
      () => net.trace([0, 0], [1]),
      (e) =>
        e instanceof GradscopeError &&
        /parameters are not finite \(layer \d; training diverged\)/.test(e.message),
    );
  });

  test("a disposed network refuses to trace", () => {
    const net = modules.simd.createNetwork({ layers: [2, 2] });
    net.dispose();
    assert.throws(() => net.trace([0, 0], [0, 0]), /the network was disposed/);
  });
});
