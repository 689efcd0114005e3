// The "Backprop, step by step" view's steps, from one sample's trace (backprop-input.ts): the
// forward pass layer by layer, BP1 at the output, BP2 going back layer by layer, BP3/BP4 per
// layer, and the update. Each step names the trace's arrays it shows (with their trace paths, for
// data-path), lays them out as the equation reads, and says which neurons and weights are
// involved. Pure: no DOM; the sentences are in backprop-captions.ts. Notation as in the notes
// (Nielsen ch. 2): layers l = 1 … L, a¹ = x, weights wˡ of shape n_l × n_(l−1).

import type { Trace, TraceLayer } from "gradscope";
import type { BackpropInput } from "./backprop-input.js";
import {
  bp1Caption,
  bp2Caption,
  bp34Caption,
  forwardCaption,
  updateCaption,
  type DeltaNorm,
} from "./backprop-captions.js";
import {
  activationTex,
  decayFactorText,
  layerActivation,
  outputLabels,
  sup,
} from "./backprop-names.js";
import { costFormula } from "./cost-formula.js";
import { l1TermOp, weightRule } from "./l1-term.js";
import { featureLabels } from "../model/feature-labels.js";
import { primeSymbol } from "../views/captions.js";

/** One array of the trace as a step shows it. */
export interface ShownArray {
  /** Plain text for labels and readouts, e.g. "z³", "∂C/∂w²", "(w³)ᵀ". */
  name: string;
  /** The same name in TeX. */
  tex: string;
  /** The trace field, e.g. "input", "layers[0].z", "updated[1].weights": data-path's stem. */
  path: string;
  values: Float32Array;
  /** Shape as drawn: a vector is rows × 1. */
  rows: number;
  cols: number;
  /** Drawn transposed: entry (r, c) is values[c · rows + r] (e.g. (wˡ⁺¹)ᵀ in BP2). */
  transposed?: boolean;
  /** A vector that is an image (MNIST's 784 pixels as 28 × 28): also drawn as one. */
  image?: { width: number; height: number };
  /** What each row stands for (an output vector's classes: "digit 3", "class 1"). */
  rowLabels?: string[];
}

/** One piece of an equation line: an array, an operator in TeX, a number, or an outer product. */
export type Term =
  | { kind: "array"; array: ShownArray }
  | { kind: "op"; tex: string; label: string }
  | { kind: "scalar"; name: string; tex: string; path: string; value: number; bare?: boolean }
  | { kind: "outer"; product: ShownArray; left: ShownArray; top: ShownArray };

export type StepKind = "forward" | "bp1" | "bp2" | "bp34" | "update";

export interface Step {
  /** Stable within a network shape: "forward-2", "bp1", "bp2-3", "bp34-2", "update". */
  id: string;
  kind: StepKind;
  /** The layer the step is about (the update: L). */
  layer: number;
  /** For the step list, e.g. "BP2: δ³ from δ⁴". */
  title: string;
  /** The step's equation. */
  tex: string;
  /** What a screen reader hears for the equation. */
  texLabel: string;
  /** Sentences about this step's numbers (true for every setting: backprop-captions.ts). */
  caption: string;
  /** Equation lines with their numbers, e.g. [w³] [a²] + [b³] = [z³]. */
  lines: Term[][];
  /** Layers l whose neurons the step involves, and layers l whose weights wˡ it involves. */
  neurons: number[];
  weights: number[];
  /** BP2: ‖δ‖ of the layers computed so far, from L down to this layer. */
  norms?: DeltaNorm[];
}

/** A vector's length from which it is drawn as an image (a square number of pixels). */
const IMAGE_MIN = 64;

/** The steps for `input`, in order. */
export function backpropSteps(input: BackpropInput): Step[] {
  const t = input.trace;
  checkShape(input);
  const L = input.layerSizes.length;
  const steps: Step[] = [];
  for (let l = 2; l <= L; ++l) steps.push(forwardStep(input, l));
  steps.push(bp1Step(input));
  for (let l = L - 1; l >= 2; --l) steps.push(bp2Step(input, l));
  for (let l = L; l >= 2; --l) steps.push(bp34Step(input, l));
  if (t.updated !== undefined && t.costAfter !== undefined) steps.push(updateStep(input));
  return steps;
}

/** A key that is equal for two inputs exactly when their step lists have the same ids. */
export function stepShapeKey(input: BackpropInput): string {
  const t = input.trace;
  return `${input.layerSizes.join(",")}|${t.bp1Form}|${t.updated !== undefined}`;
}

function checkShape(input: BackpropInput): void {
  const t = input.trace;
  const sizes = input.layerSizes;
  const problem = (what: string) => {
    throw new Error(`backprop steps: ${what} (layer sizes ${sizes.join(", ")})`);
  };
  if (sizes.length < 2) problem("a network needs at least 2 layers");
  if (t.layers.length !== sizes.length - 1) problem(`the trace has ${t.layers.length} layers`);
  if (t.input.length !== sizes[0]) problem(`the input has ${t.input.length} values`);
  t.layers.forEach((layer, k) => {
    if (layer.layer !== k + 2) problem(`layers[${k}] is layer ${layer.layer}, not ${k + 2}`);
    if (layer.z.length !== sizes[k + 1]) problem(`layers[${k}].z has ${layer.z.length} values`);
  });
}

// ---- arrays of the trace, named ----------------------------------------------------------------

function layerAt(t: Trace, l: number): TraceLayer {
  const layer = t.layers[l - 2];
  if (layer === undefined) throw new Error(`the trace has no layer ${l}`);
  return layer;
}

function vector(name: string, tex: string, path: string, values: Float32Array): ShownArray {
  const side = Math.round(Math.sqrt(values.length));
  const image =
    values.length >= IMAGE_MIN && side * side === values.length
      ? { width: side, height: side }
      : undefined;
  return { name, tex, path, values, rows: values.length, cols: 1, ...(image ? { image } : {}) };
}

/** aˡ (a¹ is the trace's input). */
function activations(input: BackpropInput, l: number): ShownArray {
  const t = input.trace;
  if (l === 1) {
    const a = vector("a¹ = x", "a^{1} = x", "input", t.input);
    return input.features ? { ...a, rowLabels: featureLabels(input.features) } : a;
  }
  const a = vector(`a${sup(l)}`, `a^{${l}}`, `layers[${l - 2}].a`, layerAt(t, l).a);
  return l === input.layerSizes.length ? labelled(input, a) : a;
}

function field(
  input: BackpropInput,
  l: number,
  key: "z" | "biases" | "activationDerivative" | "delta" | "biasGradient",
): ShownArray {
  const t = input.trace;
  const values = layerAt(t, l)[key];
  const path = `layers[${l - 2}].${key}`;
  const act = layerActivation(input, l);
  switch (key) {
    case "z":
      return vector(`z${sup(l)}`, `z^{${l}}`, path, values);
    case "biases":
      return vector(`b${sup(l)}`, `b^{${l}}`, path, values);
    case "activationDerivative":
      // Softmax has no entry-wise σ′: this is its Jacobian's diagonal aⱼ(1 − aⱼ).
      return act === "softmax"
        ? vector(`a${sup(l)}ⱼ(1 − a${sup(l)}ⱼ)`, `a^{${l}}_j(1 - a^{${l}}_j)`, path, values)
        : vector(
            `${primeSymbol(act)}(z${sup(l)})`,
            `${activationTex(act)}'(z^{${l}})`,
            path,
            values,
          );
    case "delta":
      return vector(`δ${sup(l)}`, `\\delta^{${l}}`, path, values);
    case "biasGradient":
      return vector(`∂C/∂b${sup(l)}`, `\\partial C/\\partial b^{${l}}`, path, values);
  }
}

function optionalField(
  t: Trace,
  l: number,
  key: "costGradient" | "weightedError",
  name: string,
  tex: string,
): ShownArray {
  const values = layerAt(t, l)[key];
  if (values === undefined) throw new Error(`the trace's layer ${l} has no ${key}`);
  return vector(name, tex, `layers[${l - 2}].${key}`, values);
}

function matrix(
  name: string,
  tex: string,
  path: string,
  values: Float32Array,
  rows: number,
  cols: number,
  transposed = false,
): ShownArray {
  if (values.length !== rows * cols) {
    throw new Error(`${path} has ${values.length} values, not ${rows} × ${cols}`);
  }
  return transposed
    ? { name, tex, path, values, rows: cols, cols: rows, transposed }
    : { name, tex, path, values, rows, cols };
}

function weights(input: BackpropInput, l: number): ShownArray {
  const [rows, cols] = shapeOf(input, l);
  const w = layerAt(input.trace, l).weights;
  return matrix(`w${sup(l)}`, `w^{${l}}`, `layers[${l - 2}].weights`, w, rows, cols);
}

function shapeOf(input: BackpropInput, l: number): [number, number] {
  return [input.layerSizes[l - 1] ?? 0, input.layerSizes[l - 2] ?? 0];
}

const arr = (array: ShownArray): Term => ({ kind: "array", array });
const op = (tex: string, label: string): Term => ({ kind: "op", tex, label });

function costTerm(t: Trace, after = false): Term {
  return after
    ? {
        kind: "scalar",
        name: "Cₓ after",
        tex: "C_{x,\\text{after}}",
        path: "costAfter",
        value: t.costAfter ?? NaN,
      }
    : { kind: "scalar", name: "Cₓ", tex: "C_x", path: "cost", value: t.cost };
}

// ---- the steps ---------------------------------------------------------------------------------

function forwardStep(input: BackpropInput, l: number): Step {
  const act = activationTex(layerActivation(input, l));
  return {
    id: `forward-${l}`,
    kind: "forward",
    layer: l,
    title: `Forward: z${sup(l)} and a${sup(l)}`,
    tex: `z^{${l}} = w^{${l}} a^{${l - 1}} + b^{${l}}, \\qquad a^{${l}} = ${act}(z^{${l}})`,
    texLabel: `z ${l} equals w ${l} times a ${l - 1} plus b ${l}; a ${l} equals ${layerActivation(input, l)} of z ${l}`,
    caption: forwardCaption(input, l),
    lines: [
      [
        arr(weights(input, l)),
        arr(activations(input, l - 1)),
        op("+", "plus"),
        arr(field(input, l, "biases")),
        op("=", "equals"),
        arr(field(input, l, "z")),
      ],
      [
        arr(field(input, l, "z")),
        op(`\\xrightarrow{\\;${act}\\;}`, `apply ${layerActivation(input, l)}`),
        arr(activations(input, l)),
      ],
    ],
    neurons: [l - 1, l],
    weights: [l],
  };
}

function bp1Step(input: BackpropInput): Step {
  const t = input.trace;
  const L = input.layerSizes.length;
  const y = labelled(input, vector("y", "y", "target", t.target));
  const aL = activations(input, L);
  const delta = labelled(input, field(input, L, "delta"));
  const dCda = () =>
    labelled(
      input,
      optionalField(t, L, "costGradient", `∂C/∂a${sup(L)}`, `\\partial C/\\partial a^{${L}}`),
    );
  const cost: Term[] = costFormula(input);
  const base = {
    id: "bp1",
    kind: "bp1" as const,
    layer: L,
    title: `BP1: δ${sup(L)} at the output`,
    caption: bp1Caption(input),
    neurons: [L],
    weights: [],
  };
  const prime = `${activationTex(input.output)}'(z^{${L}})`;
  if (t.bp1Form === "hadamard") {
    return {
      ...base,
      tex: `\\delta^{${L}} = \\nabla_{a} C \\odot ${prime}`,
      texLabel: `delta ${L} equals the gradient of C with respect to a, times ${input.output} prime of z ${L}, entry by entry`,
      lines: [
        cost,
        [arr(aL), op("-", "minus"), arr(y), op("=", "equals"), arr(dCda())],
        [
          arr(dCda()),
          op("\\odot", "times entry by entry"),
          arr(labelled(input, field(input, L, "activationDerivative"))),
          op("=", "equals"),
          arr(delta),
        ],
      ],
    };
  }
  // The general product δᴸ = Jᵀ ∂C/∂aᴸ with the trace's factors (the shortcut equals it).
  const jacobianLines = (): Term[][] => [
    [arr(delta), op("=", "equals"), arr(outputJacobian(input)), arr(dCda())],
    diagonal(input, L),
  ];
  if (t.bp1Form === "shortcut") {
    const softmax = input.output === "softmax";
    return {
      ...base,
      tex: softmax
        ? `\\delta^{${L}}_j = \\sum_i \\frac{-y_i}{a^{${L}}_i}\\, a^{${L}}_i([i = j] - a^{${L}}_j) = a^{${L}}_j - y_j`
        : `\\delta^{${L}}_j = \\frac{a^{${L}}_j - y_j}{a^{${L}}_j(1 - a^{${L}}_j)}\\; \\sigma'(z^{${L}}_j) = a^{${L}}_j - y_j`,
      texLabel: softmax
        ? `delta ${L} j equals the sum over i of minus y i over a i times a i times (1 if i equals j, else 0, minus a j), which is a j minus y j`
        : `delta ${L} j equals (a j minus y j) over a j (1 minus a j), times sigma prime of z j, which is a j minus y j`,
      lines: [
        cost,
        ...(softmax
          ? jacobianLines()
          : [
              [
                arr(dCda()),
                op("\\odot", "times entry by entry"),
                arr(labelled(input, field(input, L, "activationDerivative"))),
                op("=", "equals"),
                arr(delta),
              ],
            ]),
        [arr(aL), op("-", "minus"), arr(y), op("=", "equals"), arr(delta)],
      ],
    };
  }
  return {
    ...base,
    tex: `\\delta^{${L}} = J^{\\mathsf T}\\, \\nabla_{a} C, \\qquad J_{ij} = \\frac{\\partial a^{${L}}_i}{\\partial z^{${L}}_j} = a^{${L}}_i([i = j] - a^{${L}}_j)`,
    texLabel: `delta ${L} equals J transpose times the gradient of C with respect to a, where J i j is a i times (1 if i equals j, else 0, minus a j)`,
    lines: [cost, [arr(aL), arr(y), op("\\Rightarrow", "give"), arr(dCda())], ...jacobianLines()],
  };
}

/** An output-layer vector with its rows named by class (backprop-names.ts's outputLabels). */
function labelled(input: BackpropInput, array: ShownArray): ShownArray {
  return { ...array, rowLabels: outputLabels(input) };
}

/** Softmax's Jacobian diagonal aⱼ(1 − aⱼ): what σ′ would be, were J diagonal (it is not). */
function diagonal(input: BackpropInput, L: number): Term[] {
  return [
    op("\\operatorname{diag} J:", "the diagonal of J is"),
    arr(labelled(input, field(input, L, "activationDerivative"))),
  ];
}

/**
 * Softmax's Jacobian J = ∂aᴸ/∂zᴸ. It is symmetric (J_ij = a_i([i = j] − a_j) = J_ji), so BP1's Jᵀ
 * is drawn as J itself.
 */
function outputJacobian(input: BackpropInput): ShownArray {
  const L = input.layerSizes.length;
  const out = layerAt(input.trace, L);
  const jacobian = out.outputJacobian;
  if (jacobian === undefined)
    throw new Error(`the trace's softmax layer ${L} has no outputJacobian`);
  const n = out.z.length;
  return labelled(
    input,
    matrix(
      `Jᵀ = J = ∂a${sup(L)}/∂z${sup(L)}`,
      `J^{\\mathsf T} = J = \\partial a^{${L}} / \\partial z^{${L}}`,
      `layers[${L - 2}].outputJacobian`,
      jacobian,
      n,
      n,
    ),
  );
}

function bp2Step(input: BackpropInput, l: number): Step {
  const t = input.trace;
  const [rows, cols] = shapeOf(input, l + 1);
  const wT = matrix(
    `(w${sup(l + 1)})ᵀ`,
    `(w^{${l + 1}})^{\\mathsf T}`,
    `layers[${l - 1}].weights`,
    layerAt(t, l + 1).weights,
    rows,
    cols,
    true,
  );
  const weighted = () =>
    optionalField(
      t,
      l,
      "weightedError",
      `(w${sup(l + 1)})ᵀδ${sup(l + 1)}`,
      `(w^{${l + 1}})^{\\mathsf T}\\delta^{${l + 1}}`,
    );
  const L = input.layerSizes.length;
  const norms: DeltaNorm[] = [];
  for (let m = L; m >= l; --m) norms.push(deltaNorm(t, m));
  return {
    id: `bp2-${l}`,
    kind: "bp2",
    layer: l,
    title: `BP2: δ${sup(l)} from δ${sup(l + 1)}`,
    tex: `\\delta^{${l}} = \\left((w^{${l + 1}})^{\\mathsf T} \\delta^{${l + 1}}\\right) \\odot ${activationTex(input.activation)}'(z^{${l}})`,
    texLabel: `delta ${l} equals w ${l + 1} transpose times delta ${l + 1}, times ${input.activation} prime of z ${l} entry by entry`,
    caption: bp2Caption(input, l, norms),
    lines: [
      [arr(wT), arr(field(input, l + 1, "delta")), op("=", "equals"), arr(weighted())],
      [
        arr(weighted()),
        op("\\odot", "times entry by entry"),
        arr(field(input, l, "activationDerivative")),
        op("=", "equals"),
        arr(field(input, l, "delta")),
      ],
    ],
    neurons: [l + 1, l],
    weights: [l + 1],
    norms,
  };
}

/** ‖δˡ‖ (Euclidean, summed in double) of the trace's layer l. */
export function deltaNorm(t: Trace, l: number): DeltaNorm {
  const delta = layerAt(t, l).delta;
  let sum = 0;
  for (const v of delta) sum += v * v;
  return { layer: l, path: `layers[${l - 2}].delta`, norm: Math.sqrt(sum) };
}

function bp34Step(input: BackpropInput, l: number): Step {
  const t = input.trace;
  const [rows, cols] = shapeOf(input, l);
  const product = matrix(
    `∂C/∂w${sup(l)}`,
    `\\partial C/\\partial w^{${l}}`,
    `layers[${l - 2}].weightGradient`,
    layerAt(t, l).weightGradient,
    rows,
    cols,
  );
  // Drawn as a row: the input features' row labels would name its one row.
  const { rowLabels: _unused, ...top } = activations(input, l - 1);
  return {
    id: `bp34-${l}`,
    kind: "bp34",
    layer: l,
    title: `BP3/BP4: ∂C/∂b${sup(l)} and ∂C/∂w${sup(l)}`,
    tex: `\\frac{\\partial C}{\\partial b^{${l}}} = \\delta^{${l}}, \\qquad \\frac{\\partial C}{\\partial w^{${l}}} = \\delta^{${l}} \\left(a^{${l - 1}}\\right)^{\\mathsf T}`,
    texLabel: `dC by db ${l} equals delta ${l}; dC by dw ${l} equals delta ${l} times a ${l - 1} transpose`,
    caption: bp34Caption(input, l),
    lines: [
      [arr(field(input, l, "delta")), op("=", "equals"), arr(field(input, l, "biasGradient"))],
      [
        {
          kind: "outer",
          product,
          left: field(input, l, "delta"),
          top: { ...top, rows: 1, cols: top.rows },
        },
      ],
    ],
    neurons: [l - 1, l],
    weights: [l],
  };
}

function updateStep(input: BackpropInput): Step {
  const t = input.trace;
  const L = input.layerSizes.length;
  const updated = t.updated ?? [];
  const eta = etaTex(input.learningRate);
  const decay = input.l2 > 0;
  const lines: Term[][] = [[costTerm(t), op("\\to", "becomes"), costTerm(t, true)]];
  updated.forEach((u, k) => {
    const l = u.layer;
    if (l !== k + 2) throw new Error(`updated[${k}] is layer ${l}, not ${k + 2}`);
    const [rows, cols] = shapeOf(input, l);
    const layer = layerAt(t, l);
    const wGrad = matrix(
      `∂C/∂w${sup(l)}`,
      `\\partial C/\\partial w^{${l}}`,
      `layers[${k}].weightGradient`,
      layer.weightGradient,
      rows,
      cols,
    );
    const wNew = matrix(
      `w${sup(l)} after`,
      `w^{${l}}_{\\text{after}}`,
      `updated[${k}].weights`,
      u.weights,
      rows,
      cols,
    );
    const bNew = vector(
      `b${sup(l)} after`,
      `b^{${l}}_{\\text{after}}`,
      `updated[${k}].biases`,
      u.biases,
    );
    lines.push([
      ...(decay
        ? [
            op(
              `\\underbrace{\\left(1 - \\tfrac{\\eta\\lambda}{n}\\right)}_{=\\,${decayFactorText(input)}}`,
              `one minus eta lambda over n, which is ${decayFactorText(input)}, times`,
            ),
          ]
        : []),
      arr(weights(input, l)),
      ...(input.l1 > 0 ? [op(l1TermOp(input, l).tex, l1TermOp(input, l).label)] : []),
      op(`-\\,${eta}\\,\\times`, `minus ${input.learningRate} times`),
      arr(wGrad),
      op("=", "equals"),
      arr(wNew),
    ]);
    lines.push([
      arr(field(input, l, "biases")),
      op(`-\\,${eta}\\,\\times`, `minus ${input.learningRate} times`),
      arr(field(input, l, "biasGradient")),
      op("=", "equals"),
      arr(bNew),
    ]);
  });
  const wRule = weightRule(input);
  return {
    id: "update",
    kind: "update",
    layer: L,
    title: "The update and the cost after it",
    tex: `${wRule.tex}, \\qquad b^{l} \\to b^{l} - \\eta \\frac{\\partial C}{\\partial b^{l}}`,
    texLabel: `${wRule.label}; b l becomes b l minus eta dC by db l`,
    caption: updateCaption(input),
    lines,
    neurons: [],
    weights: updated.map((u) => u.layer),
  };
}

/** η in TeX as the page writes numbers (e.g. 0.5, 1e-3 as 10^{-3}). */
function etaTex(eta: number): string {
  const s = String(eta);
  const m = /^(\d(?:\.\d+)?)e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const exp = Number(m[2]);
  return m[1] === "1" ? `10^{${exp}}` : `${m[1]}\\cdot 10^{${exp}}`;
}
