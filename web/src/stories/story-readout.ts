// The sentence a story states about the current run, computed from the latest snapshot: the
// measured figure (a ratio of gradient norms, the output error, a share of σ′ values) and only
// the conclusions that the figure supports. The numbers are also returned for the page's data
// attributes (tests read them there). Pure: no DOM.

import { catalogue } from "gradscope";
import type { Settings } from "../state/settings.js";
import { formatRatio } from "../views/learning-speed-summary.js";
import { formatNumber, formatPercent } from "../views/number-format.js";
import type { StoryMeasure } from "./story-catalogue.js";

/** What a readout needs of one weighted layer l = 2 … L (a LayerSnapshot has all of it). */
export interface MeasuredLayer {
  layer: number;
  /** n_l */
  rows: number;
  biasGradNorm: number;
  saturatedFraction: number;
  meanAbsActDeriv: number;
}

export interface Readout {
  text: string;
  /** The figures the text states, by name (written to the page as data-* attributes). */
  values: Record<string, number>;
}

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};
const sup = (n: number) => [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join("");
const count = (n: number) => n.toLocaleString("en");

/** "2–7", "2, 4" or "3": a list of layer numbers, runs collapsed. */
export function layerList(layers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < layers.length;) {
    let j = i;
    while (j + 1 < layers.length && layers[j + 1] === (layers[j] ?? 0) + 1) j++;
    parts.push(j > i + 1 ? `${layers[i]}–${layers[j]}` : layers.slice(i, j + 1).join(", "));
    i = j + 1;
  }
  return parts.join(", ");
}

function depthRatio(step: number, layers: readonly MeasuredLayer[]): Readout {
  const first = layers[0];
  const last = layers[layers.length - 1];
  if (!first || !last || first === last) {
    return { text: `At step ${count(step)}: the network has no hidden layer.`, values: {} };
  }
  const ratio = first.biasGradNorm / last.biasGradNorm;
  const head =
    `At step ${count(step)}: ‖∂C/∂b${sup(first.layer)}‖ / ‖∂C/∂b${sup(last.layer)}‖ = ` +
    `${formatNumber(ratio)}. `;
  let verdict: string;
  if (!Number.isFinite(ratio)) {
    verdict =
      last.biasGradNorm === 0
        ? "The output layer has no gradient now."
        : "The gradients are not numbers: training diverged.";
  } else if (ratio === 0) {
    verdict = "No gradient reaches the first hidden layer.";
  } else if (ratio < 1) {
    // One ratio format with the gradient card's summary (formatRatio: 3.2, 45, 1.7·10⁴).
    verdict = `The first hidden layer learns ${formatRatio(1 / ratio)}× slower than the output layer`;
    verdict += ratio >= 0.1 ? ": within 10× of the output layer's." : ".";
  } else {
    verdict = `The first hidden layer's gradient is ${formatRatio(ratio)}× the output layer's`;
    verdict += ratio <= 10 ? ": within 10× of the output layer's." : ".";
  }
  return { text: head + verdict, values: { step, ratio } };
}

function outputError(step: number, layers: readonly MeasuredLayer[], s: Settings): Readout {
  const last = layers[layers.length - 1];
  if (!last) return { text: "", values: {} };
  const error = last.biasGradNorm;
  const sigmaPrime = last.meanAbsActDeriv;
  const L = sup(last.layer);
  let text =
    `At step ${count(step)}: the output error ‖δ${L}‖ = ‖∂C/∂b${L}‖ = ${formatNumber(error)}; ` +
    `mean σ′(z${L}) of the output neuron = ${formatNumber(sigmaPrime)}`;
  const ceiling = catalogue.activation(s.output).maxDerivative;
  text += ` (at most ${formatNumber(ceiling)}). `;
  // BP1 for a sigmoid output: δᴸ = (aᴸ − y)σ′(zᴸ) under the quadratic cost, aᴸ − y under
  // cross-entropy (Nielsen, ch. 3, eq. 66).
  if (s.output === "sigmoid" && s.cost === "quadratic") {
    text +=
      "The quadratic cost keeps σ′(zᴸ) in δᴸ = (aᴸ − y) σ′(zᴸ), so a saturated output learns slowly.";
  } else if (s.output === "sigmoid" && s.cost === "cross-entropy") {
    text += "Cross-entropy cancels σ′(zᴸ): δᴸ = aᴸ − y, however saturated the output.";
  }
  return { text: text.trim(), values: { step, outputError: error, outputSigmaPrime: sigmaPrime } };
}

function hiddenShare(step: number, layers: readonly MeasuredLayer[], s: Settings): Readout {
  const hidden = layers.slice(0, -1);
  if (hidden.length === 0) {
    return { text: `At step ${count(step)}: the network has no hidden layer.`, values: {} };
  }
  const units = hidden.reduce((n, l) => n + l.rows, 0);
  // Each layer's share weighted by its neurons: the share over all hidden (neuron, point) pairs.
  const share = hidden.reduce((sum, l) => sum + l.saturatedFraction * l.rows, 0) / units;
  const dead = catalogue.activation(s.activation).zeroDerivative === "dead";
  // The activation's own derivative symbol (ReLU′, tanh′), and what the share counts.
  const p = `${catalogue.activation(s.activation).symbol}′(z)`;
  const what = dead
    ? `of the hidden (unit, training point) pairs have ${p} = 0 (inactive: no gradient passes)`
    : `of the hidden (unit, training point) pairs have ${p} below 1 % of its maximum (saturated)`;
  const perLayer = hidden.map((l) => `${l.layer}: ${formatPercent(l.saturatedFraction)}`);
  let text = `At step ${count(step)}: ${formatPercent(share)} ${what}; by layer ${perLayer.join(", ")}.`;
  const most = hidden.reduce((a, b) => (b.saturatedFraction > a.saturatedFraction ? b : a));
  const least = hidden.reduce((a, b) => (b.saturatedFraction < a.saturatedFraction ? b : a));
  if (most.saturatedFraction > least.saturatedFraction) {
    text +=
      ` Most in layer ${most.layer} (${formatPercent(most.saturatedFraction)}), ` +
      `fewest in layer ${least.layer} (${formatPercent(least.saturatedFraction)}).`;
  }
  const silent = layers.filter((l) => l.biasGradNorm === 0).map((l) => l.layer);
  if (silent.length > 0) {
    text += ` Layers with exactly zero gradient: ${layerList(silent)}.`;
  }
  return { text, values: { step, hiddenShare: share, silentLayers: silent.length } };
}

/** The readout of `measure` for a snapshot at `step` of a run with settings `s`. */
export function storyReadout(
  measure: StoryMeasure,
  step: number,
  layers: readonly MeasuredLayer[],
  s: Settings,
): Readout {
  switch (measure) {
    case "depth-ratio":
      return depthRatio(step, layers);
    case "output-error":
      return outputError(step, layers, s);
    case "hidden-share":
      return hiddenShare(step, layers, s);
  }
}
