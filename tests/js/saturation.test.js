// Saturated outputs through the package (issue 10): gradients and the reported loss are formed
// from z, so they keep their digits where a float32 output rounds to 0 or 1. Both flavours.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { init } from "./support/built-package.js";

const relativeError = (got, want) => Math.abs(got - want) / Math.abs(want);

for (const flavour of ["simd", "scalar"]) {
  describe(`saturated outputs (${flavour})`, () => {
    test("softmax + cross-entropy, biases (0, 20, 40), target (0, 1, 0): ∂C/∂b ≈ (0, −2, 2), loss 40", async () => {
      const gs = await init({ flavour });
      const net = gs.createNetwork({ layers: [1, 3], output: "softmax", cost: "cross-entropy" });
      try {
        net.setParameters(2, { weights: [0, 0, 0], biases: [0, 20, 40] });
        const x = Float32Array.from([1]);
        const y = Float32Array.from([0, 1, 0]);
        const [g] = net.gradients(x, y);
        // Exactly −e^−20 (1 + O(e^−20)), −2 + O(e^−20), 2 − O(e^−20); before the fix
        // (−3.6e14, −1.75e23, 1) from 1/(a(1 − a)) with a rounded to 1.
        assert.ok(relativeError(g.biases[0], -Math.exp(-20)) < 1e-4, `∂C/∂b_1 ${g.biases[0]}`);
        assert.ok(relativeError(g.biases[1], -2) < 1e-6, `∂C/∂b_2 ${g.biases[1]}`);
        assert.ok(relativeError(g.biases[2], 2) < 1e-6, `∂C/∂b_3 ${g.biases[2]}`);
        assert.deepEqual(Array.from(g.weights), Array.from(g.biases)); // x = 1
        // −ln(1 − a_1) − ln a_2 − ln(1 − a_3) = 40 + O(e^−20); was 89.08 with a 1e-30 floor.
        const { loss } = net.evaluate(x, y);
        assert.ok(Math.abs(loss - 40) < 1e-5, `loss ${loss}`);
      } finally {
        net.dispose();
      }
    });

    test("sigmoid + cross-entropy loss is softplus: exact where a rounds to 1", async () => {
      const gs = await init({ flavour });
      const net = gs.createNetwork({ layers: [1, 1], output: "sigmoid", cost: "cross-entropy" });
      try {
        const x = Float32Array.from([1]);
        for (const z of [16, 17, 40, 80]) {
          net.setParameters(2, { weights: [0], biases: [z] });
          // Target 0: −ln(1 − σ(z)) = softplus(z) = z + ln(1 + e^−z) (was 69.08 once a = 1).
          const wrong = net.evaluate(x, Float32Array.from([0])).loss;
          assert.ok(relativeError(wrong, z + Math.log1p(Math.exp(-z))) < 1e-7, `z ${z}: ${wrong}`);
          // Target 1: −ln σ(z) = ln(1 + e^−z) ≈ e^−z (was 0).
          const right = net.evaluate(x, Float32Array.from([1])).loss;
          assert.ok(relativeError(right, Math.log1p(Math.exp(-z))) < 1e-6, `z ${z}: ${right}`);
          // ∂C/∂b = a − y = −(1 − σ(z)) = −e^−z/(1 + e^−z).
          const [g] = net.gradients(x, Float32Array.from([1]));
          const want = -Math.exp(-z) / (1 + Math.exp(-z));
          assert.ok(relativeError(g.biases[0], want) < 1e-4, `z ${z}: ∂C/∂b ${g.biases[0]}`);
        }
      } finally {
        net.dispose();
      }
    });
  });
}
