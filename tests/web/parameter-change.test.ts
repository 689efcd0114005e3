// Setting a weight or bias by hand (web/src/model/parameter-change.ts, views/parameter-editor.ts):
// the field's text is parsed strictly (empty, text, NaN, Infinity, huge are refused with a message
// naming the text); the change touches exactly one entry of a copy of the layer's parameters.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  changedParameters,
  MAX_PARAMETER,
  parseParameterValue,
} from "../../web/src/model/parameter-change.js";
import {
  formatEditable,
  parameterOf,
  parameterSymbol,
  parameterValue,
} from "../../web/src/views/parameter-editor.js";
import type { LayerSnapshot } from "../../web/src/model/protocol.js";

test("the field accepts decimals, signs, a comma, exponents and the minus sign", () => {
  const ok: [string, number][] = [
    ["0.5", 0.5],
    [" -1.25 ", -1.25],
    ["+2", 2],
    ["3e-2", 0.03],
    ["1E3", 1000],
    [".5", 0.5],
    ["7.", 7],
    ["0,75", 0.75],
    ["\u22120.4", -0.4],
    ["-0", 0],
    [String(MAX_PARAMETER), MAX_PARAMETER],
    [String(-MAX_PARAMETER), -MAX_PARAMETER],
  ];
  for (const [text, value] of ok) {
    const r = parseParameterValue(text);
    assert.ok(r.ok, text);
    assert.ok(Object.is(r.value, value), `${text} → ${r.value}`);
  }
});

test("empty, text, NaN, Infinity, hex, two numbers and huge values are refused by name", () => {
  const empty = parseParameterValue("   ");
  assert.equal(empty.ok, false);
  assert.match(!empty.ok ? empty.message : "", /Type a number/);
  for (const text of [
    "abc",
    "NaN",
    "Infinity",
    "-Infinity",
    "0x10",
    "1 2",
    "1..2",
    "e5",
    "--1",
    "1e",
    "½",
  ]) {
    const r = parseParameterValue(text);
    assert.equal(r.ok, false, text);
    assert.ok(!r.ok && r.message.includes(text.trim()), `${text}: ${!r.ok ? r.message : ""}`);
  }
  for (const text of ["1001", "-1e4", "1e400", "1e309"]) {
    const r = parseParameterValue(text);
    assert.equal(r.ok, false, text);
    assert.match(!r.ok ? r.message : "", /too large/, text);
  }
});

test("a change copies the layer's parameters and sets exactly one entry", () => {
  const p = {
    rows: 2,
    cols: 3,
    weights: Float32Array.from([1, 2, 3, 4, 5, 6]),
    biases: Float32Array.from([7, 8]),
  };
  const w = changedParameters(p, { kind: "weight", layer: 2, row: 1, col: 2, value: -0.5 });
  assert.deepEqual([...w.weights], [1, 2, 3, 4, 5, -0.5]);
  assert.deepEqual([...w.biases], [7, 8]);
  assert.deepEqual([...p.weights], [1, 2, 3, 4, 5, 6], "the snapshot's arrays are not touched");
  const b = changedParameters(p, { kind: "bias", layer: 2, row: 0, value: 0.25 });
  assert.deepEqual([...b.biases], [0.25, 8]);
  assert.deepEqual([...b.weights], [1, 2, 3, 4, 5, 6]);
  assert.throws(
    () => changedParameters(p, { kind: "weight", layer: 2, row: 2, col: 0, value: 1 }),
    /layer 2 has no weight \(3, 1\)/,
  );
  assert.throws(
    () => changedParameters(p, { kind: "bias", layer: 2, row: -1, value: 1 }),
    /layer 2 has no bias 0/,
  );
  assert.throws(
    () => changedParameters(p, { kind: "bias", layer: 2, row: 0, value: NaN }),
    /parameter value NaN/,
  );
});

test("the editor names the selected parameter and reads its value from the snapshot", () => {
  const layer: LayerSnapshot = {
    layer: 3,
    rows: 2,
    cols: 2,
    weights: Float32Array.from([0.1, 0.2, 0.3, 0.4]),
    biases: Float32Array.from([-1, 1.5]),
    weightGradients: new Float32Array(4),
    biasGradients: new Float32Array(2),
    biasGradNorm: 0,
    weightGradNorm: 0,
    meanAbsActDeriv: 0,
    derivHistogram: { edges: [], counts: [] },
    saturatedFraction: 0,
  };
  const w = parameterOf({ kind: "weight", layer: 3, row: 1, col: 0 })!;
  assert.equal(parameterSymbol(w), "w³₂₁");
  assert.equal(parameterValue(w, [layer]), Math.fround(0.3));
  const b = parameterOf({ kind: "neuron", layer: 3, index: 2 })!;
  assert.equal(parameterSymbol(b), "b³₂");
  assert.equal(parameterValue(b, [layer]), 1.5);
  assert.equal(parameterOf({ kind: "neuron", layer: 1, index: 1 }), null, "an input has none");
  assert.equal(parameterOf(null), null);
  assert.ok(Number.isNaN(parameterValue(w, [])));
  assert.equal(parameterSymbol({ kind: "weight", layer: 2, row: 11, col: 0 }), "w²₁₂,₁");
  assert.equal(formatEditable(Math.fround(0.3)), "0.3");
  assert.equal(formatEditable(NaN), "");
});
