// The σ′ histogram as plotted (web/src/views/derivative-histogram-data.ts): layers binned over
// different ranges share one x axis without their bins being mixed up.
import assert from "node:assert/strict";
import { test } from "node:test";
import { histogramData } from "../../web/src/views/derivative-histogram-data.js";

const edges = (lo: number, hi: number, bins: number) =>
  Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);

test("a tanh hidden layer and a sigmoid output keep their own bins", () => {
  const tanh = { layer: 2, derivHistogram: { edges: edges(0, 1, 4), counts: [1, 0, 0, 3] } };
  const sigmoid = { layer: 3, derivHistogram: { edges: edges(0, 0.25, 2), counts: [2, 2] } };
  const d = histogramData([tanh, sigmoid]);
  assert.deepEqual(d.x, [0.0625, 0.125, 0.1875, 0.375, 0.625, 0.875]);
  assert.deepEqual(d.shares[0], [null, 25, null, 0, 0, 75]);
  assert.deepEqual(d.shares[1], [50, null, 50, null, null, null]);
  assert.deepEqual(d.range, [0, 1.05]);
});

test("identity's single bin at 1 is inside the range; empty counts give 0 %", () => {
  const identity = { layer: 2, derivHistogram: { edges: [1, 1], counts: [12] } };
  const empty = { layer: 3, derivHistogram: { edges: edges(0, 0.25, 2), counts: [0, 0] } };
  const d = histogramData([identity, empty]);
  assert.deepEqual(d.x, [0.0625, 0.1875, 1]);
  assert.deepEqual(d.shares[0], [null, null, 100]);
  assert.deepEqual(d.shares[1], [0, 0, null]);
  assert.ok(d.range[1] > 1);
});
