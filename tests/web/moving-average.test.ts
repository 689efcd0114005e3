import assert from "node:assert/strict";
import { test } from "node:test";
import { movingAverage, SMOOTHING_WINDOWS } from "../../web/src/views/moving-average.js";

test("a trailing mean over the window (fewer points at the start)", () => {
  assert.deepEqual(movingAverage([1, 2, 3, 4, 5], 2), [1, 1.5, 2.5, 3.5, 4.5]);
  assert.deepEqual(movingAverage([3, 6, 9], 5), [3, 4.5, 6]);
});

test("off (0) and 1 leave the values as they are", () => {
  assert.deepEqual(movingAverage([1, null, 3], 0), [1, null, 3]);
  assert.deepEqual(movingAverage([1, null, 3], 1), [1, null, 3]);
});

test("gaps are left out of each mean; a window of gaps stays a gap", () => {
  assert.deepEqual(movingAverage([2, null, 4, null, null], 2), [2, 2, 4, 4, null]);
});

test("exact zeros stay exact zeros, so the chart still draws them at its floor", () => {
  // The large early norm has left the window: no rounding dust may remain.
  const out = movingAverage([1e8, 0, 0, 0], 2);
  assert.deepEqual(out, [1e8, 5e7, 0, 0]);
  assert.deepEqual(movingAverage([1e-12, 1e30, 1e-12, 1e-12], 2).slice(3), [1e-12]);
});

test("a window that is not a whole number ≥ 0 is refused by name", () => {
  assert.throws(() => movingAverage([1], 2.5), /smoothing window 2.5/);
  assert.throws(() => movingAverage([1], -1), /smoothing window -1/);
});

test("the offered windows start with off and grow", () => {
  assert.equal(SMOOTHING_WINDOWS[0], 0);
  for (let i = 1; i < SMOOTHING_WINDOWS.length; i++)
    assert.ok((SMOOTHING_WINDOWS[i] ?? 0) > (SMOOTHING_WINDOWS[i - 1] ?? 0));
});
