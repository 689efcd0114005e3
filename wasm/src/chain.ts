// The seed's "simplest deep network" (section 4) for the vanishing-gradient lab: one neuron per
// layer, ∂C/∂b_1 = σ'(z_1) × w_2 × σ'(z_2) × … × w_n × σ'(z_n) × ∂C/∂a_n, evaluated term by term
// by the core (wasm/bindings/chain_adapter.cpp) next to backprop's ∂C/∂b_1 of the same network.
// Results are plain objects (copies).
import { checkFinite, checkName } from "./argument-checks.js";
import { readOptions } from "./options.js";
import { arrayLength, readNumbers } from "./samples.js";
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

const CHAIN_KEYS = [
  "weights",
  "biases",
  "activation",
  "cost",
  "x",
  "y",
] as const satisfies readonly (keyof ChainOptions)[];

function toFloat64(values: unknown, name: string): Float64Array {
  if (values === null || typeof values !== "object") {
    throw new GradscopeError(`${name} must be an array of numbers, got ${typeof values}`);
  }
  const n = arrayLength(values, name, "an array of numbers");
  if (n < 1 || n > MAX_CHAIN_LENGTH) {
    throw new GradscopeError(
      `${name} has ${n} entries; a chain has 1 … ${MAX_CHAIN_LENGTH} neurons`,
    );
  }
  const out = readNumbers(values as ArrayLike<unknown>, new Float64Array(n), name);
  out.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new GradscopeError(`${name}[${i}] is ${v}, expected a finite number`);
  });
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
    if (options === undefined) throw new GradscopeError("chain.product needs { weights, biases }");
    const o = readOptions<ChainOptions>(options, CHAIN_KEYS, "chain.product options");
    const w = toFloat64(o.weights, "weights");
    const b = toFloat64(o.biases, "biases");
    if (w.length !== b.length) {
      throw new GradscopeError(
        `weights has ${w.length} entries but biases has ${b.length}; a chain needs one bias per weight`,
      );
    }
    const x = checkFinite(o.x ?? 1, "x");
    const y = checkFinite(o.y ?? 0, "y");
    // Checked here: embind would throw its own BindingError for a non-string (and leak).
    const activation = checkName(o.activation ?? "sigmoid", "activation");
    const cost = checkName(o.cost ?? "quadratic", "cost");
    const raw = this.#raw;
    const result = checked(raw, () => raw.chainProduct(w, b, activation, cost, x, y));
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
    const name = checkName(activation, "activation");
    const raw = this.#raw;
    const result = checked(raw, () => raw.chainCenteredBiases(w, name, x0));
    if (result === undefined) throw new GradscopeError("chainCenteredBiases returned nothing");
    return result;
  }
}
