// The data-source table (web/src/state/data-sources.ts): one row per data set of the catalogue,
// each consistent with its catalogue row and with the views that can show it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { catalogue } from "gradscope";
import {
  DATA_SOURCES,
  dataSource,
  inputWidth,
  outputWidth,
  WIDEST,
} from "../../web/src/state/data-sources.js";

test("one row per catalogue data set, in the catalogue's order", () => {
  assert.deepEqual(
    DATA_SOURCES.map((s) => s.name),
    catalogue.datasets.map((d) => d.name),
  );
  assert.throws(() => dataSource("moons" as never), /no data source 'moons'/);
});

test("every row agrees with its catalogue row and its input view", () => {
  for (const s of DATA_SOURCES) {
    const shape = s.inputShape.reduce((a, b) => a * b, 1);
    assert.equal(shape, s.info.inputFeatures, s.name);
    assert.equal(inputWidth(s.name), s.info.inputFeatures);
    assert.equal(s.problem, s.info.problem);
    const view = catalogue.view(s.inputView);
    assert.ok((view.dataKinds as readonly string[]).includes(s.info.kind), `${s.name}: ${view.id}`);
    assert.ok(s.sampleRange[0] <= s.preset.samples && s.preset.samples <= s.sampleRange[1]);
    assert.ok(
      s.preset.hidden.every((n) => n <= s.maxNeurons),
      s.name,
    );
    assert.ok(
      catalogue.costsAllowedAfter(s.preset.output).includes(s.preset.cost),
      `${s.name}: preset pair`,
    );
    assert.ok(s.evalSamples === null || s.evalSamples <= s.sampleRange[0]);
    assert.equal(s.load.from === "synthetic", s.info.source === "synthetic");
  }
});

test("MNIST is one row: 28 × 28 images, ten classes, test digits instead of a boundary", () => {
  const mnist = dataSource("mnist");
  assert.deepEqual(mnist.inputShape, [28, 28]);
  assert.equal(mnist.info.classes, 10);
  assert.equal(mnist.inputView, "test-digits");
  assert.deepEqual(mnist.load, { from: "bundled-idx" });
  assert.equal(mnist.noise, false);
  assert.equal(mnist.evalSamples, 1000);
  const circle = dataSource("circle");
  assert.deepEqual(circle.inputShape, [2]);
  assert.equal(circle.inputView, "decision-boundary");
  assert.deepEqual(circle.load, { from: "synthetic", kind: "circle" });
});

test("output widths and the widest limits", () => {
  assert.equal(outputWidth("xor", "sigmoid"), 1);
  assert.equal(outputWidth("xor", "softmax"), 2);
  assert.equal(outputWidth("mnist", "sigmoid"), 10);
  assert.equal(outputWidth("mnist", "softmax"), 10);
  assert.equal(outputWidth("spiral", "softmax", 4), 4);
  assert.equal(outputWidth("spiral", "sigmoid", 2), 1);
  assert.equal(outputWidth("plane", "identity"), 1);
  assert.deepEqual(WIDEST, { classes: 10, samples: [50, 10000], maxNeurons: 100 });
});
