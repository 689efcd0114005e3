// The network diagram's layout maths (web/src/views/network-diagram-geometry.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ARROW_MOVES,
  diagramHeight,
  hitTarget,
  keyboardMove,
  layoutNeurons,
  MAX_SHOWN,
  neuronRadius,
  PAD_BOTTOM,
  PAD_TOP,
  PAD_X,
  segmentDistance,
  shownIndices,
  weightWidth,
  widestShown,
} from "../../web/src/views/network-diagram-geometry.js";

const close = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);

test("shownIndices: a narrow layer is drawn whole, a wide one as MAX_SHOWN evenly spaced neurons", () => {
  assert.deepEqual(shownIndices(3), [0, 1, 2]);
  assert.deepEqual(shownIndices(MAX_SHOWN), [...Array(MAX_SHOWN).keys()]);
  const wide = shownIndices(784);
  assert.equal(wide.length, MAX_SHOWN);
  assert.equal(wide[0], 0);
  assert.equal(wide[MAX_SHOWN - 1], 783);
  const step = 783 / (MAX_SHOWN - 1);
  wide.forEach((j, k) => assert.ok(Math.abs(j - k * step) <= 0.5, `neuron ${k} at ${j}`));
  assert.deepEqual(shownIndices(17).length, MAX_SHOWN);
  assert.equal(new Set(shownIndices(17)).size, MAX_SHOWN, "no neuron drawn twice");
});

test("widestShown and diagramHeight: the tallest drawn column sets the height, within bounds", () => {
  assert.equal(widestShown([2, 5, 1]), 5);
  assert.equal(widestShown([784, 30, 10]), MAX_SHOWN);
  assert.equal(diagramHeight(2), 220, "never shorter than 220 px");
  assert.equal(diagramHeight(MAX_SHOWN), MAX_SHOWN * 14 + PAD_TOP + PAD_BOTTOM);
  assert.equal(diagramHeight(100), 520, "never taller than 520 px");
});

test("layoutNeurons: columns evenly spaced between the paddings, neurons centred in their share", () => {
  const width = 300;
  const height = 200;
  const columns = layoutNeurons([2, 3, 1], width, height);
  assert.deepEqual(
    columns.map((c) => c.length),
    [2, 3, 1],
  );
  const xs = columns.map((c) => c[0]?.x ?? NaN);
  assert.deepEqual(xs, [PAD_X, width / 2, width - PAD_X]);
  const span = height - PAD_TOP - PAD_BOTTOM;
  columns.forEach((column, i) => {
    column.forEach((n, k) => {
      assert.equal(n.layer, i + 1);
      assert.equal(n.index, k + 1, "indices are 1-based as in the seed");
      assert.equal(n.x, xs[i]);
      close(n.y, PAD_TOP + ((k + 0.5) * span) / column.length, `neuron ${k + 1} of layer ${i + 1}`);
    });
  });
  // One layer only: centred.
  assert.equal(layoutNeurons([4], width, height)[0]?.[0]?.x, width / 2);
  // A wide layer: its drawn neurons carry the indices of the neurons they stand for.
  const wide = layoutNeurons([784, 10], width, height)[0] ?? [];
  assert.deepEqual(
    wide.map((n) => n.index),
    shownIndices(784).map((j) => j + 1),
  );
});

test("neuronRadius stays between 3 and 9 px; weightWidth grows with |w| up to 6 px", () => {
  assert.equal(neuronRadius(1, 520), 9);
  assert.equal(neuronRadius(100, 220), 3);
  close(neuronRadius(12, 220), (220 - PAD_TOP - PAD_BOTTOM) / 12 / 2 - 1.5, "from the spacing");
  close(weightWidth(0), 0.4, "w = 0");
  close(weightWidth(-1), 2, "w = −1");
  assert.equal(weightWidth(1), weightWidth(-1), "the sign is the colour's job, not the width's");
  assert.equal(weightWidth(100), 6);
  assert.equal(weightWidth(NaN), 1);
  assert.equal(weightWidth(Infinity), 1);
});

test("segmentDistance: to the segment, not to its line", () => {
  close(segmentDistance(5, 3, 0, 0, 10, 0), 3, "perpendicular");
  close(segmentDistance(13, 4, 0, 0, 10, 0), 5, "past the end: to the end point");
  close(segmentDistance(-3, -4, 0, 0, 10, 0), 5, "before the start: to the start point");
  close(segmentDistance(3, 4, 0, 0, 0, 0), 5, "a point segment");
});

test("hitTarget: a neuron first, else the nearest connection within reach, else nothing", () => {
  const columns = layoutNeurons([2, 2], 300, 200);
  const [a1, a2] = columns[0] ?? [];
  const [b1, b2] = columns[1] ?? [];
  assert.ok(a1 && a2 && b1 && b2);
  const radius = 6;
  assert.deepEqual(hitTarget(columns, [2], radius, a2.x + radius + 2, a2.y), {
    kind: "neuron",
    layer: 1,
    index: 2,
  });
  // A quarter of the way along the connection from neuron 1 of layer 1 to neuron 2 of layer 2
  // (w²₂₁), 2 px below it.
  const qx = a1.x + (b2.x - a1.x) / 4;
  const qy = a1.y + (b2.y - a1.y) / 4;
  assert.deepEqual(hitTarget(columns, [2], radius, qx, qy + 2), {
    kind: "weight",
    layer: 2,
    row: 1,
    col: 0,
  });
  // Near a1→b1 (horizontal) rather than a1→b2.
  assert.deepEqual(hitTarget(columns, [2], radius, a1.x + 40, a1.y + 3), {
    kind: "weight",
    layer: 2,
    row: 0,
    col: 0,
  });
  const mx = (a1.x + b2.x) / 2;
  const my = (a1.y + b2.y) / 2;
  assert.equal(hitTarget(columns, [2], radius, mx, 0), null, "far from every connection");
  assert.equal(hitTarget(columns, [2], radius, 5, a1.y), null, "left of the first column");
  assert.equal(hitTarget(columns, [], radius, mx, my), null, "no weighted layer yet");
});

test("keyboardMove: along a column, sideways at the same position, clamped at the edges", () => {
  const sizes = [2, 784, 3];
  const down = ARROW_MOVES["ArrowDown"] ?? [0, 0];
  const up = ARROW_MOVES["ArrowUp"] ?? [0, 0];
  const right = ARROW_MOVES["ArrowRight"] ?? [0, 0];
  const left = ARROW_MOVES["ArrowLeft"] ?? [0, 0];
  assert.deepEqual(keyboardMove(sizes, null, down), { kind: "neuron", layer: 1, index: 1 });
  assert.deepEqual(keyboardMove(sizes, { layer: 1, index: 1 }, down), {
    kind: "neuron",
    layer: 1,
    index: 2,
  });
  assert.deepEqual(keyboardMove(sizes, { layer: 1, index: 2 }, down).index, 2, "bottom edge");
  assert.deepEqual(keyboardMove(sizes, { layer: 1, index: 1 }, up).index, 1, "top edge");
  assert.deepEqual(keyboardMove(sizes, { layer: 1, index: 1 }, left).layer, 1, "left edge");
  // Into the wide layer: the same position among its drawn neurons (784 → the 2nd drawn one).
  const second = (shownIndices(784)[1] ?? NaN) + 1;
  assert.deepEqual(keyboardMove(sizes, { layer: 1, index: 2 }, right), {
    kind: "neuron",
    layer: 2,
    index: second,
  });
  // Down the wide layer: to the next drawn neuron, not to index + 1.
  assert.equal(
    keyboardMove(sizes, { layer: 2, index: second }, down).index,
    (shownIndices(784)[2] ?? NaN) + 1,
  );
  // Out of the wide layer's 16th drawn neuron into a 3-neuron layer: clamped to its last.
  const last = (shownIndices(784)[MAX_SHOWN - 1] ?? NaN) + 1;
  assert.deepEqual(keyboardMove(sizes, { layer: 2, index: last }, right), {
    kind: "neuron",
    layer: 3,
    index: 3,
  });
  assert.equal(keyboardMove(sizes, { layer: 3, index: 3 }, right).layer, 3, "right edge");
});
