// The sentences the playground's cards say about the current configuration, each computed from it
// and the package's catalogue (ceiling of σ', what σ' = 0 means, BP1's form for the output and
// cost, depth), so none of them can stay true for one setting and false for another.

import {
  catalogue,
  type ActivationInfo,
  type ActivationName,
  type Bp1Form,
  type CostName,
  type HiddenActivationName,
} from "gradscope";

/** The part of the settings the captions depend on. */
export interface CaptionSettings {
  activation: HiddenActivationName;
  output: ActivationName;
  cost: CostName;
  /** Neurons per hidden layer. */
  hidden: readonly number[];
}

/** 0.25 → "1/4", 1 → "1", 0.01 → "0.01": how the page writes a σ' bound. */
export function boundText(x: number): string {
  for (const d of [2, 3, 4, 5, 8, 10]) {
    const n = x * d;
    if (Number.isInteger(n) && n < d && n > 0) return `${n}/${d}`;
  }
  return String(x);
}

/** "σ′", "tanh′", "ReLU′": the derivative's name for an activation. */
export function primeSymbol(name: ActivationName): string {
  const symbol = catalogue.activation(name).symbol;
  return `${symbol}′`;
}

/** What σ' = 0 (below 1 % of its ceiling) means for a unit of `name`, as the page says it. */
export function lowDerivativeWord(name: ActivationName): "saturated" | "inactive (dead)" | null {
  const meaning = catalogue.activation(name).zeroDerivative;
  if (meaning === "dead") return "inactive (dead)";
  if (meaning === "saturated") return "saturated";
  return null;
}

function constantDerivative(a: ActivationInfo): boolean {
  return a.derivativeRange[0] === a.derivativeRange[1];
}

/** What the σ′ card does with the output layer l = L, by BP1's form for (output, cost). */
export interface OutputTreatment {
  bp1: Bp1Form;
  /** False when σ'(z^L) cancels from BP1 (δ^L = a^L − y): nothing of it is drawn. */
  drawn: boolean;
  /** The output layer's legend label (when drawn) or its line in place of the histogram. */
  label: string;
}

export function outputTreatment(
  output: ActivationName,
  cost: CostName,
  L: number,
): OutputTreatment {
  const pair = catalogue.pair(output, cost);
  if (!pair) throw new Error(`the core does not train output ${output} with cost ${cost}`);
  if (pair.bp1 === "shortcut") {
    return {
      bp1: pair.bp1,
      drawn: false,
      label: `l = ${L} (output, ${output} + ${cost}): σ′ cancels: δᴸ = aᴸ − y`,
    };
  }
  if (pair.bp1 === "softmax-jacobian") {
    return {
      bp1: pair.bp1,
      drawn: true,
      label: `l = ${L} (output, softmax: the Jacobian's diagonal aⱼ(1 − aⱼ))`,
    };
  }
  return { bp1: pair.bp1, drawn: true, label: `l = ${L} (output)` };
}

/** The activation card's explanation: the chosen activation's ceiling, what it does per layer. */
export function activationCaption(s: CaptionSettings): string {
  const a = catalogue.activation(s.activation);
  const p = primeSymbol(s.activation);
  const n = s.hidden.length;
  const ceiling = boundText(a.maxDerivative);
  const chain =
    n === 0
      ? "With no hidden layer, no hidden σ′ enters the gradient."
      : `Going back through ${n === 1 ? "the hidden layer" : `each of the ${n} hidden layers`}, ` +
        "backprop multiplies the gradient by w σ′(z) (BP2).";
  if (constantDerivative(a)) {
    const value = boundText(a.derivativeRange[0]);
    return `${p} = ${value} for every z, so only the weights scale it: |w σ′(z)| = |w|. ${chain}`;
  }
  let bound =
    `${p} never exceeds ${ceiling}, ` + `so each factor |w ${p}(z)| is at most |w| × ${ceiling}`;
  if (a.maxDerivative < 1) bound += ` (below ${ceiling} only while |w| ≤ 1)`;
  const zero =
    a.zeroDerivative === "dead"
      ? ` ${p} = 0 for z < 0: such a unit is inactive (dead) and passes nothing back.`
      : a.zeroDerivative === "saturated"
        ? ` ${p} tends to 0 as |z| grows: a saturated unit passes almost nothing back.`
        : ` ${p} is never below ${boundText(a.derivativeRange[0])}, ` +
          "so no unit stops passing the gradient back.";
  return `${chain} ${bound}.${zero}`;
}

/** The σ′ card's explanation: hidden layers by BP2, and the output as BP1 treats it. */
export function derivativeCaption(s: CaptionSettings): string {
  const L = s.hidden.length + 2;
  const out = outputTreatment(s.output, s.cost, L);
  const hidden =
    s.hidden.length === 0
      ? "No hidden layer: only the output's σ′ could enter the gradient."
      : `Backprop multiplies by ${primeSymbol(s.activation)}(zˡ) at each hidden layer ` +
        `l = 2 … ${L - 1} (BP2); small factors shrink the gradient.`;
  let output: string;
  if (out.bp1 === "shortcut") {
    output =
      `At the output, ${s.output} with ${s.cost} cancels σ′(zᴸ) in BP1: δᴸ = aᴸ − y, ` +
      "so the output's σ′ is not drawn.";
  } else if (out.bp1 === "softmax-jacobian") {
    output =
      "At the output, BP1 uses the softmax Jacobian: " +
      `what is drawn for l = ${L} is its diagonal aⱼ(1 − aⱼ).`;
  } else {
    output =
      `At the output, BP1 multiplies by ${primeSymbol(s.output)}(zᴸ) too ` +
      "(δᴸ = ∇ₐC ⊙ σ′(zᴸ)): a saturated output learns slowly.";
  }
  return `${hidden} ${output}`;
}

/** The max-derivative marker of the activation chart: where σ' reaches its ceiling, and a label. */
export interface DerivativeMarker {
  /** The index into z of the first sample where σ'(z) is at its ceiling, or −1. */
  index: number;
  value: number;
  label: string;
}

export function maxDerivativeMarker(
  name: HiddenActivationName,
  z: readonly number[],
  derivative: readonly number[],
): DerivativeMarker {
  const a = catalogue.activation(name);
  const p = primeSymbol(name);
  const ceiling = boundText(a.maxDerivative);
  // Prefer z = 0 when the ceiling is reached there (sigmoid, tanh); else the first z reaching it.
  const atCeiling = (i: number) => Math.abs((derivative[i] ?? NaN) - a.maxDerivative) < 1e-6;
  const zero = z.findIndex((v) => Math.abs(v) < 1e-9);
  const index = zero >= 0 && atCeiling(zero) ? zero : derivative.findIndex((_, i) => atCeiling(i));
  const where = constantDerivative(a)
    ? "for every z"
    : index === zero
      ? `= ${p}(0)`
      : a.zeroDerivative === "dead" || a.derivativeRange[0] > 0
        ? "for every z > 0"
        : "";
  return { index, value: a.maxDerivative, label: `max ${p} = ${ceiling} ${where}`.trim() };
}

/** The drawn layers of the σ′ card: the hidden ones, and the output unless σ' cancels there. */
export function drawnLayers(s: CaptionSettings): number[] {
  const L = s.hidden.length + 2;
  const layers = Array.from({ length: s.hidden.length }, (_, i) => i + 2);
  if (outputTreatment(s.output, s.cost, L).drawn) layers.push(L);
  return layers;
}

/** The activation of weighted layer l (2 … L). */
export function layerActivation(s: CaptionSettings, l: number): ActivationName {
  return l === s.hidden.length + 2 ? s.output : s.activation;
}

/** The saturation chart's title: "saturated" or "inactive (dead)" as the hidden activation says. */
export function saturationTitle(s: CaptionSettings): string {
  const word = lowDerivativeWord(s.activation);
  const ceiling = boundText(catalogue.activation(s.activation).maxDerivative);
  if (word === "inactive (dead)") return "Inactive (dead) units per layer (σ′ = 0: z < 0)";
  if (word === "saturated")
    return `Saturated units per layer (σ′ below 1% of its maximum ${ceiling})`;
  return `Units with σ′ below 1% of its maximum, per layer (${s.activation}: never)`;
}

/** The saturation chart's y axis, short enough for a phone: "% saturated", "% inactive". */
export function saturationAxisLabel(s: CaptionSettings): string {
  const word = lowDerivativeWord(s.activation);
  return word === "inactive (dead)" ? "% inactive" : word === null ? "% below 1%" : `% ${word}`;
}

/**
 * The words under the saturation chart: what the bars show, or, when every bar is 0, that they
 * are all zero (an empty-looking chart must not read as "no data").
 * `shares`: per drawn layer, its share (0 … 1) of (unit, sample) pairs below the threshold.
 */
export function saturationSummary(
  s: CaptionSettings,
  shares: readonly { layer: number; share: number }[],
): string {
  const L = s.hidden.length + 2;
  const out = outputTreatment(s.output, s.cost, L);
  const skipped = out.drawn ? "" : ` The output layer l = ${L} is left out: its σ′ cancels.`;
  if (shares.length === 0) return `No layer to show.${skipped}`;
  const hiddenWord = lowDerivativeWord(s.activation);
  if (shares.every((x) => x.share === 0)) {
    const what =
      hiddenWord === null
        ? `${s.activation}'s σ′ never falls below 1% of its maximum`
        : `no unit is ${hiddenWord} in any layer shown`;
    return `All bars are 0 %: ${what}.${skipped}`;
  }
  const worst = shares.reduce((a, b) => (b.share > a.share ? b : a));
  const word = lowDerivativeWord(layerActivation(s, worst.layer)) ?? "below 1% of its maximum";
  const share = (100 * worst.share).toFixed(1);
  return `Most ${word}: layer ${worst.layer}, ${share} % of units × samples.${skipped}`;
}

/**
 * The gradient card's explanation: what the chart measures and why depth changes it, by the
 * chosen activation's ceiling (BP2). States no direction it cannot know: whether the early layers
 * learn slower or faster is the measured summary's to say.
 */
export function gradientCaption(s: CaptionSettings): string {
  const L = s.hidden.length + 2;
  const head = `How fast each layer learns: ‖∂C/∂bˡ‖ for l = 2 … ${L}.`;
  if (s.hidden.length === 0)
    return `${head} With no hidden layer only the output layer l = 2 learns.`;
  const a = catalogue.activation(s.activation);
  const p = primeSymbol(s.activation);
  const factor =
    ` Going back, each hidden layer multiplies the gradient by w ${p}(z) (BP2); ` +
    (constantDerivative(a)
      ? `${p} = ${boundText(a.derivativeRange[0])}, so the weights alone decide`
      : `${p} ≤ ${boundText(a.maxDerivative)}, so |w ${p}(z)| ≤ |w| × ${boundText(a.maxDerivative)}`);
  return `${head}${factor}: factors below 1 slow the early layers (low l), above 1 speed them up.`;
}
