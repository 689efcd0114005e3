// The backprop stepper's sentences (web/src/backprop/backprop-captions.ts) are true for every
// hidden activation × (output, cost) pair × 0–3 hidden layers, and for the numbers of the trace:
// BP1 explains the form the pair uses, saturation counts are the trace's, BP2 says "smaller" only
// when ‖δ‖ fell, the update says "fell" only when the cost fell.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  catalogue,
  type ActivationName,
  type CostName,
  type HiddenActivationName,
} from "gradscope";
import { HIDDEN_ACTIVATIONS } from "../../web/src/state/settings.js";
import {
  bp1Caption,
  bp2Caption,
  bp34Caption,
  costChange,
  diagramLabel,
  forwardCaption,
  lowDerivativeSentence,
  normChange,
  stepPosition,
  updateCaption,
} from "../../web/src/backprop/backprop-captions.js";
import { backpropSteps, deltaNorm } from "../../web/src/backprop/backprop-steps.js";
import { fixtureInput, outputUnits } from "./backprop-fixtures.js";

interface Setting {
  activation: HiddenActivationName;
  output: ActivationName;
  cost: CostName;
  sizes: number[];
  weightScale: number;
}

/** Every configuration, with small weights (no saturation) and large ones (saturation, dead units). */
function* everySetting(): Generator<Setting> {
  for (const activation of HIDDEN_ACTIVATIONS)
    for (const { output, cost } of catalogue.pairs)
      for (let depth = 0; depth <= 3; ++depth)
        for (const weightScale of [0.3, 8])
          yield {
            activation,
            output,
            cost,
            weightScale,
            sizes: [3, ...Array.from({ length: depth }, () => 5), outputUnits(output)],
          };
}

test("BP1's caption explains the form the (output, cost) pair uses, and only that one", () => {
  let checked = 0;
  for (const s of everySetting()) {
    const input = fixtureInput(s);
    const text = bp1Caption(input);
    const form = input.trace.bp1Form;
    const L = s.sizes.length;
    assert.equal(
      /σ′ cancels|the aᵢ cancel/.test(text),
      form === "shortcut",
      `${JSON.stringify(s)}: ${text}`,
    );
    assert.equal(/Jacobian product/.test(text), form === "softmax-jacobian", text);
    assert.equal(/entry by entry by/.test(text), form === "hadamard", text);
    assert.equal(/no BP2 step/.test(text), L === 2, text);
    assert.match(
      text,
      new RegExp(catalogue.costs.find((c) => c.name === s.cost)!.label.replace(/[()½‖]/g, ".")),
    );
    if (s.output === "identity") assert.match(text, /= 1 everywhere/);
    ++checked;
  }
  assert.equal(checked, HIDDEN_ACTIVATIONS.length * catalogue.pairs.length * 8);
});

test("the saturation and dead-unit counts are the trace's own", () => {
  for (const s of everySetting()) {
    const input = fixtureInput(s);
    const L = s.sizes.length;
    for (let l = 2; l <= L; ++l) {
      const name = l === L ? s.output : s.activation;
      const sentence = lowDerivativeSentence(input, l, "neuron");
      const info = catalogue.activation(name);
      if (info.zeroDerivative === "never") {
        assert.equal(sentence, "", `${name} never saturates`);
        continue;
      }
      const d = input.trace.layers[l - 2]!.activationDerivative;
      const low = Array.from(d).filter((v) => v < 0.01 * info.maxDerivative).length;
      const word = info.zeroDerivative === "dead" ? "inactive \\(dead\\)" : "saturated";
      if (low === 0) assert.match(sentence, new RegExp(`^No neuron is ${word}`));
      else if (low === d.length && d.length > 1)
        assert.match(sentence, new RegExp(`^All ${low} neurons are ${word}`));
      else if (low === d.length) assert.match(sentence, new RegExp(`^The neuron is ${word}`));
      else assert.match(sentence, new RegExp(`^${low} of ${d.length} neurons (is|are) ${word}`));
      const caption = forwardCaption(input, l);
      assert.match(
        caption,
        new RegExp(name === "softmax" ? "softmax turns" : `applies ${info.label}`),
      );
      assert.ok(caption.includes(sentence));
    }
  }
});

test("large weights saturate sigmoid units and kill ReLU units: the counts say so", () => {
  const sat = fixtureInput({
    sizes: [3, 6, 1],
    activation: "sigmoid",
    output: "sigmoid",
    cost: "quadratic",
    weightScale: 40,
    x: [1, -1, 1],
  });
  assert.match(
    lowDerivativeSentence(sat, 2, "neuron"),
    /^(\d of 6 neurons (is|are)|All 6 neurons are) saturated/,
  );
  const relu = fixtureInput({
    sizes: [3, 6, 1],
    activation: "relu",
    output: "identity",
    cost: "quadratic",
    seed: 4,
  });
  const dead = Array.from(relu.trace.layers[0]!.activationDerivative).filter((v) => v === 0).length;
  assert.ok(dead > 0, "the fixture has a dead unit");
  assert.match(
    lowDerivativeSentence(relu, 2, "neuron"),
    new RegExp(`${dead} of 6 neurons (is|are) inactive \\(dead\\): ReLU′\\(z²\\) = 0, z ≤ 0`),
  );
});

test("BP2 says smaller exactly when ‖δ‖ fell, larger when it grew, and names both layers", () => {
  let checked = 0;
  for (const s of everySetting()) {
    const input = fixtureInput(s);
    for (const step of backpropSteps(input)) {
      if (step.kind !== "bp2") continue;
      const l = step.layer;
      const before = deltaNorm(input.trace, l + 1).norm;
      const after = deltaNorm(input.trace, l).norm;
      const text = bp2Caption(input, l, step.norms ?? []);
      assert.equal(step.caption, text);
      const first = text.split(". ").find((p) => p.startsWith(`‖δ`)) ?? "";
      if (after > 0 && before > 0) {
        assert.equal(/smaller than ‖δ/.test(first), after < before, text);
        assert.equal(/larger than ‖δ/.test(first), after > before, text);
      }
      // The closing sentence judges the trend from the output layer L to this layer.
      const L = s.sizes.length;
      const fromOutput = deltaNorm(input.trace, L).norm;
      assert.equal(/vanishing gradient/.test(text), after < fromOutput, text);
      assert.equal(/ever larger/.test(text), after > fromOutput && fromOutput > 0, text);
      assert.doesNotMatch(text, /explode/);
      const trend = Number.isFinite(after) && fromOutput > 0 && after !== fromOutput;
      assert.equal(/if this repeated over many layers/.test(text), trend, text);
      assert.equal(
        /different lengths/.test(text),
        s.sizes[l - 1] !== s.sizes[L - 1] && Number.isFinite(after) && fromOutput > 0,
        text,
      );
      const max = Math.max(...input.trace.layers[l - 2]!.activationDerivative);
      assert.ok(text.includes(`here is ${String(Number(max.toPrecision(4)))}`) || max < 1e-3, text);
      ++checked;
    }
  }
  assert.ok(checked > 500, `${checked}`);
});

test("normChange: ratios, zeros and numbers that are not finite", () => {
  const n = (layer: number, norm: number) => ({ layer, path: `layers[${layer - 2}].delta`, norm });
  assert.equal(normChange(n(4, 0.2), n(3, 0.05)), "‖δ³‖ = 0.05 is 4 times smaller than ‖δ⁴‖ = 0.2");
  assert.equal(normChange(n(4, 0.05), n(3, 0.2)), "‖δ³‖ = 0.2 is 4 times larger than ‖δ⁴‖ = 0.05");
  assert.equal(normChange(n(4, 0.2), n(3, 0.2)), "‖δ³‖ = 0.2 is as large as ‖δ⁴‖ = 0.2");
  assert.match(normChange(n(4, 0), n(3, 0)), /sends no error back/);
  assert.match(normChange(n(4, 0.3), n(3, 0)), /exactly 0/);
  assert.match(normChange(n(4, NaN), n(3, 1)), /not finite/);
});

test("the update says fell, rose or stayed from the two costs, and why it may rise", () => {
  assert.match(costChange(0.5, 0.4, false), /^Cₓ fell from 0.5 to 0.4 \(by 0.1\)/);
  assert.match(costChange(0.4, 0.5, false), /^Cₓ rose from 0.4 to 0.5.*overshoots/);
  assert.match(costChange(0.4, 0.5, true), /^Cₓ rose.*weight decay/);
  assert.match(costChange(0.4, 0.4, false), /stayed at 0.4/);
  assert.match(costChange(0.4, NaN, false), /not a number.*diverged/);
  for (const s of everySetting()) {
    for (const [eta, l2] of [
      [0.05, 0],
      [30, 0],
      [0.5, 50],
    ] as const) {
      const input = fixtureInput({ ...s, learningRate: eta, l2, n: 10 });
      const text = updateCaption(input);
      const { cost, costAfter } = input.trace;
      const finite = Number.isFinite(cost) && Number.isFinite(costAfter!);
      assert.equal(/fell/.test(text), finite && costAfter! < cost, `${eta} ${text}`);
      assert.equal(/rose/.test(text), finite && costAfter! > cost, `${eta} ${text}`);
      assert.equal(/diverged/.test(text), !finite, `${eta} ${text}`);
      assert.equal(/1 − ηλ\/n = /.test(text), l2 > 0, text);
      if (l2 > 0) assert.ok(text.includes(`1 − ηλ/n = ${1 - (eta * l2) / 10}.`), text);
      assert.equal(/without the L2 term/.test(text), l2 > 0, text);
      assert.equal(/hypothetical/.test(text), false, text);
    }
  }
});

test("a step of a huge η makes the cost rise somewhere in the catalogue, and the page says so", () => {
  let rose = 0;
  for (const s of everySetting()) {
    const input = fixtureInput({ ...s, learningRate: 50 });
    if (Number.isFinite(input.trace.costAfter!) && input.trace.costAfter! > input.trace.cost) {
      ++rose;
      assert.match(updateCaption(input), /rose/);
    }
  }
  assert.ok(rose > 0);
});

test("BP3/BP4 counts zero activations and zero errors from the trace", () => {
  const input = fixtureInput({
    sizes: [4, 3, 1],
    activation: "relu",
    output: "sigmoid",
    cost: "cross-entropy",
    x: [0, 0.5, 0, 1],
  });
  assert.match(bp34Caption(input, 2), /2 of 4 inputs a¹ₖ are 0, so their columns are 0/);
  const dead = Array.from(input.trace.layers[0]!.delta).filter((v) => v === 0).length;
  assert.equal(/have δ = 0|has δ = 0/.test(bp34Caption(input, 2)), dead > 0);
  const none = fixtureInput({
    sizes: [2, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "cross-entropy",
    x: [0.2, 0.3],
  });
  assert.doesNotMatch(bp34Caption(none, 2), /are 0|is 0/);
});

test("forward caption: the sample, its image shape, the layer's role", () => {
  const mnist = fixtureInput({
    sizes: [784, 10, 10],
    activation: "sigmoid",
    output: "softmax",
    cost: "log-likelihood",
    weightScale: 0.05,
  });
  const text = forwardCaption(mnist, 2);
  assert.match(text, /^a¹ = x is training sample 12 \(class 0\): 784 values \(a 28 × 28 image\)\./);
  assert.match(text, /hidden layer 1 of 1 with 10 neurons/);
  assert.match(forwardCaption(mnist, 3), /the output layer with 10 neurons.*softmax turns/);
  const plane = fixtureInput({
    sizes: [2, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "quadratic",
  });
  assert.match(
    forwardCaption(plane, 2),
    /2 values\. Layer 2 is the output layer with 1 neuron:.*of the 2 activations of layer 1/,
  );
});

test("the position line and the diagram's label", () => {
  assert.equal(stepPosition(2, 11, "BP1: δ⁴ at the output"), "Step 3 of 11: BP1: δ⁴ at the output");
  assert.equal(
    diagramLabel({ neurons: [2, 1], weights: [2] }),
    "Network diagram, highlighting the neurons of layers 1 and 2 and the weights w².",
  );
  assert.equal(
    diagramLabel({ neurons: [], weights: [2, 3, 4] }),
    "Network diagram, highlighting the weight matrices w², w³ and w⁴.",
  );
  assert.equal(
    diagramLabel({ neurons: [4], weights: [] }),
    "Network diagram, highlighting the neurons of layer 4.",
  );
});
