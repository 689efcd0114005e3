// What the review of the backprop stepper asked its words and labels to say, over the whole
// catalogue: BP1 at a softmax output reads δᴸ = Jᵀ ∂C/∂aᴸ with J shown and its diagonal named
// aⱼ(1 − aⱼ) (no Kronecker δᵢⱼ beside the error δ); σ′ blocks carry the layer's own activation
// (tanh′(z³)); updated values are "w² after", not primed; BP1 writes the cost out with the
// trace's numbers; output vectors name their classes and the last forward step says whether the
// prediction is right; an update on a test sample is hypothetical; the decay factor's value.
import assert from "node:assert/strict";
import { test } from "node:test";
import katex from "katex";
import { catalogue, type ActivationName, type CostName } from "gradscope";
import { HIDDEN_ACTIVATIONS } from "../../web/src/state/settings.js";
import {
  backpropSteps,
  type ShownArray,
  type Step,
} from "../../web/src/backprop/backprop-steps.js";
import {
  bp1Caption,
  forwardCaption,
  lowDerivativeSentence,
  predictionSentence,
  trendSentence,
  updateCaption,
} from "../../web/src/backprop/backprop-captions.js";
import { outputLabels, pickedClass } from "../../web/src/backprop/backprop-names.js";
import { arrayAtPath, fixtureInput, outputUnits } from "./backprop-fixtures.js";

function arraysOf(step: Step): ShownArray[] {
  return step.lines.flat().flatMap((t) => {
    if (t.kind === "array") return [t.array];
    if (t.kind === "outer") return [t.product, t.left, t.top];
    return [];
  });
}

function* everyPair(): Generator<{ output: ActivationName; cost: CostName; depth: number }> {
  for (const { output, cost } of catalogue.pairs)
    for (let depth = 0; depth <= 2; ++depth) yield { output, cost, depth };
}

const SYMBOL_TEX: Record<string, string> = { tanh: "\\tanh", sigmoid: "\\sigma" };

test("BP1 at a softmax output: one line δᴸ = Jᵀ ∂C/∂aᴸ, J's diagonal aⱼ(1 − aⱼ), no Kronecker δᵢⱼ", () => {
  let checked = 0;
  for (const { output, cost, depth } of everyPair()) {
    if (output !== "softmax") continue;
    const sizes = [2, ...Array.from({ length: depth }, () => 3), 4];
    const input = fixtureInput({ sizes, activation: "tanh", output, cost });
    const L = sizes.length;
    const bp1 = backpropSteps(input).find((s) => s.id === "bp1")!;
    assert.doesNotMatch(bp1.tex, /delta_\{ij\}/, bp1.tex);
    assert.match(bp1.tex, /\[i = j\]/);
    assert.doesNotMatch(bp1Caption(input), /δᵢⱼ/);
    const line = bp1.lines.find((terms) =>
      terms.some((t) => t.kind === "array" && t.array.path.endsWith("outputJacobian")),
    )!;
    assert.ok(line, "J is shown");
    const kinds = line.map((t) =>
      t.kind === "array" ? t.array.path : t.kind === "op" ? t.tex : "?",
    );
    assert.deepEqual(kinds, [
      `layers[${L - 2}].delta`,
      "=",
      `layers[${L - 2}].outputJacobian`,
      `layers[${L - 2}].costGradient`,
    ]);
    const J = line[2]!.kind === "array" ? line[2]!.array : null;
    assert.match(J!.name, /^Jᵀ = J/);
    const diag = arraysOf(bp1).find((a) => a.path.endsWith("activationDerivative"))!;
    assert.equal(diag.name, `a${"⁰¹²³⁴⁵"[L]}ⱼ(1 − a${"⁰¹²³⁴⁵"[L]}ⱼ)`);
    assert.doesNotMatch(diag.name, /σ|′/);
    if (input.trace.bp1Form === "softmax-jacobian")
      assert.match(bp1Caption(input), /J is not diagonal, so the entry-by-entry \(Hadamard\) form/);
    ++checked;
  }
  assert.ok(checked >= 3);
});

test("σ′ blocks carry the layer's activation symbol, in text and TeX", () => {
  for (const activation of HIDDEN_ACTIVATIONS) {
    const input = fixtureInput({
      sizes: [2, 3, 3, 1],
      activation,
      output: "sigmoid",
      cost: "quadratic",
    });
    const symbol = catalogue.activation(activation).symbol;
    const bp2 = backpropSteps(input).find((s) => s.id === "bp2-3")!;
    const d = arraysOf(bp2).find((a) => a.path === "layers[1].activationDerivative")!;
    assert.equal(d.name, `${symbol}′(z³)`);
    if (SYMBOL_TEX[activation]) assert.ok(d.tex.startsWith(SYMBOL_TEX[activation]!), d.tex);
    if (activation !== "sigmoid") {
      assert.doesNotMatch(bp2.tex, /\\sigma/, bp2.tex);
      assert.doesNotMatch(d.name, /σ/);
    }
    katex.renderToString(bp2.tex, { throwOnError: true, strict: "error" });
    katex.renderToString(d.tex, { throwOnError: true, strict: "error" });
  }
  const soft = fixtureInput({
    sizes: [3, 4],
    activation: "tanh",
    output: "softmax",
    cost: "log-likelihood",
    weightScale: 40,
    x: [1, -1, 1],
  });
  const s = lowDerivativeSentence(soft, 2, "neuron");
  assert.doesNotMatch(s, /softmax′/);
  assert.match(s, /the diagonal entry a²ⱼ\(1 − a²ⱼ\) of its Jacobian below 1 %/);
});

test("the update's new values are 'w² after' (not primed); the decay factor shows its value", () => {
  const input = fixtureInput({
    sizes: [2, 3, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "cross-entropy",
    l2: 3,
    n: 200,
    learningRate: 0.1,
  });
  const update = backpropSteps(input).at(-1)!;
  const arrays = arraysOf(update).filter((a) => a.path.startsWith("updated"));
  assert.deepEqual(
    arrays.map((a) => a.name),
    ["w² after", "b² after", "w³ after", "b³ after"],
  );
  for (const a of arrays) {
    assert.doesNotMatch(a.tex, /'/);
    assert.match(a.tex, /_\{\\text\{after\}\}/);
  }
  for (const t of update.lines.flat()) {
    if (t.kind === "scalar") assert.doesNotMatch(t.tex, /'/);
    if (t.kind === "op") katex.renderToString(t.tex, { throwOnError: true, strict: "error" });
  }
  const decay = update.lines.flat().filter((t) => t.kind === "op" && /lambda/.test(t.tex));
  assert.equal(decay.length, 2);
  for (const t of decay) assert.ok(t.kind === "op" && t.tex.includes("0.9985"), JSON.stringify(t));
});

test("BP1 writes the cost out with this sample's numbers, each carrying its trace path", () => {
  let checked = 0;
  for (const { output, cost, depth } of everyPair()) {
    for (const label of [0, 1]) {
      const n = outputUnits(output);
      const sizes = [2, ...Array.from({ length: depth }, () => 3), n];
      const input = fixtureInput({ sizes, activation: "relu", output, cost, label });
      const L = sizes.length;
      const bp1 = backpropSteps(input).find((s) => s.id === "bp1")!;
      const line = bp1.lines[0]!;
      const scalars = line.filter((t) => t.kind === "scalar");
      const last = scalars.at(-1)!;
      assert.ok(last.kind === "scalar" && last.path === "cost" && last.value === input.trace.cost);
      for (const s of scalars) {
        if (s.kind !== "scalar") continue;
        const m = /^(.*)\[(\d+)\]$/.exec(s.path);
        if (m) assert.equal(s.value, arrayAtPath(input.trace, m[1]!)?.[Number(m[2])], s.path);
      }
      const tex = line.map((t) => (t.kind === "op" ? t.tex : "")).join(" ");
      if (cost === "log-likelihood") {
        assert.match(tex, /-\\ln a/);
        assert.deepEqual(
          scalars.map((t) => t.kind === "scalar" && t.path),
          [`layers[${L - 2}].a[${label}]`, "cost"],
        );
      } else if (cost === "cross-entropy") {
        assert.match(tex, /\(1 - y(_j)?\)/);
        if (n === 1)
          assert.deepEqual(
            scalars.map((t) => t.kind === "scalar" && t.path),
            ["target[0]", `layers[${L - 2}].a[0]`, "target[0]", `layers[${L - 2}].a[0]`, "cost"],
          );
      } else {
        assert.match(tex, /\\tfrac12/);
      }
      for (const t of line)
        if (t.kind === "op") katex.renderToString(t.tex, { throwOnError: true, strict: "error" });
      ++checked;
    }
  }
  assert.ok(checked >= catalogue.pairs.length * 3 * 2);
});

test("output vectors name their classes; the last forward step says whether the prediction is right", () => {
  const mnist = fixtureInput({
    sizes: [16, 10],
    activation: "relu",
    output: "softmax",
    cost: "log-likelihood",
    label: 3,
  });
  mnist.sampleLabel = "test sample 5 (digit 3)";
  assert.deepEqual(
    outputLabels(mnist),
    Array.from({ length: 10 }, (_, j) => `digit ${j}`),
  );
  const steps = backpropSteps(mnist);
  for (const id of ["forward-2", "bp1"]) {
    const step = steps.find((s) => s.id === id)!;
    for (const a of arraysOf(step)) {
      const output =
        /^(layers\[0\]\.(a|delta|costGradient|outputJacobian|activationDerivative)|target)$/;
      if (output.test(a.path)) assert.deepEqual(a.rowLabels, outputLabels(mnist), a.path);
      else assert.equal(a.rowLabels, undefined, a.path);
    }
  }
  const a = mnist.trace.layers[0]!.a;
  const predicted = pickedClass(a);
  const text = forwardCaption(mnist, 2);
  assert.ok(text.includes(`The network predicts digit ${predicted} `), text);
  assert.ok(
    text.endsWith(predicted === 3 ? "the prediction is right." : "the prediction is wrong."),
  );
  // One sigmoid output: a ≥ 0.5 means class 1; both verdicts occur over these samples.
  const verdicts = new Set<string>();
  for (let seed = 1; seed <= 12; ++seed)
    for (const label of [0, 1]) {
      const one = fixtureInput({
        sizes: [2, 3, 1],
        activation: "tanh",
        output: "sigmoid",
        cost: "cross-entropy",
        seed,
        label,
      });
      const out = one.trace.layers[1]!.a[0]!;
      const sentence = predictionSentence(one);
      const right = (out >= 0.5 ? 1 : 0) === label;
      assert.ok(sentence.endsWith(right ? "right." : "wrong."), sentence);
      assert.match(
        sentence,
        new RegExp(
          `predicts class ${out >= 0.5 ? 1 : 0} .*${out >= 0.5 ? "at least" : "below"} 0\\.5`,
        ),
      );
      assert.deepEqual(outputLabels(one), ["class 1"]);
      verdicts.add(right ? "right" : "wrong");
    }
  assert.deepEqual([...verdicts].sort(), ["right", "wrong"]);
});

test("an update on a test sample is called hypothetical, on a training sample not", () => {
  const input = fixtureInput({
    sizes: [2, 2],
    activation: "tanh",
    output: "softmax",
    cost: "log-likelihood",
  });
  assert.doesNotMatch(updateCaption(input), /hypothetical/);
  input.sample = { set: "test", index: 3 };
  assert.match(updateCaption(input), /hypothetical: the network never trains on test samples/);
});

test("BP2's trend sentence: conditional, no 'explode', and lengths counted in words", () => {
  const sizes = { layerSizes: [2, 5, 1] };
  const out = { layer: 3, path: "layers[1].delta", norm: 0.02 };
  const up = trendSentence(sizes, out, { layer: 2, path: "layers[0].delta", norm: 0.027 }, 1);
  assert.match(up, /^Overall ‖δ‖ grew over 1 layer back from the output; if this repeated/);
  assert.doesNotMatch(up, /explode/);
  assert.match(up, /δ³ has 1 entry, δ² 5\.\)$/);
  const down = trendSentence(sizes, out, { layer: 2, path: "layers[0].delta", norm: 0.01 }, 1);
  assert.match(down, /vanishing gradient/);
});
