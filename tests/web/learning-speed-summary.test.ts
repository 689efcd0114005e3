import assert from "node:assert/strict";
import { test } from "node:test";
import {
  formatRatio,
  learningSpeedSummary,
  noGradientNote,
  SAME_SPEED_FACTOR,
  superscript,
  type LayerNorms,
} from "../../web/src/views/learning-speed-summary.js";
import { formatNumber } from "../../web/src/views/number-format.js";

const net = (...norms: [number, number][]): LayerNorms[] =>
  norms.map(([b, w], i) => ({ layer: i + 2, biasGradNorm: b, weightGradNorm: w }));
const say = (layers: LayerNorms[]) => learningSpeedSummary(layers, formatNumber);

test("ratios: one decimal below 10, whole numbers below 1000, then a power of ten", () => {
  assert.equal(formatRatio(3.24), "3.2");
  assert.equal(formatRatio(45.4), "45");
  assert.equal(formatRatio(870.2), "870");
  assert.equal(formatRatio(12_700), "1.3·10⁴");
  assert.equal(formatRatio(9.96e5), "1.0·10⁶");
  assert.equal(formatRatio(2.5e-3 ** -1), "400");
  assert.equal(superscript(12), "¹²");
  assert.equal(superscript(-4), "⁻⁴");
});

test("a deep sigmoid network: layer 2 learns the measured factor slower than the output layer", () => {
  const text = say(net([2.1e-6, 1e-5], [3e-4, 1e-3], [2.7e-2, 0.1]));
  assert.equal(
    text,
    "Layer 2 learns 1.3·10⁴× slower than the output layer (‖∂C/∂b²‖ = 2.10e-6, ‖∂C/∂b⁴‖ = 0.027).",
  );
});

test("when layer 2 is the faster one the sentence says faster", () => {
  assert.equal(
    say(net([0.5, 1], [0.1, 1])),
    "Layer 2 learns 5.0× faster than the output layer (‖∂C/∂b²‖ = 0.5, ‖∂C/∂b³‖ = 0.1).",
  );
});

test("within the same-speed factor both learn at about the same speed", () => {
  const just = 0.1 * (SAME_SPEED_FACTOR - 0.01);
  assert.match(say(net([0.1, 1], [just, 1])), /^Layer 2 and the output layer learn at about/);
  assert.match(say(net([just, 1], [0.1, 1])), /^Layer 2 and the output layer learn at about/);
  assert.match(say(net([0.1, 1], [0.1 * SAME_SPEED_FACTOR, 1])), /slower/);
});

test("zero gradients are said in words, never as a ratio of 0 or ∞", () => {
  assert.equal(
    say(net([0, 0], [0.2, 1])),
    "Layer 2 has no gradient (‖∂C/∂b²‖ = 0, ‖∂C/∂b³‖ = 0.2): it does not learn at all, while the output layer does.",
  );
  assert.match(
    say(net([0.2, 1], [0, 0])),
    /^The output layer has no gradient .*while layer 2 does\.$/,
  );
  assert.match(say(net([0, 0], [0, 0])), /^Neither layer 2 nor the output layer has any gradient/);
  for (const t of [say(net([0, 0], [0.2, 1])), say(net([0.2, 1], [0, 0]))])
    assert.doesNotMatch(t, /×|∞|NaN/);
});

test("a diverged run (norms not finite) compares nothing", () => {
  for (const bad of [NaN, Infinity])
    assert.match(say(net([bad, 1], [0.1, 1])), /not a finite number .*training diverged/);
});

test("a network without a hidden layer has nothing to compare", () => {
  assert.match(say(net([0.1, 1])), /^Only the output layer has weights/);
  assert.match(say([]), /^Only the output layer/);
});

test("the note names the layers with no gradient, both norms or each apart", () => {
  assert.equal(noGradientNote(net([0.1, 1], [0.2, 1])), "");
  assert.equal(
    noGradientNote(net([0, 0], [0.2, 1])),
    "no gradient in layer 2 (‖∂C/∂w‖ = ‖∂C/∂b‖ = 0): it does not learn",
  );
  assert.equal(
    noGradientNote(net([0, 0], [0, 0], [0.2, 1])),
    "no gradient in layers 2 and 3 (‖∂C/∂w‖ = ‖∂C/∂b‖ = 0): they do not learn",
  );
  // A dead layer 2 outputs zeros: layer 3's weights get no gradient, its biases still do.
  assert.equal(
    noGradientNote(net([0, 0], [0.3, 0], [0.2, 1], [0.1, 0])),
    "no gradient: ‖∂C/∂w‖ = 0 in layers 2, 3 and 5 (5 is the output layer); ‖∂C/∂b‖ = 0 in layer 2",
  );
  assert.equal(
    noGradientNote(net([0.1, 1], [0.2, 0])),
    "no gradient: ‖∂C/∂w‖ = 0 in layer 3 (the output layer)",
  );
});

test("a dead layer before the output: only the output's biases learn, never 'the output layer does'", () => {
  const text = say(net([0, 0], [0, 0], [0.2, 0]));
  assert.match(text, /the output layer learns only its biases \(‖∂C\/∂w⁴‖ = 0: the layer before/);
  assert.doesNotMatch(text, /while the output layer does/);
});
