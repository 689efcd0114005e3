// The details of <gradscope-run>'s events (web/src/elements/run-events.ts): the snapshot's
// summary numbers, and one diverged event per run.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Snapshot } from "../../web/src/model/protocol.js";
import { divergedDetail, RunEventLog, stepDetail } from "../../web/src/elements/run-events.js";

function snapshot(step: number, trainLoss: number, testLoss: number): Snapshot {
  return {
    step,
    epoch: step / 40,
    train: { loss: trainLoss, accuracy: 0.75 },
    test: { loss: testLoss, accuracy: 0.5 },
    layers: [],
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

test("a step's detail is the snapshot's step, epoch, losses and accuracies, and nothing else", () => {
  assert.deepEqual(stepDetail(snapshot(200, 0.25, 0.5)), {
    step: 200,
    epoch: 5,
    train: { loss: 0.25, accuracy: 0.75 },
    test: { loss: 0.5, accuracy: 0.5 },
  });
});

test("a run diverges when either loss is not finite", () => {
  assert.equal(divergedDetail(snapshot(1, 0.2, 0.3)), null);
  for (const [a, b] of [
    [NaN, 0.3],
    [0.2, Infinity],
    [-Infinity, NaN],
  ] as const) {
    assert.deepEqual(divergedDetail(snapshot(9, a, b)), {
      step: 9,
      train: { loss: a },
      test: { loss: b },
    });
  }
});

test("the diverged event fires once per run; a new run may fire it again", () => {
  const log = new RunEventLog();
  assert.equal(log.events(snapshot(1, 0.2, 0.3)).diverged, null);
  assert.deepEqual(log.events(snapshot(2, NaN, NaN)).diverged?.step, 2);
  const again = log.events(snapshot(2, NaN, NaN));
  assert.equal(again.diverged, null);
  assert.equal(again.step.step, 2);
  log.newRun();
  assert.deepEqual(log.events(snapshot(5, Infinity, 1)).diverged?.step, 5);
});
