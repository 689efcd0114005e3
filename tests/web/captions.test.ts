// The sentences the playground states about its configuration (web/src/views/captions.ts), checked
// over every hidden activation × (output, cost) pair × depth the catalogue and settings allow: no
// sigmoid ceiling under tanh or ReLU, no "at least 4" overclaim, the output layer as BP1 treats it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import {
  activationCaption,
  boundText,
  derivativeCaption,
  drawnLayers,
  gradientCaption,
  lowDerivativeWord,
  maxDerivativeMarker,
  outputTreatment,
  saturationAxisLabel,
  saturationSummary,
  saturationTitle,
  type CaptionSettings,
} from "../../web/src/views/captions.js";
import { HIDDEN_ACTIVATIONS, MAX_HIDDEN_LAYERS } from "../../web/src/state/settings.js";

/** Every configuration the captions can meet. */
function* everySetting(): Generator<CaptionSettings> {
  for (const activation of HIDDEN_ACTIVATIONS)
    for (const { output, cost } of catalogue.pairs)
      for (let depth = 0; depth <= MAX_HIDDEN_LAYERS; ++depth)
        yield { activation, output, cost, hidden: Array.from({ length: depth }, () => 4) };
}

test("boundText writes the catalogue's ceilings as the page should", () => {
  assert.equal(boundText(0.25), "1/4");
  assert.equal(boundText(1), "1");
  assert.equal(boundText(0.01), "0.01");
  assert.equal(boundText(0.5), "1/2");
});

test("the activation caption states the chosen activation's own ceiling, never sigmoid's", () => {
  let checked = 0;
  for (const s of everySetting()) {
    const a = catalogue.activation(s.activation);
    const text = activationCaption(s);
    const where = `${s.activation}, ${s.hidden.length} hidden`;
    assert.doesNotMatch(text, /at least 4/, where); // |w σ'| ≤ |w|/4: no bound without |w|
    if (a.maxDerivative !== 0.25) assert.doesNotMatch(text, /1\/4|sigmoid/, where);
    if (a.derivativeRange[0] !== a.derivativeRange[1])
      assert.ok(text.includes(`never exceeds ${boundText(a.maxDerivative)}`), where);
    else assert.ok(text.includes("for every z"), where);
    if (a.maxDerivative < 1) assert.ok(text.includes("only while |w| ≤ 1"), where);
    assert.ok(text.includes(catalogue.activation(s.activation).symbol + "′"), where);
    if (a.zeroDerivative === "dead") assert.match(text, /inactive \(dead\)/, where);
    else assert.doesNotMatch(text, /dead/, where);
    if (a.zeroDerivative === "saturated") assert.match(text, /saturated/, where);
    else assert.doesNotMatch(text, /saturated/, where);
    const n = s.hidden.length;
    if (n > 1) assert.ok(text.includes(`each of the ${n} hidden layers`), where);
    if (n === 0) assert.match(text, /no hidden layer/, where);
    ++checked;
  }
  assert.equal(checked, HIDDEN_ACTIVATIONS.length * catalogue.pairs.length * 11);
});

test("the σ′ card shows the output layer as BP1 treats it for the cost", () => {
  for (const s of everySetting()) {
    const L = s.hidden.length + 2;
    const bp1 = catalogue.pair(s.output, s.cost)?.bp1;
    const text = derivativeCaption(s);
    const out = outputTreatment(s.output, s.cost, L);
    const where = `${s.output}+${s.cost}, ${s.hidden.length} hidden`;
    assert.equal(out.bp1, bp1, where);
    assert.equal(out.drawn, bp1 !== "shortcut", where);
    const layers = drawnLayers(s);
    assert.equal(layers.includes(L), bp1 !== "shortcut", where);
    assert.equal(layers.filter((l) => l < L).length, s.hidden.length, where);
    if (bp1 === "shortcut") {
      assert.ok(text.includes("cancels σ′(zᴸ)") && text.includes("δᴸ = aᴸ − y"), where);
      assert.ok(out.label.includes("cancels: δᴸ = aᴸ − y"), where);
    } else {
      assert.doesNotMatch(text, /cancels/, where);
      assert.doesNotMatch(out.label, /cancels/, where);
    }
    if (bp1 === "softmax-jacobian") {
      assert.match(text, /diagonal/, where);
      assert.match(out.label, /Jacobian's diagonal/, where);
    }
    if (bp1 === "hadamard") assert.ok(text.includes(`(zᴸ) too`), where);
    if (s.hidden.length > 0) assert.ok(text.includes(`l = 2 … ${L - 1}`), where);
  }
});

test("σ′ = 0 is 'inactive (dead)' for ReLU and 'saturated' for σ and tanh", () => {
  assert.equal(lowDerivativeWord("relu"), "inactive (dead)");
  assert.equal(lowDerivativeWord("sigmoid"), "saturated");
  assert.equal(lowDerivativeWord("tanh"), "saturated");
  assert.equal(lowDerivativeWord("identity"), null);
  for (const s of everySetting()) {
    const title = saturationTitle(s);
    const a = catalogue.activation(s.activation);
    if (a.zeroDerivative === "dead") {
      assert.match(title, /^Inactive \(dead\)/);
      assert.doesNotMatch(title, /aturated/);
    } else if (a.zeroDerivative === "saturated") {
      assert.match(title, /^Saturated/);
      assert.ok(title.includes(`maximum ${boundText(a.maxDerivative)})`), s.activation);
    } else assert.match(title, /never/);
  }
});

test("the saturation axis names the same thing as the title", () => {
  const base = { output: "sigmoid", cost: "quadratic", hidden: [3] } as const;
  assert.equal(saturationAxisLabel({ ...base, activation: "relu" }), "% inactive");
  assert.equal(saturationAxisLabel({ ...base, activation: "sigmoid" }), "% saturated");
  assert.equal(saturationAxisLabel({ ...base, activation: "tanh" }), "% saturated");
  assert.equal(saturationAxisLabel({ ...base, activation: "identity" }), "% below 1%");
});

test("an all-zero saturation chart says so in words", () => {
  for (const s of everySetting()) {
    const shares = drawnLayers(s).map((layer) => ({ layer, share: 0 }));
    const text = saturationSummary(s, shares);
    const where = `${s.activation} ${s.output}+${s.cost} ${s.hidden.length}`;
    if (shares.length > 0) assert.match(text, /^All bars are 0 %/, where);
    const word = lowDerivativeWord(s.activation);
    if (shares.length > 0 && word) assert.ok(text.includes(`no unit is ${word}`), where);
    if (!outputTreatment(s.output, s.cost, s.hidden.length + 2).drawn)
      assert.match(text, /left out: its σ′ cancels/, where);
  }
  const relu: CaptionSettings = {
    activation: "relu",
    output: "sigmoid",
    cost: "cross-entropy",
    hidden: [4, 4],
  };
  assert.equal(
    saturationSummary(relu, [
      { layer: 2, share: 0.1 },
      { layer: 3, share: 0.375 },
    ]),
    "Most inactive (dead): layer 3, 37.5 % of units × samples. " +
      "The output layer l = 4 is left out: its σ′ cancels.",
  );
});

/** σ'(z) of each element-wise activation, written independently of the core. */
const DERIVATIVE: Record<string, (z: number) => number> = {
  sigmoid: (z) => {
    const s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  },
  tanh: (z) => 1 - Math.tanh(z) ** 2,
  relu: (z) => (z > 0 ? 1 : 0),
  "leaky-relu": (z) => (z > 0 ? 1 : 0.01),
  identity: () => 1,
};

test("the max-derivative marker follows the chosen activation", () => {
  const z = Array.from({ length: 201 }, (_, i) => (i - 100) / 20);
  for (const name of HIDDEN_ACTIVATIONS) {
    const f = DERIVATIVE[name];
    assert.ok(f, `no reference derivative for ${name}`);
    const derivative = z.map(f);
    const m = maxDerivativeMarker(name, z, derivative);
    const a = catalogue.activation(name);
    assert.equal(m.value, a.maxDerivative, name);
    assert.ok(m.index >= 0, name);
    assert.ok(Math.abs((derivative[m.index] ?? NaN) - a.maxDerivative) < 1e-9, name);
    assert.ok(m.label.startsWith(`max ${a.symbol}′ = ${boundText(a.maxDerivative)}`), m.label);
    if (name !== "sigmoid") assert.doesNotMatch(m.label, /1\/4/, name);
  }
  const sigmoidZ = z.map(DERIVATIVE.sigmoid ?? (() => NaN));
  assert.equal(maxDerivativeMarker("sigmoid", z, sigmoidZ).label, "max σ′ = 1/4 = σ′(0)");
  assert.equal(
    z[maxDerivativeMarker("relu", z, z.map(DERIVATIVE.relu ?? (() => NaN))).index],
    0.05,
  );
});

test("the gradient caption names the chosen activation's ceiling and claims no direction", () => {
  let checked = 0;
  for (const s of everySetting()) {
    const text = gradientCaption(s);
    const L = s.hidden.length + 2;
    assert.ok(text.startsWith(`How fast each layer learns: ‖∂C/∂bˡ‖ for l = 2 … ${L}.`), text);
    // The old fixed text claimed deep sigmoid slowness over any activation's chart.
    assert.doesNotMatch(text, /far slower|sigmoid/);
    if (s.hidden.length === 0) {
      assert.doesNotMatch(text, /BP2/);
    } else {
      const a = catalogue.activation(s.activation);
      assert.ok(text.includes(`w ${a.symbol}′(z) (BP2)`), text);
      assert.ok(text.includes(boundText(a.maxDerivative)), text);
      assert.ok(text.includes("below 1 slow") && text.includes("above 1 speed"), text);
    }
    checked++;
  }
  assert.ok(checked > 0);
});
