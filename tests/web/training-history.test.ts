// The loss/accuracy and gradient-norm curves' store (web/src/model/training-history.ts): what one
// snapshot adds, and how the store halves itself when full.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { LayerSnapshot, Snapshot } from "../../web/src/model/protocol.js";
import { TrainingHistory } from "../../web/src/model/training-history.js";

function layer(l: number, biasGradNorm: number, weightGradNorm: number): LayerSnapshot {
  return {
    layer: l,
    rows: 1,
    cols: 1,
    weights: new Float32Array(1),
    biases: new Float32Array(1),
    weightGradients: new Float32Array(1),
    biasGradients: new Float32Array(1),
    biasGradNorm,
    weightGradNorm,
    meanAbsActDeriv: 0,
    derivHistogram: { edges: [], counts: [] },
    saturatedFraction: 0,
  };
}

/** A snapshot at `step` whose every number derives from the step, so a kept point is traceable. */
function snapshot(step: number, layers = [2, 3]): Snapshot {
  return {
    step,
    epoch: step / 10,
    train: { loss: step + 0.25, accuracy: step / 1000 },
    test: { loss: step + 0.5, accuracy: step / 2000 },
    layers: layers.map((l) => layer(l, step * l, step * l * 2)),
    input: {
      kind: "plane",
      boundary: {
        resolution: 1,
        extent: 1,
        width: 1,
        values: new Float32Array(1),
        problem: "classification",
      },
    },
  };
}

function fill(history: TrainingHistory, steps: number[]): void {
  for (const s of steps) history.add(snapshot(s));
}

/** Every series of the history, aligned with its steps. */
function assertAligned(h: TrainingHistory): void {
  h.step.forEach((s, i) => {
    assert.equal(h.epoch[i], s / 10);
    assert.equal(h.trainLoss[i], s + 0.25);
    assert.equal(h.testLoss[i], s + 0.5);
    assert.equal(h.trainAccuracy[i], 100 * (s / 1000));
    assert.equal(h.testAccuracy[i], 100 * (s / 2000));
    h.layerNumbers.forEach((l, k) => {
      assert.equal(h.biasNorms[k]?.[i], s * l);
      assert.equal(h.weightNorms[k]?.[i], s * l * 2);
    });
  });
}

test("a snapshot adds one point to every series; accuracies are stored as percentages", () => {
  const h = new TrainingHistory();
  fill(h, [1, 2]);
  assert.equal(h.length, 2);
  assert.deepEqual(h.step, [1, 2]);
  assert.deepEqual(h.layerNumbers, [2, 3]);
  assert.deepEqual(h.trainAccuracy, [0.1, 0.2]);
  assertAligned(h);
});

test("a repeated or older step (a frame sent again after a pause) is ignored", () => {
  const h = new TrainingHistory();
  fill(h, [1, 2, 2, 1]);
  assert.deepEqual(h.step, [1, 2]);
});

test("an exact zero gradient norm is kept as 0 (drawn at the floor); a non-finite one is null", () => {
  const h = new TrainingHistory();
  const s = snapshot(1, [2]);
  s.layers = [layer(2, 0, NaN)];
  h.add(s);
  s.step = 2;
  s.layers = [layer(2, -1, Infinity)];
  h.add(s);
  s.step = 3;
  s.layers = [layer(2, 0.5, 0)];
  h.add(s);
  assert.deepEqual(h.biasNorms, [[0, null, 0.5]]);
  assert.deepEqual(h.weightNorms, [[null, null, 0]]);
});

test("a snapshot with another number of layers (a new network) starts the history afresh", () => {
  const h = new TrainingHistory();
  fill(h, [1, 2, 3]);
  h.add(snapshot(4, [2, 3, 4]));
  assert.deepEqual(h.step, [4]);
  assert.deepEqual(h.layerNumbers, [2, 3, 4]);
  assert.equal(h.biasNorms.length, 3);
  assertAligned(h);
});

test("clear empties every series", () => {
  const h = new TrainingHistory();
  fill(h, [1, 2]);
  h.clear();
  assert.equal(h.length, 0);
  for (const a of [h.epoch, h.trainLoss, h.testLoss, h.trainAccuracy, h.testAccuracy])
    assert.equal(a.length, 0);
  assert.deepEqual(h.layerNumbers, []);
  assert.deepEqual(h.biasNorms, []);
});

test("past capacity every other point is dropped, keeping the first and the newest", () => {
  // Odd length after the overflow: the even positions already end with the newest point.
  const odd = new TrainingHistory(4);
  fill(odd, [1, 2, 3, 4]);
  assert.deepEqual(odd.step, [1, 2, 3, 4], "at capacity nothing is dropped");
  odd.add(snapshot(5));
  assert.deepEqual(odd.step, [1, 3, 5]);
  assertAligned(odd);
  // Even length: the newest point (an odd position) is kept as well.
  const even = new TrainingHistory(5);
  fill(even, [1, 2, 3, 4, 5, 6]);
  assert.deepEqual(even.step, [1, 3, 5, 6]);
  assertAligned(even);
});

test("a long run stays within capacity and spans the whole run", () => {
  const capacity = 50;
  const h = new TrainingHistory(capacity);
  const steps = Array.from({ length: 1000 }, (_, i) => i + 1);
  for (const s of steps) {
    h.add(snapshot(s));
    assert.ok(h.length <= capacity, `step ${s}: ${h.length} points`);
  }
  assert.equal(h.step[0], 1);
  assert.equal(h.step[h.length - 1], 1000);
  assert.ok(h.length > capacity / 2, `only ${h.length} points kept`);
  for (let i = 1; i < h.length; ++i) assert.ok((h.step[i] as number) > (h.step[i - 1] as number));
  assertAligned(h);
});

test("a fast-forward's recorded points come before its snapshot, and a repeat is not added twice", () => {
  const h = new TrainingHistory();
  for (const step of [0, 100, 200]) {
    h.addPoint({
      step,
      epoch: step / 10,
      train: { loss: 1, accuracy: 0.5 },
      test: { loss: 2, accuracy: 0.25 },
      biasNorms: [step + 1, 0],
      weightNorms: [step + 2, Number.NaN],
    });
  }
  h.add(snapshot(300));
  h.add(snapshot(300));
  assert.deepEqual(h.step, [0, 100, 200, 300]);
  assert.deepEqual(h.layerNumbers, [2, 3]);
  assert.deepEqual(h.biasNorms[0], [1, 101, 201, 600]);
  // An exact 0 is kept, a NaN is null.
  assert.deepEqual(h.biasNorms[1], [0, 0, 0, 900]);
  assert.deepEqual(h.weightNorms[1], [null, null, null, 1800]);
  assert.deepEqual(h.testAccuracy, [25, 25, 25, 15]);
});
