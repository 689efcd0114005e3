// What the draw-a-digit card says about the network's output for a drawn digit: the bars' title
// (softmax probabilities, or the output's own activations labelled as such), each bar's words,
// and the network's answer. Pure: computed from the run's settings and the output activations.

import { catalogue, type ActivationName } from "gradscope";
import type { DrawnSample } from "../backprop/backprop-input.js";

/** The bars' title, e.g. "Softmax output aᴸⱼ: the probability of each digit (they sum to 1)". */
export function outputBarsTitle(output: ActivationName): string {
  if (output === "softmax")
    return "Softmax output aᴸⱼ: the network's probability for each digit (they sum to 1)";
  const info = catalogue.activation(output);
  const [lo, hi] = info.outputRange;
  const bounded = Number.isFinite(lo) && Number.isFinite(hi);
  return (
    `${info.label} output aᴸⱼ, one unit per digit: activations, not probabilities` +
    (bounded ? ` (each in [${lo}, ${hi}]; they need not sum to 1)` : " (they need not sum to 1)")
  );
}

/** The index of the largest activation (the network's answer); -1 for an empty output. */
export function argmax(output: ArrayLike<number>): number {
  let best = -1;
  for (let j = 0; j < output.length; j++)
    if (best < 0 || (output[j] ?? -Infinity) > (output[best] ?? -Infinity)) best = j;
  return best;
}

/** One bar's accessible words, e.g. "digit 3: probability 0.912" / "digit 3: activation 0.41". */
export function barLabel(output: ActivationName, digit: number, value: number): string {
  const what = output === "softmax" ? "probability" : "activation";
  return `digit ${digit}: ${what} ${Number.isFinite(value) ? value.toFixed(3) : "not a number"}`;
}

/** The sentence under the bars: the network's answer for the drawing. */
export function drawnAnswer(output: ActivationName, values: ArrayLike<number>): string {
  const best = argmax(values);
  if (best < 0) return "";
  const v = values[best] ?? NaN;
  const how =
    output === "softmax"
      ? `with probability ${v.toFixed(3)}`
      : `its ${catalogue.activation(output).label} unit the most active at ${v.toFixed(3)}`;
  return `The network reads your drawing as ${best}, ${how}.`;
}

/**
 * The network's input x and target y for a drawn digit: its pixels, and the one-hot target of
 * the class the learner chose. Throws, naming the value, when either does not fit the network.
 */
export function drawnInput(
  sample: DrawnSample,
  inputWidth: number,
  outputWidth: number,
): { x: Float32Array; y: Float32Array } {
  if (sample.pixels.length !== inputWidth)
    throw new Error(
      `a drawn digit has ${sample.pixels.length} values; this network takes ${inputWidth} inputs`,
    );
  if (!Number.isInteger(sample.target) || sample.target < 0 || sample.target >= outputWidth)
    throw new Error(
      `a drawn digit's class ${sample.target} is not one of the network's 0 … ${outputWidth - 1}`,
    );
  const y = new Float32Array(outputWidth);
  y[sample.target] = 1;
  return { x: sample.pixels, y };
}

/**
 * The backprop view's words for a drawn digit, e.g. "the digit you drew (digit 3)": the class is
 * the one the learner chose, worded as a data sample's is ("(digit 3)" names the output units).
 */
export function drawnLabel(sample: DrawnSample): string {
  return `the digit you drew (digit ${sample.target})`;
}

/**
 * Each bar's length as a share of the full bar: the activation's place in the output's range
 * ([0, 1] for softmax and σ, [−1, 1] for tanh), or, for an unbounded output, its share of the
 * largest |activation| (negative values get no bar).
 */
export function barFractions(output: ActivationName, values: ArrayLike<number>): number[] {
  const [lo, hi] = catalogue.activation(output).outputRange;
  const list = Array.from(values, (v) => (Number.isFinite(v) ? v : 0));
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  if (Number.isFinite(lo) && Number.isFinite(hi))
    return list.map((v) => clamp((v - lo) / (hi - lo)));
  const most = Math.max(0, ...list.map(Math.abs));
  return list.map((v) => (most === 0 ? 0 : clamp(v / most)));
}
