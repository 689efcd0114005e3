// net.activations(x, l): a^l of every sample in one call equals predict of the sub-network with
// layers [n_1 … n_l] (output activation = the hidden one) and the same parameters, on grid
// points, for every layer and several hidden activations; a bad l is refused by name.
import assert from "node:assert/strict";
import { test } from "node:test";

import { GradscopeError, sharedModule } from "./support/built-package.js";

const shared = sharedModule();

const GRID = Float32Array.from(
  [-1, -0.5, 0, 0.5, 1].flatMap((x2) => [-1, -0.3, 0.4, 1].flatMap((x1) => [x1, x2])),
);

test("activations at layer l equal predict of the sub-network [n_1 … n_l]", () => {
  const layers = [2, 5, 3, 4, 3];
  for (const hidden of ["sigmoid", "tanh", "relu", "leaky-relu", "identity"]) {
    const net = shared.network({
      layers,
      hidden,
      output: "softmax",
      cost: "log-likelihood",
      seed: 5,
    });
    assert.deepEqual(net.activations(GRID, 1), GRID); // a^1 = x
    for (let l = 2; l < layers.length; ++l) {
      const sub = shared.network({ layers: layers.slice(0, l), hidden, output: hidden });
      for (let k = 2; k <= l; ++k) sub.setParameters(k, net.getParameters(k));
      const a = net.activations(GRID, l);
      assert.equal(a.length, (GRID.length / 2) * layers[l - 1]);
      assert.deepEqual(a, sub.predict(GRID), `${hidden}, l = ${l}`);
    }
    assert.deepEqual(net.activations(GRID, layers.length), net.predict(GRID), hidden);
    // A hidden layer is not the output: the tanh layer takes negative values, softmax does not.
    if (hidden === "tanh") assert.ok(Math.min(...net.activations(GRID, 2)) < 0);
  }
});

test("a layer outside 1 … L, or bad samples, are refused by name", () => {
  const net = shared.network({ layers: [2, 3, 1] });
  for (const l of [0, 4, -1]) {
    assert.throws(
      () => net.activations(GRID, l),
      (e) =>
        e instanceof GradscopeError &&
        e.message === `layer ${l} is not one of 1 … 3 (the network's layers)`,
    );
  }
  assert.throws(() => net.activations(GRID, 1.5), /layer 1.5 must be an integer/);
  assert.throws(
    () => net.activations([0.1, 0.2, 0.3], 2),
    /x has length 3, not a multiple of the width 2/,
  );
  assert.throws(() => net.activations([0.1, NaN], 2), /not finite/);
});
