// Issue 10, items 4 and 6–10: every hostile input the audit found, one test each. Each ends in a
// short GradscopeError naming the bad value (or, for divergence, a documented normal return),
// never a bare TypeError/RangeError/BindingError, a silently wrong result, or a grown heap.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { GradscopeError, init, sharedModule } from "./support/built-package.js";
import { speedRatio, vanishingRun } from "../../wasm/dist/index.js";

const shared = sharedModule();
const network = shared.network;

/** Asserts fn throws a GradscopeError matching `pattern`, with a message of at most 300 chars. */
function rejects(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof GradscopeError, `not a GradscopeError: ${e?.name}: ${e?.message}`);
    assert.match(e.message, pattern);
    assert.ok(e.message.length <= 300, `message of ${e.message.length} chars`);
    return true;
  });
}

const xor = () => shared.gs.datasets.synthetic("xor", { n: 20, seed: 1 });
const oneLabel = () => ({ dims: [1], data: Uint8Array.of(0) });

describe("item 4: IDX dims that wrap in 32 bits, or are not integers", () => {
  const cases = [
    ["[65536, 65536] with 0 bytes", [65536, 65536], 0, [65536]],
    ["[1, 65536, 65537] with 65,536 bytes", [1, 65536, 65537], 65536, [1]],
    ["[3, 1431655766] with 2 bytes", [3, 1431655766], 2, [3]],
    ["[2^32 + 2, 2] with 4 bytes", [2 ** 32 + 2, 2], 4, [2]],
    ["fractional [1.5, 2] with 3 bytes", [1.5, 2], 3, [1]],
    ['strings ["2", "2"] with 4 bytes', ["2", "2"], 4, [2]],
  ];
  for (const [name, dims, bytes, labelDims] of cases) {
    test(name, () => {
      const labels = { dims: labelDims, data: new Uint8Array(labelDims[0]) };
      rejects(
        () => shared.gs.datasets.idxDataset({ dims, data: new Uint8Array(bytes) }, labels),
        /images(\.dims\[\d\] .* must be an integer|: IDX dims describe (more than )?\d+ values)/,
      );
    });
  }
});

describe("item 6: every error a short GradscopeError", () => {
  for (const length of [-1, 1e10, 2.5, NaN]) {
    test(`array-likes of length ${length}`, () => {
      const net = network({ layers: [2, 1] });
      const bad = { length };
      const good = [0.5, 0.5];
      const y = [1];
      const calls = {
        predict: () => net.predict(bad),
        gradients: () => net.gradients(bad, y),
        diagnostics: () => net.diagnostics(good, bad),
        evaluate: () => net.evaluate(bad, y),
        gradientCheck: () => net.gradientCheck(good, bad),
        train: () => net.train(bad, y),
        createTrainer: () => net.createTrainer(good, bad),
        trainTestX: () => net.train(good, y, { testX: bad, testY: y }),
      };
      for (const [name, call] of Object.entries(calls)) {
        assert.doesNotThrow(() => rejects(call, /has length/), name);
      }
    });
  }

  test("null options objects", () => {
    const net = network({ layers: [2, 1] });
    const d = xor();
    rejects(() => net.gradientCheck([0, 0], [1], null), /gradientCheck options must be an object/);
    rejects(() => shared.gs.datasets.synthetic("xor", null), /synthetic options must be an object/);
    rejects(() => shared.gs.datasets.split(d, null), /split options must be an object/);
    rejects(() => shared.gs.chain.product(null), /chain.product options must be an object/);
    rejects(
      () => vanishingRun(shared.gs, d, null).next(),
      /vanishingRun options must be an object/,
    );
    const images = { dims: [1, 1], data: Uint8Array.of(0) };
    rejects(
      () => shared.gs.datasets.idxDataset(images, oneLabel(), null),
      /idxDataset options must be an object/,
    );
  });

  test("a non-string activation or cost in chain.product: no BindingError, no leak", () => {
    const chain = shared.gs.chain;
    const good = { weights: [1, 2], biases: [0, 0] };
    chain.product(good); // warm up embind
    try {
      chain.product({ ...good, activation: 5 });
    } catch {
      // the first failing call may allocate embind's type tables
    }
    const before = shared.gs.memory().usedBytes;
    for (let i = 0; i < 50; ++i) {
      rejects(() => chain.product({ ...good, activation: 5 }), /activation 5 must be a name/);
      rejects(() => chain.product({ ...good, cost: {} }), /cost an object must be a name/);
      rejects(() => chain.centeredBiases([1], null), /activation null must be a name/);
    }
    assert.equal(shared.gs.memory().usedBytes, before, "malloc bytes in use changed: a leak");
  });

  test("disposing the network inside onEpoch", () => {
    const net = network({ layers: [2, 2, 1] });
    const d = xor();
    rejects(
      () => net.train(d.x, d.y, { epochs: 3, onEpoch: () => net.dispose() }),
      /dispose\(\) cannot be called inside onEpoch/,
    );
    assert.equal(net.disposed, false);
    assert.equal(net.train(d.x, d.y, { epochs: 2 }).length, 2, "the network keeps working");
  });

  test("init with a wasmUrl that is not a URL", async () => {
    for (const wasmUrl of ["not a url ::", "http://[", () => "http://["]) {
      await assert.rejects(init({ wasmUrl }), (e) => {
        assert.ok(e instanceof GradscopeError, `${e?.name}: ${e?.message}`);
        return true;
      });
    }
    await assert.rejects(init({ wasmUrl: "http://[" }), /wasmUrl 'http:\/\/\[' is not a valid URL/);
  });

  test("enormous layer sizes are named in the message", () => {
    rejects(
      () => shared.gs.createNetwork({ layers: [2, 15000, 15000, 15000] }),
      /layers \[2, 15000, 15000, 15000\] need at least \d+ weights and biases; at most 67108864 \(2\^26\)/,
    );
  });

  test("long strings are quoted by a short prefix only", () => {
    const long = "x".repeat(1_000_000);
    const prefix = new RegExp(`'${"x".repeat(40)}…'`);
    rejects(() => shared.gs.createNetwork({ layers: [2, 1], hidden: long }), prefix);
    rejects(() => shared.gs.createNetwork({ layers: [2, 1], cost: long }), prefix);
    rejects(() => shared.gs.datasets.synthetic(long), prefix);
    rejects(() => shared.gs.activations.value(long, 0), prefix);
    rejects(() => shared.gs.createNetwork({ layers: [2, 1], [long]: 1 }), prefix);
    rejects(() => network({ layers: [2, 1] }).predict([long, 1]), /x\[0\] is string/);
  });

  test("deeply nested JSON does not overflow the error formatter's stack", () => {
    let deep = [];
    for (let i = 0; i < 100_000; ++i) deep = [deep];
    let deepObject = {};
    for (let i = 0; i < 100_000; ++i) deepObject = { a: deepObject };
    const doc = (field, value) => ({ ...validJSON(), [field]: value });
    for (const value of [deep, deepObject]) {
      rejects(
        () => shared.gs.networkFromJSON(value),
        /networkFromJSON: (the input is|unknown field)/,
      );
      for (const field of ["format", "version", "layers", "hidden", "seed", "parameters"]) {
        rejects(() => shared.gs.networkFromJSON(doc(field, value)), /networkFromJSON/);
      }
    }
    const text = "[".repeat(200_000) + "]".repeat(200_000);
    rejects(() => shared.gs.networkFromJSON(text), /networkFromJSON/);
    rejects(() => shared.gs.networkFromJSON(`{"format":${text}}`), /networkFromJSON: format/);
  });
});

function validJSON() {
  const net = shared.gs.createNetwork({ layers: [2, 3, 1], seed: 5 });
  const json = net.toJSON();
  net.dispose();
  return json;
}

describe("item 7: no silently wrong results", () => {
  test("a JSON document whose layers change after being read builds the checked network", () => {
    const json = validJSON();
    let reads = 0;
    const layers = [2, 3, 1];
    Object.defineProperty(layers, 1, { enumerable: true, get: () => (reads++ === 0 ? 3 : 5) });
    let hiddenReads = 0;
    const doc = { ...json, layers };
    Object.defineProperty(doc, "hidden", {
      enumerable: true,
      get: () => (hiddenReads++ === 0 ? "sigmoid" : "relu"),
    });
    const net = shared.track(shared.gs.networkFromJSON(doc));
    assert.deepEqual(net.layers, [2, 3, 1]);
    assert.equal(net.hidden, "sigmoid");
    assert.equal(reads, 1, "layers[1] read once");
    assert.equal(hiddenReads, 1, "hidden read once");
  });

  test("createNetwork reads each layer size once", () => {
    let reads = 0;
    const layers = [2, 3, 1];
    Object.defineProperty(layers, 1, { enumerable: true, get: () => (reads++ === 0 ? 3 : 0) });
    const net = network({ layers });
    assert.deepEqual(net.layers, [2, 3, 1]);
    assert.equal(reads, 1);
  });

  test("split refuses a test fraction that leaves no training samples", () => {
    rejects(
      () => shared.gs.datasets.split(xor(), { testFraction: 0.99 }),
      /test fraction 0.99.* of 20 samples leaves no training samples/,
    );
    const { train } = shared.gs.datasets.split(xor(), { testFraction: 0.9 });
    assert.equal(train.n, 2);
  });

  test("split refuses labels that contradict y", () => {
    const d = xor();
    d.labels[3] = 1 - d.labels[3];
    rejects(() => shared.gs.datasets.split(d), /label \d of sample 3 contradicts its target/);
  });

  test("a failed createTrainer or train leaves the running trainer untouched", () => {
    const net = network({ layers: [2, 3, 1] });
    const d = xor();
    const trainer = net.createTrainer(d.x, d.y, { batchSize: 5 });
    trainer.steps(2);
    rejects(() => net.createTrainer(d.x, d.y, { learningRate: 0 }), /learning rate 0/);
    rejects(() => net.train(d.x, d.y, { learningRate: 0 }), /learning rate 0/);
    rejects(() => net.createTrainer(d.x, [1, 2]), /y holds 2 targets/);
    assert.deepEqual(trainer.steps(1), { epochsDone: 0, stepsDone: 3, position: 15 });
  });

  test("setParameters with 1e39 says it overflows float32", () => {
    const net = network({ layers: [2, 1] });
    rejects(
      () => net.setParameters(2, { weights: [1e39, 0], biases: [0] }),
      /weights\[0\] 1e\+39 overflows float32/,
    );
    rejects(() => net.predict([0, -1e39]), /x\[1\] -1e\+39 overflows float32/);
  });

  test("speedRatio of zero speeds is a clear error, never Infinity or NaN", () => {
    rejects(() => speedRatio([1, 0]), /last hidden layer's speed is 0/);
    rejects(() => speedRatio([0, 0]), /last hidden layer's speed is 0/);
    rejects(() => speedRatio([NaN, 1]), /first speed NaN/);
    assert.equal(speedRatio([0, 2]), 0);
  });
});

describe("item 8: memory and state after a failed call", () => {
  test("a network too large is refused before anything is allocated", () => {
    const gs = shared.gs;
    const before = gs.memory();
    for (const layers of [
      [2, 15000, 15000, 15000],
      [65536, 65536],
      [2 ** 31 - 1, 2 ** 31 - 1, 2 ** 31 - 1],
      Array(2000).fill(1),
    ]) {
      rejects(() => gs.createNetwork({ layers }), /at most/);
    }
    assert.deepEqual(gs.memory(), before, "the heap or malloc use changed");
  });

  test("createTrainer, train and dispose inside onEpoch throw a GradscopeError", () => {
    const net = network({ layers: [2, 3, 1] });
    const d = xor();
    for (const [name, call] of [
      ["createTrainer", () => net.createTrainer(d.x, d.y)],
      ["train", () => net.train(d.x, d.y)],
      ["dispose", () => net.dispose()],
    ]) {
      const epochs = [];
      rejects(
        () =>
          net.train(d.x, d.y, {
            epochs: 3,
            onEpoch: (r) => {
              epochs.push(r.epoch);
              call();
            },
          }),
        new RegExp(`${name}\\(\\) cannot be called inside onEpoch`),
      );
      assert.deepEqual(epochs, [1]);
    }
    // The reports stay those of the one running train().
    const seen = [];
    net.train(d.x, d.y, { epochs: 3, onEpoch: (r) => void seen.push(r.epoch) });
    assert.deepEqual(seen, [1, 2, 3]);
  });

  test("-0 weights survive the JSON round trip", () => {
    const net = network({ layers: [2, 1] });
    net.setParameters(2, { weights: [-0, 0.5], biases: [-0] });
    const copy = shared.track(shared.gs.networkFromJSON(JSON.stringify(net)));
    const p = copy.getParameters(2);
    assert.ok(Object.is(p.weights[0], -0), `weights[0] is ${p.weights[0]}`);
    assert.ok(Object.is(p.biases[0], -0), `biases[0] is ${p.biases[0]}`);
    assert.equal(p.weights[1], 0.5);
  });
});

describe("item 9: unknown option keys", () => {
  test("misspelt keys name the intended one", () => {
    const gs = shared.gs;
    const net = network({ layers: [2, 2, 1] });
    const d = xor();
    const json = validJSON();
    const cases = [
      [
        () => net.train(d.x, d.y, { learningrate: 99, batchsize: 3 }),
        "learningrate",
        "learningRate",
        "train options",
      ],
      [
        () => gs.createNetwork({ layers: [2, 1], hiden: "relu" }),
        "hiden",
        "hidden",
        "createNetwork options",
      ],
      [
        () => net.createTrainer(d.x, d.y, { batchsize: 3 }),
        "batchsize",
        "batchSize",
        "createTrainer options",
      ],
      [
        () => net.gradientCheck([0, 0], [1], { maxParameter: 3 }),
        "maxParameter",
        "maxParameters",
        "gradientCheck options",
      ],
      [() => gs.datasets.synthetic("xor", { noize: 0.1 }), "noize", "noise", "synthetic options"],
      [
        () => gs.datasets.split(d, { testfraction: 0.5 }),
        "testfraction",
        "testFraction",
        "split options",
      ],
      [
        () =>
          gs.datasets.idxDataset({ dims: [1, 1], data: Uint8Array.of(0) }, oneLabel(), { limt: 1 }),
        "limt",
        "limit",
        "idxDataset options",
      ],
      [
        () => gs.chain.product({ weights: [1], biases: [0], activaton: "tanh" }),
        "activaton",
        "activation",
        "chain.product options",
      ],
      [
        () => vanishingRun(gs, d, { layers: [2, 2, 1], epoch: 2 }).next(),
        "epoch",
        "epochs",
        "vanishingRun options",
      ],
      [() => gs.networkFromJSON({ ...json, hiden: "relu" }), "hiden", "hidden", "the network JSON"],
    ];
    for (const [call, key, meant, what] of cases) {
      const message = `unknown (option|field) '${key}' in ${what.replace(".", "\\.")}; did you mean '${meant}'\\?`;
      rejects(call, new RegExp(message));
    }
  });

  test("init options are checked too", async () => {
    await assert.rejects(
      init({ flavor: "scalar" }),
      /unknown option 'flavor' in init options; did you mean 'flavour'\?/,
    );
  });

  test("a key close to none lists the valid ones", () => {
    rejects(
      () => shared.gs.datasets.split(xor(), { zzzzzz: 1 }),
      /unknown option 'zzzzzz' in split options \(valid: testFraction, seed\)/,
    );
  });
});

describe("item 10: divergence", () => {
  // tanh hidden, identity output, quadratic cost, N(0, 1) weights and η = 1000: the weights
  // overflow in the second epoch (the core's divergence_test uses the same network).
  const diverging = () =>
    network({ layers: [2, 8, 8, 1], hidden: "tanh", output: "identity", init: "large", seed: 3 });

  test("train stops at the epoch where the loss became non-finite and returns normally", () => {
    const net = diverging();
    const d = shared.gs.datasets.synthetic("xor", { n: 40, seed: 1 });
    const history = net.train(d.x, d.y, { epochs: 10, learningRate: 1e3 });
    assert.ok(history.length < 10, `trained all ${history.length} epochs`);
    const last = history[history.length - 1];
    assert.equal(last.diverged, true);
    assert.equal(last.epoch, history.length);
    assert.ok(!Number.isFinite(last.train.loss));
    history.slice(0, -1).forEach((r) => {
      assert.equal(r.diverged, undefined);
      assert.ok(Number.isFinite(r.train.loss));
    });
  });

  test("the step-wise trainer reports the same", () => {
    const net = diverging();
    const d = shared.gs.datasets.synthetic("xor", { n: 40, seed: 1 });
    const trainer = net.createTrainer(d.x, d.y, { learningRate: 1e3 });
    const first = trainer.epoch();
    assert.equal(first.diverged, undefined);
    let state = trainer.steps(1);
    for (let i = 0; i < 20 && !state.diverged; ++i) state = trainer.steps(1);
    assert.equal(state.diverged, true);
    assert.equal(trainer.state.diverged, true);
    assert.equal(trainer.epoch().diverged, true);
  });

  test("toJSON refuses a non-finite network with a clear message", () => {
    const net = diverging();
    const d = shared.gs.datasets.synthetic("xor", { n: 40, seed: 1 });
    net.train(d.x, d.y, { epochs: 10, learningRate: 1e3 });
    rejects(() => net.toJSON(), /toJSON: layer \d weights\[\d+\] is (NaN|-?Infinity).*diverged/);
    rejects(() => JSON.stringify(net), /not finite/);
  });
});
