// How the backprop stepper lays out and colours arrays (web/src/backprop/array-layout.ts,
// colour-scale.ts, heatmap-canvas.ts's heatmapSize): entry addressing, long vectors, tables
// against heatmaps, pointer cells, arrow keys, and the diverging scale's ends.
import { hiddenEdges } from "../../web/src/backprop/scroll-cue.js";
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  arrowMove,
  cellAt,
  entryIndex,
  entryPath,
  entryReadout,
  isTable,
  largestEntry,
  listedEntries,
  VECTOR_HEAD,
  VECTOR_WHOLE,
} from "../../web/src/backprop/array-layout.js";
import {
  colourCss,
  colourRgb,
  needsLightText,
  scaleMax,
} from "../../web/src/backprop/colour-scale.js";
import type { ShownArray } from "../../web/src/backprop/backprop-steps.js";
import { SIGN_COLOURS } from "../../web/src/views/palette.js";

const matrix = (rows: number, cols: number, transposed = false): ShownArray => ({
  name: "w³",
  tex: "w^{3}",
  path: "layers[1].weights",
  values: Float32Array.from({ length: rows * cols }, (_, i) => i),
  rows,
  cols,
  ...(transposed ? { transposed } : {}),
});

test("entries are addressed row-major, and column-major when drawn transposed", () => {
  const m = matrix(2, 3);
  assert.equal(entryIndex(m, 1, 2), 5);
  assert.equal(entryPath(m, 5), "layers[1].weights[5]");
  const t = matrix(3, 2, true); // a 2 × 3 matrix drawn as its 3 × 2 transpose
  assert.equal(entryIndex(t, 2, 1), 5); // drawn (2, 1) is stored (1, 2)
  assert.equal(entryIndex(t, 1, 0), 1);
  assert.equal(entryReadout(m, 1, 2), "w³, row 2, column 3: 5");
  const v: ShownArray = { ...matrix(4, 1), name: "z²" };
  assert.equal(entryReadout(v, 3, 0), "z², entry 4: 3");
  const nan: ShownArray = { ...v, values: Float32Array.from([NaN]), rows: 1 };
  assert.equal(entryReadout(nan, 0, 0), "z², entry 1: not a number");
});

test("long vectors list their head until expanded; big matrices are heatmaps", () => {
  assert.equal(listedEntries(VECTOR_WHOLE, false), VECTOR_WHOLE);
  assert.equal(listedEntries(VECTOR_WHOLE + 1, false), VECTOR_HEAD);
  assert.equal(listedEntries(784, true), 784);
  assert.equal(isTable(matrix(10, 10)), true);
  assert.equal(isTable(matrix(10, 11)), false);
  assert.equal(isTable(matrix(100, 784)), false);
});

test("the cell under the pointer and the arrow keys' moves", () => {
  const m = { rows: 100, cols: 784 };
  assert.deepEqual(cellAt(m, 0, 0, 784, 100), { r: 0, c: 0 });
  assert.deepEqual(cellAt(m, 391.9, 99.9, 392, 100), { r: 99, c: 783 });
  assert.equal(cellAt(m, -1, 5, 784, 100), null);
  assert.equal(cellAt(m, 784, 5, 784, 100), null);
  assert.deepEqual(arrowMove("ArrowDown", 0, 0, 3, 1), { r: 1, c: 0 });
  assert.deepEqual(arrowMove("ArrowDown", 2, 0, 3, 1), { r: 2, c: 0 });
  // In a vector ← and → do not move: they stay the stepper's previous / next.
  assert.equal(arrowMove("ArrowLeft", 1, 0, 3, 1), null);
  assert.deepEqual(arrowMove("ArrowRight", 1, 0, 3, 4), { r: 1, c: 1 });
  assert.deepEqual(arrowMove("End", 0, 0, 3, 4), { r: 2, c: 3 });
  assert.equal(arrowMove("PageDown", 0, 0, 3, 4), null);
});

test("the diverging scale: white at 0, the sign colours at ±m, grey for NaN", () => {
  const hex = (s: string) => [1, 3, 5].map((i) => Number.parseInt(s.slice(i, i + 2), 16));
  assert.deepEqual(colourRgb(0, 2), [255, 255, 255]);
  assert.deepEqual(colourRgb(2, 2), hex(SIGN_COLOURS.positive));
  assert.deepEqual(colourRgb(-5, 2), hex(SIGN_COLOURS.negative));
  assert.deepEqual(colourRgb(Infinity, 2), hex(SIGN_COLOURS.positive));
  assert.deepEqual(colourRgb(NaN, 2), [0x99, 0x99, 0x99]);
  assert.deepEqual(colourRgb(1, 0), [255, 255, 255]);
  const half = colourRgb(1, 2);
  assert.ok(half[0] < 255 && half[0] > hex(SIGN_COLOURS.positive)[0]!);
  assert.equal(colourCss(0, 1), "rgb(255, 255, 255)");
  assert.equal(scaleMax(Float32Array.from([0.5, -3, NaN, Infinity])), 3);
  assert.equal(scaleMax([]), 0);
  assert.equal(needsLightText(2, 2), true);
  assert.equal(needsLightText(0.1, 2), false);
});

test("the largest |entry| under a heatmap, in drawn coordinates", () => {
  const m: ShownArray = { ...matrix(2, 3), values: Float32Array.from([1, -7, 3, NaN, 7, 2]) };
  assert.deepEqual(largestEntry(m), { r: 0, c: 1, index: 1 });
  const t: ShownArray = { ...matrix(3, 2, true), values: Float32Array.from([1, 2, 3, 4, -9, 6]) };
  assert.deepEqual(largestEntry(t), { r: 1, c: 1, index: 4 });
  assert.equal(
    largestEntry({ ...m, values: Float32Array.from([NaN, NaN, NaN, NaN, NaN, NaN]) }),
    null,
  );
});

test("the scroll cue shades an edge exactly when content is hidden past it", () => {
  assert.deepEqual(hiddenEdges(0, 374, 824), { left: false, right: true });
  assert.deepEqual(hiddenEdges(450, 374, 824), { left: true, right: false });
  assert.deepEqual(hiddenEdges(100, 374, 824), { left: true, right: true });
  assert.deepEqual(hiddenEdges(0, 374, 374), { left: false, right: false });
  // Sub-pixel rounding at the end is no hidden content.
  assert.deepEqual(hiddenEdges(449.5, 374, 824), { left: true, right: false });
});
