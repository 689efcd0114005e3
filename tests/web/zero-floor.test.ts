import assert from "node:assert/strict";
import { test } from "node:test";
import { logRange, logTicks } from "../../web/src/views/axis-ticks.js";
import { isFloorValue, mapZerosToFloor, zeroFloor } from "../../web/src/views/zero-floor.js";

test("the floor is one decade below the lowest decade a positive value reaches", () => {
  assert.equal(
    zeroFloor([
      [0.03, 2, 0],
      [null, 4e-7],
    ]),
    1e-8,
  );
  assert.equal(zeroFloor([[1e-3]]), 1e-4);
  assert.equal(zeroFloor([[5]]), 0.1);
  // Infinity and NaN do not count as positive values.
  assert.equal(zeroFloor([[Infinity, NaN, 20]]), 1);
});

test("with no positive value at all (every layer dead) the floor is 0.1", () => {
  assert.equal(zeroFloor([[0, 0], [0]]), 0.1);
  assert.equal(zeroFloor([]), 0.1);
});

test("the floor stays a finite positive double near the smallest norms", () => {
  const f = zeroFloor([[1e-305, 0]]);
  assert.ok(f > 0 && Number.isFinite(f) && f < 1e-298);
});

test("zeros map to the floor, other values stay; non-finite and negative become gaps", () => {
  assert.deepEqual(mapZerosToFloor([0, 0.5, null, NaN, Infinity, -1, undefined], 1e-3), [
    1e-3,
    0.5,
    null,
    null,
    null,
    null,
    null,
  ]);
});

test("the log axis of mapped data starts at the floor, a tick below every positive value", () => {
  const columns = [
    [0, 0, 0],
    [3e-5, 2e-4, 1e-2],
  ];
  const floor = zeroFloor(columns);
  const mapped = columns.map((c) => mapZerosToFloor(c, floor));
  const values = mapped.flat().filter((v): v is number => v !== null);
  const [lo, hi] = logRange(Math.min(...values), Math.max(...values));
  assert.equal(lo, floor);
  assert.equal(logTicks(lo, hi)[0], floor);
  // Every positive value lies in a higher decade than the floor.
  for (const v of columns[1] ?? []) assert.ok(v >= floor * 10 && !isFloorValue(v, floor));
  assert.ok(isFloorValue(mapped[0]?.[0], floor));
  assert.ok(!isFloorValue(null, floor));
});
