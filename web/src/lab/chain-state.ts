// The chain view's state — the seed's one-neuron-per-layer network — and its URL table. Weights
// and biases live in the URL so a tutorial can link to an exact chain (e.g. Nielsen's exploding
// example). Nothing here touches the DOM.

import { catalogue, type CostName, type HiddenActivationName } from "gradscope";
import {
  enumKind,
  listKind,
  numberKind,
  type PropertyKind,
  type PropertyTable,
} from "../state/url-table.js";

/** Every neuron has the same σ, so only element-wise (hidden-allowed) activations fit. */
export type ChainActivation = HiddenActivationName;
export const CHAIN_ACTIVATIONS: readonly ChainActivation[] = catalogue.activations.flatMap((a) =>
  a.hidden ? [a.name] : [],
);
export type ChainCost = CostName;
/** The costs the core accepts after one of those activations, in the catalogue's order. */
export const CHAIN_COSTS: readonly ChainCost[] = catalogue.costs.flatMap((c) =>
  CHAIN_ACTIVATIONS.some((a) => chainCostsAfter(a).includes(c.name)) ? [c.name] : [],
);

/** The costs a chain of `activation` neurons may use (its last neuron is the output). */
export function chainCostsAfter(activation: ChainActivation): readonly ChainCost[] {
  return catalogue.costsAllowedAfter(activation);
}

export const MIN_NEURONS = 2;
export const MAX_NEURONS = 10;
/** Parameters beyond this size only overflow σ or the product; the exploding example needs 100. */
export const PARAMETER_LIMIT = 1000;

export interface ChainState {
  chainAct: ChainActivation;
  chainCost: ChainCost;
  /** The input a_0. */
  chainX: number;
  /** The target y. */
  chainY: number;
  /** w_1 … w_n. */
  chainW: number[];
  /** b_1 … b_n (same length as chainW). */
  chainB: number[];
}

export const DEFAULT_CHAIN: ChainState = {
  chainAct: "sigmoid",
  chainCost: "quadratic",
  chainX: 1,
  chainY: 0,
  // Weights of size below 1, as N(0, 1) mostly gives: the product shrinks layer by layer.
  chainW: [0.8, -0.9, 0.7, 0.6],
  chainB: [0.2, -0.4, 0.1, 0.3],
};

/** A comma-separated list of MIN … MAX finite numbers in [−limit, limit], written rounded. */
export function numberListKind(
  minLength: number,
  maxLength: number,
  limit: number,
): PropertyKind<number[]> {
  const item = numberKind(-limit, limit);
  return listKind({ ...item, format: (v) => String(roundForUrl(v)) }, minLength, maxLength);
}

/** Six significant digits: enough to rebuild the chain, short enough for a link. */
export function roundForUrl(v: number): number {
  return Number(v.toPrecision(6));
}

export const CHAIN_TABLE: PropertyTable<ChainState> = [
  { key: "chainAct", kind: enumKind(CHAIN_ACTIVATIONS) },
  { key: "chainCost", kind: enumKind(CHAIN_COSTS) },
  { key: "chainX", kind: numberKind(-PARAMETER_LIMIT, PARAMETER_LIMIT) },
  { key: "chainY", kind: numberKind(-PARAMETER_LIMIT, PARAMETER_LIMIT) },
  { key: "chainW", kind: numberListKind(MIN_NEURONS, MAX_NEURONS, PARAMETER_LIMIT) },
  { key: "chainB", kind: numberListKind(MIN_NEURONS, MAX_NEURONS, PARAMETER_LIMIT) },
];

/**
 * Makes a parsed state consistent: one bias per weight, a cost the core accepts after the
 * activation (cross-entropy only with sigmoid: a_n must lie in (0, 1)), and with cross-entropy a
 * target in [0, 1]. Returns the fixed state and what was fixed.
 */
export function reconcileChain(s: ChainState): { state: ChainState; problems: string[] } {
  const state = { ...s, chainW: [...s.chainW], chainB: [...s.chainB] };
  const problems: string[] = [];
  if (state.chainB.length !== state.chainW.length) {
    problems.push(
      `chainB: ${state.chainB.length} biases for ${state.chainW.length} weights; biases reset to 0`,
    );
    state.chainB = state.chainW.map(() => 0);
  }
  const allowed = chainCostsAfter(state.chainAct);
  const fallback = allowed.includes(DEFAULT_CHAIN.chainCost) ? DEFAULT_CHAIN.chainCost : allowed[0];
  if (!allowed.includes(state.chainCost) && fallback !== undefined) {
    const cost = state.chainCost;
    const outputs = CHAIN_ACTIVATIONS.filter((a) => chainCostsAfter(a).includes(cost));
    problems.push(
      `chainCost: ${state.chainCost} needs a ${outputs.join(" or ")} output, not ` +
        `${state.chainAct}; ${fallback} used`,
    );
    state.chainCost = fallback;
  }
  if (state.chainCost === "cross-entropy" && !(state.chainY >= 0 && state.chainY <= 1)) {
    problems.push(`chainY: cross-entropy needs a target in [0, 1], not ${state.chainY}; 0 used`);
    state.chainY = 0;
  }
  return { state, problems };
}

/** A chain of n neurons from the current one: kept parameters, new neurons with w = 1, b = 0. */
export function resizeChain(s: ChainState, n: number): ChainState {
  const w = s.chainW.slice(0, n);
  const b = s.chainB.slice(0, n);
  while (w.length < n) w.push(1);
  while (b.length < n) b.push(0);
  return { ...s, chainW: w, chainB: b };
}
