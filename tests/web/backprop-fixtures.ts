// Hand-made traces for the backprop stepper's unit tests: the forward pass, BP1–BP4 and the update
// of the notes written out in double precision (independent of the core), stored as float32 like
// net.trace returns them, for any layer sizes, hidden activation and (output, cost) pair.
import { catalogue, type ActivationName, type Bp1Form, type CostName, type Trace } from "gradscope";
import type { BackpropInput } from "../../web/src/backprop/backprop-input.js";
import type { FeatureName, HiddenActivationName } from "gradscope";

/** A small deterministic generator (LCG) of numbers in [−1, 1). */
export function numbers(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 - 1;
  };
}

function activate(name: ActivationName, z: number[]): { a: number[]; d: number[] } {
  if (name === "softmax") {
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    const a = e.map((v) => v / sum);
    return { a, d: a.map((v) => v * (1 - v)) };
  }
  const f = (v: number): [number, number] => {
    switch (name) {
      case "sigmoid": {
        const s = 1 / (1 + Math.exp(-v));
        return [s, s * (1 - s)];
      }
      case "tanh": {
        const t = Math.tanh(v);
        return [t, 1 - t * t];
      }
      case "relu":
        return v > 0 ? [v, 1] : [0, 0];
      case "leaky-relu":
        return v > 0 ? [v, 1] : [0.01 * v, 0.01];
      case "identity":
        return [v, 1];
    }
  };
  const pairs = z.map(f);
  return { a: pairs.map((p) => p[0]), d: pairs.map((p) => p[1]) };
}

function costOf(cost: CostName, a: number[], y: number[]): { c: number; grad: number[] } {
  switch (cost) {
    case "quadratic":
      return {
        c: 0.5 * a.reduce((s, v, j) => s + (v - y[j]!) ** 2, 0),
        grad: a.map((v, j) => v - y[j]!),
      };
    case "cross-entropy":
      return {
        c: -a.reduce((s, v, j) => s + y[j]! * Math.log(v) + (1 - y[j]!) * Math.log(1 - v), 0),
        grad: a.map((v, j) => (v - y[j]!) / (v * (1 - v))),
      };
    case "log-likelihood":
      return {
        c: -a.reduce((s, v, j) => s + y[j]! * Math.log(v), 0),
        grad: a.map((v, j) => -y[j]! / v),
      };
  }
}

export interface FixtureOptions {
  sizes: readonly number[];
  activation: HiddenActivationName;
  output: ActivationName;
  cost: CostName;
  seed?: number;
  /** Scales the random weights (large: saturated units). */
  weightScale?: number;
  learningRate?: number;
  l2?: number;
  /** λ₁ of L1: the update also moves each weight (ηλ₁/n) sgn(w) towards 0. */
  l1?: number;
  n?: number;
  /** A plane set's input features (BackpropInput.features). */
  features?: FeatureName[];
  /** The input x (default: random). */
  x?: number[];
  /** The class of the one-hot target (default 0); one output unit: y = [class]. */
  label?: number;
}

interface Params {
  w: number[][];
  b: number[];
}

function forward(p: Params[], x: number[], o: FixtureOptions) {
  const L = o.sizes.length;
  const out: { z: number[]; a: number[]; d: number[] }[] = [];
  let a = x;
  p.forEach(({ w, b }, k) => {
    const z = w.map((row, j) => row.reduce((s, wjk, i) => s + wjk * a[i]!, b[j]!));
    const act = activate(k + 2 === L ? o.output : o.activation, z);
    out.push({ z, ...act });
    a = act.a;
  });
  return out;
}

/** A trace as net.trace would return it, computed here in double. */
export function fixtureTrace(o: FixtureOptions): Trace {
  const rnd = numbers(o.seed ?? 1);
  const scale = o.weightScale ?? 1;
  const L = o.sizes.length;
  const params: Params[] = [];
  for (let l = 2; l <= L; ++l) {
    const rows = o.sizes[l - 1]!;
    const cols = o.sizes[l - 2]!;
    params.push({
      w: Array.from({ length: rows }, () => Array.from({ length: cols }, () => scale * rnd())),
      b: Array.from({ length: rows }, () => rnd()),
    });
  }
  const x = o.x ?? Array.from({ length: o.sizes[0]! }, () => rnd());
  const nOut = o.sizes[L - 1]!;
  const label = o.label ?? 0;
  const y = nOut === 1 ? [label] : Array.from({ length: nOut }, (_, j) => (j === label ? 1 : 0));
  const fwd = forward(params, x, o);
  const last = fwd[L - 2]!;
  const { c, grad } = costOf(o.cost, last.a, y);
  const form = catalogue.pair(o.output, o.cost)?.bp1 as Bp1Form;
  let delta: number[];
  let jacobian: number[] | undefined;
  if (o.output === "softmax") {
    jacobian = last.a.flatMap((ai, i) => last.a.map((aj, j) => ai * ((i === j ? 1 : 0) - aj)));
  }
  if (form === "shortcut") delta = last.a.map((v, j) => v - y[j]!);
  else if (form === "hadamard") delta = grad.map((g, j) => g * last.d[j]!);
  else
    delta = last.a.map((_, j) =>
      last.a.reduce((s, _ai, i) => s + jacobian![i * nOut + j]! * grad[i]!, 0),
    );
  const deltas: number[][] = [];
  const weighted: (number[] | undefined)[] = [];
  deltas[L - 2] = delta;
  for (let k = L - 3; k >= 0; --k) {
    const next = params[k + 1]!;
    const up = deltas[k + 1]!;
    const we = fwd[k]!.z.map((_, i) => next.w.reduce((s, row, j) => s + row[i]! * up[j]!, 0));
    weighted[k] = we;
    deltas[k] = we.map((v, i) => v * fwd[k]!.d[i]!);
  }
  const f32 = (v: number[]) => Float32Array.from(v);
  const prevA = (k: number) => (k === 0 ? x : fwd[k - 1]!.a);
  const eta = o.learningRate ?? 0.5;
  const l2 = o.l2 ?? 0;
  const n = o.n ?? 100;
  const decay = 1 - (eta * l2) / n;
  const pull = (eta * (o.l1 ?? 0)) / n;
  const updatedParams = params.map((p, k) => ({
    w: p.w.map((row, j) =>
      row.map((v, i) => decay * v - pull * Math.sign(v) - eta * deltas[k]![j]! * prevA(k)[i]!),
    ),
    b: p.b.map((v, j) => v - eta * deltas[k]![j]!),
  }));
  const after = forward(updatedParams, x, o);
  return {
    input: f32(x),
    target: f32(y),
    cost: Math.fround(c),
    bp1Form: form,
    layers: fwd.map((f, k) => ({
      layer: k + 2,
      weights: f32(params[k]!.w.flat()),
      biases: f32(params[k]!.b),
      z: f32(f.z),
      a: f32(f.a),
      activationDerivative: f32(f.d),
      ...(k === L - 2 && jacobian ? { outputJacobian: f32(jacobian) } : {}),
      ...(k === L - 2 ? { costGradient: f32(grad) } : { weightedError: f32(weighted[k]!) }),
      delta: f32(deltas[k]!),
      biasGradient: f32(deltas[k]!),
      weightGradient: f32(deltas[k]!.flatMap((dj) => prevA(k).map((ai) => dj * ai))),
    })),
    updated: updatedParams.map((p, k) => ({
      layer: k + 2,
      weights: f32(p.w.flat()),
      biases: f32(p.b),
    })),
    costAfter: Math.fround(costOf(o.cost, after[L - 2]!.a, y).c),
  };
}

/** A BackpropInput around fixtureTrace(o). */
export function fixtureInput(o: FixtureOptions): BackpropInput {
  return {
    trace: fixtureTrace(o),
    step: 40,
    sample: { set: "train", index: 12 },
    sampleLabel: "training sample 12 (class 0)",
    layerSizes: [...o.sizes],
    activation: o.activation,
    output: o.output,
    cost: o.cost,
    learningRate: o.learningRate ?? 0.5,
    l2: o.l2 ?? 0,
    l1: o.l1 ?? 0,
    n: o.n ?? 100,
    ...(o.features ? { features: o.features } : {}),
  };
}

/** The output units a pair needs: softmax at least 2 (3 here), else 1 or 2. */
export function outputUnits(output: ActivationName): number {
  return output === "softmax" ? 3 : 2;
}

/** The trace field a data-path names, e.g. "layers[1].z[3]" → that value (undefined if none). */
export function valueAtPath(t: Trace, path: string): number | undefined {
  const m =
    /^(?:(input|target|cost|costAfter)|(layers|updated)\[(\d+)\]\.(\w+))(?:\[(\d+)\])?$/.exec(path);
  if (!m) return undefined;
  const array = arrayAtPath(t, path.replace(/\[\d+\]$/, ""));
  if (m[5] === undefined) {
    if (m[1] === "cost") return t.cost;
    if (m[1] === "costAfter") return t.costAfter;
    return undefined;
  }
  return array?.[Number(m[5])];
}

/** The array a data-path stem names, e.g. "layers[1].z". */
export function arrayAtPath(t: Trace, stem: string): Float32Array | undefined {
  if (stem === "input") return t.input;
  if (stem === "target") return t.target;
  const m = /^(layers|updated)\[(\d+)\]\.(\w+)$/.exec(stem);
  if (!m) return undefined;
  const row = (m[1] === "layers" ? t.layers : (t.updated ?? []))[Number(m[2])] as unknown as
    Record<string, unknown> | undefined;
  const v = row?.[m[3]!];
  return v instanceof Float32Array ? v : undefined;
}
