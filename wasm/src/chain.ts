// The seed's "simplest deep network" (section 4) for the vanishing-gradient lab: one neuron per
// layer, ∂C/∂b_1 = σ'(z_1) × w_2 × σ'(z_2) × … × w_n × σ'(z_n) × ∂C/∂a_n, evaluated term by term
// by the core (wasm/bindings/chain_adapter.cpp) next to backprop's ∂C/∂b_1 of the same network.
// Results are plain objects (copies).
import { checkFinite } from "./argument-checks.js";
import { checked, GradscopeError } from "./checked-call.js";
import type { RawModule } from "./raw-module.js";
import type { ActivationName, CostName } from "./types.js";

/** Neuron j (1 … n): z_j = w_j a_(j−1) + b_j, a_j = σ(z_j), with a_0 = x. */
export interface ChainNeuron {
  j: number;
  w: number;
  b: number;
  z: number;
  a: number;
  /** σ'(z_j). */
  sigmaPrime: number;
}

export type ChainTermKind = "sigma-prime" | "weight" | "cost-gradient";

/** One factor of the product in the order the formula is written, with the running product. */
export interface ChainTerm {
  kind: ChainTermKind;
  /** σ'(z_j) or w_j; n for ∂C/∂a_n. */
  j: number;
  value: number;
  /** This factor times every factor before it. */
  running: number;
}

export interface ChainProduct {
  neurons: ChainNeuron[];
  /** 2n factors: σ'(z_1), w_2, σ'(z_2), …, w_n, σ'(z_n), ∂C/∂a_n. */
  terms: ChainTerm[];
  /** C(a_n, y). */
  cost: number;
  /** ∂C/∂a_n. */
  costGradient: number;
  /** The product of all terms. */
  dCdb1: number;
  /** ∂C/∂b_1 as the core's backprop computes it for the same network (float precision). */
  backpropDCdb1: number;
}

export interface ChainOptions {
  /** w_1 … w_n (n = 1 … 64). */
  weights: ArrayLike<number>;
  /** b_1 … b_n. */
  biases: ArrayLike<number>;
  /** Activation of every neuron. Default 'sigmoid'. */
  activation?: ActivationName;
  /** Default 'quadratic' (½(a_n − y)²). */
  cost?: CostName;
  /** The input a_0. Default 1. */
  x?: number;
  /** The target. Default 0. */
  y?: number;
}

/** The longest chain the lab offers; longer products only underflow or overflow. */
export const MAX_CHAIN_LENGTH = 64;

function toFloat64(values: ArrayLike<number>, name: string): Float64Array {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new GradscopeError(`${name} must be an array of numbers, got ${typeof values}`);
  }
  if (values.length < 1 || values.length > MAX_CHAIN_LENGTH) {
    throw new GradscopeError(
      `${name} has ${values.length} entries; a chain has 1 … ${MAX_CHAIN_LENGTH} neurons`,
    );
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new GradscopeError(`${name}[${i}] is ${String(v)}, expected a finite number`);
    }
    out[i] = v;
  }
  return out;
}

/** The chain API over one loaded module. */
export class Chain {
  readonly #raw: RawModule;

  /** @internal Use gs.chain. */
  constructor(raw: RawModule) {
    this.#raw = raw;
  }

  /** The product term by term and backprop's ∂C/∂b_1 for the chain `options` describes. */
  product(options: ChainOptions): ChainProduct {
    const w = toFloat64(options.weights, "weights");
    const b = toFloat64(options.biases, "biases");
    if (w.length !== b.length) {
      throw new GradscopeError(
        `weights has ${w.length} entries but biases has ${b.length}; a chain needs one bias per weight`,
      );
    }
    const x = checkFinite(options.x ?? 1, "x");
    const y = checkFinite(options.y ?? 0, "y");
    const raw = this.#raw;
    const result = checked(raw, () =>
      raw.chainProduct(w, b, options.activation ?? "sigmoid", options.cost ?? "quadratic", x, y),
    );
    if (result === undefined) throw new GradscopeError("chainProduct returned nothing");
    return result;
  }

  /**
   * Nielsen's exploding example: the biases b_j = −w_j a_(j−1) that put every z_j at 0, so each
   * factor w_(j+1) σ'(z_j) is w_(j+1) times the activation's largest derivative.
   */
  centeredBiases(
    weights: ArrayLike<number>,
    activation: ActivationName = "sigmoid",
    x = 1,
  ): Float64Array {
    const w = toFloat64(weights, "weights");
    const x0 = checkFinite(x, "x");
    const raw = this.#raw;
    const result = checked(raw, () => raw.chainCenteredBiases(w, activation, x0));
    if (result === undefined) throw new GradscopeError("chainCenteredBiases returned nothing");
    return result;
  }
}
