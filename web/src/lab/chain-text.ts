// What the chain lab says about the factors |w_(j+1) σ′(z_j)|, computed from the chosen activation
// (its σ′ ceiling from the package's catalogue) and the chain: the comparison of each factor with
// the ceiling and the two explanatory paragraphs. Pure: no DOM.

import { catalogue, type ChainProduct } from "gradscope";
import { formatNumber } from "../views/number-format.js";
import type { ChainActivation } from "./chain-state.js";
import { subscript } from "./chain-backward.js";

export const NIELSEN_CHAPTER_5 = "http://neuralnetworksanddeeplearning.com/chap5.html";

/** The largest σ′ of an activation, from the catalogue (sigmoid 1/4, tanh and the ReLUs 1). */
export function ceilingOf(activation: ChainActivation): number {
  const row = catalogue.activations.find((a) => a.name === activation);
  if (!row) throw new Error(`no activation ${activation} in the catalogue`);
  return row.maxDerivative;
}

/** 1/4 rather than 0.25, as the book writes it. */
export function ceilingText(ceiling: number): string {
  return ceiling === 0.25 ? "1/4" : formatNumber(ceiling);
}

export type FactorClass = "factor-small" | "factor-mid" | "factor-large";

export interface Factor {
  /** The factor between neuron j and j + 1 (j = 1 … n − 1). */
  j: number;
  value: number;
  cls: FactorClass;
  /** e.g. "|w₂ σ′(z₁)| = 0.16 < 1/4". */
  text: string;
}

/**
 * Each |w_(j+1) σ′(z_j)|: below the activation's ceiling (what |w| < 1 guarantees), above 1 (the
 * gradient grows going back), or in between.
 */
export function chainFactors(p: ChainProduct, activation: ChainActivation): Factor[] {
  const ceiling = ceilingOf(activation);
  const out: Factor[] = [];
  for (let j = 1; j < p.neurons.length; ++j) {
    const a = Math.abs((p.neurons[j]?.w ?? 0) * (p.neurons[j - 1]?.sigmaPrime ?? 0));
    const cls: FactorClass = a > 1 ? "factor-large" : a < ceiling ? "factor-small" : "factor-mid";
    const mark = a > 1 ? " > 1" : a < ceiling ? ` < ${ceilingText(ceiling)}` : "";
    out.push({
      j,
      value: a,
      cls,
      text: `|w${subscript(j + 1)} σ′(z${subscript(j)})| = ${formatNumber(a)}${mark}`,
    });
  }
  return out;
}

/** The sentence above the factor list. */
export function ceilingSentence(activation: ChainActivation): string {
  const c = ceilingText(ceilingOf(activation));
  const where: Record<ChainActivation, string> = {
    sigmoid: " (= σ′(0) = 1/4)",
    tanh: " (= tanh′(0))",
    relu: " (for every z > 0; 0 for z < 0)",
    "leaky-relu": " (for every z > 0; 0.01 for z < 0)",
    identity: " (everywhere)",
  };
  return (
    `For ${activation}, σ′(z) ≤ ${c}${where[activation]}, so |w σ′| ≤ ${c} whenever |w| ≤ 1. ` +
    `The factors of this chain:`
  );
}

/** Why the product vanishes with this activation. */
export function vanishingParagraph(activation: ChainActivation, n: number): string {
  const steps = n - 1;
  switch (activation) {
    case "sigmoid":
      return (
        `Vanishing: σ′ of the sigmoid is at most σ′(0) = 1/4. If every |w_j| < 1, each factor |w_(j+1) σ′(z_j)| < 1/4, ` +
        `so with ${n} neurons ∂C/∂b₁ is more than 4^${steps} = ${formatNumber(4 ** steps)} times smaller than ∂C/∂b_${n}: ` +
        `the first layers learn far more slowly than the last.`
      );
    case "tanh":
      return (
        `Vanishing: tanh′ is at most tanh′(0) = 1, four times the sigmoid's ceiling, so |w| < 1 no longer forces a factor ` +
        `below 1/4: with |w_j| near 1 and z_j near 0 the gradient passes back almost undiminished. It still shrinks ` +
        `wherever a neuron saturates (|z| large, tanh′(z) ≈ 0) or |w| is small.`
      );
    case "relu":
      return (
        `Vanishing: ReLU′ is 1 for z > 0 and 0 for z < 0, so each factor is |w_(j+1)| when neuron j is active and exactly 0 ` +
        `when it is not. Active neurons do not shrink the gradient, |w| does; one inactive neuron makes ∂C/∂b of every ` +
        `neuron before it exactly 0 (drawn at the chart's floor).`
      );
    case "leaky-relu":
      return (
        `Vanishing: leaky ReLU′ is 1 for z > 0 and 0.01 for z < 0, so each factor is |w_(j+1)| for an active neuron and ` +
        `0.01 |w_(j+1)| for an inactive one: the gradient never becomes exactly 0, but each inactive neuron shrinks it 100-fold.`
      );
    case "identity":
      return (
        `Vanishing: the identity's derivative is 1 everywhere, so each factor is just |w_(j+1)| and ∂C/∂b₁ is ∂C/∂b_${n} ` +
        `times the product of the weights: it vanishes only when the weights are small (and such a chain is one linear map).`
      );
  }
}

/** The activations Nielsen's example (every z_j = 0) cannot explode: σ′(0) ≤ 0.01. */
export function explodingActivation(activation: ChainActivation): ChainActivation {
  return activation === "relu" || activation === "leaky-relu" ? "sigmoid" : activation;
}

/**
 * Nielsen's exploding example for this activation; `sigmaPrimeAtZero` is σ′(0) of the activation
 * the preset uses (explodingActivation), from the core.
 */
export function explodingParagraph(activation: ChainActivation, sigmaPrimeAtZero: number): string {
  const d = ceilingText(sigmaPrimeAtZero);
  const factor = formatNumber(100 * sigmaPrimeAtZero);
  const used = explodingActivation(activation);
  const lead =
    used !== activation
      ? `Exploding (Nielsen's example; at z = 0 ${activation}′ is ${activation === "relu" ? "0" : "0.01"}, so the preset uses the ${used}): `
      : "Exploding (Nielsen's example): ";
  return (
    lead +
    `make every w_j = 100 and choose b_j = −100·a_(j−1), so every z_j = 0 and σ′(z_j) = ${d}. ` +
    `Now each factor is 100 × ${d} = ${factor} and the gradient grows ${factor}-fold ` +
    `per layer going back. Either way the gradient in early layers is unstable: it is a product of many factors that ` +
    `are rarely all near 1.`
  );
}
