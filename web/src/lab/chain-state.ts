// The chain view's state — the seed's one-neuron-per-layer network — and its URL table. Weights
// and biases live in the URL so a tutorial can link to an exact chain (e.g. Nielsen's exploding
// example). Nothing here touches the DOM.

import {
  enumKind,
  listKind,
  numberKind,
  type PropertyKind,
  type PropertyTable,
} from "../state/url-table.js";

export const CHAIN_ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky-relu", "identity"] as const;
export type ChainActivation = (typeof CHAIN_ACTIVATIONS)[number];
export const CHAIN_COSTS = ["quadratic", "cross-entropy"] as const;
export type ChainCost = (typeof CHAIN_COSTS)[number];

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
 * Makes a parsed state consistent: one bias per weight, cross-entropy only with sigmoid (its
 * a_n must lie in (0, 1)) and then a target in [0, 1]. Returns the fixed state and what was fixed.
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
  if (state.chainCost === "cross-entropy" && state.chainAct !== "sigmoid") {
    problems.push(
      `chainCost: cross-entropy needs a sigmoid output, not ${state.chainAct}; quadratic used`,
    );
    state.chainCost = "quadratic";
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
