// Every error path of the public API: a GradscopeError (an Error) with a message naming the bad
// value, and a module that keeps working afterwards.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { GradscopeError, init, sharedModule } from "./support/built-package.js";

const shared = sharedModule();
const network = shared.network;

// Asserts fn throws a GradscopeError whose message matches `pattern`.
function rejects(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof GradscopeError && e instanceof Error, `not a GradscopeError: ${e}`);
    assert.match(e.message, pattern);
    return true;
  });
}

describe("init", () => {
  test("bad options", async () => {
    await assert.rejects(
      init({ flavour: "avx" }),
      /flavour 'avx' is unknown \(valid: auto, simd, scalar\)/,
    );
    await assert.rejects(init(null), /init options must be an object/);
    await assert.rejects(
      init({ wasmUrl: 42 }),
      /wasmUrl must be a string, URL or function, got number/,
    );
  });

  test("a missing or broken .wasm rejects with the URL", async () => {
    const missing = new URL("./no-such-file.wasm", import.meta.url);
    await assert.rejects(
      init({ wasmUrl: missing }),
      (e) => e instanceof GradscopeError && e.message.includes("no-such-file.wasm"),
    );
    // Not WebAssembly at all: this test file.
    const self = new URL(import.meta.url);
    await assert.rejects(
      init({ wasmUrl: () => self }),
      /errors\.test\.js is not a valid simd WebAssembly module/,
    );
    // Cut short: not a complete module.
    const simd = new URL("../../wasm/dist/gradscope-simd.wasm", import.meta.url);
    const bytes = await readFile(simd);
    const dir = await mkdtemp(path.join(os.tmpdir(), "gradscope-"));
    const truncated = path.join(dir, "truncated.wasm");
    await writeFile(truncated, bytes.subarray(0, 1000));
    await assert.rejects(
      init({ wasmUrl: pathToFileURL(truncated) }),
      /truncated\.wasm is not a valid (simd|scalar) WebAssembly module/,
    );
    await rm(dir, { recursive: true });
  });
});

describe("createNetwork", () => {
  const cases = [
    [null, /createNetwork needs an options object/],
    [{}, /layers must be an array/],
    [{ layers: [2, 1.5, 1] }, /layers\[1\] 1.5 must be an integer/],
    [{ layers: [2] }, /at least 2 layers \(input and output\), got 1/],
    [{ layers: [2, 0, 1] }, /layer 2 has size 0/],
    [
      { layers: [2, 1], hidden: "swish" },
      /unknown activation 'swish' \(valid: sigmoid, tanh, relu, leaky-relu, identity, softmax\)/,
    ],
    [{ layers: [2, 1], output: "Sigmoid" }, /unknown activation 'Sigmoid'/],
    [{ layers: [2, 1], cost: "mse" }, /unknown cost 'mse'.*quadratic/],
    [{ layers: [2, 1], init: "xavier" }, /unknown init 'xavier' \(valid: large, scaled, he\)/],
    [{ layers: [2, 3, 2], hidden: "softmax" }, /softmax is an output activation only/],
    [{ layers: [2, 1], output: "softmax" }, /softmax output needs at least 2 units, got 1/],
    [
      { layers: [2, 2], cost: "log-likelihood" },
      /log-likelihood cost needs a softmax output, got 'sigmoid'/,
    ],
    [
      { layers: [2, 2], output: "identity", cost: "cross-entropy" },
      /cross-entropy cost needs outputs in \(0, 1\).*'identity'/,
    ],
    [{ layers: [2, 1], seed: -1 }, /seed -1.* must be an integer in \[0, 2\^53\]/],
    [{ layers: [2, 1], seed: 0.5 }, /seed 0.5.* must be an integer/],
    [{ layers: [2, 1], seed: "7" }, /seed 7 must be a number/],
    [{ layers: [2, 1], hidden: 3 }, /hidden 3 must be a name/],
  ];
  for (const [options, pattern] of cases) {
    test(`rejects ${JSON.stringify(options)}`, () =>
      rejects(() => shared.gs.createNetwork(options), pattern));
  }
});

describe("network methods", () => {
  test("parameters", () => {
    const net = network({ layers: [2, 3, 1] });
    rejects(() => net.getParameters(1), /layer 1 has no weights \(weighted layers are 2..3\)/);
    rejects(() => net.getParameters(4), /layer 4 has no weights/);
    rejects(() => net.getParameters(2.5), /layer 2.5 must be an integer/);
    const ok = net.getParameters(2);
    rejects(
      () => net.setParameters(2, { weights: [1, 2, 3], biases: ok.biases }),
      /weights has length 3, expected 6/,
    );
    rejects(
      () => net.setParameters(2, { weights: ok.weights, biases: [1] }),
      /biases has length 1, expected 3/,
    );
    rejects(
      () => net.setParameters(2, { weights: [1, 2, NaN, 4, 5, 6], biases: ok.biases }),
      /weight .* of layer 2 is not finite/,
    );
    rejects(
      () => net.setParameters(2, { weights: ok.weights, biases: [0, Infinity, 0] }),
      /bias 1 of layer 2 is not finite/,
    );
    rejects(
      () => net.setParameters(2, { weights: ["a", 2, 3, 4, 5, 6], biases: ok.biases }),
      /weights\[0\] is string, expected a number/,
    );
    rejects(() => net.setParameters(2, null), /setParameters needs \{ weights, biases \}/);
    assert.deepEqual(net.getParameters(2), ok, "failed calls leave the parameters unchanged");
  });

  test("batches", () => {
    const net = network({ layers: [2, 3, 2] });
    rejects(() => net.predict([1, 2, 3]), /x has length 3, not a multiple of the width 2/);
    rejects(() => net.predict([]), /x is empty/);
    rejects(() => net.predict("12"), /x must be a Float32Array or an array of numbers, got string/);
    rejects(() => net.predict([1, NaN]), /input value nan of sample 0 is not finite/);
    rejects(() => net.gradients([1, 2, 3, 4], [1, 0]), /x holds 2 samples but y holds 1 targets/);
    rejects(
      () => net.gradients([1, 2], [1, 0, 1]),
      /y has length 3, not a multiple of the width 2/,
    );
    rejects(
      () => net.diagnostics([1, 2], [1, Infinity]),
      /target value inf of sample 0 is not finite/,
    );
    rejects(() => net.evaluate([1, 2], [0]), /y has length 1, not a multiple of the width 2/);
    rejects(() => net.gradientCheck([1, 2], [0, 1], { h: 0 }), /step h 0.* must be > 0/);
    rejects(() => net.gradientCheck([1, 2], [0, 1], { maxParameters: 0 }), /maxParameters 0 < 1/);
  });

  test("training options", () => {
    const net = network({ layers: [2, 3, 1] });
    const x = [0, 1, 1, 0];
    const y = [1, 1];
    rejects(() => net.train(x, y, { epochs: 0 }), /epochs 0 must be an integer in \[1, /);
    rejects(() => net.train(x, y, { batchSize: 0 }), /batch size 0 < 1/);
    rejects(() => net.train(x, y, { batchSize: 1.5 }), /batchSize 1.5 must be an integer/);
    rejects(
      () => net.train(x, y, { learningRate: 0 }),
      /learning rate 0.* must be a finite number > 0/,
    );
    rejects(() => net.train(x, y, { learningRate: NaN }), /learningRate NaN must be a number/);
    rejects(
      () => net.train(x, y, { l2: -1 }),
      /L2 regularisation -1.* must be a finite number >= 0/,
    );
    rejects(() => net.train(x, y, { seed: -3 }), /seed -3.* must be an integer/);
    rejects(() => net.train(x, y, { shuffle: "yes" }), /shuffle yes must be true or false/);
    rejects(() => net.train(x, y, { testX: x }), /testX and testY must be given together/);
    rejects(
      () => net.train(x, y, { testX: [1, 2, 3], testY: [1] }),
      /testX has length 3, not a multiple of the width 2/,
    );
    rejects(() => net.train(x, y, { onEpoch: "log" }), /onEpoch must be a function/);
    rejects(() => net.train(x, y, null), /options must be an object/);
    rejects(() => net.createTrainer(x, y).steps(0), /step count 0 < 1/);
  });

  test("an exception thrown by onEpoch propagates and training can start again", () => {
    const net = network({ layers: [2, 3, 1] });
    assert.throws(
      () =>
        net.train([0, 1], [1], {
          epochs: 3,
          onEpoch: () => {
            throw new RangeError("stop here");
          },
        }),
      /stop here/,
    );
    assert.equal(net.train([0, 1], [1], { epochs: 2 }).length, 2);
  });

  test("a disposed network refuses every call", () => {
    const net = shared.gs.createNetwork({ layers: [2, 3, 1] });
    const trainer = net.createTrainer([0, 1], [1]);
    net.dispose();
    net.dispose(); // a no-op
    assert.equal(net.disposed, true);
    for (const call of [
      () => net.getParameters(2),
      () => net.setParameters(2, { weights: [], biases: [] }),
      () => net.predict([0, 1]),
      () => net.gradients([0, 1], [1]),
      () => net.diagnostics([0, 1], [1]),
      () => net.evaluate([0, 1], [1]),
      () => net.gradientCheck([0, 1], [1]),
      () => net.train([0, 1], [1]),
      () => net.createTrainer([0, 1], [1]),
      () => net.toJSON(),
    ])
      rejects(call, /the network was disposed/);
    rejects(() => trainer.steps(1), /the network was disposed/);
  });
});

describe("networkFromJSON", () => {
  const good = () => {
    const net = network({ layers: [2, 3, 1], seed: 5 });
    return net.toJSON();
  };
  const cases = () => [
    ["{not json", /networkFromJSON: not valid JSON/],
    [null, /the input is null, expected a network object/],
    [[1, 2], /the input is \[1,2\], expected a network object/],
    [{ ...good(), format: "keras" }, /format is "keras", expected "gradscope-network"/],
    [{ ...good(), version: 2 }, /version is 2, expected 1/],
    [{ ...good(), layers: [2] }, /layers is \[2\], expected an array of at least 2/],
    [{ ...good(), layers: [2, "x", 1] }, /layers\[1\] is "x", expected an integer >= 1/],
    [{ ...good(), seed: -2 }, /seed is -2, expected an integer >= 0/],
    [{ ...good(), hidden: undefined }, /hidden missing, expected a name/],
    [{ ...good(), parameters: {} }, /parameters is \{\}, expected an array/],
    [{ ...good(), layers: [2, 3, 3, 1] }, /parameters has 2 entries, expected 3 \(layers 2..4\)/],
    [{ ...good(), layers: [2, 4, 1] }, /parameters\[0\].weights has 6 values, expected 8/],
    [
      (() => {
        const j = good();
        j.parameters[1].weights[2] = "NaN";
        return j;
      })(),
      /parameters\[1\].weights\[2\] is "NaN", expected a finite number/,
    ],
    [
      (() => {
        const j = good();
        j.parameters[1].biases = [1, 2];
        return j;
      })(),
      /parameters\[1\].biases has 2 values, expected 1/,
    ],
    [
      (() => {
        const j = good();
        j.parameters[0].layer = 3;
        return j;
      })(),
      /parameters\[0\].layer is 3, expected 2/,
    ],
    [{ ...good(), output: "softmaxx" }, /unknown activation 'softmaxx'/],
  ];
  test("malformed or mismatched JSON is rejected naming the field, nothing half-built stays", () => {
    for (const [json, pattern] of cases()) {
      const before = shared.gs.memory().usedBytes;
      rejects(() => shared.gs.networkFromJSON(json), pattern);
      assert.equal(shared.gs.memory().usedBytes, before, `memory left behind after ${pattern}`);
    }
  });
});

describe("datasets and activations", () => {
  test("datasets", () => {
    const d = shared.gs.datasets;
    rejects(
      () => d.synthetic("moons"),
      /unknown data set 'moons' \(valid: circle, xor, gaussians, spiral, plane, bumps, sine, abs, step\)/,
    );
    rejects(() => d.synthetic(7), /data set kind must be a string/);
    rejects(() => d.synthetic("xor", { n: 1 }), /sample count 1 < 2/);
    rejects(() => d.synthetic("xor", { noise: 2 }), /noise 2.* is outside \[0, 1\]/);
    rejects(
      () => d.synthetic("xor", { outputWidth: 3 }),
      /output width 3 for a two-class set must be 1 or 2/,
    );
    rejects(() => d.synthetic("xor", { seed: 1.5 }), /seed 1.5.* must be an integer/);
    const data = d.synthetic("xor", { n: 10 });
    rejects(() => d.split(data, { testFraction: 1 }), /test fraction 1.* is outside \[0, 1\)/);
    rejects(() => d.split({ ...data, x: [1, 2] }), /x and y as Float32Array/);
    rejects(() => d.split({ ...data, n: 11 }), /data set x has length 20, expected 22/);
    rejects(
      () => d.parseIdx(Uint8Array.from([0x1f, 0x8b, 8, 0])),
      /bad IDX magic number 0x1f8b0800.*gzip/,
    );
    rejects(
      () => d.parseIdx(Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 5, 1, 2])),
      /IDX file truncated: header promises 5 data bytes, found 2/,
    );
    rejects(() => d.parseIdx(Uint8Array.from([0, 0, 0x0d, 1])), /unsupported IDX element type 0xd/);
    rejects(() => d.parseIdx("file.idx"), /bytes must be a Uint8Array or ArrayBuffer/);
    const images = Uint8Array.from([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 1, 10, 20]);
    rejects(
      () => d.idxDataset(images, Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3])),
      /IDX image count 2 does not match label count 3/,
    );
    rejects(
      () => d.idxDataset(images, Uint8Array.from([0, 0, 8, 1, 0, 0, 0, 2, 1, 12])),
      /label 12 of sample 1 is not below the class count 10/,
    );
    rejects(
      () => d.idxDataset(images, { dims: [2], data: Uint8Array.from([1]) }),
      /IDX dims describe 2 values but data has 1/,
    );
    rejects(() => d.idxDataset(images, 5), /labels must be IDX bytes or \{ dims, data \}/);
    rejects(
      () => d.idxDataset(images, images, { limit: -1 }),
      /IDX labels need 1 dimension, got 2/,
    );
  });

  test("activations", () => {
    const a = shared.gs.activations;
    rejects(() => a.value("gelu", 0), /unknown activation 'gelu'/);
    rejects(() => a.curve("softmax", [0, 1]), /softmax is not an element-wise activation/);
    rejects(() => a.value("tanh", "1"), /x 1 must be a number/);
    rejects(() => a.curve("tanh", [0, "a"]), /xs\[1\] is string, expected a number/);
    rejects(() => a.maxDerivative(null), /activation name must be a string/);
  });
});

test("after all these errors the module still trains", () => {
  const d = shared.gs.datasets.synthetic("gaussians", { n: 100, seed: 2 });
  const net = network({ layers: [2, 4, 1], seed: 1 });
  const history = net.train(d.x, d.y, { epochs: 20, learningRate: 1 });
  assert.ok(history.at(-1).train.accuracy > 0.9, `accuracy ${history.at(-1).train.accuracy}`);
});
