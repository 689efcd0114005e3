// How the backprop view names layers and activations: superscript layer numbers (z³, δ¹²), each
// layer's activation (hidden or output) and its TeX symbol. Pure.

import type { ActivationName } from "gradscope";
import type { BackpropInput } from "./backprop-input.js";

const SUPERSCRIPT = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"] as const;

/** 12 → "¹²": a layer number as a superscript. */
export function sup(n: number): string {
  return String(n)
    .split("")
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join("");
}

/** The activation of layer l (2 … L): the run's hidden activation, the output's at l = L. */
export function layerActivation(
  input: Pick<BackpropInput, "layerSizes" | "activation" | "output">,
  l: number,
): ActivationName {
  return l === input.layerSizes.length ? input.output : input.activation;
}

const TEX: Record<ActivationName, string> = {
  sigmoid: "\\sigma",
  tanh: "\\tanh",
  relu: "\\operatorname{ReLU}",
  "leaky-relu": "\\operatorname{leakyReLU}",
  identity: "\\operatorname{id}",
  softmax: "\\operatorname{softmax}",
};

/** The activation's symbol in TeX (σ, tanh, ReLU, …). */
export function activationTex(name: ActivationName): string {
  return TEX[name];
}

/** "digit" for the image sets, "class" for the 2-D sets: as the sample's label words it. */
export function classWord(input: Pick<BackpropInput, "sampleLabel">): "digit" | "class" {
  return /\(digit \d+\)$/.test(input.sampleLabel) ? "digit" : "class";
}

/**
 * What each output neuron stands for: "digit j" / "class j" per neuron, or, with one output
 * neuron (a ≥ 0.5 means class 1), "class 1".
 */
export function outputLabels(input: Pick<BackpropInput, "sampleLabel" | "layerSizes">): string[] {
  const n = input.layerSizes[input.layerSizes.length - 1] ?? 0;
  const word = classWord(input);
  if (n === 1) return [`${word} 1`];
  return Array.from({ length: n }, (_, j) => `${word} ${j}`);
}

/** The class an output vector aᴸ (or a target y) picks: its largest entry; one neuron: a ≥ 0.5. */
export function pickedClass(values: ArrayLike<number>): number {
  if (values.length === 1) return (values[0] ?? NaN) >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < values.length; ++j)
    if ((values[j] ?? -Infinity) > (values[best] ?? -Infinity)) best = j;
  return best;
}

/** 1 − ηλ/n, the weight decay's factor, to 6 significant digits (e.g. 0.99925). */
export function decayFactorText(input: Pick<BackpropInput, "learningRate" | "l2" | "n">): string {
  return String(Number((1 - (input.learningRate * input.l2) / input.n).toPrecision(6)));
}
