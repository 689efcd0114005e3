// What a run reports beside its loss, by its problem (model/evaluation.ts and its readers): a
// classification its accuracy, a regression its MSE and R² and never an accuracy — in the status
// line, the <gradscope-run> step event, the training history and the loss card.
import assert from "node:assert/strict";
import { test } from "node:test";
import { stepDetail } from "../../web/src/elements/run-events.js";
import { lossCaption, lossCardTitle } from "../../web/src/cards/time-chart-cards.js";
import { isValueEvaluation, pageEvaluation } from "../../web/src/model/evaluation.js";
import {
  boundaryGrid,
  curveGrid,
  lineInputs,
  planeInputs,
} from "../../web/src/model/output-grids.js";
import type { Evaluation, Snapshot } from "../../web/src/model/protocol.js";
import { TrainingHistory } from "../../web/src/model/training-history.js";
import { measureText, snapshotStatus } from "../../web/src/run/run-status.js";
import { catalogue } from "gradscope";
import { lossChartTitle } from "../../web/src/views/loss-accuracy-chart.js";

function snapshot(step: number, train: Evaluation, test: Evaluation): Snapshot {
  return {
    step,
    epoch: step / 10,
    train,
    test,
    layers: [],
    input: {
      kind: "line",
      curve: { extent: 1.5, x: new Float32Array(1), values: new Float32Array(1) },
    },
  };
}

test("the package's evaluation becomes the problem's figures, and only those", () => {
  assert.deepEqual(pageEvaluation({ loss: 0.5, accuracy: 0.75 }, "classification"), {
    loss: 0.5,
    accuracy: 0.75,
  });
  assert.deepEqual(pageEvaluation({ loss: 0.1, mse: 0.2, r2: 0.9 }, "regression"), {
    loss: 0.1,
    mse: 0.2,
    r2: 0.9,
  });
  assert.throws(
    () => pageEvaluation({ loss: 0.1, accuracy: 1 }, "regression"),
    /regression run's evaluation has no mse and r2/,
  );
  assert.throws(
    () => pageEvaluation({ loss: 0.1, mse: 0.2, r2: 0.9 }, "classification"),
    /has no accuracy/,
  );
  assert.equal(isValueEvaluation({ loss: 1, mse: 1, r2: 0 }), true);
  assert.equal(isValueEvaluation({ loss: 1, accuracy: 0 }), false);
});

test("status line, step event and history of a regression run: R² and MSE, no accuracy", () => {
  const s = snapshot(
    20,
    { loss: 0.01, mse: 0.02, r2: 0.987654 },
    { loss: 0.02, mse: 0.04, r2: NaN },
  );
  const status = snapshotStatus(s);
  assert.match(status, /train loss 0\.0100, R² 0\.988 \(MSE 0\.02\)/);
  assert.match(status, /test R² undefined \(constant targets\) \(MSE 0\.04\)/);
  assert.doesNotMatch(status, /accuracy/);
  assert.deepEqual(stepDetail(s).train, { loss: 0.01, mse: 0.02, r2: 0.987654 });
  assert.ok(!("accuracy" in stepDetail(s).test));
  const diverged = snapshotStatus(
    snapshot(3, { loss: NaN, mse: NaN, r2: NaN }, { loss: NaN, mse: NaN, r2: NaN }),
  );
  assert.match(diverged, /R² and test R² mean nothing now/);
  assert.doesNotMatch(diverged, /accuracy/);
  const h = new TrainingHistory();
  h.add(s);
  h.add(snapshot(30, { loss: 0.01, mse: 0.01, r2: 0.5 }, { loss: 0.02, mse: 0.03, r2: 0.25 }));
  assert.equal(h.measure, "r2");
  assert.deepEqual(h.trainR2, [0.987654, 0.5]);
  assert.deepEqual(h.testR2, [null, 0.25]);
  assert.deepEqual(h.trainAccuracy, [null, null]);
  // A classification run after it: accuracy again.
  h.clear();
  h.add(snapshot(1, { loss: 1, accuracy: 0.5 }, { loss: 1, accuracy: 0.25 }));
  assert.equal(h.measure, "accuracy");
  assert.deepEqual(h.testAccuracy, [25]);
  assert.deepEqual(h.testR2, [null]);
  assert.equal(measureText({ loss: 1, accuracy: 0.5 }), "accuracy 50.0%");
});

test("the loss card names R² for every regression set and accuracy for every other", () => {
  for (const d of catalogue.datasets) {
    const text = lossCaption({ dataset: d.name });
    assert.equal(/R²/.test(text), d.problem === "regression", d.name);
    assert.equal(/classified/.test(text), d.problem !== "regression", d.name);
    const title = lossCardTitle({ dataset: d.name });
    assert.equal(title, d.problem === "regression" ? "Loss and R²" : "Loss and accuracy", d.name);
  }
  assert.equal(lossCardTitle({ dataset: "plane" }), "Loss and R²");
  assert.equal(lossCardTitle({ dataset: "sine" }), "Loss and R²");
  assert.equal(lossCardTitle({ dataset: "circle" }), "Loss and accuracy");
  assert.equal(lossChartTitle("r2"), "Loss and R²: training (solid) and test (dashed)");
  assert.equal(lossChartTitle("accuracy"), "Loss and accuracy: training (solid) and test (dashed)");
});

test("the output grids: cell centres over the plane, x along the line, outputs by width", () => {
  const x = planeInputs(4, 1);
  assert.deepEqual([...x.slice(0, 4)], [-0.75, 0.75, -0.25, 0.75]);
  assert.deepEqual([...x.slice(-2)], [0.75, -0.75]);
  const line = lineInputs(5, 1.5);
  assert.deepEqual([...line], [-1.5, -0.75, 0, 0.75, 1.5]);
  assert.equal(boundaryGrid(new Float32Array(3 * 16), "classification", 4, 1).width, 3);
  assert.throws(
    () => boundaryGrid(new Float32Array(17), "regression", 4, 1),
    /do not fill a 4 × 4/,
  );
  assert.throws(() => curveGrid(line, new Float32Array(4)), /one output per x: 4 for 5/);
});
