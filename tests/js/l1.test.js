// The l1 option (L1 regularisation, Nielsen ch. 3) of train, createTrainer and trace, in both
// flavours: the step against w → (1 − ηλ₂/n) w − (ηλ₁/n) sgn(w) − (η/m) Σ ∂C/∂w worked out in
// JavaScript from net.gradients (sgn(0) = 0, biases untouched), the trace's update equal to a
// batch-size-1 trainer step bit for bit, L1 shrinking weights as it should, and bad values
// refused by name.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { GradscopeError, init } from "./support/built-package.js";

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

const sgn = (w) => (w > 0 ? 1 : w < 0 ? -1 : 0);

for (const flavour of FLAVOURS) {
  describe(`l1 (${flavour})`, () => {
    test("one step is the update by hand, with L2 beside it; sgn(0) = 0; biases untouched", () => {
      const gs = modules[flavour];
      const data = gs.datasets.synthetic("circle", { n: 8, noise: 0.1, seed: 3 });
      for (const [l1, l2] of [
        [0.6, 0],
        [0.6, 1.5],
      ]) {
        const net = network(gs, { layers: [2, 3, 1], hidden: "tanh", cost: "cross-entropy" });
        const p2 = net.getParameters(2);
        p2.weights[0] = 0; // sgn(0) = 0: moves by the gradient term only
        net.setParameters(2, p2);
        const before = [2, 3].map((l) => net.getParameters(l));
        const grads = net.gradients(data.x, data.y); // batch averages
        const eta = 0.4;
        const trainer = net.createTrainer(data.x, data.y, {
          batchSize: 8,
          learningRate: eta,
          l1,
          l2,
          shuffle: false,
        });
        trainer.steps(1); // the whole set: m = n = 8
        trainer.dispose();
        const n = 8;
        [2, 3].forEach((l, i) => {
          const after = net.getParameters(l);
          before[i].weights.forEach((w, k) => {
            const expected =
              (1 - (eta * l2) / n) * w - ((eta * l1) / n) * sgn(w) - eta * grads[i].weights[k];
            assert.ok(
              Math.abs(after.weights[k] - expected) <= 2e-7,
              `w${l}[${k}] ${after.weights[k]} vs ${expected}`,
            );
          });
          before[i].biases.forEach((b, k) => {
            const expected = b - eta * grads[i].biases[k];
            assert.ok(Math.abs(after.biases[k] - expected) <= 2e-7, `b${l}[${k}]`);
          });
        });
        // The weight at 0 got no L1 push: exactly −η ∂C/∂w (its gradient is not 0).
        assert.notEqual(grads[0].weights[0], 0);
        const moved = net.getParameters(2).weights[0];
        assert.ok(Math.abs(moved + eta * grads[0].weights[0]) <= 1e-7, `${moved}`);
      }
    });

    test("the trace's update equals a batch-size-1 trainer step, bit for bit", () => {
      const gs = modules[flavour];
      for (const [hidden, output, cost] of [
        ["relu", "softmax", "log-likelihood"],
        ["sigmoid", "sigmoid", "quadratic"],
      ]) {
        const net = network(gs, { layers: [2, 4, 3, 2], hidden, output, cost, seed: 9 });
        const x = Float32Array.of(0.3, -0.8);
        const y = Float32Array.of(0, 1);
        const options = { learningRate: 0.3, l1: 0.7, l2: 0.2, n: 1 };
        const t = net.trace(x, y, options);
        const copy = gs.networkFromJSON(net.toJSON());
        created.push(copy);
        const trainer = copy.createTrainer(x, y, {
          batchSize: 1,
          learningRate: 0.3,
          l1: 0.7,
          l2: 0.2,
        });
        trainer.steps(1); // n = the training set's 1 sample, as the trace was told
        trainer.dispose();
        t.updated.forEach((u) => {
          const p = copy.getParameters(u.layer);
          assert.deepEqual(u.weights, p.weights, `${hidden} l=${u.layer} weights`);
          assert.deepEqual(u.biases, p.biases, `${hidden} l=${u.layer} biases`);
        });
        // The L1 term is in it: without l1 the weights come out differently.
        const plain = net.trace(x, y, { ...options, l1: 0 });
        assert.notDeepEqual(plain.updated[0].weights, t.updated[0].weights);
        assert.deepEqual(plain.updated[0].biases, t.updated[0].biases);
      }
    });

    test("L1 training drives more weights to near 0 than no regularisation", () => {
      const gs = modules[flavour];
      const data = gs.datasets.synthetic("xor", { n: 200, noise: 0.05, seed: 2 });
      const small = (l1) => {
        const net = network(gs, { layers: [2, 12, 1], hidden: "tanh", cost: "cross-entropy" });
        net.train(data.x, data.y, { epochs: 60, batchSize: 10, learningRate: 0.3, l1 });
        const w = [2, 3].flatMap((l) => Array.from(net.getParameters(l).weights));
        return {
          near0: w.filter((v) => Math.abs(v) < 0.02).length,
          sumAbs: w.reduce((s, v) => s + Math.abs(v), 0),
        };
      };
      const none = small(0);
      const l1 = small(2);
      assert.ok(l1.sumAbs < none.sumAbs, `Σ|w| ${l1.sumAbs} < ${none.sumAbs}`);
      assert.ok(l1.near0 > none.near0, `near 0: ${l1.near0} > ${none.near0}`);
    });

    test("bad l1 values and misspellings are refused by name", () => {
      const gs = modules[flavour];
      const net = network(gs, { layers: [2, 1] });
      const x = [0.1, 0.2];
      const y = [1];
      const refuses = (f, message) =>
        assert.throws(f, (e) => {
          assert.ok(e instanceof GradscopeError, String(e));
          assert.match(e.message, message);
          return true;
        });
      refuses(() => net.train(x, y, { l1: -0.5 }), /^l1 -0\.5 must be ≥ 0$/);
      refuses(() => net.train(x, y, { l1: NaN }), /^l1 NaN must be a finite number$/);
      refuses(
        () => net.createTrainer(x, y, { l1: Infinity }),
        /^l1 Infinity must be a finite number$/,
      );
      refuses(
        () => net.createTrainer(x, y, { l1: "0.1" }),
        /^l1 .*0\.1.* must be a finite number$/,
      );
      refuses(
        () => net.train(x, y, { L1: 0.1 }),
        /unknown option 'L1' in train options; did you mean 'l1'\?/,
      );
      refuses(() => net.trace(x, y, { learningRate: 0.1, l1: -1, n: 5 }), /^l1 -1 must be ≥ 0$/);
      refuses(() => net.trace(x, y, { learningRate: 0.1, l1: 0.5 }), /need n .* when l1 > 0/);
      refuses(
        () => net.trace(x, y, { learningRate: 0.1, l_1: 0.5 }),
        /unknown option 'l_1' in trace options; did you mean 'l1'\?/,
      );
    });
  });
}
