// The input-space view's colour rules (web/src/views/output-colours.ts): the class the network
// picks and how sure it is, flat regions when discretized, the diverging value scale.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  classCellColour,
  classColour,
  CLASS_ORDER,
  hexRgb,
  MOST_CLASSES,
  niceCeiling,
  pickedClass,
  valueColour,
  valueGradientCss,
  valueScale,
  valueTicks,
  VALUE_BANDS,
} from "../../web/src/views/output-colours.js";
import { CLASS_COLOURS, OKABE_ITO } from "../../web/src/views/palette.js";
import { curveExtent, curveTicks, tickText } from "../../web/src/views/decision-boundary-view.js";

test("six distinct Okabe–Ito class colours, the two-class sets' orange and blue first", () => {
  assert.equal(MOST_CLASSES, 6);
  assert.equal(new Set(CLASS_ORDER).size, 6);
  const okabe = new Set<string>(Object.values(OKABE_ITO));
  for (const c of CLASS_ORDER) assert.ok(okabe.has(c), c);
  assert.ok(!CLASS_ORDER.includes(OKABE_ITO.yellow) && !CLASS_ORDER.includes(OKABE_ITO.black));
  assert.equal(classColour(0), CLASS_COLOURS.zero);
  assert.equal(classColour(1), CLASS_COLOURS.one);
  assert.throws(() => classColour(6), /class 6 has no colour/);
});

test("the picked class: one unit at 0.5, K units by argmax, sureness from the uniform 1/K", () => {
  assert.deepEqual(pickedClass([0.9], 0, 1), { k: 1, sureness: 0.8 });
  assert.deepEqual(pickedClass([0.5], 0, 1), { k: 1, sureness: 0 });
  assert.equal(pickedClass([0.2], 0, 1)?.k, 0);
  const three = pickedClass([0, 0, 0.2, 0.7, 0.1], 2, 3);
  assert.equal(three?.k, 1);
  assert.ok(Math.abs((three?.sureness ?? 0) - (0.7 - 1 / 3) / (2 / 3)) < 1e-12);
  assert.equal(pickedClass([0.25, 0.25, 0.25, 0.25], 0, 4)?.sureness, 0);
  assert.equal(pickedClass([NaN], 0, 1), null);
  assert.equal(pickedClass([0.5, NaN], 0, 2), null);
});

test("a region's colour: white where unsure or not a number, the class colour where sure", () => {
  assert.deepEqual(classCellColour([0.5], 0, 1, false), [255, 255, 255]);
  assert.deepEqual(classCellColour([NaN, 0.1, 0.9], 0, 3, true), [255, 255, 255]);
  const sure = classCellColour([0, 0, 1], 0, 3, false);
  const unsure = classCellColour([0.3, 0.3, 0.4], 0, 3, false);
  const green = hexRgb(OKABE_ITO.bluishGreen);
  // Towards green, never all the way (the points stay visible).
  for (let i = 0; i < 3; i++) {
    const toward = (c: readonly number[]) => Math.abs((c[i] ?? 0) - (green[i] ?? 0));
    assert.ok(toward(sure) < toward(unsure), `channel ${i}`);
    assert.ok(toward(sure) > 0 || green[i] === 255);
  }
  // Discretized: one flat colour per class, whatever the sureness.
  assert.deepEqual(
    classCellColour([0.3, 0.3, 0.4], 0, 3, true),
    classCellColour([0, 0, 1], 0, 3, true),
  );
  assert.notDeepEqual(
    classCellColour([0.4, 0.3, 0.3], 0, 3, true),
    classCellColour([0, 0, 1], 0, 3, true),
  );
});

test("the value scale: nice ceiling of the targets' largest |y|, orange below 0, blue above", () => {
  assert.equal(niceCeiling(0.93), 1);
  assert.equal(niceCeiling(1.2), 2);
  assert.equal(niceCeiling(3), 5);
  assert.equal(niceCeiling(0.04), 0.05);
  assert.equal(niceCeiling(0), 1);
  assert.deepEqual(valueScale([0.2, -0.97, 0.5]), { bound: 1 });
  assert.deepEqual(valueScale([NaN, 2.5]), { bound: 5 });
  const scale = { bound: 1 };
  assert.deepEqual(valueColour(0, scale, false), [255, 255, 255]);
  assert.deepEqual(valueColour(NaN, scale, false), [255, 255, 255]);
  const orange = hexRgb(OKABE_ITO.orange);
  const blue = hexRgb(OKABE_ITO.blue);
  const below = valueColour(-1, scale, false);
  const above = valueColour(1, scale, false);
  assert.ok(below[2] < below[0], "orange: less blue than red");
  assert.ok(above[2] > above[0], "blue: more blue than red");
  // Beyond the bound the colour stays at the bound's.
  assert.deepEqual(valueColour(7, scale, false), above);
  assert.deepEqual(valueColour(-7, scale, false), below);
  assert.ok(orange[0] > blue[0]);
  // Discretized: VALUE_BANDS bands, none white, neighbours within a band alike.
  const bands = new Set<string>();
  for (let v = -0.999; v < 1; v += 0.01) bands.add(valueColour(v, scale, true).join(","));
  assert.equal(bands.size, VALUE_BANDS);
  assert.ok(!bands.has("255,255,255"));
  assert.deepEqual(valueColour(0.01, scale, true), valueColour(0.2, scale, true));
  assert.deepEqual(valueTicks({ bound: 2 }), [-2, -1, 0, 1, 2]);
  assert.match(valueGradientCss(scale, false), /^linear-gradient\(to right, rgb\(/);
  assert.equal(valueGradientCss(scale, true).split("rgb(").length - 1, 2 * VALUE_BANDS);
});

test("a line set's y range: the targets' largest |y| with a margin, in steps of 0.5", () => {
  assert.equal(curveExtent([0.2, -1.05, 0.7]), 1.5);
  assert.equal(curveExtent([0.55, -0.6]), 1);
  assert.equal(curveExtent([]), 0.5);
  assert.equal(curveExtent([NaN, 2]), 3);
});

test("the fitted curve's ticks: 0, ±1 and the ends on each axis, with a true minus", () => {
  assert.deepEqual(curveTicks(1.5, 1.5), { x: [-1.5, -1, 0, 1, 1.5], y: [-1.5, -1, 0, 1, 1.5] });
  assert.deepEqual(curveTicks(1.5, 2).y, [-2, -1, 0, 1, 2]);
  assert.deepEqual(curveTicks(1.5, 1).y, [-1, 0, 1]);
  assert.deepEqual(curveTicks(1.5, 0.5).y, [-0.5, 0, 0.5]);
  assert.equal(tickText(-1.5), "−1.5");
  assert.equal(tickText(2), "2");
  assert.equal(tickText(0), "0");
});
