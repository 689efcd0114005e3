// Starting points for the chain: small weights (the product vanishes), Nielsen's exploding
// example (w = 100 with biases that keep every z_j at 0), and a seeded N(0, 1) draw.

import type { Chain } from "gradscope";
import type { ChainState } from "./chain-state.js";
import type { SeededNormal } from "./seeded-normal.js";

const round = (v: number) => Math.round(v * 100) / 100;

/** |w_j| < 1 (here 0.5 … 0.95 with alternating signs) and small biases. */
export function smallWeights(s: ChainState): ChainState {
  const n = s.chainW.length;
  return {
    ...s,
    chainW: Array.from({ length: n }, (_, i) =>
      round((i % 2 === 0 ? 1 : -1) * (0.95 - (0.45 * i) / Math.max(1, n - 1))),
    ),
    chainB: Array.from({ length: n }, (_, i) => round(0.3 * Math.sin(i + 1))),
  };
}

/** Nielsen's exploding example: every w_j = 100 and b_j = −w_j a_(j−1), so every z_j = 0. */
export function explodingExample(s: ChainState, chain: Chain): ChainState {
  const w = s.chainW.map(() => 100);
  const b = Array.from(chain.centeredBiases(w, s.chainAct, s.chainX));
  return { ...s, chainW: w, chainB: b };
}

/** Weights and biases N(0, 1), as the book's "large" initialisation draws them. */
export function randomNormal(s: ChainState, rng: SeededNormal): ChainState {
  return {
    ...s,
    chainW: s.chainW.map(() => round(rng.normal())),
    chainB: s.chainB.map(() => round(rng.normal())),
  };
}
