// The chain lab's product read from the output back (web/src/lab/chain-backward.ts), what it says
// about each factor and each activation (chain-text.ts), and where zeros go on its log chart
// (the playground's zero floor, views/zero-floor.ts), over every activation the chain offers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue, init, type ChainProduct } from "gradscope";
import { backwardSteps, biasGradients } from "../../web/src/lab/chain-backward.js";
import { CHAIN_ACTIVATIONS, type ChainActivation } from "../../web/src/lab/chain-state.js";
import {
  ceilingOf,
  ceilingSentence,
  chainFactors,
  explodingActivation,
  explodingParagraph,
  vanishingParagraph,
} from "../../web/src/lab/chain-text.js";
import { zeroFloor } from "../../web/src/views/zero-floor.js";

const gs = await init();
const W = [0.8, -0.9, 0.7, 0.6];
const B = [0.2, -0.4, 0.1, 0.3];
const product = (activation: ChainActivation, weights = W, biases = B): ChainProduct =>
  gs.chain.product({ weights, biases, activation, cost: "quadratic", x: 1, y: 0 });

/** δ_j of the chain by its own forward and backward pass in double (an independent reference). */
function referenceDeltas(activation: ChainActivation, w: number[], b: number[]): number[] {
  const zs: number[] = [];
  let a = 1;
  for (let j = 0; j < w.length; ++j) {
    const z = (w[j] as number) * a + (b[j] as number);
    zs.push(z);
    a = gs.activations.value(activation, z);
  }
  const d: number[] = [];
  let grad = a - 0; // quadratic cost ½(a − y)²: ∂C/∂a_n = a_n − y
  for (let j = w.length - 1; j >= 0; --j) {
    const delta = grad * gs.activations.derivative(activation, zs[j] as number);
    d[j] = delta;
    grad = (w[j] as number) * delta;
  }
  return d;
}

test("the running values go output → input: ∂C/∂a_n, δ_n (BP1), ∂C/∂a_(n−1), δ_(n−1) (BP2), …", () => {
  const steps = backwardSteps(product("sigmoid"));
  assert.deepEqual(
    steps.map((s) => s.name),
    [
      "∂C/∂a₄",
      "δ₄ = ∂C/∂b₄",
      "∂C/∂a₃",
      "δ₃ = ∂C/∂b₃",
      "∂C/∂a₂",
      "δ₂ = ∂C/∂b₂",
      "∂C/∂a₁",
      "δ₁ = ∂C/∂b₁",
    ],
  );
  assert.deepEqual(
    steps.map((s) => s.equation),
    ["start", "BP1", "BP2", "BP2", "BP2", "BP2", "BP2", "BP2"],
  );
  assert.deepEqual(
    steps.map((s) => s.factor.kind),
    [
      "cost-gradient",
      "sigma-prime",
      "weight",
      "sigma-prime",
      "weight",
      "sigma-prime",
      "weight",
      "sigma-prime",
    ],
  );
});

test("every δ_j equals an independent backward pass, for every chain activation", () => {
  for (const act of CHAIN_ACTIVATIONS) {
    const p = product(act);
    const steps = backwardSteps(p);
    const ref = referenceDeltas(act, W, B);
    for (const s of steps.filter((x) => x.quantity === "delta")) {
      const r = ref[s.j - 1] as number;
      // The core stores w, b, z, σ′ in float32 (the network's precision): agree to float precision.
      assert.ok(
        Math.abs(s.running - r) <= 1e-5 * Math.abs(r) + 1e-30,
        `${act} δ${s.j}: ${s.running} vs ${r}`,
      );
    }
    const last = steps.at(-1)?.running ?? NaN;
    // The same factors multiplied in the other order: equal to double rounding.
    assert.ok(
      Math.abs(last - p.dCdb1) <= 1e-12 * Math.abs(p.dCdb1),
      `${act}: the last running value is ∂C/∂b₁`,
    );
    biasGradients(p).forEach((g, j) => {
      const r = Math.abs(ref[j] as number);
      assert.ok(Math.abs(g - r) <= 1e-5 * r + 1e-30, `${act} |∂C/∂b${j + 1}|`);
    });
  }
});

test("each factor is compared with the chosen activation's σ′ ceiling from the catalogue", () => {
  for (const act of CHAIN_ACTIVATIONS) {
    assert.equal(ceilingOf(act), catalogue.activations.find((a) => a.name === act)?.maxDerivative);
    const factors = chainFactors(product(act), act);
    assert.equal(factors.length, 3);
    for (const f of factors) {
      const expected =
        f.value > 1 ? "factor-large" : f.value < ceilingOf(act) ? "factor-small" : "factor-mid";
      assert.equal(f.cls, expected, `${act} ${f.text}`);
    }
  }
  // tanh: z near 0 and |w| ≈ 0.9 give factors between 1/4 and 1, below tanh's ceiling of 1.
  const tanh = chainFactors(product("tanh", [1, 0.9, 0.9, 0.9], [-1, 0, 0, 0]), "tanh");
  assert.ok(tanh.every((f) => f.value > 0.25 && f.value < 1));
  assert.ok(
    tanh.every((f) => f.text.endsWith(" < 1") && f.cls === "factor-small"),
    tanh[0]?.text,
  );
  const sigmoid = chainFactors(product("sigmoid"), "sigmoid");
  assert.ok(
    sigmoid.every((f) => f.text.endsWith(" < 1/4")),
    sigmoid[0]?.text,
  );
});

test("the text follows the activation", () => {
  assert.match(ceilingSentence("sigmoid"), /σ′\(z\) ≤ 1\/4/);
  for (const act of ["tanh", "relu", "leaky-relu", "identity"] as const)
    assert.match(ceilingSentence(act), /σ′\(z\) ≤ 1 /, act);
  assert.match(vanishingParagraph("sigmoid", 4), /4\^3 = 64 times smaller/);
  assert.doesNotMatch(vanishingParagraph("tanh", 4), /σ′ of the sigmoid/);
  assert.match(vanishingParagraph("tanh", 4), /tanh′ is at most tanh′\(0\) = 1/);
  assert.match(vanishingParagraph("relu", 4), /exactly 0/);
  const paragraphs = new Set(CHAIN_ACTIVATIONS.map((a) => vanishingParagraph(a, 5)));
  assert.equal(paragraphs.size, CHAIN_ACTIVATIONS.length, "one paragraph per activation");
  for (const act of CHAIN_ACTIVATIONS) {
    const used = explodingActivation(act);
    const d0 = gs.activations.derivative(used, 0);
    assert.ok(
      100 * d0 > 1,
      `${act}: the exploding preset's factor 100 σ′(0) = ${100 * d0} must exceed 1`,
    );
    assert.match(explodingParagraph(act, d0), new RegExp(`100 × \\S+ = ${100 * d0} `));
  }
  assert.match(explodingParagraph("sigmoid", 0.25), /100 × 1\/4 = 25 /);
  assert.match(explodingParagraph("tanh", 1), /100 × 1 = 100 /);
});

test("a dead ReLU unit: its |∂C/∂b| and every one before it are exactly 0 (drawn at the floor)", () => {
  const p = product("relu", [1, 1, 1, 1], [0.5, -5, 1, 1]);
  const g = biasGradients(p);
  assert.deepEqual(g.slice(0, 2), [0, 0]);
  assert.ok((g[2] as number) > 0 && (g[3] as number) > 0);
  // The playground's floor: one decade below the smallest positive value.
  assert.equal(zeroFloor([g]), 0.1);
});
