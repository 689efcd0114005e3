// The chain's product read the way backprop computes it: from the output back to the input. The
// running value starts at ∂C/∂a_n; a factor σ′(z_j) turns ∂C/∂a_j into δ_j = ∂C/∂b_j (BP1 for
// the output neuron, the σ′ half of BP2 for the others) and a factor w_j turns δ_j into
// ∂C/∂a_(j−1) (the w half of BP2), so every running value is a quantity of its own (Nielsen,
// chapter 2, in one dimension). Pure: no DOM.

import type { ChainProduct, ChainTerm } from "gradscope";

export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)] ?? d);
}

export function termLabel(t: Pick<ChainTerm, "kind" | "j">): string {
  if (t.kind === "sigma-prime") return `σ′(z${subscript(t.j)})`;
  if (t.kind === "weight") return `w${subscript(t.j)}`;
  return `∂C/∂a${subscript(t.j)}`;
}

/** What a running value is: ∂C/∂a_j, or δ_j = ∂C/∂b_j. */
export type BackwardQuantity = "activation-gradient" | "delta";

export interface BackwardStep {
  /** The factor multiplied in at this step (the first step is ∂C/∂a_n itself). */
  factor: ChainTerm;
  quantity: BackwardQuantity;
  /** The neuron the running value belongs to. */
  j: number;
  /** The product of this factor and every factor after it in the formula. */
  running: number;
  /** "∂C/∂a₃" or "δ₃ = ∂C/∂b₃". */
  name: string;
  /** The equation this step applies: the start, BP1 (output), BP2 (the others). */
  equation: "start" | "BP1" | "BP2";
}

/**
 * The terms σ′(z_1), w_2, σ′(z_2), …, w_n, σ′(z_n), ∂C/∂a_n in backprop's order (last first), each
 * with the running product from ∂C/∂a_n down to it. The last step's running value is δ_1 = ∂C/∂b_1.
 */
export function backwardSteps(p: ChainProduct): BackwardStep[] {
  const n = p.neurons.length;
  const steps: BackwardStep[] = [];
  let running = 1;
  for (let k = p.terms.length - 1; k >= 0; --k) {
    const t = p.terms[k] as ChainTerm;
    running *= t.value;
    if (t.kind === "cost-gradient") {
      steps.push({
        factor: t,
        quantity: "activation-gradient",
        j: t.j,
        running,
        name: termLabel(t),
        equation: "start",
      });
    } else if (t.kind === "sigma-prime") {
      steps.push({
        factor: t,
        quantity: "delta",
        j: t.j,
        running,
        name: `δ${subscript(t.j)} = ∂C/∂b${subscript(t.j)}`,
        equation: t.j === n ? "BP1" : "BP2",
      });
    } else {
      // w_j carries δ_j back to the neuron before it.
      steps.push({
        factor: t,
        quantity: "activation-gradient",
        j: t.j - 1,
        running,
        name: `∂C/∂a${subscript(t.j - 1)}`,
        equation: "BP2",
      });
    }
  }
  return steps;
}

/** |∂C/∂b_j| = |δ_j| for j = 1 … n, from the backward steps. */
export function biasGradients(p: ChainProduct): number[] {
  const out = new Array<number>(p.neurons.length).fill(0);
  for (const s of backwardSteps(p)) {
    if (s.quantity === "delta") out[s.j - 1] = Math.abs(s.running);
  }
  return out;
}
