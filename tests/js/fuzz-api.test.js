// Seeded fuzzing of the public API (issue 10): every argument and every option of every call
// given each hostile value (and seeded out-of-range numbers), with the other arguments valid.
// Each call must end in a GradscopeError of at most 300 characters — never another error, a
// crash or an accepted malformed input — and the whole run must leave malloc use where it was.
import assert from "node:assert/strict";
import { test } from "node:test";

import { init } from "./support/built-package.js";
import { expectHandled, HOSTILE, rng } from "./support/fuzz.js";
import { sliceDataset, speedRatio, vanishingRun } from "../../wasm/dist/index.js";

/** Labels of HOSTILE values a slot accepts as valid input. */
const OPTIONS_OK = ["{}", "null prototype"];
const REAL_OK = ["1e39", "1e300", "1.5", "2^53 + 2"]; // finite, positive: valid rates and steps
const ANY_REAL_OK = [...REAL_OK, "-1"];

/**
 * The slots: one argument or option each; `call(v)` passes v there and valid values elsewhere.
 * Then the labels of values the slot accepts, and of values it may accept or refuse.
 */
function slots(gs, net, d) {
  const { x, y } = d;
  const images = { dims: [20, 1, 2], data: new Uint8Array(40) };
  const labels = { dims: [20], data: new Uint8Array(20) };
  const chain = { weights: [1, 2], biases: [0, 0] };
  const vanish = { layers: [2, 3, 1], samples: 10, testSamples: 10 };
  const fresh = gs.createNetwork({ layers: [2, 3, 1], seed: 3 }); // net may have diverged (η = 1e300)
  const json = fresh.toJSON();
  fresh.dispose();
  const trainer = net.createTrainer(x, y);
  const traced = gs.createNetwork({ layers: [2, 3, 1], seed: 3 }); // trace refuses a diverged net
  const [x1, y1] = [x.subarray(0, 2), y.subarray(0, 1)];
  const s = [
    ["predict(x)", (v) => net.predict(v)],
    ["trace(x)", (v) => traced.trace(v, y1)],
    ["trace(y)", (v) => traced.trace(x1, v)],
    ["trace(options)", (v) => traced.trace(x1, y1, v)],
    [
      "trace.learningRate",
      (v) => traced.trace(x1, y1, { learningRate: v }),
      ["1.5", "2^53 + 2"], // 1e39 and 1e300 overflow float32
    ],
    [
      "trace.l2",
      (v) => traced.trace(x1, y1, { learningRate: 0.1, l2: v, n: 10 }),
      ["1e39", "1.5", "2^53 + 2"], // 1 − ηλ/n = −1e298 for 1e300 overflows float32
    ],
    ["trace.n", (v) => traced.trace(x1, y1, { learningRate: 0.1, l2: 1, n: v })],
    [
      "trace.l1",
      (v) => traced.trace(x1, y1, { learningRate: 0.1, l1: v, n: 10 }),
      ["1e39", "1.5", "2^53 + 2"], // ηλ₁/n = 1e297 for 1e300 overflows float32
    ],
    ["activations(x)", (v) => net.activations(v, 2)],
    ["activations(l)", (v) => net.activations(x, v)],
    ["softmax", (v) => gs.softmax(v)],
    ["softmaxJacobian", (v) => gs.softmaxJacobian(v)],
    ["gradients(x)", (v) => net.gradients(v, y)],
    ["gradients(y)", (v) => net.gradients(x, v)],
    ["diagnostics(x)", (v) => net.diagnostics(v, y)],
    ["diagnostics(y)", (v) => net.diagnostics(x, v)],
    ["evaluate(x)", (v) => net.evaluate(v, y)],
    ["evaluate(y)", (v) => net.evaluate(x, v)],
    ["gradientCheck(x)", (v) => net.gradientCheck(v, y, { maxParameters: 2 })],
    ["gradientCheck(y)", (v) => net.gradientCheck(x, v, { maxParameters: 2 })],
    ["gradientCheck(options)", (v) => net.gradientCheck(x, y, v), OPTIONS_OK],
    ["gradientCheck.h", (v) => net.gradientCheck(x, y, { h: v, maxParameters: 2 }), REAL_OK],
    ["gradientCheck.maxParameters", (v) => net.gradientCheck(x, y, { maxParameters: v })],
    ["train(x)", (v) => net.train(v, y)],
    ["train(y)", (v) => net.train(x, v)],
    ["train(options)", (v) => net.train(x, y, v), OPTIONS_OK],
    ["train.epochs", (v) => net.train(x, y, { epochs: v })],
    ["train.batchSize", (v) => net.train(x, y, { batchSize: v })],
    ["train.learningRate", (v) => net.train(x, y, { learningRate: v }), REAL_OK],
    ["train.l2", (v) => net.train(x, y, { l2: v }), REAL_OK],
    ["train.l1", (v) => net.train(x, y, { l1: v }), REAL_OK],
    ["train.shuffle", (v) => net.train(x, y, { shuffle: v }), ["true"]],
    ["train.seed", (v) => net.train(x, y, { seed: v })],
    ["train.onEpoch", (v) => net.train(x, y, { onEpoch: v }), ["function"]],
    ["train.testX", (v) => net.train(x, y, { testX: v, testY: y })],
    ["train.testY", (v) => net.train(x, y, { testX: x, testY: v })],
    ["createTrainer(x)", (v) => net.createTrainer(v, y)],
    ["createTrainer(y)", (v) => net.createTrainer(x, v)],
    ["createTrainer(options)", (v) => net.createTrainer(x, y, v).dispose(), OPTIONS_OK],
    ["createTrainer.batchSize", (v) => net.createTrainer(x, y, { batchSize: v })],
    [
      "createTrainer.learningRate",
      (v) => net.createTrainer(x, y, { learningRate: v }).dispose(),
      REAL_OK,
    ],
    ["trainer.steps", (v) => trainer.steps(v)],
    ["getParameters(l)", (v) => net.getParameters(v)],
    ["setParameters(l)", (v) => net.setParameters(v, net.getParameters(2))],
    ["setParameters(params)", (v) => net.setParameters(2, v)],
    ["setParameters.weights", (v) => net.setParameters(2, { weights: v, biases: [0, 0, 0] })],
    [
      "setParameters.biases",
      (v) => net.setParameters(2, { weights: [0, 0, 0, 0, 0, 0], biases: v }),
    ],
    ["createNetwork(options)", (v) => gs.createNetwork(v)],
    ["createNetwork.layers", (v) => gs.createNetwork({ layers: v })],
    ["createNetwork.layers[1]", (v) => gs.createNetwork({ layers: [2, v, 1] })],
    ["createNetwork.hidden", (v) => gs.createNetwork({ layers: [2, 1], hidden: v })],
    ["createNetwork.output", (v) => gs.createNetwork({ layers: [2, 1], output: v })],
    ["createNetwork.cost", (v) => gs.createNetwork({ layers: [2, 1], cost: v })],
    ["createNetwork.init", (v) => gs.createNetwork({ layers: [2, 1], init: v })],
    ["createNetwork.seed", (v) => gs.createNetwork({ layers: [2, 1], seed: v })],
    ["networkFromJSON", (v) => gs.networkFromJSON(v)],
    ["networkFromJSON.layers", (v) => gs.networkFromJSON({ ...json, layers: v })],
    ["networkFromJSON.seed", (v) => gs.networkFromJSON({ ...json, seed: v })],
    ["networkFromJSON.parameters", (v) => gs.networkFromJSON({ ...json, parameters: v })],
    ["synthetic(kind)", (v) => gs.datasets.synthetic(v)],
    ["synthetic(options)", (v) => gs.datasets.synthetic("xor", v), OPTIONS_OK],
    ["synthetic.n", (v) => gs.datasets.synthetic("xor", { n: v })],
    ["synthetic.noise", (v) => gs.datasets.synthetic("xor", { noise: v })],
    ["synthetic.seed", (v) => gs.datasets.synthetic("xor", { seed: v })],
    ["synthetic.outputWidth", (v) => gs.datasets.synthetic("xor", { outputWidth: v })],
    ["split(data)", (v) => gs.datasets.split(v)],
    ["split(options)", (v) => gs.datasets.split(d, v), OPTIONS_OK],
    ["split.testFraction", (v) => gs.datasets.split(d, { testFraction: v })],
    ["split.seed", (v) => gs.datasets.split(d, { seed: v })],
    ["withFeatures(data)", (v) => gs.datasets.withFeatures(v, ["x1", "sinx2"])],
    ["withFeatures(names)", (v) => gs.datasets.withFeatures(d, v)],
    ["features.apply(x)", (v) => gs.features.apply(v, ["x1sq"])],
    ["features.apply(names)", (v) => gs.features.apply([0.5, -0.5], v)],
    ["parseIdx", (v) => gs.datasets.parseIdx(v)],
    ["idxDataset(images)", (v) => gs.datasets.idxDataset(v, labels)],
    ["idxDataset(labels)", (v) => gs.datasets.idxDataset(images, v)],
    ["idxDataset(options)", (v) => gs.datasets.idxDataset(images, labels, v), OPTIONS_OK],
    ["idxDataset.dims", (v) => gs.datasets.idxDataset({ ...images, dims: v }, labels)],
    ["idxDataset.dims[1]", (v) => gs.datasets.idxDataset({ ...images, dims: [20, v, 2] }, labels)],
    ["idxDataset.limit", (v) => gs.datasets.idxDataset(images, labels, { limit: v })],
    ["idxDataset.numClasses", (v) => gs.datasets.idxDataset(images, labels, { numClasses: v })],
    ["activations.value(name)", (v) => gs.activations.value(v, 0)],
    [
      "activations.value(x)",
      (v) => gs.activations.value("tanh", v),
      [...ANY_REAL_OK, "NaN", "Infinity"],
    ],
    ["activations.curve(name)", (v) => gs.activations.curve(v, [0])],
    ["activations.curve(xs)", (v) => gs.activations.curve("tanh", v), ["[]"]],
    ["activations.maxDerivative", (v) => gs.activations.maxDerivative(v)],
    ["chain.product(options)", (v) => gs.chain.product(v)],
    ["chain.product.weights", (v) => gs.chain.product({ ...chain, weights: v })],
    ["chain.product.biases", (v) => gs.chain.product({ ...chain, biases: v })],
    ["chain.product.activation", (v) => gs.chain.product({ ...chain, activation: v })],
    ["chain.product.cost", (v) => gs.chain.product({ ...chain, cost: v })],
    ["chain.product.x", (v) => gs.chain.product({ ...chain, x: v }), ANY_REAL_OK],
    ["chain.product.y", (v) => gs.chain.product({ ...chain, y: v }), ANY_REAL_OK],
    ["chain.centeredBiases(weights)", (v) => gs.chain.centeredBiases(v)],
    ["chain.centeredBiases(activation)", (v) => gs.chain.centeredBiases([1], v)],
    // b = −w x overflows float32 for |x| > 3.4e38: refusing those is right too.
    [
      "chain.centeredBiases(x)",
      (v) => gs.chain.centeredBiases([1], "tanh", v),
      ANY_REAL_OK,
      ["1e39", "1e300"],
    ],
    ["vanishingRun(data)", (v) => firstPoint(gs, v, vanish)],
    ["vanishingRun(options)", (v) => firstPoint(gs, d, v)],
    ["vanishingRun.layers", (v) => firstPoint(gs, d, { ...vanish, layers: v })],
    ["vanishingRun.activation", (v) => firstPoint(gs, d, { ...vanish, activation: v })],
    ["vanishingRun.samples", (v) => firstPoint(gs, d, { ...vanish, samples: v })],
    ["vanishingRun.epochs", (v) => firstPoint(gs, d, { ...vanish, epochs: v })],
    [
      "vanishingRun.learningRate",
      (v) => firstPoint(gs, d, { ...vanish, learningRate: v }),
      REAL_OK,
    ],
    ["vanishingRun.seed", (v) => firstPoint(gs, d, { ...vanish, seed: v })],
    ["speedRatio", (v) => speedRatio(v)],
    ["speedRatio[0]", (v) => speedRatio([v, 1]), ["1e39", "1.5", "2^53 + 2", "1e300"]],
    ["sliceDataset(data)", (v) => sliceDataset(v, 0, 1)],
    ["sliceDataset(start)", (v) => sliceDataset(d, v, 1)],
    ["sliceDataset(count)", (v) => sliceDataset(d, 0, v)],
  ];
  return { slots: s, trainer, traced };
}

/** The first point of a vanishingRun, then the generator is closed (which frees its network). */
function firstPoint(gs, data, options) {
  const run = vanishingRun(gs, data, options);
  try {
    return run.next().value;
  } finally {
    run.return();
  }
}

/** Seeded numbers that are wrong for an integer slot: fractions, negatives, beyond 2^31. */
function badIntegers(r, count) {
  const out = [];
  for (let i = 0; i < count; ++i) {
    const kind = r.int(3);
    if (kind === 0) out.push(r.int(1000) + 0.25 + r.next() / 2);
    else if (kind === 1) out.push(-1 - r.int(2 ** 31));
    else out.push(2 ** 31 + r.int(2 ** 30) * 4);
  }
  return out;
}

const INTEGER_SLOTS = [
  "train.epochs",
  "train.batchSize",
  "createTrainer.batchSize",
  "trainer.steps",
  "trace.n",
  "getParameters(l)",
  "createNetwork.layers[1]",
  "synthetic.n",
  "synthetic.outputWidth",
  "idxDataset.dims[1]",
  "idxDataset.limit",
  "idxDataset.numClasses",
  "vanishingRun.samples",
  "vanishingRun.epochs",
  "sliceDataset(start)",
  "sliceDataset(count)",
];

function runAll(gs, net, d, seed) {
  const { slots: list, trainer, traced } = slots(gs, net, d);
  const r = rng(seed);
  let calls = 0;
  for (const [name, call, accepts = [], either = []] of list) {
    const values = HOSTILE.map(([label, value]) => [
      label,
      value,
      either.includes(label) ? undefined : accepts.includes(label),
    ]);
    if (INTEGER_SLOTS.includes(name)) {
      badIntegers(r, 8).forEach((v) => values.push([`seeded ${v}`, v, false]));
    }
    for (const [label, value, valid] of values) {
      const result = expectHandled(() => call(value), valid, `${name} given ${label}`);
      if (result && typeof result.dispose === "function") result.dispose();
      ++calls;
    }
  }
  trainer.dispose();
  traced.dispose();
  return calls;
}

test("≈ 2,000 hostile API calls: each a short GradscopeError, none a leak", async (t) => {
  const gs = await init();
  const d = gs.datasets.synthetic("xor", { n: 20, seed: 1 });
  const net = gs.createNetwork({ layers: [2, 3, 1], seed: 2 });
  runAll(gs, net, d, 1); // the first pass allocates embind's tables and the module's statics
  const before = gs.memory();
  const calls = runAll(gs, net, d, 2);
  assert.ok(calls >= 600, `only ${calls} calls`);
  t.diagnostic(`${calls} calls per pass`);
  assert.deepEqual(gs.memory(), before, "the heap or malloc use changed");
  // The module still works.
  assert.equal(net.predict(d.x).length, 20);
  net.dispose();
});

test("init with hostile options rejects with a GradscopeError", async () => {
  let calls = 0;
  for (const [label, value] of HOSTILE) {
    for (const options of [value, { flavour: value }, { wasmUrl: value }, { [label]: value }]) {
      if (options === value && (label === "{}" || label === "null prototype")) continue;
      await init(options).then(
        () =>
          assert.fail(`init accepted ${label} in ${JSON.stringify(Object.keys(Object(options)))}`),
        (e) => {
          assert.equal(e?.name, "GradscopeError", `init given ${label}: ${e?.name} ${e?.message}`);
          assert.ok(e.message.length <= 300, `init given ${label}: ${e.message.length} characters`);
        },
      );
      ++calls;
    }
  }
  assert.ok(calls >= 80);
});
