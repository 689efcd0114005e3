// net.trace: one sample through the forward pass and backprop's four equations, every
// intermediate vector and matrix kept (core/trace.hpp via wasm/bindings/trace_adapter.cpp), and
// optionally the single-sample SGD update. The types here are the package's Trace API.
import { checkFinite, checkIntegerAtLeast } from "./argument-checks.js";
import type { Bp1Form } from "./catalogue.js";
import { GradscopeError } from "./checked-call.js";
import { readOptions } from "./options.js";
import { showValue } from "./show-value.js";

/** One layer l = 2 … L of a trace. Every array is a copy; matrices are row-major. */
export interface TraceLayer {
  /** l = 2 … L. */
  layer: number;
  /** w^l used, row-major n_l × n_(l−1): weights[j * n_(l−1) + k] = w^l_jk. */
  weights: Float32Array;
  /** b^l used (n_l). */
  biases: Float32Array;
  /** z^l = w^l a^(l−1) + b^l (n_l). */
  z: Float32Array;
  /** a^l = σ(z^l) (n_l). */
  a: Float32Array;
  /** σ'(z^l), formed from z (n_l); for softmax the Jacobian's diagonal a_i (1 − a_i). */
  activationDerivative: Float32Array;
  /** Softmax output layer only: ∂a_i/∂z_j = a_i (δ_ij − a_j), n_L × n_L row-major. */
  outputJacobian?: Float32Array;
  /** Output layer only: ∂C/∂a^L (n_L). */
  costGradient?: Float32Array;
  /** Hidden layers only: (w^(l+1))ᵀ δ^(l+1) = ∂C/∂a^l, BP2's left factor (n_l). */
  weightedError?: Float32Array;
  /** δ^l = ∂C/∂z^l: BP1 at l = L, BP2 below (n_l). */
  delta: Float32Array;
  /** ∂C/∂b^l = δ^l (BP3) (n_l). */
  biasGradient: Float32Array;
  /** ∂C/∂w^l = δ^l (a^(l−1))ᵀ (BP4), row-major n_l × n_(l−1). */
  weightGradient: Float32Array;
}

/** w^l and b^l after the single-sample update. Copies. */
export interface TraceUpdate {
  layer: number;
  /** (1 − ηλ₂/n) w^l − (ηλ₁/n) sgn(w^l) − η ∂C/∂w^l (sgn 0 = 0), row-major n_l × n_(l−1). */
  weights: Float32Array;
  /** b^l − η ∂C/∂b^l. */
  biases: Float32Array;
}

export interface TraceOptions {
  /** η > 0. */
  learningRate: number;
  /** λ₂ ≥ 0 (L2 weight decay). Default 0. */
  l2?: number;
  /** λ₁ ≥ 0 (L1: the update subtracts (ηλ₁/n) sgn(w)). Default 0. */
  l1?: number;
  /** The training-set size n in ηλ/n: an integer ≥ 1, required when l2 or l1 > 0. */
  n?: number;
}

export interface Trace {
  /** a^1 = x (n_1). */
  input: Float32Array;
  /** y (n_L). */
  target: Float32Array;
  /** C_x for this sample, without the regularisation term. */
  cost: number;
  /** How BP1 is formed for the network's (output, cost) pair (the catalogue's bp1). */
  bp1Form: Bp1Form;
  /** l = 2 … L in order: layers[i].layer = i + 2. */
  layers: TraceLayer[];
  /**
   * With options: w → (1 − ηλ₂/n) w − (ηλ₁/n) sgn(w) − η ∂C/∂w, b → b − η ∂C/∂b (Nielsen eq. 93
   * with m = 1, and ch. 3's L1 term).
   */
  updated?: TraceUpdate[];
  /** With options: C_x after that update (the network itself is unchanged). */
  costAfter?: number;
}

const TRACE_KEYS = [
  "learningRate",
  "l2",
  "l1",
  "n",
] as const satisfies readonly (keyof TraceOptions)[];

/** What the module's trace call takes for `options`: checked η, λ₂, λ₁, n. */
export interface TraceUpdateArguments {
  withUpdate: boolean;
  learningRate: number;
  l2: number;
  l1: number;
  n: number;
}

export function traceUpdateArguments(options: unknown): TraceUpdateArguments {
  if (options === undefined) return { withUpdate: false, learningRate: 0, l2: 0, l1: 0, n: 1 };
  const o = readOptions<TraceOptions>(options, TRACE_KEYS, "trace options");
  if (o.learningRate === undefined) {
    throw new GradscopeError("trace options need learningRate (η > 0) for the update");
  }
  const learningRate = checkFinite(o.learningRate, "learningRate");
  if (learningRate <= 0) {
    throw new GradscopeError(`learningRate ${showValue(learningRate)} must be > 0`);
  }
  const l2 = checkFinite(o.l2 ?? 0, "l2");
  if (l2 < 0) throw new GradscopeError(`l2 ${showValue(l2)} must be ≥ 0`);
  const l1 = checkFinite(o.l1 ?? 0, "l1");
  if (l1 < 0) throw new GradscopeError(`l1 ${showValue(l1)} must be ≥ 0`);
  if ((l2 > 0 || l1 > 0) && o.n === undefined) {
    throw new GradscopeError(
      `trace options need n (the training-set size in ηλ/n) when ${l2 > 0 ? "l2" : "l1"} > 0`,
    );
  }
  const n = checkIntegerAtLeast(o.n ?? 1, "n", 1);
  return { withUpdate: true, learningRate, l2, l1, n };
}
