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
