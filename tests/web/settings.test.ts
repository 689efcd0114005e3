// The playground's settings (web/src/state/settings.ts): what a link reads as, how an
// inconsistent link is reconciled, and what a change of data set resets.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import { dataSource } from "../../web/src/state/data-sources.js";
import {
  COSTS,
  DEFAULT_SETTINGS,
  HIDDEN_ACTIVATIONS,
  layerSizes,
  OUTPUT_ACTIVATIONS,
  parseSettings,
  presetFor,
  sameRun,
  settingsForDataset,
} from "../../web/src/state/settings.js";

const parse = (text: string) => parseSettings(new URLSearchParams(text));

test("the menus are the catalogue's rows", () => {
  assert.deepEqual(
    HIDDEN_ACTIVATIONS,
    catalogue.activations.filter((a) => a.hidden).map((a) => a.name),
  );
  assert.deepEqual(
    OUTPUT_ACTIVATIONS,
    catalogue.activations.filter((a) => a.output).map((a) => a.name),
  );
  assert.deepEqual(
    COSTS,
    catalogue.costs.map((c) => c.name),
  );
});

test("an empty hash is the defaults", () => {
  assert.deepEqual(parse(""), { value: DEFAULT_SETTINGS, problems: [] });
  assert.equal(DEFAULT_SETTINGS.dataset, "circle");
  assert.deepEqual(layerSizes(DEFAULT_SETTINGS), [2, 6, 6, 1]);
});

test("a link naming only MNIST gets MNIST's network", () => {
  const { value, problems } = parse("dataset=mnist");
  assert.deepEqual(problems, []);
  assert.deepEqual(value, presetFor("mnist"));
  assert.equal(value.output, "softmax");
  assert.equal(value.cost, "log-likelihood");
  assert.deepEqual(layerSizes(value), [784, 30, 10]);
});

test("an output/cost pair the core refuses falls back to the defaults' pair", () => {
  const { value, problems } = parse("output=tanh&cost=cross-entropy");
  assert.equal(value.output, DEFAULT_SETTINGS.output);
  assert.equal(value.cost, DEFAULT_SETTINGS.cost);
  assert.deepEqual(problems, [
    "cost cross-entropy does not fit output tanh; output sigmoid and cost cross-entropy used",
  ]);
  // Every pair of the catalogue is kept as written.
  for (const pair of catalogue.pairs) {
    const r = parse(`output=${pair.output}&cost=${pair.cost}`);
    assert.deepEqual(r.problems, [], `${pair.output}/${pair.cost}`);
    assert.equal(r.value.output, pair.output);
    assert.equal(r.value.cost, pair.cost);
  }
});

test("samples and widths outside the data set's limits fall back to its preset", () => {
  const plane = parse("dataset=xor&samples=5000&hidden=64");
  assert.equal(plane.value.samples, 400);
  assert.deepEqual(plane.value.hidden, [6, 6]);
  assert.deepEqual(plane.problems, [
    "samples: 5000 is outside [50, 2000] for xor; 400 used",
    "hidden: 64 has a layer wider than 32 neurons, the most for xor; 6,6 used",
  ]);
  const digits = parse("dataset=mnist&samples=100&hidden=64,50");
  assert.equal(digits.value.samples, 4000);
  assert.deepEqual(digits.value.hidden, [64, 50]);
  assert.equal(digits.problems.length, 1);
});

test("softmax gets one output unit per class, the others one 0/1 unit on a 2-D set", () => {
  assert.deepEqual(
    layerSizes({ ...DEFAULT_SETTINGS, output: "softmax", cost: "quadratic" }),
    [2, 6, 6, 2],
  );
  assert.deepEqual(
    layerSizes({ ...DEFAULT_SETTINGS, output: "tanh", cost: "quadratic" }),
    [2, 6, 6, 1],
  );
});

test("switching family brings the new family's preset; within a family nothing changes", () => {
  const tuned = {
    ...DEFAULT_SETTINGS,
    hidden: [3],
    activation: "relu" as const,
    dataSeed: 9,
    initSeed: 8,
  };
  const xor = settingsForDataset(tuned, "xor");
  assert.deepEqual(xor, { ...tuned, dataset: "xor" });
  const mnist = settingsForDataset(tuned, "mnist");
  const preset = dataSource("mnist").preset;
  assert.deepEqual(mnist.hidden, preset.hidden);
  assert.equal(mnist.activation, preset.activation);
  assert.equal(mnist.cost, preset.cost);
  assert.equal(mnist.dataSeed, 9, "the seeds are not part of a preset");
  assert.equal(mnist.initSeed, 8, "the seeds are not part of a preset");
  const back = settingsForDataset(mnist, "spiral");
  assert.deepEqual(back, { ...DEFAULT_SETTINGS, dataset: "spiral", dataSeed: 9, initSeed: 8 });
  assert.notEqual(back.hidden, DEFAULT_SETTINGS.hidden, "a copy, not the frozen default's array");
});

test("sameRun ignores training options and notices network changes", () => {
  assert.ok(sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, learningRate: 1, speed: 50 }));
  assert.ok(!sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, hidden: [6, 5] }));
  assert.ok(!sameRun(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, init: "he" }));
});
