// The backprop stepper's steps (web/src/backprop/backprop-steps.ts) over every hidden activation ×
// (output, cost) pair × 0–3 hidden layers: the steps in the notes' order, every array shown is the
// trace's own (its data-path names the field holding exactly those values), shapes and transposes
// address the right entries, the TeX parses, and the highlighted layers exist.
import assert from "node:assert/strict";
import { test } from "node:test";
import katex from "katex";
import {
  catalogue,
  type ActivationName,
  type CostName,
  type HiddenActivationName,
} from "gradscope";
import { HIDDEN_ACTIVATIONS } from "../../web/src/state/settings.js";
import {
  backpropSteps,
  stepShapeKey,
  type ShownArray,
  type Step,
} from "../../web/src/backprop/backprop-steps.js";
import { entryIndex } from "../../web/src/backprop/array-layout.js";
import { arrayAtPath, fixtureInput, outputUnits } from "./backprop-fixtures.js";

interface Setting {
  activation: HiddenActivationName;
  output: ActivationName;
  cost: CostName;
  sizes: number[];
}

function* everySetting(): Generator<Setting> {
  for (const activation of HIDDEN_ACTIVATIONS)
    for (const { output, cost } of catalogue.pairs)
      for (let depth = 0; depth <= 3; ++depth)
        yield {
          activation,
          output,
          cost,
          sizes: [2, ...Array.from({ length: depth }, (_, i) => 3 + i), outputUnits(output)],
        };
}

function arraysOf(step: Step): ShownArray[] {
  return step.lines.flat().flatMap((t) => {
    if (t.kind === "array") return [t.array];
    if (t.kind === "outer") return [t.product, t.left, t.top];
    return [];
  });
}

function parses(tex: string): boolean {
  katex.renderToString(tex, { throwOnError: true, strict: "error" });
  return true;
}

test("the steps follow the notes: forward per layer, BP1, BP2 going back, BP3/BP4, update", () => {
  let checked = 0;
  for (const s of everySetting()) {
    const input = fixtureInput({ ...s, seed: 3 });
    const L = s.sizes.length;
    const ids = backpropSteps(input).map((step) => step.id);
    const expected = [
      ...Array.from({ length: L - 1 }, (_, i) => `forward-${i + 2}`),
      "bp1",
      ...Array.from({ length: L - 2 }, (_, i) => `bp2-${L - 1 - i}`),
      ...Array.from({ length: L - 1 }, (_, i) => `bp34-${L - i}`),
      "update",
    ];
    assert.deepEqual(ids, expected, JSON.stringify(s));
    ++checked;
  }
  assert.equal(checked, HIDDEN_ACTIVATIONS.length * catalogue.pairs.length * 4);
});

test("every array a step shows is the trace's own, with its path and a shape that fits", () => {
  for (const s of everySetting()) {
    const input = fixtureInput({ ...s, seed: 5 });
    for (const step of backpropSteps(input)) {
      for (const array of arraysOf(step)) {
        const field = arrayAtPath(input.trace, array.path);
        assert.ok(field, `${step.id}: ${array.path} names no trace array`);
        assert.equal(array.values, field, `${step.id}: ${array.name} is not ${array.path}`);
        assert.equal(array.rows * array.cols, field.length, `${step.id}: ${array.name} shape`);
      }
    }
  }
});

test("the arrays each step shows are the ones its equation names", () => {
  const input = fixtureInput({
    sizes: [2, 3, 4, 2],
    activation: "tanh",
    output: "sigmoid",
    cost: "quadratic",
  });
  const steps = new Map(backpropSteps(input).map((s) => [s.id, s]));
  const paths = (id: string) => arraysOf(steps.get(id)!).map((a) => a.path);
  assert.deepEqual(paths("forward-2"), [
    "layers[0].weights",
    "input",
    "layers[0].biases",
    "layers[0].z",
    "layers[0].z",
    "layers[0].a",
  ]);
  assert.deepEqual(paths("forward-3"), [
    "layers[1].weights",
    "layers[0].a",
    "layers[1].biases",
    "layers[1].z",
    "layers[1].z",
    "layers[1].a",
  ]);
  assert.deepEqual(paths("bp1"), [
    "layers[2].a",
    "target",
    "layers[2].costGradient",
    "layers[2].costGradient",
    "layers[2].activationDerivative",
    "layers[2].delta",
  ]);
  assert.deepEqual(paths("bp2-2"), [
    "layers[1].weights",
    "layers[1].delta",
    "layers[0].weightedError",
    "layers[0].weightedError",
    "layers[0].activationDerivative",
    "layers[0].delta",
  ]);
  assert.deepEqual(paths("bp34-3"), [
    "layers[1].delta",
    "layers[1].biasGradient",
    "layers[1].weightGradient",
    "layers[1].delta",
    "layers[0].a",
  ]);
  assert.deepEqual(paths("update").slice(0, 5), [
    "layers[0].weights",
    "layers[0].weightGradient",
    "updated[0].weights",
    "layers[0].biases",
    "layers[0].biasGradient",
  ]);
  const bp2 = steps.get("bp2-2")!;
  assert.deepEqual(
    bp2.norms?.map((n) => n.layer),
    [4, 3, 2],
  );
  const shortcut = fixtureInput({
    sizes: [2, 3, 2],
    activation: "relu",
    output: "sigmoid",
    cost: "cross-entropy",
  });
  const bp1 = backpropSteps(shortcut).find((s) => s.id === "bp1")!;
  assert.deepEqual(
    arraysOf(bp1).map((a) => a.path),
    [
      "layers[1].costGradient",
      "layers[1].activationDerivative",
      "layers[1].delta",
      "layers[1].a",
      "target",
      "layers[1].delta",
    ],
  );
  const ll = fixtureInput({
    sizes: [2, 3],
    activation: "relu",
    output: "softmax",
    cost: "log-likelihood",
  });
  const bp1ll = backpropSteps(ll).find((s) => s.id === "bp1")!;
  assert.deepEqual(
    arraysOf(bp1ll).map((a) => a.path),
    [
      "layers[0].delta",
      "layers[0].outputJacobian",
      "layers[0].costGradient",
      "layers[0].activationDerivative",
      "layers[0].a",
      "target",
      "layers[0].delta",
    ],
  );
  const jac = fixtureInput({
    sizes: [2, 3, 3],
    activation: "relu",
    output: "softmax",
    cost: "cross-entropy",
  });
  const bp1j = backpropSteps(jac).find((s) => s.id === "bp1")!;
  assert.ok(
    arraysOf(bp1j).some(
      (a) => a.path === "layers[1].outputJacobian" && a.rows === 3 && a.cols === 3,
    ),
  );
  const costs = bp1j.lines.flat().filter((t) => t.kind === "scalar");
  assert.deepEqual(
    costs.map((t) => t.kind === "scalar" && t.path),
    ["cost"],
  );
});

test("(w^(l+1))ᵀ in BP2 addresses w's entries transposed", () => {
  const input = fixtureInput({
    sizes: [2, 3, 4],
    activation: "sigmoid",
    output: "identity",
    cost: "quadratic",
  });
  const bp2 = backpropSteps(input).find((s) => s.id === "bp2-2")!;
  const wT = arraysOf(bp2)[0]!;
  assert.equal(wT.transposed, true);
  assert.equal(wT.rows, 3); // n_2
  assert.equal(wT.cols, 4); // n_3
  const w = input.trace.layers[1]!.weights; // 4 × 3, row-major
  for (let r = 0; r < 3; ++r)
    for (let c = 0; c < 4; ++c) assert.equal(wT.values[entryIndex(wT, r, c)], w[c * 3 + r]);
  // The product (wᵀ δ) drawn is the trace's weightedError: check it against the entries drawn.
  const delta = input.trace.layers[1]!.delta;
  const we = input.trace.layers[0]!.weightedError!;
  for (let r = 0; r < 3; ++r) {
    let s = 0;
    for (let c = 0; c < 4; ++c) s += wT.values[entryIndex(wT, r, c)]! * delta[c]!;
    assert.ok(Math.abs(s - we[r]!) < 1e-5, `row ${r}`);
  }
});

test("every step's TeX, operators and array names parse in KaTeX", () => {
  for (const s of everySetting()) {
    for (const l2 of [0, 0.1]) {
      const input = fixtureInput({ ...s, l2, learningRate: l2 ? 1e-3 : 0.5 });
      for (const step of backpropSteps(input)) {
        assert.ok(parses(step.tex), step.id);
        for (const t of step.lines.flat()) {
          if (t.kind === "op" || t.kind === "scalar") assert.ok(parses(t.tex));
          if (t.kind === "array") assert.ok(parses(t.array.tex));
          if (t.kind === "outer")
            for (const a of [t.product, t.left, t.top]) assert.ok(parses(a.tex));
        }
      }
    }
  }
});

test("the update names the decay factor exactly when λ > 0", () => {
  const base = {
    sizes: [2, 3, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "cross-entropy",
  } as const;
  const plain = backpropSteps(fixtureInput(base)).at(-1)!;
  const decayed = backpropSteps(fixtureInput({ ...base, l2: 5 })).at(-1)!;
  assert.doesNotMatch(plain.tex, /lambda/);
  assert.match(decayed.tex, /\\eta\\lambda/);
  assert.equal(plain.lines.flat().filter((t) => t.kind === "op" && /lambda/.test(t.tex)).length, 0);
  assert.equal(
    decayed.lines.flat().filter((t) => t.kind === "op" && /lambda/.test(t.tex)).length,
    2,
  );
});

test("highlights name existing layers: the step's own layer and its neighbour", () => {
  for (const s of everySetting()) {
    const L = s.sizes.length;
    for (const step of backpropSteps(fixtureInput(s))) {
      for (const l of step.neurons) assert.ok(l >= 1 && l <= L, `${step.id} neurons ${l}`);
      for (const l of step.weights) assert.ok(l >= 2 && l <= L, `${step.id} weights ${l}`);
      if (step.kind === "bp2") assert.deepEqual(step.weights, [step.layer + 1]);
      if (step.kind === "forward" || step.kind === "bp34")
        assert.deepEqual(step.weights, [step.layer]);
      if (step.kind === "update") assert.equal(step.weights.length, L - 1);
    }
  }
});

test("MNIST-sized input: a 784 vector is an image of 28 × 28; a step without update when untraced", () => {
  const input = fixtureInput({
    sizes: [784, 30, 10],
    activation: "sigmoid",
    output: "sigmoid",
    cost: "cross-entropy",
  });
  const first = backpropSteps(input)[0]!;
  const x = arraysOf(first).find((a) => a.path === "input")!;
  assert.deepEqual(x.image, { width: 28, height: 28 });
  const small = arraysOf(first).find((a) => a.path === "layers[0].z")!;
  assert.equal(small.image, undefined);
  const { updated: _u, costAfter: _c, ...bare } = input.trace;
  const steps = backpropSteps({ ...input, trace: bare });
  assert.notEqual(steps.at(-1)!.id, "update");
});

test("the shape key keeps the step across traces of one network, not across networks", () => {
  const a = fixtureInput({
    sizes: [2, 3, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "quadratic",
    seed: 1,
  });
  const b = fixtureInput({
    sizes: [2, 3, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "quadratic",
    seed: 2,
  });
  const c = fixtureInput({
    sizes: [2, 4, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "quadratic",
  });
  assert.equal(stepShapeKey(a), stepShapeKey(b));
  assert.notEqual(stepShapeKey(a), stepShapeKey(c));
});

test("a trace that does not fit the layer sizes is refused with a message", () => {
  const input = fixtureInput({
    sizes: [2, 3, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "quadratic",
  });
  assert.throws(
    () => backpropSteps({ ...input, layerSizes: [2, 4, 1] }),
    /layers\[0\]\.z has 3 values/,
  );
  assert.throws(
    () => backpropSteps({ ...input, layerSizes: [2, 3, 3, 1] }),
    /the trace has 2 layers/,
  );
});

test("the steps together show every field of the trace", () => {
  for (const s of everySetting()) {
    const input = fixtureInput(s);
    const t = input.trace;
    const shown = new Set<string>();
    for (const step of backpropSteps(input)) {
      for (const a of arraysOf(step)) shown.add(a.path);
      for (const term of step.lines.flat()) if (term.kind === "scalar") shown.add(term.path);
    }
    const fields = ["input", "target", "cost", "costAfter"];
    t.layers.forEach((layer, i) => {
      for (const [key, value] of Object.entries(layer)) {
        if (value instanceof Float32Array) fields.push(`layers[${i}].${key}`);
      }
    });
    t.updated?.forEach((_, i) => fields.push(`updated[${i}].weights`, `updated[${i}].biases`));
    for (const f of fields) assert.ok(shown.has(f), `${JSON.stringify(s)}: ${f} is never shown`);
  }
});
