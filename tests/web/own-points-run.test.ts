// The worker's side of the learner's own points (web/src/model/own-points.ts): the Dataset a run
// on own-classes / own-values trains on, the copy of a built-in set's points that the first edit
// (or a switch to "your points") starts from, and the refusals that say what to do.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ownDataset, previewPoints, startOwnPoints } from "../../web/src/model/own-points.js";
import type { DataPreview } from "../../web/src/model/protocol.js";
import { addPoint, NO_POINTS, type OwnPoints } from "../../web/src/state/own-points.js";
import { dataSource } from "../../web/src/state/data-sources.js";
import { presetFor, type Settings } from "../../web/src/state/settings.js";

function points(kind: "classes" | "values", rows: [number, number, number][]): OwnPoints {
  return rows.reduce<OwnPoints>((p, [a, b, t]) => addPoint(p, a, b, t), { kind, data: [] });
}

const four: [number, number, number][] = [
  [0.1, 0.2, 0],
  [-0.5, 0.25, 2],
  [1.5, -1.5, 1],
  [0, 0, 0],
];

function settings(dataset: Settings["dataset"], p: OwnPoints, classes = 3): Settings {
  return { ...presetFor(dataset), points: p, classes };
}

test("classes: x as given, one-hot targets for K outputs, 0/1 for one, labels kept", () => {
  const p = points("classes", four);
  const d = ownDataset(settings("own-classes", p), 3);
  assert.equal(d.problem, "classification");
  assert.equal(d.n, 4);
  assert.deepEqual([...d.x], [0.1, 0.2, -0.5, 0.25, 1.5, -1.5, 0, 0].map(Math.fround));
  assert.deepEqual([...d.labels], [0, 2, 1, 0]);
  assert.deepEqual([...d.y], [1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
  const two = points("classes", [
    [0, 0, 0],
    [0, 1, 1],
    [1, 0, 1],
    [1, 1, 0],
  ]);
  assert.deepEqual([...ownDataset(settings("own-classes", two, 2), 1).y], [0, 1, 1, 0]);
});

test("values: labels empty, one output holding each value", () => {
  const p = points("values", [
    [0, 0, -1.25],
    [0.5, 0.5, 0.5],
    [1, 1, 1.5],
    [-1, -1, 0],
  ]);
  const d = ownDataset(settings("own-values", p, 0), 1);
  assert.equal(d.problem, "regression");
  assert.equal(d.labels.length, 0);
  assert.equal(d.outputWidth, 1);
  assert.deepEqual([...d.y], [-1.25, 0.5, 1.5, 0]);
});

test("refusals say what to do: too few points, the other kind, too few outputs", () => {
  const three = points("classes", four.slice(0, 3));
  assert.throws(
    () => ownDataset(settings("own-classes", three), 3),
    /3 so far, a run needs at least 4/,
  );
  assert.throws(() => ownDataset(settings("own-classes", NO_POINTS), 3), /0 so far.*Edit data/);
  const values = points("values", four);
  assert.throws(
    () => ownDataset(settings("own-classes", values), 3),
    /your points have values, but own-classes needs classes/,
  );
  assert.throws(
    () => ownDataset(settings("own-classes", points("classes", four), 2), 1),
    /your points have 3 classes \(0 … 2\) but the run 2: set classes to 3/,
  );
  assert.throws(() => ownDataset(settings("xor", points("classes", four)), 1), /xor is not a set/);
});

const preview: DataPreview = {
  kind: "plane",
  train: {
    x: Float32Array.of(0.123, -0.456, 1, 1),
    labels: Int32Array.of(1, 0),
    values: new Float32Array(0),
  },
  test: { x: Float32Array.of(-2, 0.5), labels: Int32Array.of(1), values: new Float32Array(0) },
};

test("a built-in set's points, copied: training then test points, quantised to 0.01 in ±1.5", () => {
  assert.deepEqual(previewPoints(preview, "classes").data, [12, -46, 1, 100, 100, 0, -150, 50, 1]);
  // As values, a class k becomes the value k.
  assert.deepEqual(
    previewPoints(preview, "values").data,
    [12, -46, 100, 100, 100, 0, -150, 50, 100],
  );
  const digits: DataPreview = {
    kind: "digits",
    digits: { side: 1, pixels: new Float32Array(1), labels: new Int32Array(1) },
    trainCount: 1,
    testCount: 1,
    evalCount: 1,
  };
  assert.equal(previewPoints(digits, "classes").data.length, 0);
});

test("a switch to 'your points' with none starts from the points shown; with some keeps them", () => {
  const started = startOwnPoints(settings("own-classes", NO_POINTS, 2), preview);
  assert.deepEqual(started.points.data, [12, -46, 1, 100, 100, 0, -150, 50, 1]);
  assert.equal(started.classes, 2);
  const own = points("classes", four);
  assert.equal(startOwnPoints(settings("own-classes", own), preview).points, own);
  const builtIn = settings("xor", NO_POINTS, 2);
  assert.equal(startOwnPoints(builtIn, preview), builtIn);
  const noPreview = settings("own-values", NO_POINTS, 0);
  assert.equal(startOwnPoints(noPreview, null), noPreview);
});

test("the own sets take their points as they are: loaded from the points, no noise", () => {
  for (const name of ["own-classes", "own-values"] as const) {
    assert.deepEqual(dataSource(name).load, { from: "points" });
    assert.equal(dataSource(name).noise, false);
  }
});
