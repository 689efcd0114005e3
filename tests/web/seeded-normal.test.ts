// The lab's seeded generator (web/src/lab/seeded-normal.ts): the project's one mulberry32 with a
// Box–Muller normal sampler on top.
import assert from "node:assert/strict";
import { test } from "node:test";
import { mulberry32 } from "../../scripts/mulberry32.mjs";
import { SeededNormal } from "../../web/src/lab/seeded-normal.js";

test("uniform draws are mulberry32's, seed for seed", () => {
  for (const seed of [0, 1, 42, 2 ** 32 + 7]) {
    const g = new SeededNormal(seed);
    const reference = mulberry32(seed);
    for (let i = 0; i < 100; ++i) assert.equal(g.uniform(), reference());
  }
});

test("normal draws are reproducible and look like N(0, 1)", () => {
  const a = new SeededNormal(7);
  const b = new SeededNormal(7);
  const n = 20000;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; ++i) {
    const z = a.normal();
    assert.equal(z, b.normal());
    assert.ok(Number.isFinite(z));
    sum += z;
    squares += z * z;
  }
  const mean = sum / n;
  const variance = squares / n - mean * mean;
  // 5 standard errors: mean ± 5/√n, variance ± 5·√(2/n).
  assert.ok(Math.abs(mean) < 5 / Math.sqrt(n), `mean ${mean}`);
  assert.ok(Math.abs(variance - 1) < 5 * Math.sqrt(2 / n), `variance ${variance}`);
});
