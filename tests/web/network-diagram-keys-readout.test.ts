// The network diagram's keyboard over weights (keyboardStep in network-diagram-geometry.ts), its
// readout (network-diagram-readout.ts) and its focus colour (palette.ts, styles.css).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { LayerSnapshot } from "../../web/src/model/protocol.js";
import {
  drawnWeights,
  keyboardStep,
  MAX_SHOWN,
  shownIndices,
  type Target,
} from "../../web/src/views/network-diagram-geometry.js";
import {
  DIAGRAM_KEY_HELP,
  diagramLabel,
  NOTHING_SELECTED,
  readoutText,
  targetExists,
} from "../../web/src/views/network-diagram-readout.js";
import {
  CLASS_COLOURS,
  FOCUS_COLOUR,
  lineStyle,
  SIGN_COLOURS,
} from "../../web/src/views/palette.js";

/** Presses `keys` in turn from `start`; a key the diagram ignores leaves the selection. */
function press(sizes: number[], start: Target | null, ...keys: string[]): Target | null {
  let t = start;
  for (const key of keys) t = keyboardStep(sizes, t, key) ?? t;
  return t;
}

test("keyboardStep: neurons as before; Enter steps into the weights arriving at a neuron", () => {
  const sizes = [2, 3, 1];
  assert.deepEqual(press(sizes, null, "ArrowRight", "ArrowDown"), {
    kind: "neuron",
    layer: 2,
    index: 2,
  });
  // Neuron 2 of layer 2 → w²₂₁ (row 1, col 0).
  assert.deepEqual(press(sizes, null, "ArrowRight", "ArrowDown", "Enter"), {
    kind: "weight",
    layer: 2,
    row: 1,
    col: 0,
  });
  // Space does the same; an input neuron steps into the weights leaving it.
  assert.deepEqual(press(sizes, { kind: "neuron", layer: 1, index: 2 }, " "), {
    kind: "weight",
    layer: 2,
    row: 0,
    col: 1,
  });
  assert.equal(keyboardStep(sizes, null, "Enter"), null, "nothing selected: nothing to enter");
  assert.equal(keyboardStep(sizes, null, "x"), null, "other keys are not the diagram's");
  assert.equal(keyboardStep([2], { kind: "neuron", layer: 1, index: 1 }, "Enter"), null);
});

test("keyboardStep: ↑ ↓ walk a layer's weights in reading order, clamped at its ends", () => {
  const sizes = [2, 3, 1];
  const w = (layer: number, row: number, col: number): Target => ({
    kind: "weight",
    layer,
    row,
    col,
  });
  assert.deepEqual(press(sizes, w(2, 0, 0), "ArrowDown"), w(2, 0, 1));
  assert.deepEqual(press(sizes, w(2, 0, 1), "ArrowDown"), w(2, 1, 0), "next neuron j");
  assert.deepEqual(press(sizes, w(2, 1, 0), "ArrowUp"), w(2, 0, 1));
  assert.deepEqual(press(sizes, w(2, 0, 0), "ArrowUp"), w(2, 0, 0), "first weight");
  assert.deepEqual(press(sizes, w(2, 2, 1), "ArrowDown"), w(2, 2, 1), "last weight");
  assert.deepEqual(press(sizes, w(2, 1, 1), "Home"), w(2, 0, 0));
  assert.deepEqual(press(sizes, w(2, 0, 0), "End"), w(2, 2, 1));
  // Six drawn weights, each reached once walking down from the first.
  const walk: Target[] = [];
  let t: Target | null = w(2, 0, 0);
  for (let i = 0; i < 6 && t; i++) {
    walk.push(t);
    t = keyboardStep(sizes, t, "ArrowDown");
  }
  assert.deepEqual(walk, drawnWeights(sizes, 2));
  assert.equal(new Set(walk.map((x) => JSON.stringify(x))).size, 6);
});

test("keyboardStep: ← → change weighted layer at the same place; Escape back to the neuron", () => {
  const sizes = [2, 3, 1];
  const w = (layer: number, row: number, col: number): Target => ({
    kind: "weight",
    layer,
    row,
    col,
  });
  assert.deepEqual(press(sizes, w(2, 2, 1), "ArrowRight"), w(3, 0, 1), "clamped into l = 3");
  assert.deepEqual(press(sizes, w(3, 0, 2), "ArrowLeft"), w(2, 0, 1));
  assert.deepEqual(press(sizes, w(2, 1, 0), "ArrowLeft"), w(2, 1, 0), "no weights into l = 1");
  assert.deepEqual(press(sizes, w(3, 0, 2), "ArrowRight"), w(3, 0, 2), "no l = 4");
  assert.deepEqual(press(sizes, w(2, 1, 0), "Escape"), { kind: "neuron", layer: 2, index: 2 });
  assert.deepEqual(press(sizes, w(2, 1, 0), "Enter"), { kind: "neuron", layer: 2, index: 2 });
});

test("keyboardStep: a wide layer's weights are the drawn connections only", () => {
  const sizes = [784, 30, 10];
  const drawn = drawnWeights(sizes, 2);
  assert.equal(drawn.length, MAX_SHOWN * MAX_SHOWN);
  const inputs = new Set(shownIndices(784));
  assert.ok(drawn.every((x) => x.kind === "weight" && inputs.has(x.col)));
  // From the first weight into neuron 1, ↓ goes to the second drawn input, not to input 2.
  const start: Target = { kind: "weight", layer: 2, row: 0, col: 0 };
  assert.deepEqual(keyboardStep(sizes, start, "ArrowDown"), {
    kind: "weight",
    layer: 2,
    row: 0,
    col: shownIndices(784)[1],
  });
  // Every step from every drawn weight stays on a drawn connection.
  const rows = new Set(shownIndices(30));
  for (const from of drawn) {
    for (const key of ["ArrowUp", "ArrowDown", "ArrowLeft", "Home", "End"]) {
      const to = keyboardStep(sizes, from, key);
      assert.ok(to && to.kind === "weight" && inputs.has(to.col) && rows.has(to.row), key);
    }
  }
});

/** A layer of `rows` × `cols` whose weights are 10·j + k (1-based), gradients their negatives. */
function layer(l: number, rows: number, cols: number): LayerSnapshot {
  const weights = new Float32Array(rows * cols).map(
    (_, i) => 10 * (1 + Math.floor(i / cols)) + 1 + (i % cols),
  );
  return {
    layer: l,
    rows,
    cols,
    weights,
    biases: new Float32Array(rows).map((_, j) => 0.5 + j),
    weightGradients: weights.map((v) => -v / 1000),
    biasGradients: new Float32Array(rows).map((_, j) => -(0.5 + j) / 1000),
    biasGradNorm: 0,
    weightGradNorm: 0,
    meanAbsActDeriv: 0,
    derivHistogram: { edges: [], counts: [] },
    saturatedFraction: 0,
  };
}

test("readoutText names layer, from and to neuron, value and gradient of this network", () => {
  const sizes = [2, 3, 1];
  const layers = [layer(2, 3, 2), layer(3, 1, 3)];
  assert.equal(
    readoutText({ kind: "weight", layer: 2, row: 2, col: 1 }, sizes, layers),
    "Weight wˡⱼₖ with l = 2, j = 3, k = 2 (from neuron 2 of layer 1 to neuron 3 of layer 2): " +
      "w = 32, ∂C/∂w = -0.032",
  );
  assert.equal(
    readoutText({ kind: "neuron", layer: 3, index: 1 }, sizes, layers),
    "Neuron 1 of layer l = 3: bias b = 0.5, ∂C/∂b = -5.00e-4",
  );
  assert.match(
    readoutText({ kind: "neuron", layer: 1, index: 2 }, sizes, layers),
    /^Input neuron x2 \(layer l = 1\)/,
  );
  // A plane set's inputs are its chosen features (issue 14): the readout names the feature.
  assert.equal(
    readoutText({ kind: "neuron", layer: 1, index: 2 }, sizes, layers, ["x₁", "x₁²"]),
    "Input neuron x2 (layer l = 1): the feature x₁² of the point; no weights or bias.",
  );
  assert.equal(readoutText(null, sizes, layers), NOTHING_SELECTED);
  assert.equal(diagramLabel(NOTHING_SELECTED).includes("nothing selected"), true);
  assert.match(
    diagramLabel(readoutText({ kind: "neuron", layer: 3, index: 1 }, sizes, layers)),
    /Selected: Neuron 1 of layer l = 3/,
  );
  assert.match(DIAGRAM_KEY_HELP, /Enter/);
});

test("readoutText never describes a selection the new network does not have", () => {
  // Selected in [2, 3, 3, 1]; the network is rebuilt as [2, 2, 1].
  const sizes = [2, 2, 1];
  const layers = [layer(2, 2, 2), layer(3, 1, 2)];
  const gone: Target[] = [
    { kind: "weight", layer: 4, row: 0, col: 0 },
    { kind: "weight", layer: 2, row: 2, col: 0 },
    { kind: "weight", layer: 3, row: 0, col: 2 },
    { kind: "neuron", layer: 2, index: 3 },
    { kind: "neuron", layer: 4, index: 1 },
    { kind: "neuron", layer: 2, index: 0 },
  ];
  for (const t of gone) {
    assert.equal(targetExists(t, sizes, layers), false, JSON.stringify(t));
    assert.equal(readoutText(t, sizes, layers), NOTHING_SELECTED, JSON.stringify(t));
  }
  // Before the first snapshot of a run (no weighted layers yet): only input neurons exist.
  assert.equal(readoutText({ kind: "neuron", layer: 2, index: 1 }, sizes, []), NOTHING_SELECTED);
  assert.equal(targetExists({ kind: "neuron", layer: 1, index: 1 }, sizes, []), true);
});

/** WCAG relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

test("the focus colour is no sign's or class's colour, is the page's --focus, and shows on white", () => {
  const taken = [...Object.values(SIGN_COLOURS), ...Object.values(CLASS_COLOURS)];
  for (const c of taken) assert.notEqual(FOCUS_COLOUR.toLowerCase(), c.toLowerCase(), c);
  const css = readFileSync(new URL("../../../../web/src/styles.css", import.meta.url), "utf8");
  const focus = /--focus:\s*(#[0-9a-fA-F]{6})/.exec(css)?.[1];
  assert.equal(focus?.toLowerCase(), FOCUS_COLOUR.toLowerCase(), "styles.css --focus");
  const contrast = (1 + 0.05) / (luminance(FOCUS_COLOUR) + 0.05);
  assert.ok(contrast >= 3, `contrast ${contrast} against white`);
  assert.ok(lineStyle(0).stroke !== FOCUS_COLOUR);
});
