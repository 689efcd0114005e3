// The sentences the backprop stepper states about each step, computed from the run's settings and
// the trace's numbers so that they are true for every network, activation, cost and sample
// (tests/web/backprop-captions.test.ts checks them over the whole catalogue). Pure.

import { catalogue } from "gradscope";
import type { Trace } from "gradscope";
import { boundText, lowDerivativeWord, primeSymbol } from "../views/captions.js";
import { formatNumber } from "../views/number-format.js";
import type { BackpropInput } from "./backprop-input.js";
import type { Step } from "./backprop-steps.js";
import { classWord, decayFactorText, layerActivation, pickedClass, sup } from "./backprop-names.js";
import { leftOutTerms, regularisationSentence } from "./l1-term.js";

/** ‖δˡ‖ of one layer, with the trace path of δˡ. */
export interface DeltaNorm {
  layer: number;
  path: string;
  norm: number;
}

/** A σ′ below this share of the activation's largest σ′ counts as saturated or dead. */
export const LOW_DERIVATIVE_SHARE = 0.01;

function layerOf(t: Trace, l: number) {
  const layer = t.layers[l - 2];
  if (layer === undefined) throw new Error(`the trace has no layer ${l}`);
  return layer;
}

function count(values: ArrayLike<number>, test: (v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < values.length; ++i) if (test(values[i] ?? NaN)) ++n;
  return n;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/**
 * "2 of 6 neurons are saturated: σ′(z³) below 1 % of its largest value 1/4." (ReLU: "inactive
 * (dead): ReLU′(z³) = 0, z ≤ 0"), or "" for an activation whose σ′ never nears 0.
 */
export function lowDerivativeSentence(input: BackpropInput, l: number, what: string): string {
  const name = layerActivation(input, l);
  const word = lowDerivativeWord(name);
  if (word === null) return "";
  const max = catalogue.activation(name).maxDerivative;
  const derivative = layerOf(input.trace, l).activationDerivative;
  const low = count(derivative, (v) => v < LOW_DERIVATIVE_SHARE * max);
  const n = derivative.length;
  const prime = `${primeSymbol(name)}(z${sup(l)})`;
  // Softmax has no entry-wise derivative: its Jacobian's diagonal entries aⱼ(1 − aⱼ) play σ′'s part.
  const subjectOf =
    name === "softmax" ? `the diagonal entry a${sup(l)}ⱼ(1 − a${sup(l)}ⱼ) of its Jacobian` : prime;
  const why =
    word === "saturated"
      ? `${subjectOf} below 1 % of its largest value ${boundText(max)}`
      : `${prime} = 0, z ≤ 0`;
  if (low === 0) return `No ${what} is ${word} (${why}).`;
  const subject =
    low < n ? `${low} of ${n} ${what}s` : n === 1 ? `The ${what}` : `All ${n} ${what}s`;
  return `${subject} ${low === 1 ? "is" : "are"} ${word}: ${why}.`;
}

export function forwardCaption(input: BackpropInput, l: number): string {
  const L = input.layerSizes.length;
  const n = input.layerSizes[l - 1] ?? 0;
  const nPrev = input.layerSizes[l - 2] ?? 0;
  const name = layerActivation(input, l);
  const label = catalogue.activation(name).label;
  const parts: string[] = [];
  if (l === 2) {
    const side = Math.round(Math.sqrt(nPrev));
    const picture = nPrev >= 64 && side * side === nPrev ? ` (a ${side} × ${side} image)` : "";
    parts.push(`a¹ = x is ${input.sampleLabel}: ${nPrev} ${plural(nPrev, "value")}${picture}.`);
  }
  const role = l === L ? "the output layer" : `hidden layer ${l - 1} of ${L - 2}`;
  parts.push(
    `Layer ${l} is ${role} with ${n} ${plural(n, "neuron")}: each neuron j adds its bias bⱼ to ` +
      `the weighted sum Σₖ wⱼₖaₖ of the ${nPrev} ${plural(nPrev, "activation")} of layer ${l - 1}`,
  );
  if (name === "softmax") {
    parts[parts.length - 1] +=
      `, then softmax turns the ${n} values of z${sup(l)} into probabilities that sum to 1 ` +
      `(each aⱼ depends on every zₖ).`;
  } else {
    parts[parts.length - 1] += `, then applies ${label} to it.`;
  }
  const low = lowDerivativeSentence(input, l, "neuron");
  if (low) parts.push(low);
  if (l === L) parts.push(predictionSentence(input));
  return parts.join(" ");
}

/** "The network predicts digit 3 (a³ = 0.81 is the largest); the target is digit 3: right." */
export function predictionSentence(input: BackpropInput): string {
  const t = input.trace;
  const L = input.layerSizes.length;
  const a = layerOf(t, L).a;
  const word = classWord(input);
  const predicted = pickedClass(a);
  const target = pickedClass(t.target);
  const how =
    a.length === 1
      ? `a${sup(L)} = ${formatNumber(a[0] ?? NaN)} is ${predicted === 1 ? "at least" : "below"} 0.5`
      : `a${sup(L)} of ${word} ${predicted} is the largest, ${formatNumber(a[predicted] ?? NaN)}`;
  const verdict = predicted === target ? "right" : "wrong";
  return (
    `The network predicts ${word} ${predicted} (${how}); this sample is ${word} ${target}: ` +
    `the prediction is ${verdict}.`
  );
}

export function bp1Caption(input: BackpropInput): string {
  const t = input.trace;
  const L = input.layerSizes.length;
  const parts: string[] = [];
  const costLabel = catalogue.costs.find((c) => c.name === input.cost)?.label ?? input.cost;
  parts.push(`Cₓ is this sample's ${costLabel} cost.`);
  if (t.bp1Form === "hadamard") {
    parts.push(
      `With the quadratic cost ∂C/∂a${sup(L)} = a${sup(L)} − y; BP1 multiplies it entry by entry ` +
        `by ${primeSymbol(input.output)}(z${sup(L)}).`,
    );
    const range = catalogue.activation(input.output).derivativeRange;
    if (range[0] === range[1]) {
      parts.push(
        `${primeSymbol(input.output)} = ${range[0]} everywhere, so δ${sup(L)} = ∂C/∂a${sup(L)}.`,
      );
    } else {
      const low = lowDerivativeSentence(input, L, "output");
      if (low) parts.push(low);
      const max = catalogue.activation(input.output).maxDerivative;
      const derivative = layerOf(t, L).activationDerivative;
      if (low && count(derivative, (v) => v < LOW_DERIVATIVE_SHARE * max) > 0) {
        parts.push(
          `Such an output's |δⱼ| is at most 1/100 of ${boundText(max)}·|aⱼ − yⱼ|: it learns ` +
            `slowly however wrong it is.`,
        );
      }
    }
  } else if (t.bp1Form === "shortcut" && input.output === "softmax") {
    let ySum = 0;
    for (const v of t.target) ySum += v;
    parts.push(
      `With softmax outputs and the log-likelihood cost, ∂C/∂aᵢ = −yᵢ/aᵢ, and softmax's ` +
        `Jacobian is ∂aᵢ/∂zⱼ = aᵢ([i = j] − aⱼ) ([i = j] is 1 if i = j, else 0): the aᵢ cancel, ` +
        `and the sum is aⱼΣᵢyᵢ − yⱼ. The lines below show the general product δ${sup(L)} = Jᵀ ∂C/∂a${sup(L)} ` +
        `it shortcuts.`,
    );
    parts.push(
      Math.abs(ySum - 1) < 1e-6
        ? `Here Σᵢyᵢ = 1 (one class is the target), so δ${sup(L)} = a${sup(L)} − y: no σ′ slows it.`
        : `Here Σᵢyᵢ = ${formatNumber(ySum)}, not 1, so the shortcut δ${sup(L)} = a${sup(L)} − y the core uses is not the exact product.`,
    );
  } else if (t.bp1Form === "shortcut") {
    parts.push(
      `With sigmoid outputs and the cross-entropy cost, ∂C/∂aⱼ = (aⱼ − yⱼ)/(aⱼ(1 − aⱼ)) and ` +
        `σ′(zⱼ) = aⱼ(1 − aⱼ): σ′ cancels, so δ${sup(L)} = a${sup(L)} − y. A saturated output ` +
        `that is wrong still learns fast.`,
    );
  } else {
    parts.push(
      input.cost === "quadratic"
        ? `With the quadratic cost ∂C/∂a${sup(L)} = a${sup(L)} − y.`
        : `With the cross-entropy cost ∂C/∂aⱼ = (aⱼ − yⱼ)/(aⱼ(1 − aⱼ)).`,
    );
    parts.push(
      `Softmax makes every aᵢ depend on every zⱼ, so BP1 is the Jacobian product ` +
        `δ${sup(L)} = Jᵀ ∂C/∂a${sup(L)}. J is symmetric: its diagonal entries are aⱼ(1 − aⱼ), its ` +
        `other entries −aᵢaⱼ mix the outputs. J is not diagonal, so the entry-by-entry ` +
        `(Hadamard) form ∂C/∂a ⊙ σ′(z) does not apply.`,
    );
  }
  if (L === 2) parts.push(`With no hidden layer, δ² is the only error: there is no BP2 step.`);
  return parts.join(" ");
}

/** How a norm changed from one layer to the next one back, as a clause. */
export function normChange(from: DeltaNorm, to: DeltaNorm): string {
  const a = `‖δ${sup(from.layer)}‖ = ${formatNumber(from.norm)}`;
  const b = `‖δ${sup(to.layer)}‖ = ${formatNumber(to.norm)}`;
  if (!Number.isFinite(from.norm) || !Number.isFinite(to.norm)) {
    return `${a} and ${b}: not finite numbers, so there is no ratio (the run has diverged)`;
  }
  if (from.norm === 0 && to.norm === 0) return `${a} and ${b}: this sample sends no error back`;
  if (from.norm === 0) return `${b} grew from ${a}`;
  if (to.norm === 0) return `${b}: every entry of δ${sup(to.layer)} is exactly 0 (from ${a})`;
  const r = to.norm / from.norm;
  if (r < 1) return `${b} is ${formatNumber(1 / r)} times smaller than ${a}`;
  if (r > 1) return `${b} is ${formatNumber(r)} times larger than ${a}`;
  return `${b} is as large as ${a}`;
}

export function bp2Caption(input: BackpropInput, l: number, norms: readonly DeltaNorm[]): string {
  const name = input.activation;
  const L = input.layerSizes.length;
  const parts: string[] = [
    `BP2 carries the error back from layer ${l + 1} to layer ${l}: (w${sup(l + 1)})ᵀδ${sup(l + 1)} ` +
      `is ∂C/∂a${sup(l)}, and multiplying it entry by entry by ${primeSymbol(name)}(z${sup(l)}) gives δ${sup(l)}.`,
  ];
  const derivative = layerOf(input.trace, l).activationDerivative;
  let max = -Infinity;
  for (const v of derivative) max = Math.max(max, v);
  const ceiling = catalogue.activation(name).maxDerivative;
  parts.push(
    `The largest ${primeSymbol(name)}(z${sup(l)}) here is ${formatNumber(max)} ` +
      `(${primeSymbol(name)} never exceeds ${boundText(ceiling)}).`,
  );
  const last = norms[norms.length - 1];
  const previous = norms[norms.length - 2];
  const first = norms[0];
  if (last && previous) {
    parts.push(`${capitalise(normChange(previous, last))}.`);
    if (first && first !== previous) parts.push(`From the output: ${normChange(first, last)}.`);
    const trend = first ? trendSentence(input, first, last, L - l) : "";
    if (trend) parts.push(trend);
  }
  return parts.join(" ");
}

/**
 * What the trend from the output layer to this one would mean if it went on: judged from ‖δ‖ at
 * the output and here (not from the last ratio alone), and noting when the vectors differ in length.
 */
export function trendSentence(
  input: Pick<BackpropInput, "layerSizes">,
  first: DeltaNorm,
  last: DeltaNorm,
  layersBack: number,
): string {
  const sizeOf = (l: number) => input.layerSizes[l - 1] ?? 0;
  const lengths =
    sizeOf(first.layer) !== sizeOf(last.layer)
      ? ` (The norms compare vectors of different lengths: δ${sup(first.layer)} has ` +
        `${sizeOf(first.layer)} ${plural(sizeOf(first.layer), "entry", "entries")}, ` +
        `δ${sup(last.layer)} ${sizeOf(last.layer)}.)`
      : "";
  if (!Number.isFinite(first.norm) || !Number.isFinite(last.norm) || first.norm === 0) return "";
  const r = last.norm / first.norm;
  const span = `over ${layersBack} ${plural(layersBack, "layer")} back from the output`;
  if (r < 1) {
    return (
      `Overall ‖δ‖ fell ${span}; if this repeated over many layers, the first layers would ` +
      `learn slowest: the vanishing gradient.${lengths}`
    );
  }
  if (r > 1) {
    return (
      `Overall ‖δ‖ grew ${span}; if this repeated over many layers, the first layers' steps ` +
      `would grow ever larger.${lengths}`
    );
  }
  return `Overall ‖δ‖ is unchanged ${span}.${lengths}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function bp34Caption(input: BackpropInput, l: number): string {
  const t = input.trace;
  const layer = layerOf(t, l);
  const prev = l === 2 ? t.input : layerOf(t, l - 1).a;
  const parts = [
    `BP3: each bias's gradient is its neuron's error δⱼ. BP4: ∂C/∂wⱼₖ = a${sup(l - 1)}ₖ δ${sup(l)}ⱼ, ` +
      `so row j of ∂C/∂w${sup(l)} is δⱼ times a${sup(l - 1)}, and column k is aₖ times δ${sup(l)}.`,
  ];
  const zeroA = count(prev, (v) => v === 0);
  const zeroDelta = count(layer.delta, (v) => v === 0);
  const source = l === 2 ? "input" : "activation";
  if (zeroA > 0) {
    parts.push(
      `${zeroA} of ${prev.length} ${plural(prev.length, source)} a${sup(l - 1)}ₖ ${zeroA === 1 ? "is" : "are"} 0, ` +
        `so ${zeroA === 1 ? "its column is" : "their columns are"} 0: a weight from a unit that is 0 learns nothing from this sample.`,
    );
  }
  if (zeroDelta > 0) {
    parts.push(
      `${zeroDelta} of ${layer.delta.length} ${plural(layer.delta.length, "neuron")} ${zeroDelta === 1 ? "has" : "have"} δ = 0, ` +
        `so ${zeroDelta === 1 ? "its row is" : "their rows are"} 0.`,
    );
  }
  return parts.join(" ");
}

export function updateCaption(input: BackpropInput): string {
  const t = input.trace;
  const before = t.cost;
  const after = t.costAfter ?? NaN;
  const parts: string[] = [
    `One gradient-descent step on this sample alone (a mini-batch of one) with η = ${input.learningRate}` +
      regularisationSentence(input, decayFactorText(input)) +
      ` The network itself is not changed.`,
  ];
  if (input.sample.set !== "train") {
    const what = input.sample.set === "test" ? "test samples" : "the digits you draw";
    parts.push(
      `This step is hypothetical: the network never trains on ${what}; it shows what one ` +
        `step on this sample would do.`,
    );
  }
  const leftOut = leftOutTerms(input);
  if (leftOut)
    parts.push(`Cₓ is the cost of this sample alone, without ${leftOut}, before and after.`);
  parts.push(costChange(before, after, input.l2 > 0, input.l1 > 0));
  return parts.join(" ");
}

/** The sentence comparing Cₓ before and after the update. */
export function costChange(before: number, after: number, decay: boolean, l1 = false): string {
  const b = formatNumber(before);
  const a = formatNumber(after);
  if (!Number.isFinite(before)) return `Cₓ is ${b} before the step: the run has diverged.`;
  if (!Number.isFinite(after)) return `After the step Cₓ is ${a} (it was ${b}): the step diverged.`;
  if (after < before) {
    return `Cₓ fell from ${b} to ${a} (by ${formatNumber(before - after)}): the step went downhill.`;
  }
  if (after === before) return `Cₓ stayed at ${b}: the step changed nothing that float32 can see.`;
  return (
    `Cₓ rose from ${b} to ${a} (by ${formatNumber(after - before)}): ` +
    (decay || l1
      ? `${shrinkWords(decay, l1)}, which Cₓ alone does not reward, or a step η too long for ` +
        `this slope (it overshoots the valley) raised it.`
      : `−∂C/∂w points downhill, but a step of η times it overshoots the valley; a small enough η makes Cₓ fall.`)
  );
}

/** The stepper's position line, e.g. "Step 3 of 11: BP1: δ⁴ at the output". */
export function stepPosition(index: number, count: number, title: string): string {
  return `Step ${index + 1} of ${count}: ${title}`;
}

function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The diagram's accessible name: which neurons and weights the step highlights. */
export function diagramLabel(step: Pick<Step, "neurons" | "weights">): string {
  const parts: string[] = [];
  if (step.neurons.length > 0) {
    const layers = [...step.neurons].sort((a, b) => a - b).map(String);
    parts.push(`the neurons of ${layers.length === 1 ? "layer" : "layers"} ${andList(layers)}`);
  }
  if (step.weights.length > 0) {
    const ws = [...step.weights].sort((a, b) => a - b).map((l) => `w${sup(l)}`);
    parts.push(`the ${ws.length === 1 ? "weights" : "weight matrices"} ${andList(ws)}`);
  }
  return `Network diagram, highlighting ${parts.length > 0 ? andList(parts) : "nothing"}.`;
}

/** The regularisation that shrinks weights, in the cost-change sentence. */
function shrinkWords(decay: boolean, l1: boolean): string {
  if (decay && l1) return "the weight decay (1 − ηλ/n) and the L1 pull −(ηλ₁/n) sgn(w)";
  return decay ? "the weight decay (1 − ηλ/n)" : "the L1 pull −(ηλ₁/n) sgn(w)";
}
