import assert from "node:assert/strict";
import { test } from "node:test";
import { linearTicks, logRange, logTicks, MAX_TICKS } from "../../web/src/views/axis-ticks.js";

function assertTicks(min: number, max: number, ticks: number[]): void {
  assert.ok(ticks.length >= 2 && ticks.length <= MAX_TICKS, `${ticks.length} ticks`);
  for (const [i, v] of ticks.entries()) {
    assert.ok(Number.isFinite(v) && v >= min && v <= max, `${v} in [${min}, ${max}]`);
    if (i > 0) assert.ok(v > (ticks[i - 1] ?? -Infinity), "ascending");
  }
}

test("ordinary loss ranges get 1, 2 or 5 × 10^k steps", () => {
  assert.deepEqual(linearTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(linearTicks(0, 0.1), [0, 0.02, 0.04, 0.06, 0.08, 0.1]);
  assert.deepEqual(linearTicks(0, 7), [0, 2, 4, 6]);
});

test("losses past 17 integer digits (where uPlot finds no step) get a few ticks", () => {
  // The loss of a run at η = 5 with large weights a few steps in (the hash fuzzer's run).
  for (const max of [4507192886682281472, 1e17, 3.4e38, 1e300, Number.MAX_VALUE]) {
    assertTicks(0, max, linearTicks(0, max));
  }
});

test("no range, no ticks; one value, one tick", () => {
  assert.deepEqual(linearTicks(0, Infinity), []);
  assert.deepEqual(linearTicks(NaN, 1), []);
  assert.deepEqual(linearTicks(2, 1), []);
  assert.deepEqual(linearTicks(3, 3), [3]);
  assert.ok(linearTicks(0, 1, 1e9).length <= MAX_TICKS);
});

test("a log axis spans whole decades, finite and non-zero, whatever the norms", () => {
  assert.deepEqual(logRange(2.09e-25, 3), [1e-25, 10]);
  assert.deepEqual(logRange(1e-320, 1.7e308), [1e-300, 1e300]);
  assert.deepEqual(logRange(null, null), [1, 10]);
  assert.deepEqual(logRange(5, 5), [1, 10]);
  assert.deepEqual(logTicks(1e-5, 10), [1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10]);
  assert.deepEqual(logTicks(1e-25, 10).slice(0, 2), [1e-25, 1e-23]); // every 2nd of 27 decades
  const wide = logTicks(1e-300, 1e300);
  assert.ok(wide.length <= MAX_TICKS && wide.every((v) => v > 0 && Number.isFinite(v)));
  assert.deepEqual(logTicks(0, 10), []);
  assert.deepEqual(logTicks(1, Infinity), []);
});
