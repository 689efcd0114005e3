// The network diagram's feature toggles (web/src/views/feature-toggles.ts): adding and removing
// inputs keeps the catalogue's order, the last input cannot be removed, and the sentence names the
// chosen features; the settings round-trip the `features` key; the backprop view labels a¹.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue, type FeatureName } from "gradscope";
import { inputsSentence, label, toggledFeatures } from "../../web/src/views/feature-toggles.js";
import { featureLabels, takesFeatures } from "../../web/src/model/feature-labels.js";
import {
  layerSizes,
  parseSettings,
  presetFor,
  SETTINGS_TABLE,
} from "../../web/src/state/settings.js";
import { writeParams } from "../../web/src/state/url-table.js";
import { backpropSteps } from "../../web/src/backprop/backprop-steps.js";
import { fixtureInput } from "./backprop-fixtures.js";

const ALL = catalogue.features.map((f) => f.name);

test("toggling adds in the catalogue's order and removes; the last input stays", () => {
  let on: FeatureName[] = ["x1", "x2"];
  const add = (name: FeatureName) => {
    const r = toggledFeatures(on, name);
    assert.ok(r.ok, name);
    on = r.features;
  };
  add("sinx2");
  add("x1sq");
  assert.deepEqual(on, ["x1", "x2", "x1sq", "sinx2"]);
  add("x1");
  add("x2");
  add("sinx2");
  assert.deepEqual(on, ["x1sq"]);
  const last = toggledFeatures(on, "x1sq");
  assert.equal(last.ok, false);
  assert.match(!last.ok ? last.message : "", /x₁² is the only input/);
  // Every subset reached by toggles is in catalogue order, whichever order the clicks came in.
  for (const order of [ALL, [...ALL].reverse()]) {
    let s: FeatureName[] = ["x1"];
    for (const f of order) {
      const r = toggledFeatures(s, f);
      if (r.ok) s = r.features;
      assert.deepEqual(
        s,
        ALL.filter((n) => s.includes(n)),
      );
    }
  }
});

test("labels and the inputs sentence come from catalogue.features", () => {
  for (const f of catalogue.features) assert.equal(label(f.name), f.label);
  assert.deepEqual(featureLabels(["x1", "x1x2", "sinx1"]), ["x₁", "x₁x₂", "sin x₁"]);
  assert.equal(inputsSentence(["x1"]), "The network's 1 input: x₁.");
  assert.equal(inputsSentence(["x1sq", "x2sq"]), "The network's 2 inputs: x₁², x₂².");
});

test("a plane set takes features: the URL key round-trips and sets the input width", () => {
  for (const d of catalogue.datasets) {
    const s = { ...presetFor(d.name), features: ["x1", "x2", "x1sq"] as FeatureName[] };
    assert.equal(takesFeatures(s), d.kind === "plane", d.name);
    const width = layerSizes(s)[0];
    assert.equal(width, d.kind === "plane" ? 3 : d.inputFeatures, d.name);
  }
  const s = { ...presetFor("circle"), features: ["x1", "x1sq", "sinx2"] as FeatureName[] };
  const params = new URLSearchParams();
  writeParams(SETTINGS_TABLE, s, params);
  assert.equal(params.get("features"), "x1,x1sq,sinx2");
  const back = parseSettings(params);
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.value.features, ["x1", "x1sq", "sinx2"]);
  // An unknown feature is refused by name.
  const bad = parseSettings(new URLSearchParams("features=x1,x3"));
  assert.ok(
    bad.problems.some((p) => /x3/.test(p)),
    bad.problems.join("; "),
  );
});

test("the backprop view labels a¹'s entries with the chosen features", () => {
  const base = {
    sizes: [3, 2, 1],
    activation: "tanh",
    output: "sigmoid",
    cost: "cross-entropy",
  } as const;
  const input = fixtureInput({ ...base, features: ["x1", "x2sq", "sinx1"] });
  const forward = backpropSteps(input)[0]!;
  const a1 = forward.lines
    .flat()
    .flatMap((t) => (t.kind === "array" ? [t.array] : []))
    .find((a) => a.path === "input");
  assert.deepEqual(a1?.rowLabels, ["x₁", "x₂²", "sin x₁"]);
  // Without features (MNIST, a line set) a¹ has no labels.
  const plain = backpropSteps(fixtureInput(base))[0]!;
  const p1 = plain.lines
    .flat()
    .flatMap((t) => (t.kind === "array" ? [t.array] : []))
    .find((a) => a.path === "input");
  assert.equal(p1?.rowLabels, undefined);
  // aᵀ drawn as a row in BP3/BP4 carries no row labels (it has one row).
  for (const step of backpropSteps(input)) {
    for (const t of step.lines.flat()) {
      if (t.kind === "outer") assert.equal(t.top.rowLabels, undefined, step.id);
    }
  }
});
